package io.adplane.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.adplane.AdplaneApplication;
import io.adplane.support.IntegrationTestSupport;
import io.adplane.support.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's commands run against the same database as the running server and their effect is visible
 * through the API at once: a new workspace, organization, user and client can log in; hold, release,
 * disable and set-password act on logins.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminCliIntegrationTest extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void pointTheCliAtTheTestDatabase() {
        System.setProperty("spring.datasource.url", TestDatabase.url());
        System.setProperty("spring.datasource.username", TestDatabase.user());
        System.setProperty("spring.datasource.password", TestDatabase.password());
    }

    @AfterAll
    static void forget() {
        System.clearProperty("spring.datasource.url");
        System.clearProperty("spring.datasource.username");
        System.clearProperty("spring.datasource.password");
    }

    private JsonNode run(CapturedOutput output, String... args) {
        int before = output.getOut().length();
        int code = AdminCli.run(AdplaneApplication.class, args);
        String printed = output.getOut().substring(before);
        assertThat(code).as("exit code of %s; printed %s", String.join(" ", args), printed).isZero();
        String json = printed.substring(printed.indexOf('{'), printed.lastIndexOf('}') + 1);
        return JSON.readTree(json);
    }

    private void login(String domain, String clientId, String secret, String email, String password, int status) {
        given().header("Authentication", basic(clientId, secret)).header("X-IAA-HOST", domain)
                .body(Map.of("grantType", "password", "email", email, "password", password))
                .post("/api/v3/ua/login").then().statusCode(status);
    }

    @Test
    void aWorkspaceMadeWithTheCliCanLogIn(CapturedOutput output) {
        String domain = "cli-" + System.nanoTime() + ".example";
        JsonNode ws = run(output, "create-workspace", "--domain", domain, "--name", "CLI Agency");
        long ownerOwId = ws.get("owId").asLong();
        assertThat(ws.get("domain").asString()).isEqualTo(domain);

        JsonNode org = run(output, "create-organization", "--name", "CLI Advertiser", "--parent", Long.toString(ownerOwId));
        long owId = org.get("owId").asLong();
        assertThat(org.get("parentOwId").asLong()).isEqualTo(ownerOwId);

        JsonNode user = run(output, "create-user", "--email", "Buyer@" + domain, "--password", "buyer-password-1",
                "--owid", Long.toString(owId), "--role", "editor");
        assertThat(user.get("email").asString()).isEqualTo("buyer@" + domain);
        assertThat(user.get("role").asString()).isEqualTo("editor");

        JsonNode client = run(output, "create-client", "--domain", domain);
        String clientId = client.get("clientId").asString();
        String secret = client.get("clientSecret").asString();

        given().header("Authentication", basic(clientId, secret)).header("X-IAA-HOST", domain)
                .body(Map.of("grantType", "password", "email", "buyer@" + domain, "password", "buyer-password-1"))
                .post("/api/v3/ua/login").then().statusCode(200).body("data.owId", equalTo((int) owId));
        // The bootstrapped workspace's client is not this workspace's client.
        login(domain, CLIENT_ID, CLIENT_SECRET, "buyer@" + domain, "buyer-password-1", 401);

        JsonNode auto = run(output, "set-auto-approve", "--owid", Long.toString(owId), "--enabled", "true");
        assertThat(auto.get("autoApprove").asBoolean()).isTrue();
        assertThat(tenancyRepository.organization(owId).orElseThrow().autoApprove()).isTrue();

        JsonNode held = run(output, "hold-organization", "--owid", Long.toString(owId), "--reason", "Unpaid");
        assertThat(held.get("status").asString()).isEqualTo("on_hold");
        login(domain, clientId, secret, "buyer@" + domain, "buyer-password-1", 400);
        run(output, "release-organization", "--owid", Long.toString(owId));
        login(domain, clientId, secret, "buyer@" + domain, "buyer-password-1", 200);

        run(output, "set-password", "--email", "buyer@" + domain, "--password", "another-password-2");
        login(domain, clientId, secret, "buyer@" + domain, "buyer-password-1", 403);
        login(domain, clientId, secret, "buyer@" + domain, "another-password-2", 200);

        JsonNode disabled = run(output, "disable-user", "--email", "buyer@" + domain);
        assertThat(disabled.get("disabled").asBoolean()).isTrue();
        login(domain, clientId, secret, "buyer@" + domain, "another-password-2", 403);
    }

    @Test
    void withoutParentAnOrganizationGoesUnderTheBootstrappedOwner(CapturedOutput output) {
        JsonNode org = run(output, "create-organization", "--name", "Default Parent Co");
        assertThat(org.get("parentOwId").asLong()).isEqualTo(workspaceOwnerOwId());
    }

    @Test
    void errorsExitNonZeroWithAClearMessage(CapturedOutput output) {
        assertThat(AdminCli.run(AdplaneApplication.class, "hold-organization", "--owid", "999999999", "--reason", "x"))
                .isEqualTo(1);
        assertThat(output.getErr()).contains("error: no organization with owId 999999999");

        assertThat(AdminCli.run(AdplaneApplication.class, "create-user", "--email", "x@example.com", "--password",
                "long-enough-1", "--owid", Long.toString(workspaceOwnerOwId()), "--role", "owner")).isEqualTo(1);
        assertThat(output.getErr()).contains("error: role must be one of admin, approver, editor, viewer");

        assertThat(AdminCli.run(AdplaneApplication.class, "create-user", "--email", "y@example.com", "--password",
                "short", "--owid", Long.toString(workspaceOwnerOwId()), "--role", "viewer")).isEqualTo(1);
        assertThat(output.getErr()).contains("error: password must have at least 8 characters");

        assertThat(AdminCli.run(AdplaneApplication.class, "create-workspace", "--domain", "x.example")).isEqualTo(2);
        assertThat(output.getErr()).contains("Missing required option: '--name=<name>'");

        assertThat(AdminCli.run(AdplaneApplication.class, "create-workspace", "--domain", HOST, "--name", "dup"))
                .isEqualTo(1);
        assertThat(output.getErr()).contains("error: a workspace with domain 'localhost' already exists");
    }
}
