package io.adplane.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** The seed's four steps, end to end, byte for byte as the seed writes the requests (times moved). */
class CampaignSeedIntegrationTest extends CampaignTestSupport {

    @Test
    void theQuickstartRunsEndToEnd() {
        Tenant tenant = newTenant("admin");
        // Step 1
        JsonPath step1 = given()
                .header("Authentication", basic(CLIENT_ID, CLIENT_SECRET))
                .header("X-IAA-HOST", HOST)
                .body("{\n\"grantType\": \"password\",\n\"email\": \"" + tenant.email() + "\",\n\"password\": \""
                        + tenant.password() + "\"\n}")
                .post("/api/v3/ua/login").then().statusCode(200).extract().jsonPath();
        String token = step1.getString("data.access_token");
        long owId = step1.getLong("data.owId");
        Login login = new Login(token, step1.getString("data.refresh_token"), owId);

        // Step 2, times moved: the IO runs from an hour ago for 30 days.
        long ioStart = (nowSeconds() - HOUR) * 1000;
        long ioEnd = ioStart + 30 * DAY * 1000;
        JsonPath step2 = given().header("Authentication", "Bearer " + token).header("X-IAA-OW-ID", owId)
                .body(seedInsertionOrder(ioStart, ioEnd))
                .post("/api/v3/cmp/io/add").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.ioName", equalTo("IO Name 1"))
                .body("data.ioTotalBudget", equalTo(0))
                .body("data.isAutoSumIoTotalBudget", equalTo(true))
                .extract().jsonPath();
        long ioId = step2.getLong("data.ioId");

        // Before you begin: an approved and running creative.
        long creativeId = runningCreative(login, 11);

        // Step 3
        long start = nowSeconds() + HOUR;
        JsonPath step3 = given().header("Authentication", "Bearer " + token).header("X-IAA-OW-ID", owId)
                .body(seedCampaign(ioId, creativeId, start, start + 205_799))
                .post("/api/v2/cmp/campaigns/add").then().statusCode(200)
                .body("statusCode", equalTo(201))
                .body("responseObject.message", equalTo("Campaign saved successfully."))
                .body("responseObject.status", equalTo("pending"))
                .extract().jsonPath();
        long campaignId = step3.getLong("responseObject.data");

        // Step 4
        Map<String, Object> c = given().header("Authentication", "Bearer " + token).header("X-IAA-OW-ID", owId)
                .get("/api/v2/cmp/campaign/" + campaignId).then().statusCode(200)
                .body("statusCode", equalTo(200))
                .extract().jsonPath().getMap("responseObject");
        assertThat(c).containsKeys("owId", "parentOrganizationName", "id", "uowId", "campaignName", "advertiserDomain",
                "creativeType", "campaignType", "totalBudgetPacing", "isTvAd", "budgetDay", "budgetTotal", "maxBid",
                "timezone", "startTime", "endTime", "status", "dspMargin", "platformMargin", "userDealMargin",
                "spentScale", "creativeIds", "conversionType", "bidOptimization", "bidPacing", "isBidShading",
                "impressionCapping", "maxDayImpressions", "maxDayClicks", "maxDayConversions", "totalImpressions",
                "totalClicks", "totalConversions", "deviceType", "trafficType", "exchanges", "isLocationWithOrFilter",
                "countryId", "locationDetails", "isCampaignFromNewPlatform", "organizationName", "userEmail",
                "userName", "conversionTypeId", "isUnapprovedAudienceTargeted", "isAllAudienceUnapproved",
                "createDate", "ioId", "ioName", "prebidAudienceSegmentIdList", "campaignTypeId", "budgetTypeId",
                "isAdvanceAudioVideoTargeted", "isEstimatorAvailable", "isEditAccess", "isMarginSet",
                "isApprovalAccess", "isParentInvoiceTemplateSet");
        assertThat(((Number) c.get("owId")).longValue()).isEqualTo(owId);
        assertThat(((Number) c.get("id")).longValue()).isEqualTo(campaignId);
        assertThat(((Number) c.get("uowId")).longValue()).isEqualTo(tenant.uowId());
        assertThat(c.get("parentOrganizationName")).isEqualTo("adplane");
        assertThat(c.get("organizationName")).isEqualTo(tenant.name());
        assertThat(c.get("userEmail")).isEqualTo(tenant.email());
        assertThat(c.get("userName")).isInstanceOf(String.class);
        assertThat(c.get("campaignName")).isEqualTo("NewTest");
        assertThat(c.get("status")).isEqualTo("pending");
        assertThat(c.get("countryId")).isEqualTo("30100001");
        assertThat(c.get("creativeIds")).isEqualTo(String.valueOf(creativeId));
        assertThat(c.get("ioName")).isEqualTo("IO Name 1");
        assertThat(((Number) c.get("ioId")).longValue()).isEqualTo(ioId);
        assertThat(c.get("budgetTotal")).isInstanceOf(Number.class);
        assertThat(((Number) c.get("budgetTotal")).doubleValue()).isEqualTo(1500.0);
        assertThat(((Number) c.get("maxBid")).doubleValue()).isEqualTo(100.0);
        assertThat(((Number) c.get("budgetDay")).doubleValue()).isEqualTo(50.0);
        assertThat(((Number) c.get("startTime")).longValue()).isEqualTo(start);
        assertThat(((Number) c.get("createDate")).longValue()).isBetween(nowSeconds() - 60, nowSeconds() + 1);
        assertThat(c.get("locationDetails")).isEqualTo(Map.of());
        assertThat(c.get("prebidAudienceSegmentIdList")).isEqualTo(List.of());
        assertThat(c.get("exchanges")).isEqualTo("");
        assertThat(c.get("isEditAccess")).isEqualTo(true);
        // A customer's own admin may not approve its campaigns (D16).
        assertThat(c.get("isApprovalAccess")).isEqualTo(false);

        // To run, it must be approved: the workspace owner's admin approves it.
        updateStatus(loginAdmin(), owId, String.valueOf(campaignId), "running", null).then().statusCode(200)
                .body("responseObject.updatedData[0].status", equalTo("running"));
        assertThat(statusOf(login, campaignId)).isEqualTo("running");

        // The auto-sum IO now totals its campaign.
        given().header("Authorization", "Bearer " + token).header("X-IAA-OW-ID", owId)
                .get("/api/v3/cmp/io/" + ioId).then().statusCode(200).body("data.ioTotalBudget", equalTo(1500));
    }
}
