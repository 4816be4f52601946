package io.adplane.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.adplane.admin.AdminCli;
import io.adplane.support.TestDatabase;

/** A reset leaves the bootstrap's workspace, organization, admin and client, and nothing else. */
class ResetIntegrationTest extends ControlsTestSupport {

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private void createIo(Tenant tenant) {
        long start = clock.millis() + 3600_000;
        as(tenant).body(seedInsertionOrder(start, start + 86_400_000L)).post("/api/v3/cmp/io/add").then().statusCode(200);
    }

    @Test
    void resetKeepsOnlyTheBootstrapAndItsAdminStaysLoggedIn() {
        Tenant tenant = newTenant("editor");
        createIo(tenant);
        Login admin = loginAdmin();
        assertThat(count("insertion_order")).isPositive();

        as(admin).post("/api/v3/adplane/reset").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.domain", equalTo(HOST))
                .body("data.email", equalTo(ADMIN_EMAIL))
                .body("data.clientId", equalTo(CLIENT_ID))
                .body("data.tablesEmptied", hasItem("insertion_order"));

        assertThat(count("workspace")).isEqualTo(1);
        assertThat(count("organization")).isEqualTo(1);
        assertThat(count("app_user")).isEqualTo(1);
        assertThat(count("membership")).isEqualTo(1);
        assertThat(count("oauth_client")).isEqualTo(1);
        assertThat(count("insertion_order")).isZero();
        assertThat(count("flyway_schema_history")).isPositive();

        // The admin's session survives; the tenant is gone, and so is its login.
        as(admin).get("/api/v3/ua/profile").then().statusCode(200);
        given().header("Authentication", basic(CLIENT_ID, CLIENT_SECRET)).header("X-IAA-HOST", HOST)
                .body("{\"grantType\":\"password\",\"email\":\"" + tenant.email() + "\",\"password\":\"" + PASSWORD + "\"}")
                .post("/api/v3/ua/login").then().statusCode(403);
        loginAdmin();

        // Ids start again where a fresh bootstrap leaves them.
        long owner = workspaceOwnerOwId();
        assertThat(newTenant("editor").owId()).isEqualTo(owner + 1);
    }

    /** A running campaign that started half an hour ago, in a fixture (E7). */
    private String runningCampaign() {
        long now = clock.millis();
        return """
                organizations: [{owId: 300200, parentOwId: %d, name: Clock Advertiser, autoApprove: true}]
                users:
                  - {id: 610, email: clock@reset.example, password: clock-password-1,
                     memberships: [{uowId: 410200, owId: 300200, role: admin}]}
                creatives:
                  - {creativeId: 700950, owId: 300200, uowId: 410200, creativeStatusId: 2, creativeName: Clock banner,
                     platformCreativeTypeId: 11, creativeSourceType: URL, creativeSource: "https://cdn.example.com/c.png",
                     clickUrl: "https://advertiser.example"}
                insertionOrders:
                  - {ioId: 10950, owId: 300200, uowId: 410200, ioName: Clock IO, ioStartTime: %d, ioEndTime: %d,
                     ioBudgetTypeId: 1}
                campaigns:
                  - {campaignId: 500950, owId: 300200, uowId: 410200, status: running, ioId: 10950, campaignName: Clock,
                     campaignType: 1, budgetTotal: 5000, budgetDay: 1000, maxBid: 20, timezone: 29, countryId: 30100001,
                     creativeType: 11, creativeIds: "700950", advertiserDomain: "https://advertiser.example",
                     isAgreementChecked: true, exchanges: "", publisherAdCategory: "", totalBudgetPacing: false,
                     startTime: %d, endTime: %d}
                """.formatted(workspaceOwnerOwId(), now - 3600_000L, now + 30 * 86_400_000L, (now - 1800_000L) / 1000,
                (now + 20 * 86_400_000L) / 1000);
    }

    @Test
    void resetPutsTheSimulationClockBackToRealTimeAndForgetsDelivery() {
        Login admin = loginAdmin();
        as(admin).post("/api/v3/adplane/reset").then().statusCode(200);
        as(admin).body(runningCampaign()).post("/api/v3/adplane/fixtures").then().statusCode(200)
                .body("data.campaigns", equalTo(1));
        as(admin).body("{\"duration\":\"3h\"}").post("/api/v3/adplane/clock/advance").then().statusCode(200)
                .body("data.offsetMillis", equalTo(3 * 3600_000));
        assertThat(count("delivery_fact")).isPositive();
        assertThat(count("delivery_total")).isPositive();

        long before = System.currentTimeMillis();
        as(admin).post("/api/v3/adplane/reset").then().statusCode(200);
        var clockNow = as(admin).get("/api/v3/adplane/clock").then().statusCode(200)
                .body("data.offsetMillis", equalTo(0)).extract().jsonPath().getLong("data.now");
        assertThat(clockNow).isBetween(before, System.currentTimeMillis());
        assertThat(clock.millis()).isLessThan(before + 3600_000L);
        for (String table : new String[] {"delivery_fact", "delivery_day", "delivery_total", "delivery_cursor"}) {
            assertThat(count(table)).as(table).isZero();
        }
        // The clock moves forward again from real time.
        as(admin).body("{\"duration\":\"1h\"}").post("/api/v3/adplane/clock/advance").then().statusCode(200)
                .body("data.offsetMillis", equalTo(3600_000));
        as(admin).post("/api/v3/adplane/reset").then().statusCode(200);
    }

    @Test
    void onlyAdminsOfTheWorkspaceOwnerMayReset() {
        Tenant editor = newTenantUnder(workspaceOwnerOwId(), "admin");
        as(editor).post("/api/v3/adplane/reset").then().statusCode(403).body("success", equalTo(false));
        Tenant ownerEditor = newUserIn(workspaceOwnerOwId(), "editor", "owner");
        as(ownerEditor).post("/api/v3/adplane/reset").then().statusCode(403);
        given().post("/api/v3/adplane/reset").then().statusCode(401);
        assertThat(count("organization")).isGreaterThan(1);
    }

    @Test
    void theCliResetsTheSameWay() {
        newTenant("viewer");
        String before = System.getProperty("spring.datasource.url");
        System.setProperty("spring.datasource.url", TestDatabase.separateUrl("controls"));
        System.setProperty("spring.datasource.username", TestDatabase.user());
        System.setProperty("spring.datasource.password", TestDatabase.password());
        System.setProperty("adplane.mode", "emulator");
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = AdminCli.run(System.in, new PrintStream(out, true, StandardCharsets.UTF_8), System.err, "reset");
            assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"email\" : \"" + ADMIN_EMAIL + "\"");
            assertThat(count("organization")).isEqualTo(1);

            System.setProperty("adplane.controls.enabled", "false");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            code = AdminCli.run(System.in, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
                    StandardCharsets.UTF_8), "reset");
            assertThat(code).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("emulator controls are off");
        } finally {
            System.clearProperty("adplane.controls.enabled");
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
}
