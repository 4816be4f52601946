package io.adplane.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.adplane.support.IntegrationTestSupport;

class ClockIntegrationTest extends IntegrationTestSupport {

    long offset(Login admin) {
        return as(admin).get("/api/v3/adplane/clock").then().statusCode(200).extract().jsonPath().getLong("data.offsetMillis");
    }

    @Test
    void aWorkspaceAdminMovesTimeForwardAndEverythingFollows() {
        Login admin = loginAdmin();
        long before = offset(admin);
        long serverBefore = clock.millis();

        var answer = as(admin).body("{\"duration\":\"11h\"}").post("/api/v3/adplane/clock/advance")
                .then().statusCode(200).body("success", equalTo(true)).extract().jsonPath();
        assertThat(answer.getLong("data.offsetMillis") - before).isEqualTo(Duration.ofHours(11).toMillis());
        assertThat(answer.getLong("data.now")).isGreaterThanOrEqualTo(serverBefore + Duration.ofHours(11).toMillis());
        assertThat(clock.millis() - serverBefore).isGreaterThanOrEqualTo(Duration.ofHours(11).toMillis());

        // Token expiry follows the simulated clock: the access token (35999 s) issued before the advance is over.
        as(admin).get("/api/v3/adplane/clock").then().statusCode(401);
        Login again = loginAdmin();
        assertThat(offset(again) - before).isEqualTo(Duration.ofHours(11).toMillis());
        as(again).body("{\"duration\":\"PT30M\"}").post("/api/v3/adplane/clock/advance").then().statusCode(200);
        assertThat(offset(again) - before).isEqualTo(Duration.ofMinutes(11 * 60 + 30).toMillis());
    }

    @Test
    void timeMovesOnlyForwardByABoundedStep() {
        Login admin = loginAdmin();
        long before = offset(admin);
        for (String bad : new String[] {"\"-1h\"", "\"0d\"", "\"PT-5H\"", "\"soon\"", "\"367d\"", "null"}) {
            as(admin).body("{\"duration\":" + bad + "}").post("/api/v3/adplane/clock/advance")
                    .then().statusCode(400).body("errorObjects[0].field", equalTo("duration"));
        }
        assertThat(offset(admin)).isEqualTo(before);
    }

    @Test
    void onlyTheWorkspaceOwnersAdminsMayTouchTheClock() {
        Tenant customerAdmin = newTenant("admin");
        Login login = login(customerAdmin);
        as(login).get("/api/v3/adplane/clock").then().statusCode(403);
        as(login).body("{\"duration\":\"1h\"}").post("/api/v3/adplane/clock/advance").then().statusCode(403);
        Tenant ownerMember = newUserIn(workspaceOwnerOwId(), "editor", "adplane");
        as(login(ownerMember)).get("/api/v3/adplane/clock").then().statusCode(403);
        given().get("/api/v3/adplane/clock").then().statusCode(401);
    }
}
