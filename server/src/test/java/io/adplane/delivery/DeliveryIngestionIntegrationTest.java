package io.adplane.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.config.JsonPathConfig;

class DeliveryIngestionIntegrationTest extends DeliveryTestSupport {

    static String row(long campaign, long hour, String impressions, String spend) {
        return ingestedRow(campaign, hour, 16, 11, impressions, spend, "0.25");
    }

    @Test
    void postedHoursBecomeDeliveryOnceAndTheSimulatorLeavesTheCampaignAlone() {
        Tenant tenant = newTenant("admin");
        Login login = login(tenant);
        long io = newIo(login);
        long creative = runningCreative(login, 11);
        long id = newCampaign(login, io, creative, "\"budgetDay\":50,\"budgetTotal\":500,\"totalBudgetPacing\":false", 5);
        long start = (nowSeconds() / HOUR + 1) * HOUR;
        // Pending: the simulator delivers nothing while the bidder's hours pass.
        advance("4h");
        login = login(tenant);

        String body = "{\"rows\":[" + row(id, start, "1000", "3.123456") + "," + row(id, start + HOUR, "500", "1.5") + "]}";
        as(login).body(body).post("/api/v3/adplane/delivery").then().statusCode(200)
                .body("data.received", equalTo(2)).body("data.recorded", equalTo(2)).body("data.duplicates", equalTo(0));
        // A retry changes nothing.
        as(login).body(body).post("/api/v3/adplane/delivery").then().statusCode(200)
                .body("data.recorded", equalTo(0)).body("data.duplicates", equalTo(2));
        // Running from now on, but its delivery is ingested: the simulator leaves it alone.
        setStatus(tenant.owId(), id, "running");
        advance("3h");
        login = login(tenant);
        BigDecimal spent = new BigDecimal(as(login).get("/api/v2/cmp/campaign/" + id + "?isSpentRequired=true")
                .then().statusCode(200).extract()
                .jsonPath(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL)).getString("responseObject.spent"));
        assertThat(spent).isEqualByComparingTo("5.123456");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery_fact WHERE campaign_id = ? AND source = 'simulator'")
                .param(id).query(Long.class).single()).isZero();
        as(login).get("/api/v3/cmp/io/campaign/budget-impression/info?ioId=" + io).then().statusCode(200)
                .body("data.totalSpentImpression", equalTo(1500));
    }

    @Test
    void aBatchIsCheckedWholeBeforeAnythingIsStored() {
        Tenant tenant = newTenant("admin");
        Login login = login(tenant);
        long io = newIo(login);
        long creative = runningCreative(login, 11);
        long id = newCampaign(login, io, creative, "\"budgetDay\":50,\"budgetTotal\":500,\"totalBudgetPacing\":false", 5);
        long start = (nowSeconds() / HOUR + 1) * HOUR;
        advance("3h");
        login = login(tenant);
        String good = row(id, start, "10", "0.1");
        as(login).body("{\"rows\":[" + good + "," + row(id, start + HOUR, "-1", "0.1") + "]}")
                .post("/api/v3/adplane/delivery").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("rows[1].impressions"));
        as(login).body("{\"rows\":[" + row(id, start - HOUR, "1", "0.1") + "]}").post("/api/v3/adplane/delivery")
                .then().statusCode(422).body("errorObjects[0].field", equalTo("rows[0].hour"));
        as(login).body("{\"rows\":[" + row(id, start + 10 * HOUR, "1", "0.1") + "]}").post("/api/v3/adplane/delivery")
                .then().statusCode(422).body("errorObjects[0].field", equalTo("rows[0].hour"));
        as(login).body("{\"rows\":[" + row(id, start + 60, "1", "0.1") + "]}").post("/api/v3/adplane/delivery")
                .then().statusCode(400).body("errorObjects[0].field", equalTo("rows[0].hour"));
        as(login).body("{\"rows\":[]}").post("/api/v3/adplane/delivery").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("rows"));
        Login other = login(newTenant("admin"));
        as(other).body("{\"rows\":[" + good + "]}").post("/api/v3/adplane/delivery").then().statusCode(422)
                .body("errorObjects[0].field", equalTo("rows[0].campaignId"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery_fact WHERE campaign_id = ?").param(id).query(Long.class)
                .single()).isZero();
        Login viewer = login(newUserIn(tenant.owId(), "viewer", "x"));
        as(viewer).body("{\"rows\":[" + good + "]}").post("/api/v3/adplane/delivery").then().statusCode(403);
    }
}
