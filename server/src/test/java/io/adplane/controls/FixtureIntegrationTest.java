package io.adplane.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.adplane.admin.AdminCli;
import io.adplane.support.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Fixtures load with their fixed ids and credentials, and an export, a reset and a load give the same state. */
class FixtureIntegrationTest extends ControlsTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String FIXTURE = """
            version: 1
            workspaces:
              - id: 50
                domain: fixture.example
                owId: 300001
                name: Fixture Agency
                clients:
                  - clientId: fixture-client
                    clientSecret: fixture-client-secret-0123
            organizations:
              - owId: 300002
                parentOwId: 300001
                name: Fixture Advertiser
                autoApprove: true
            users:
              - id: 500
                email: Buyer@Fixture.example
                password: fixture-password-1
                memberships:
                  - uowId: 400001
                    owId: 300002
                    role: editor
            """;

    private Login loginAt(String domain, String clientId, String secret, String email, String password) {
        var body = given().header("Authentication", basic(clientId, secret)).header("X-IAA-HOST", domain)
                .body("{\"grantType\":\"password\",\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .post("/api/v3/ua/login").then().statusCode(200).extract().jsonPath();
        return new Login(body.getString("data.access_token"), body.getString("data.refresh_token"), body.getLong("data.owId"));
    }

    @Test
    void aFixtureGivesItsIdsAndCredentials() {
        Login admin = loginAdmin();
        as(admin).post("/api/v3/adplane/reset").then().statusCode(200);
        as(admin).contentType("text/yaml").body(FIXTURE).post("/api/v3/adplane/fixtures").then().statusCode(200)
                .body("data.workspaces", equalTo(1)).body("data.organizations", equalTo(2))
                .body("data.users", equalTo(1)).body("data.clients", equalTo(1));

        Login buyer = loginAt("fixture.example", "fixture-client", "fixture-client-secret-0123", "buyer@fixture.example",
                "fixture-password-1");
        assertThat(buyer.owId()).isEqualTo(300002);
        as(buyer).get("/api/v3/ua/profile").then().statusCode(200).body("data.uowId", equalTo(400001))
                .body("data.role", equalTo("editor"));
        // New rows get ids past the fixture's.
        assertThat(tenancy.createOrganization("After the fixture", 300001L).owId()).isEqualTo(300003);

        // Loading it again merges by id: nothing doubles.
        as(admin).body(FIXTURE).post("/api/v3/adplane/fixtures").then().statusCode(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE email = 'buyer@fixture.example'").query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void exportResetLoadGivesTheSameState() {
        Tenant tenant = newTenant("approver");
        Login admin = loginAdmin();
        String exported = as(admin).get("/api/v3/adplane/fixtures").then().statusCode(200).extract().asString();
        JsonNode before = JSON.readTree(exported).get("data");
        assertThat(before.toString()).doesNotContain(PASSWORD).doesNotContain(CLIENT_SECRET);

        as(admin).post("/api/v3/adplane/reset").then().statusCode(200);
        as(admin).body(before.toString()).post("/api/v3/adplane/fixtures").then().statusCode(200);

        JsonNode after = JSON.readTree(as(admin).get("/api/v3/adplane/fixtures").then().statusCode(200).extract().asString())
                .get("data");
        assertThat(after).isEqualTo(before);
        assertThat(login(tenant).owId()).isEqualTo(tenant.owId());
    }

    @Test
    void aBadFixtureNamesTheEntryAndWritesNothing() {
        Login admin = loginAdmin();
        String bad = FIXTURE.replace("id: 50", "id: 51").replace("fixture.example\n", "bad-fixture.example\n")
                .replace("3000", "3100").replace("400001", "410001").replace("id: 500", "id: 510")
                .replace("fixture-client", "bad-fixture-client").replace("Buyer@Fixture.example", "not an email");
        as(admin).body(bad).post("/api/v3/adplane/fixtures").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("users[0].email"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM workspace WHERE domain = 'bad-fixture.example'").query(Long.class)
                .single()).isZero();
        as(admin).body("workspaces: [{id: 1, surprise: true}]").post("/api/v3/adplane/fixtures").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("fixture"));
        as(admin).body("version: 9").post("/api/v3/adplane/fixtures").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("version"));
        Login customerAdmin = login(newTenant("admin"));
        as(customerAdmin).body(FIXTURE).post("/api/v3/adplane/fixtures").then().statusCode(403);
        as(customerAdmin).get("/api/v3/adplane/fixtures").then().statusCode(403);
    }

    @Test
    void theCliExportsAndLoadsTheSameFiles() throws Exception {
        // The admin commands export the tenancy only (E8): start from a database without IOs and campaigns.
        as(loginAdmin()).post("/api/v3/adplane/reset").then().statusCode(200);
        Tenant tenant = newTenant("viewer");
        Path file = Files.createTempFile("adplane-fixture", ".yaml");
        String before = System.getProperty("spring.datasource.url");
        System.setProperty("spring.datasource.url", TestDatabase.separateUrl("controls"));
        System.setProperty("spring.datasource.username", TestDatabase.user());
        System.setProperty("spring.datasource.password", TestDatabase.password());
        System.setProperty("adplane.mode", "emulator");
        try {
            assertThat(cli("export-fixtures", "--output", file.toString())).contains(file.toString());
            String yaml = Files.readString(file);
            assertThat(yaml).contains("email: \"" + tenant.email() + "\"").contains("passwordHash:");
            cli("reset");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE email = ?").param(tenant.email()).query(Long.class)
                    .single()).isZero();
            String loaded = cli("load-fixtures", file.toString());
            assertThat(loaded).contains("\"users\"");
            assertThat(login(tenant).owId()).isEqualTo(tenant.owId());
            assertThat(cli("export-fixtures")).isEqualTo(yaml);
        } finally {
            Files.deleteIfExists(file);
            System.clearProperty("adplane.mode");
            System.clearProperty("spring.datasource.username");
            System.clearProperty("spring.datasource.password");
            if (before == null) {
                System.clearProperty("spring.datasource.url");
            } else {
                System.setProperty("spring.datasource.url", before);
            }
        }
    }

    private static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AdminCli.run(System.in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        assertThat(code).as("%s: %s", String.join(" ", args), err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
