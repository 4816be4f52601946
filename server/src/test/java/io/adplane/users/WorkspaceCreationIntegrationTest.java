package io.adplane.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.adplane.support.IntegrationTestSupport;

/**
 * {@code POST /api/v3/ua/workspace} (U16): the owner of an invited workspace customer makes a workspace of its
 * own with the invitation's link, once; after accepting the invitation it logs in there as its admin, with the
 * OAuth client the operator made for it.
 */
class WorkspaceCreationIntegrationTest extends IntegrationTestSupport {

    private static final Pattern LINK = Pattern.compile("inviteHash=([A-Za-z0-9_-]+)");

    private String hashFor(String email) {
        String body = jdbc.sql("SELECT body FROM outbox WHERE recipient = ? ORDER BY id DESC").param(email)
                .query(String.class).list().get(0);
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private String invite(Login admin, String email, String name, boolean workspace) {
        as(admin).body("[{\"email\":\"" + email + "\",\"name\":\"" + name + "\""
                + (workspace ? ",\"customerOperationDetails\":{}" : "") + "}]")
                .post("/api/v3/ua/customer/invite").then().statusCode(200).body("data.successfulEmails[0]", equalTo(email));
        return hashFor(email);
    }

    private static String body(String domain, String email, String hash) {
        return "{\"domain\":\"" + domain + "\",\"creatorEmail\":\"" + email + "\",\"inviteHash\":\"" + hash + "\"}";
    }

    @Test
    void anInvitedWorkspaceOwnerMakesItsWorkspaceOnce() {
        Login admin = loginAdmin();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "reseller-" + suffix + "@example.com";
        String hash = invite(admin, email, "Reseller " + suffix, true);
        String domain = "reseller-" + suffix + ".example.com";

        given().body(body(domain, "someone-else@example.com", hash)).post("/api/v3/ua/workspace").then().statusCode(422)
                .body("errorObjects[0].field", equalTo("creatorEmail"));
        given().body(body("not a domain", email, hash)).post("/api/v3/ua/workspace").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("domain"));
        given().body(body(HOST, email, hash)).post("/api/v3/ua/workspace").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("Workspace domain is not available."));
        given().body(body(domain, email, "iv_unknown")).post("/api/v3/ua/workspace").then().statusCode(404);
        given().body(body(domain, email, hash)).post("/api/v3/ua/workspace").then().statusCode(200)
                .body("data", equalTo("Workspace created successfully"));
        given().body(body("other-" + domain, email, hash)).post("/api/v3/ua/workspace").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("A workspace was made with this invitation already."));
        given().header("X-IAA-HOST", domain).get("/api/v3/ua/init").then().statusCode(200)
                .body("data.organizationName", equalTo("Reseller " + suffix));

        // Accepting sets the password; the operator's client for the new workspace lets its admin log in.
        given().body("{\"inviteHash\":\"" + hash + "\",\"password\":\"reseller-password-1\"}")
                .post("/api/v3/ua/invite/accept").then().statusCode(200);
        var client = tenancy.createClient(domain);
        var answer = given().header("Authentication", basic(client.clientId(), client.clientSecret()))
                .header("X-IAA-HOST", domain)
                .body("{\"grantType\":\"password\",\"email\":\"" + email + "\",\"password\":\"reseller-password-1\"}")
                .post("/api/v3/ua/login").then().statusCode(200).extract().jsonPath();
        Login owner = new Login(answer.getString("data.access_token"), null, answer.getLong("data.owId"));
        as(owner).get("/api/v3/ua/profile").then().statusCode(200).body("data.role", equalTo("admin"));
        assertThat(owner.owId()).isEqualTo(tenancyRepository.workspaceByDomain(domain).orElseThrow().ownerOwId());
    }

    @Test
    void anAdvertisersInvitationMakesNoWorkspace() {
        Login admin = loginAdmin();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "advertiser-" + suffix + "@example.com";
        String hash = invite(admin, email, "Advertiser " + suffix, false);
        given().body(body("adv-" + suffix + ".example.com", email, hash)).post("/api/v3/ua/workspace").then()
                .statusCode(422).body("errorObjects[0].error", equalTo("The invitation is not for a workspace account."));
        given().body("{\"domain\":\"x.example.com\",\"creatorEmail\":\"" + email + "\"}").post("/api/v3/ua/workspace")
                .then().statusCode(400).body("errorObjects[0].field", equalTo("inviteHash"));
    }
}
