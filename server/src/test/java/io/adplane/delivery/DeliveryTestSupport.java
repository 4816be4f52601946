package io.adplane.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
        setStatus(owId, List.of(campaignId), status);
    }

    /** Moves the campaigns to {@code status} in one update-status, as the workspace owner's approver. */
    protected void setStatus(long owId, List<Long> campaignIds, String status) {
        Tenant approver = newUserIn(workspaceOwnerOwId(), "approver", "adplane");
        String ids = campaignIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        as(login(approver), owId).body("{\"campaignIds\":\"" + ids + "\",\"status\":\"" + status + "\"}")
                .put("/api/v2/cmp/campaigns/update-status").then().statusCode(200);
    }

    /** Each row of a query on one organization's rows, its columns as numbers joined by spaces. */
    protected List<String> rows(String sql, long owId) {
        return jdbc.sql(sql).param(owId).query((rs, n) -> {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.append(i > 1 ? " " : "").append(rs.getLong(i));
            }
            return row.toString();
        }).list();
    }

    /** The organization's campaign, day and IO rollups hold exactly its facts. */
    protected void assertRollupsHoldTheirFacts(long owId) {
        String perCampaign = "SELECT f.campaign_id, SUM(f.impressions), SUM(f.media_spend_micros) FROM delivery_fact f"
                + " WHERE f.ow_id = ? GROUP BY f.campaign_id ORDER BY f.campaign_id";
        String rolledUp = "SELECT t.campaign_id, t.impressions, t.media_spend_micros FROM delivery_total t"
                + " WHERE t.ow_id = ? AND t.impressions > 0 ORDER BY t.campaign_id";
        assertThat(rows(rolledUp, owId)).as("campaign totals = their facts").isEqualTo(rows(perCampaign, owId));
        String perDay = "SELECT f.campaign_id, f.local_day, SUM(f.impressions) FROM delivery_fact f WHERE f.ow_id = ?"
                + " GROUP BY f.campaign_id, f.local_day ORDER BY f.campaign_id, f.local_day";
        String days = "SELECT d.campaign_id, d.local_day, d.impressions FROM delivery_day d WHERE d.ow_id = ?"
                + " AND d.impressions > 0 ORDER BY d.campaign_id, d.local_day";
        assertThat(rows(days, owId)).as("day rollups = their facts").isEqualTo(rows(perDay, owId));
        String perIo = "SELECT f.io_id, SUM(f.impressions) FROM delivery_fact f WHERE f.ow_id = ? GROUP BY f.io_id"
                + " ORDER BY f.io_id";
        String ioTotals = "SELECT t.io_id, t.impressions FROM delivery_io_total t WHERE t.ow_id = ? AND t.impressions > 0"
                + " ORDER BY t.io_id";
        assertThat(rows(ioTotals, owId)).as("IO totals = their facts").isEqualTo(rows(perIo, owId));
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
