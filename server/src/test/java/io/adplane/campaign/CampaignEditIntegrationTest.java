package io.adplane.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Create rules over HTTP (D13, D14), drafts, and which edits each state allows. */
class CampaignEditIntegrationTest extends CampaignTestSupport {

    record Setup(Tenant tenant, Login login, long ioId, long creativeId) {
    }

    Setup setup() {
        Tenant tenant = newTenant("admin");
        Login login = login(tenant);
        return new Setup(tenant, login, newIo(login), runningCreative(login, 11));
    }

    private void refused(Login login, String body, int status, String field, String message) {
        as(login).body(body).post("/api/v2/cmp/campaigns/add").then()
                .statusCode(status)
                .body("statusCode", equalTo(status))
                .body("responseObject.errorField", equalTo(field))
                .body("responseObject.errorMsg", equalTo(message))
                .body("responseObject.errorCode", equalTo(status));
    }

    @Test
    void referencesAreChecked() {
        Setup s = setup();
        long start = nowSeconds() + HOUR;
        String seed = seedCampaign(s.ioId(), s.creativeId(), start, start + DAY);
        refused(s.login(), seed.replace("\"countryId\": \"30100001\"", "\"countryId\": \"99999999\""), 400,
                "countryId", "Invalid country id.");
        refused(s.login(), seed.replace("\"timezone\": 29", "\"timezone\": 99999"), 400, "timezone", "Invalid timezone.");
        refused(s.login(), seed.replace("\"exchanges\": \"\"", "\"exchanges\": \"1,999999\""), 400, "exchanges",
                "Invalid exchanges ids: 999999.");
        refused(s.login(), seed.replace("\"publisherAdCategory\":\"\"", "\"publisherAdCategory\":\"999999\""), 400,
                "publisherAdCategory", "Invalid publisherAdCategory ids: 999999.");
        refused(s.login(), seed.replace("\"budgetTypeId\": 1", "\"budgetTypeId\": 2, \"totalImpressions\": 1000"), 400, "budgetTypeId",
                "IO and campaign budget type should be same");
        refused(s.login(), seed.replace("\"ioId\": " + s.ioId(), "\"ioId\": 999999999"), 422, "ioId",
                "The action cannot be completed as insertion order 999999999 does not belong to this organization");
        long pending = pendingCreative(s.login(), 11);
        refused(s.login(), seed.replace("\"creativeIds\": \"" + s.creativeId() + "\"", "\"creativeIds\": \"" + pending + "\""),
                400, "creativeIds", "Creative " + pending + " is not running.");
        long video = runningCreative(s.login(), 14);
        refused(s.login(), seed.replace("\"creativeIds\": \"" + s.creativeId() + "\"", "\"creativeIds\": \"" + video + "\""),
                400, "creativeIds", "Creative " + video + " is not of creative type 11.");
        refused(s.login(), seed.replace("\"creativeIds\": \"" + s.creativeId() + "\"", "\"creativeIds\": \"123456789\""),
                400, "creativeIds", "Creative 123456789 does not exist.");
        // The flight lies inside the IO's (which ends in about 30 days).
        refused(s.login(), seedCampaign(s.ioId(), s.creativeId(), start, start + 60 * DAY), 422, "endTime",
                "Campaign end time can't be after IO end time");
        refused(s.login(), seed.replace("\"maxBid\": 100", "\"maxBid\": 1001"), 400, "maxBid",
                "Max bid must be greater than 0 and not greater than 1000.");
        refused(s.login(), seed.replace("\"campaignName\": \"NewTest\",", "\"campaignName\": \"NewTest\", \"bogus\": 1,"),
                400, "bogus", "Unknown field 'bogus'.");
        as(s.login()).body(seed).post("/api/v2/cmp/campaigns/add").then().statusCode(200);
    }

    @Test
    void theWholeRequestSchemaIsKeptAndAnsweredBack() {
        Setup s = setup();
        long start = nowSeconds() + HOUR;
        String seed = seedCampaign(s.ioId(), s.creativeId(), start, start + DAY);
        String full = seed.substring(0, seed.lastIndexOf('}')) + """
                ,"deviceType":"13,15,11,12","trafficType":"11,12","bidOptimization":false,"isBidShading":true,
                "frequencyCapEnabled":true,"frequencyCapping":{"1":{"frequencyCapValue":5,"frequencyCapDuration":1}},
                "scheduling":{"0":[["03:00:00","05:00:00"]]},"whiteListedZipcodes":"10001,10002",
                "ageRangeIds":"1,2","inventoryKeywords":["news"],"whitelistedCircles":[{"latitude":40.7,"longitude":-74.0,"radius":2,"unit":"miles"}],
                "impressionCapping":3,"targetCPI":7,"conversionTypeId":1,"conversionIds":"42"}""";
        long id = as(s.login()).body(full).post("/api/v2/cmp/campaigns/add").then().statusCode(200)
                .extract().jsonPath().getLong("responseObject.data");
        var c = as(s.login()).get("/api/v2/cmp/campaign/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(c.getString("responseObject.deviceType")).isEqualTo("13,15,11,12");
        assertThat(c.getString("responseObject.trafficType")).isEqualTo("11,12");
        assertThat(c.getBoolean("responseObject.bidOptimization")).isFalse();
        assertThat(c.getBoolean("responseObject.isBidShading")).isTrue();
        assertThat(c.getMap("responseObject.frequencyCapping")).isEqualTo(
                Map.of("1", Map.of("frequencyCapValue", 5, "frequencyCapDuration", 1)));
        assertThat(c.getList("responseObject.scheduling.0")).hasSize(1);
        assertThat(c.getString("responseObject.whiteListedZipcodes")).isEqualTo("10001,10002");
        assertThat(c.getList("responseObject.inventoryKeywords")).containsExactly("news");
        assertThat(c.getFloat("responseObject.whitelistedCircles[0].latitude")).isEqualTo(40.7f);
        assertThat(c.getInt("responseObject.impressionCapping")).isEqualTo(3);
        assertThat(c.getInt("responseObject.conversionTypeId")).isEqualTo(1);
    }

    @Test
    void draftsSaveLittleAndAPatchSubmitsThem() {
        Setup s = setup();
        long start = nowSeconds() + HOUR;
        String draft = "{\"campaignName\":\"Draft\",\"creativeType\":11,\"ioId\":\"" + s.ioId() + "\",\"advertiserDomain\":\"https://iqm.com\","
                + "\"creativeIds\":\"" + s.creativeId() + "\",\"countryId\":30100001,\"maxBid\":5,\"startTime\":" + start + "}";
        long id = as(s.login()).body(draft).post("/api/v2/cmp/campaigns/draft/add").then().statusCode(200)
                .body("statusCode", equalTo(201))
                .body("responseObject.message", equalTo("Campaign saved successfully."))
                .body("responseObject.status", equalTo("draft"))
                .extract().jsonPath().getLong("responseObject.data");

        as(s.login()).body(draft.replace("\"Draft\"", "\"Draft 2\"")).put("/api/v2/cmp/campaign/draft/" + id).then()
                .statusCode(200).body("statusCode", equalTo(200))
                .body("responseObject.message", equalTo("Campaign updated successfully."))
                .body("responseObject.status", equalTo("draft"));

        // Submitting checks everything: the budget is missing.
        as(s.login()).body("{\"isAgreementChecked\":true}").patch("/api/v2/cmp/campaign/" + id).then()
                .statusCode(400).body("responseObject.errorField", equalTo("timezone"));
        as(s.login()).body("{\"isAgreementChecked\":true,\"timezone\":29,\"budgetTotal\":100,\"budgetDay\":10,"
                + "\"exchanges\":\"\",\"publisherAdCategory\":\"\"}").patch("/api/v2/cmp/campaign/" + id).then()
                .statusCode(200).body("statusCode", equalTo(201)).body("responseObject.status", equalTo("pending"));
        as(s.login()).get("/api/v2/cmp/campaign/" + id).then().body("responseObject.campaignName", equalTo("Draft 2"));

        // Only drafts take a full replacement.
        as(s.login()).body(draft).put("/api/v2/cmp/campaign/draft/" + id).then().statusCode(409);
    }

    @Test
    void whatMayChangeDependsOnTheState() {
        Setup s = setup();
        long id = newCampaign(s.login(), s.ioId(), s.creativeId());
        as(s.login()).body("{\"budgetTypeId\":2}").patch("/api/v2/cmp/campaign/" + id).then().statusCode(400)
                .body("responseObject.errorMsg", equalTo("Field 'budgetTypeId' can't be changed after creation."));
        as(s.login()).body("{\"ioId\":\"" + s.ioId() + "\",\"maxBid\":7.5}").patch("/api/v2/cmp/campaign/" + id)
                .then().statusCode(200).body("responseObject.status", equalTo("pending"));
        as(s.login()).get("/api/v2/cmp/campaign/" + id).then().body("responseObject.maxBid", equalTo(7.5f));

        updateStatus(login(newUserIn(workspaceOwnerOwId(), "approver", "adplane")), s.tenant().owId(), "" + id, "running", null)
                .then().statusCode(200);
        as(s.login()).body("{\"creativeType\":14}").patch("/api/v2/cmp/campaign/" + id).then().statusCode(400)
                .body("responseObject.errorMsg", equalTo("Field 'creativeType' can't be changed once the campaign has run."));
        // A2: the customer's own admin may not approve, so a budget change needs approval again.
        as(s.login()).body("{\"budgetTotal\":2000}").patch("/api/v2/cmp/campaign/" + id).then().statusCode(200)
                .body("responseObject.status", equalTo("pending"));
        as(s.login()).get("/api/v3/cmp/campaign/" + id + "/status-history").then()
                .body("data[-1].fromStatus", equalTo("running")).body("data[-1].toStatus", equalTo("pending"))
                .body("data[-1].reason", equalTo("changed without approval: budgetTotal"));
        // A rename needs no approval; an approver's own edit keeps the campaign running.
        Login approver = login(newUserIn(workspaceOwnerOwId(), "approver", "adplane"));
        updateStatus(approver, s.tenant().owId(), "" + id, "running", null).then().statusCode(200);
        as(s.login()).body("{\"campaignName\":\"Renamed\"}").patch("/api/v2/cmp/campaign/" + id).then()
                .statusCode(200).body("responseObject.status", equalTo("running"));
        as(approver, s.tenant().owId()).body("{\"budgetTotal\":2500}").patch("/api/v2/cmp/campaign/" + id).then()
                .statusCode(200).body("responseObject.status", equalTo("running"));
        as(s.login()).body("{\"budgetDay\":5000}").patch("/api/v2/cmp/campaign/" + id).then().statusCode(400)
                .body("responseObject.errorMsg", equalTo("Daily budget must not exceed total budget"));

        updateStatus(s.login(), s.tenant().owId(), "" + id, "deleted", null).then().statusCode(200);
        as(s.login()).body("{\"budgetTotal\":10}").patch("/api/v2/cmp/campaign/" + id).then().statusCode(409);
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswer() {
        Setup s = setup();
        long start = nowSeconds() + HOUR;
        String body = seedCampaign(s.ioId(), s.creativeId(), start, start + DAY);
        long first = as(s.login()).header("Idempotency-Key", "cmp-" + start).body(body)
                .post("/api/v2/cmp/campaigns/add").then().statusCode(200).extract().jsonPath().getLong("responseObject.data");
        long again = as(s.login()).header("Idempotency-Key", "cmp-" + start).body(body)
                .post("/api/v2/cmp/campaigns/add").then().statusCode(200).header("Idempotent-Replayed", "true")
                .extract().jsonPath().getLong("responseObject.data");
        assertThat(again).isEqualTo(first);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM campaign WHERE io_id = ?").param(s.ioId()).query(Long.class).single())
                .isEqualTo(1);
        as(s.login()).header("Idempotency-Key", "cmp-" + start).body(body.replace("NewTest", "Other"))
                .post("/api/v2/cmp/campaigns/add").then().statusCode(422)
                .body("responseObject.errorField", equalTo("Idempotency-Key"));
    }
}
