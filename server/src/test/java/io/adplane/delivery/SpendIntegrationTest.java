package io.adplane.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.config.JsonPathConfig;

class SpendIntegrationTest extends DeliveryTestSupport {

    static final JsonPathConfig EXACT = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    BigDecimal spent(Login login, long campaignId) {
        return new BigDecimal(as(login).get("/api/v2/cmp/campaign/" + campaignId + "?isSpentRequired=true")
                .then().statusCode(200).extract().jsonPath(EXACT).getString("responseObject.spent"));
    }

    @Test
    void spendShowsWhereIqmShowsItAndASpentCampaignExpires() {
        Tenant tenant = newTenant("admin");
        Login login = login(tenant);
        long io = newIo(login);
        long creative = runningCreative(login, 11);
        long big = newCampaign(login, io, creative, "\"budgetDay\":30,\"budgetTotal\":300,\"totalBudgetPacing\":false", 10);
        long small = newCampaign(login, io, creative, "\"budgetDay\":2,\"budgetTotal\":2,\"totalBudgetPacing\":false", 10);
        setStatus(tenant.owId(), big, "running");
        setStatus(tenant.owId(), small, "running");

        advance("2d");
        // Two days outlast the access token: log in again.
        login = login(tenant);

        BigDecimal bigSpent = spent(login, big);
        BigDecimal smallSpent = spent(login, small);
        // Two days from the next whole hour touch three days in the campaign's timezone, each within $30.
        assertThat(bigSpent).isPositive().isLessThanOrEqualTo(new BigDecimal("90"));
        assertThat(jdbc.sql("SELECT total_spend_micros FROM delivery_day WHERE campaign_id = ?").param(big)
                .query(Long.class).list()).hasSizeBetween(2, 3).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(30_000_000L));
        assertThat(smallSpent).isPositive().isLessThanOrEqualTo(new BigDecimal("2"));
        var info = as(login).get("/api/v3/cmp/io/campaign/budget-impression/info?ioId=" + io).then().statusCode(200)
                .extract().jsonPath(EXACT);
        assertThat(new BigDecimal(info.getString("data.totalSpentBudget"))).isEqualByComparingTo(bigSpent.add(smallSpent));
        long impressions = jdbc.sql("SELECT SUM(impressions) FROM delivery_fact WHERE io_id = ?").param(io)
                .query(Long.class).single();
        assertThat(info.getLong("data.totalSpentImpression")).isEqualTo(impressions).isPositive();

        // The $2 campaign spent its total budget within its first day and expired, saying why.
        as(login).get("/api/v3/cmp/campaign/" + small + "/status-history").then().statusCode(200)
                .body("data.toStatus", hasItem("expired")).body("data.reason", hasItem("budget spent"));
        as(login).get("/api/v2/cmp/campaign/" + big).then().statusCode(200)
                .body("responseObject.status", org.hamcrest.Matchers.equalTo("running"));

        // Another organization sees none of it.
        Login other = login(newTenant("admin"));
        as(other).get("/api/v2/cmp/campaign/" + big + "?isSpentRequired=true").then().statusCode(404);
        as(other).get("/api/v3/cmp/io/campaign/budget-impression/info?ioId=" + io).then()
                .statusCode(org.hamcrest.Matchers.not(200));
    }
}
