package io.adplane.campaign;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/**
 * Inputs that answered 500 before (issue 11): id lists longer than a statement binds, and amounts that pass
 * their own bound but not after arithmetic. Each is a 400 naming the field; nothing is written.
 */
class HostileInputIntegrationTest extends CampaignTestSupport {

    static List<Long> ids(int n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    @Test
    void jsonListsLongerThanTheLimitAre400sNamingTheList() {
        Login login = login(newTenant("admin"));
        List<Long> many = ids(10_001);
        as(login).body(Map.of("ioIdList", many)).post("/api/v3/cmp/io/basic/list").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("ioIdList"))
                .body("errorObjects[0].error", equalTo("Field 'ioIdList' may list at most 10000 items."));
        as(login).body(Map.of("campaignIds", many)).post("/api/v3/cmp/basic/list").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("campaignIds"));
        as(login).body(Map.of("ids", many)).post("/api/v3/cmp/basic/list").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("ids"));
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            statuses.add("running");
        }
        as(login).body(Map.of("status", statuses)).post("/api/v3/cmp/basic/list").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("status"));
        as(login).body(Map.of("creativeIds", many)).post("/api/v3/crt/creatives/list").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("creativeIds"));
        as(login).body(Map.of("creativeIds", many, "creativeStatusId", 3)).patch("/api/v3/crt/creatives/update-status")
                .then().statusCode(400).body("errorObjects[0].field", equalTo("creativeIds"));
        as(login).body(Map.of("ioIdsList", many)).post("/api/v3/cmp/io/delete").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("ioIdsList"));
        // The same list as IQM's comma-separated strings.
        String csv = ids(1001).stream().map(String::valueOf).collect(Collectors.joining(","));
        as(login).body(Map.of("campaignIds", csv, "status", "paused")).put("/api/v2/cmp/campaigns/update-status").then()
                .statusCode(400).body("responseObject.errorField", equalTo("campaignIds"))
                .body("responseObject.errorMsg", equalTo("Field 'campaignIds' may list at most 1000 ids."));
    }

    @Test
    void amountsAreBoundedAfterArithmeticToo() {
        Tenant tenant = newTenant("admin");
        Login login = login(tenant);
        long creative = runningCreative(login, 11);
        long io = newIo(login);
        long start = nowSeconds() + HOUR;
        String big = seedCampaign(io, creative, start, start + DAY).replace("\"budgetTotal\": 1500", "\"budgetTotal\": 1000000000000");
        as(login).body(big).post("/api/v2/cmp/campaigns/add").then().statusCode(200);
        // A second campaign of 10^12 would make the auto-sum IO's total 2 * 10^12: refused, nothing written.
        as(login).body(big).post("/api/v2/cmp/campaigns/add").then().statusCode(400)
                .body("responseObject.errorField", equalTo("budgetTotal"))
                .body("responseObject.errorMsg", startsWith("The campaigns of IO " + io + " would have a total budget above"));
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("SELECT COUNT(*) FROM campaign WHERE io_id = ?").param(io)
                .query(Long.class).single()).isEqualTo(1);
        as(login).body(seedCampaign(io, creative, start, start + DAY).replace("\"budgetTotal\": 1500", "\"budgetTotal\": 1e14"))
                .post("/api/v2/cmp/campaigns/add").then().statusCode(400).body("responseObject.errorField", equalTo("budgetTotal"));

        // An addition past the bound, on a campaign and on a manual IO.
        long small = newCampaign(login, newIo(login), creative);
        as(login).body("{\"campaignIds\":\"" + small + "\",\"totalBudget\":999999999999,\"totalBudgetUpdateType\":\"addition\"}")
                .put("/api/v2/cmp/campaigns/update-budget").then().statusCode(200)
                .body("responseObject.status", equalTo(false))
                .body("responseObject.reason[0].errorMessage", startsWith("Field 'totalBudget' would make a total above"));
        long manual = newIo(login, 1, false);
        as(login).body("{\"ioIdsList\":[" + manual + "],\"budget\":999999999999,\"budgetUpdateType\":\"add\"}")
                .patch("/api/v3/cmp/io/update-budget").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("budget"));
    }
}
