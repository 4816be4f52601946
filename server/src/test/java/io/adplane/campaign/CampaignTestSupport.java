package io.adplane.campaign;

import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import io.adplane.support.IntegrationTestSupport;
import io.restassured.response.Response;

/**
 * What campaign tests need around a campaign, made the way a client makes it, over HTTP: an organization
 * with a user, an IO, and a creative approved by the workspace owner's admin.
 */
abstract class CampaignTestSupport extends IntegrationTestSupport {

    static final long HOUR = 3600;
    static final long DAY = 24 * HOUR;

    long nowSeconds() {
        return clock.millis() / 1000;
    }

    /** A budget-based auto-sum IO from an hour ago to 30 days from now (times in ms, D8). */
    long newIo(Login login) {
        return newIo(login, 1, true);
    }

    long newIo(Login login, int budgetTypeId, boolean autoSum) {
        long start = (nowSeconds() - HOUR) * 1000;
        String body = "{\"ioName\":\"IO " + System.nanoTime() + "\",\"ioStartTime\":" + start + ",\"ioEndTime\":"
                + (start + 31 * DAY * 1000) + ",\"ioTimeZoneId\":29,\"isAutoSumIoTotalBudget\":" + autoSum
                + (autoSum ? "" : ",\"ioTotalBudget\":100000") + ",\"ioBudgetTypeId\":" + budgetTypeId
                + ",\"ioBudgetDistributionMethodId\":1}";
        return as(login).body(body).post("/api/v3/cmp/io/add").then().statusCode(200)
                .extract().jsonPath().getLong("data.ioId");
    }

    /** A creative of {@code type} in the tenant's organization, approved (running, status 2). */
    long runningCreative(Login login, int type) {
        long id = pendingCreative(login, type);
        Login admin = loginAdmin();
        as(admin, login.owId()).body(Map.of("creativeIds", new long[] {id}, "creativeStatusId", 2))
                .patch("/api/v3/crt/creatives/update-status").then().statusCode(200);
        return id;
    }

    long pendingCreative(Login login, int type) {
        String request = "{\"C1\":{\"creativeName\":\"Banner " + System.nanoTime() + "\",\"platformCreativeTypeId\":" + type
                + ",\"creativeSourceType\":\"URL\",\"creativeSource\":\"https://cdn.example.com/a.png\","
                + "\"clickUrl\":\"https://iqm.com\",\"imageDetails\":{\"creativeWidth\":300,\"creativeHeight\":250}}}";
        Response r = as(login).contentType("multipart/form-data")
                .multiPart("creativeRequest", request, "application/json")
                .post("/api/v3/crt/creatives");
        r.then().statusCode(200);
        return Long.parseLong(r.jsonPath().getString("data.successData.C1"));
    }

    /** The seed's Step 3 request, byte for byte but for the IO, the creative and the times. */
    static String seedCampaign(long ioId, long creativeId, long start, long end) {
        return """
                {
                "campaignName": "NewTest",
                "maxBid": 100,
                "budgetTotal": 1500,
                "startTime": %d,
                "endTime": %d,
                "timezone": 29,
                "budgetDay": 50,
                "creativeType": 11,
                "isAgreementChecked":true,
                "ioId": %d,
                "countryId": "30100001",
                "creativeIds": "%d",
                "advertiserDomain": "https://iqm.com",
                "totalBudgetPacing": false,
                "publisherAdCategory":"",
                "exchanges": "",
                "budgetTypeId": 1,
                "campaignType": 1
                }""".formatted(start, end, ioId, creativeId);
    }

    /** A pending campaign of the seed's shape, starting in an hour. */
    long newCampaign(Login login, long ioId, long creativeId) {
        long start = nowSeconds() + HOUR;
        return as(login).body(seedCampaign(ioId, creativeId, start, start + 2 * DAY))
                .post("/api/v2/cmp/campaigns/add").then().statusCode(200)
                .body("statusCode", equalTo(201)).extract().jsonPath().getLong("responseObject.data");
    }

    Response updateStatus(Login login, long owId, String ids, String status, String reason) {
        String body = "{\"campaignIds\":\"" + ids + "\",\"status\":\"" + status + "\""
                + (reason == null ? "" : ",\"rejectionReason\":\"" + reason + "\"") + "}";
        return as(login, owId).body(body).put("/api/v2/cmp/campaigns/update-status");
    }

    String statusOf(Login login, long campaignId) {
        return as(login).get("/api/v2/cmp/campaign/" + campaignId).then().statusCode(200)
                .extract().path("responseObject.status");
    }
}
