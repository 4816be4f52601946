package io.adplane.delivery;

import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import io.adplane.support.IntegrationTestSupport;
import io.restassured.response.Response;

/** Campaigns made the way a client makes them, over HTTP, approved by the workspace owner's approver. */
public abstract class DeliveryTestSupport extends IntegrationTestSupport {

    protected static final long HOUR = 3600;
    protected static final long DAY = 24 * HOUR;

    protected long nowSeconds() {
        return clock.millis() / 1000;
    }

    protected long newIo(Login login, String extra) {
        long start = (nowSeconds() - HOUR) * 1000;
        String body = "{\"ioName\":\"IO " + System.nanoTime() + "\",\"ioStartTime\":" + start + ",\"ioEndTime\":"
                + (start + 60 * DAY * 1000) + ",\"ioTimeZoneId\":29,\"ioBudgetTypeId\":1,"
                + "\"ioBudgetDistributionMethodId\":1," + extra + "}";
        return as(login).body(body).post("/api/v3/cmp/io/add").then().statusCode(200)
                .extract().jsonPath().getLong("data.ioId");
    }

    protected long newIo(Login login) {
        return newIo(login, "\"isAutoSumIoTotalBudget\":true");
    }

    protected long runningCreative(Login login, int type) {
        String request = "{\"C1\":{\"creativeName\":\"Banner " + System.nanoTime() + "\",\"platformCreativeTypeId\":" + type
                + ",\"creativeSourceType\":\"URL\",\"creativeSource\":\"https://cdn.example.com/a.png\","
                + "\"clickUrl\":\"https://iqm.com\",\"imageDetails\":{\"creativeWidth\":300,\"creativeHeight\":250}}}";
        Response r = as(login).contentType("multipart/form-data")
                .multiPart("creativeRequest", request, "application/json").post("/api/v3/crt/creatives");
        r.then().statusCode(200);
        long id = Long.parseLong(r.jsonPath().getString("data.successData.C1"));
        as(loginAdmin(), login.owId()).body(Map.of("creativeIds", new long[] {id}, "creativeStatusId", 2))
                .patch("/api/v3/crt/creatives/update-status").then().statusCode(200);
        return id;
    }

    /** A campaign of the seed's shape with the given money fields, starting at the next whole hour. */
    protected long newCampaign(Login login, long ioId, long creativeId, String money, long days) {
        long start = (nowSeconds() / HOUR + 1) * HOUR;
        String body = """
                {"campaignName":"Delivery %d","maxBid":8,"startTime":%d,"endTime":%d,"timezone":29,
                "creativeType":11,"isAgreementChecked":true,"ioId":%d,"countryId":"30100001","creativeIds":"%d",
                "advertiserDomain":"https://iqm.com","publisherAdCategory":"","exchanges":"","budgetTypeId":1,
                "campaignType":1,%s}""".formatted(System.nanoTime(), start, start + days * DAY, ioId, creativeId, money);
        return as(login).body(body).post("/api/v2/cmp/campaigns/add").then().statusCode(200)
                .body("statusCode", equalTo(201)).extract().jsonPath().getLong("responseObject.data");
    }

    protected void setStatus(long owId, long campaignId, String status) {
        Tenant approver = newUserIn(workspaceOwnerOwId(), "approver", "adplane");
        as(login(approver), owId).body("{\"campaignIds\":\"" + campaignId + "\",\"status\":\"" + status + "\"}")
                .put("/api/v2/cmp/campaigns/update-status").then().statusCode(200);
    }

    /** Moves the server's clock through its HTTP control, which delivers the elapsed hours before answering. */
    protected void advance(String duration) {
        as(loginAdmin()).body("{\"duration\":\"" + duration + "\"}").post("/api/v3/adplane/clock/advance")
                .then().statusCode(200);
    }

    /** One hour of delivery as {@code POST /api/v3/adplane/delivery} takes it (creative 5, the United States). */
    protected static String ingestedRow(long campaign, long hour, long exchange, long device, String impressions,
            String spend, String dataCost) {
        return "{\"campaignId\":" + campaign + ",\"hour\":" + hour + ",\"creativeId\":5,\"exchangeId\":" + exchange
                + ",\"deviceTypeId\":" + device + ",\"countryId\":30100001,\"bidRequests\":9000,\"bidImpressions\":4000,"
                + "\"impressions\":" + impressions + ",\"clicks\":3,\"mediaSpent\":" + spend + ",\"dataCost\":" + dataCost + "}";
    }
}
