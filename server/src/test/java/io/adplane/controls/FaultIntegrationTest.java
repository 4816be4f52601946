package io.adplane.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.adplane.tenancy.TenancyService;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Faults and delays, asked for per request with headers or per route with rules: the answer is in the envelope of
 * the API called, with the status asked; rules belong to one workspace.
 */
class FaultIntegrationTest extends ControlsTestSupport {

    /** A request outside the OpenAPI contract check: an injected fault is by design not a documented answer. */
    private RequestSpecification raw(Login login) {
        return RestAssured.given().baseUri("http://localhost").port(port).contentType("application/json")
                .header("Authorization", "Bearer " + login.accessToken()).header("X-IAA-OW-ID", login.owId());
    }

    @AfterEach
    void noRulesLeft() {
        as(loginAdmin()).delete("/api/v3/adplane/faults").then().statusCode(200);
    }

    @Test
    void theFaultHeaderAnswersItsStatusInTheEnvelopeOfThePath() {
        Login tenant = login(newTenant("viewer"));
        raw(tenant).header("X-Adplane-Fault", "503").get("/api/v3/ua/profile").then().statusCode(503)
                .header("Retry-After", "1")
                .body("success", equalTo(false))
                .body("errorObjects[0].error", equalTo("Injected fault (X-Adplane-Fault header): Service Unavailable"));
        raw(tenant).header("X-Adplane-Fault", "429").get("/api/v2/adv/static/timezones").then().statusCode(429)
                .body("statusCode", equalTo(429))
                .body("responseObject.errorCode", equalTo(429));
        raw(tenant).header("X-Adplane-Fault", "200").get("/api/v3/ua/profile").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("X-Adplane-Fault"));
        raw(tenant).header("X-Adplane-Delay", "forever").get("/api/v3/ua/profile").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("X-Adplane-Delay"));
        as(tenant).get("/api/v3/ua/profile").then().statusCode(200);
    }

    @Test
    void theDelayHeaderSlowsTheAnswerDown() {
        Login tenant = login(newTenant("viewer"));
        long start = System.nanoTime();
        as(tenant).header("X-Adplane-Delay", "1200ms").get("/api/v3/ua/profile").then().statusCode(200);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1200);
    }

    @Test
    void aRuleFaultsItsRouteOnlyUntilItIsRemoved() {
        Login admin = loginAdmin();
        Login tenant = login(newTenant("editor"));
        int id = as(admin).body("{\"method\":\"POST\",\"path\":\"/api/v3/cmp/io/add\",\"status\":500}")
                .post("/api/v3/adplane/faults").then().statusCode(200)
                .body("data.path", equalTo("/api/v3/cmp/io/add"))
                .body("data.share", equalTo(1.0f))
                .extract().jsonPath().getInt("data.id");
        as(admin).get("/api/v3/adplane/faults").then().statusCode(200).body("data.rules", hasSize(1));

        long start = clock.millis() + 3600_000;
        String io = seedInsertionOrder(start, start + 86_400_000L);
        Response faulted = raw(tenant).body(io).post("/api/v3/cmp/io/add");
        assertThat(faulted.statusCode()).isEqualTo(500);
        assertThat(faulted.jsonPath().getString("errorObjects[0].error")).contains("fault rule " + id);
        as(tenant).get("/api/v3/ua/profile").then().statusCode(200);

        as(admin).delete("/api/v3/adplane/faults/" + id).then().statusCode(200).body("data.rules", hasSize(0));
        as(admin).delete("/api/v3/adplane/faults/" + id).then().statusCode(404);
        as(tenant).body(io).post("/api/v3/cmp/io/add").then().statusCode(200);
    }

    @Test
    void aShareOfZeroNeverFaultsAndBadRulesAreRefused() {
        Login admin = loginAdmin();
        Login tenant = login(newTenant("viewer"));
        as(admin).body("{\"path\":\"/api/v3/ua/**\",\"status\":503,\"share\":0}").post("/api/v3/adplane/faults")
                .then().statusCode(200).body("data.method", equalTo("*"));
        for (int i = 0; i < 5; i++) {
            as(tenant).get("/api/v3/ua/profile").then().statusCode(200);
        }
        as(admin).body("{\"path\":\"/api/v3/ua/profile\",\"status\":302}").post("/api/v3/adplane/faults")
                .then().statusCode(400).body("errorObjects[0].field", equalTo("status"));
        as(admin).body("{\"path\":\"/api/v3/ua/profile\",\"delay\":\"2s\",\"share\":2}").post("/api/v3/adplane/faults")
                .then().statusCode(400).body("errorObjects[0].field", equalTo("share"));
    }

    @Test
    void rulesBelongToOneWorkspaceAndToItsOwnerAdmins() {
        Login admin = loginAdmin();
        as(admin).body("{\"path\":\"/api/v3/ua/profile\",\"status\":503}").post("/api/v3/adplane/faults")
                .then().statusCode(200);
        raw(loginAdmin()).get("/api/v3/ua/profile").then().statusCode(503);

        String domain = "faults-" + System.nanoTime() + ".example";
        var ws = tenancy.createWorkspace(domain, "Other Agency");
        TenancyService.CreatedClient client = tenancy.createClient(domain);
        String email = "owner@" + domain;
        tenancy.createUser(email, PASSWORD, ws.owId(), "admin");
        var other = given().header("Authentication", basic(client.clientId(), client.clientSecret()))
                .header("X-IAA-HOST", domain)
                .body("{\"grantType\":\"password\",\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .post("/api/v3/ua/login").then().statusCode(200).extract().jsonPath();
        Login otherAdmin = new Login(other.getString("data.access_token"), null, other.getLong("data.owId"));
        as(otherAdmin).get("/api/v3/ua/profile").then().statusCode(200);
        as(otherAdmin).get("/api/v3/adplane/faults").then().statusCode(200).body("data.rules", hasSize(0));

        Login customerAdmin = login(newTenant("admin"));
        as(customerAdmin).get("/api/v3/adplane/faults").then().statusCode(403);
    }
}
