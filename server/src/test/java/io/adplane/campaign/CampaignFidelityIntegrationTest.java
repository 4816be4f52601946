package io.adplane.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What IQM answers beyond the seed that a typed client relies on (F13-F17): IO impressions, a campaign's end, the
 * campaigns of each creative in the creative list, the IO-campaign list's audiences and filters, IQM's 412 for ids
 * that are not the organization's, and details objects answered as the client sent them.
 */
class CampaignFidelityIntegrationTest extends CampaignTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private long audience(Login login, int typeId) {
        return as(login).body(Map.of("audienceName", "Audience " + System.nanoTime(), "audienceTypeId", typeId))
                .post("/api/v3/adplane/audiences").then().statusCode(200).extract().jsonPath().getLong("data.id");
    }

    private long campaign(Login login, long io, long creative, String extra) {
        long start = nowSeconds() + HOUR;
        String body = seedCampaign(io, creative, start, start + 2 * DAY)
                .replace("\"campaignType\": 1", "\"campaignType\": 1" + extra);
        return as(login).body(body).post("/api/v2/cmp/campaigns/add").then().statusCode(200)
                .body("statusCode", equalTo(201)).extract().jsonPath().getLong("responseObject.data");
    }

    @Test
    void aBudgetIoAnswersImpressionsNullOnCreationAndZeroWhenRead() {
        Login login = login(newTenant("editor"));
        long start = (nowSeconds() - HOUR) * 1000;
        // The seed's Step 2 answers null, as IQM's add example does.
        long io = as(login).body(seedInsertionOrder(start, start + 10 * DAY * 1000)).post("/api/v3/cmp/io/add").then()
                .statusCode(200).body("data.ioTotalImpressions", nullValue()).extract().jsonPath().getLong("data.ioId");
        as(login).get("/api/v3/cmp/io/" + io).then().statusCode(200).body("data.ioTotalImpressions", equalTo(0));
        as(login).body(Map.of("ioIdList", List.of(io))).post("/api/v3/cmp/io/basic/list").then().statusCode(200)
                .body("data.ioBasicDetailsList.find { it.ioId == " + io + " }.ioTotalImpressions", equalTo(0));
    }

    @Test
    void aCampaignWithoutAnEndAnswersEndTimeZeroEverywhere() {
        Login login = login(newTenant("editor"));
        long io = newIo(login);
        long creative = runningCreative(login, 11);
        long start = nowSeconds() + HOUR;
        String body = seedCampaign(io, creative, start, start + DAY).replaceFirst("\"endTime\": \\d+,", "");
        long id = as(login).body(body).post("/api/v2/cmp/campaigns/add").then().statusCode(200)
                .extract().jsonPath().getLong("responseObject.data");
        as(login).get("/api/v2/cmp/campaign/" + id).then().statusCode(200).body("responseObject.endTime", equalTo(0));
        as(login).body(Map.of("ids", List.of(id))).post("/api/v3/cmp/basic/list").then().statusCode(200)
                .body("data.data.find { it.id == " + id + " }.endTime", equalTo(0));
        as(login).body(Map.of("ioIds", List.of(io))).post("/api/v3/cmp/io/campaign/basic/list").then().statusCode(200)
                .body("data.ioCampaignsList[0].campaigns.find { it.id == " + id + " }.endTime", equalTo(0));
    }

    @Test
    void creativeListRowsNameTheirCampaigns() {
        Login login = login(newTenant("editor"));
        Login other = login(newTenant("editor"));
        long io = newIo(login);
        long a = runningCreative(login, 11);
        long b = runningCreative(login, 11);
        long unused = runningCreative(login, 11);
        long first = campaign(login, io, a, "");
        long second = campaign(login, io, a, "");
        as(login).body("{\"creativeIds\": \"" + a + "," + b + "\"}").patch("/api/v2/cmp/campaign/" + second).then()
                .statusCode(200);
        long deleted = campaign(login, io, b, "");
        updateStatus(login, login.owId(), String.valueOf(deleted), "deleted", null).then().statusCode(200);
        JsonPath page = as(login).body(Map.of("creativeIds", List.of(a, b, unused))).post("/api/v3/crt/creatives/list")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("data.filteredList.find { it.creativeId == " + a + " }.campaignDetails.campaignIds", Long.class))
                .containsExactly(first, second);
        // A deleted campaign no longer names its creative.
        assertThat(page.getList("data.filteredList.find { it.creativeId == " + b + " }.campaignDetails.campaignIds", Long.class))
                .containsExactly(second);
        assertThat(page.getList("data.filteredList.find { it.creativeId == " + unused + " }.campaignDetails.campaignIds"))
                .isEmpty();
        // Another organization sees neither the creatives nor their campaigns.
        as(other).body(Map.of("creativeIds", List.of(a, b))).post("/api/v3/crt/creatives/list").then().statusCode(200)
                .body("data.filteredList.size()", equalTo(0));
    }

    @Test
    void theIoCampaignListAnswersTargetedAudiencesAndFiltersByThem() {
        Login login = login(newTenant("editor"));
        long io = newIo(login);
        long creative = runningCreative(login, 11);
        long matched = audience(login, 1);
        long lookalike = audience(login, 6);
        long both = campaign(login, io, creative, ", \"whiteListedAudienceIds\": \"" + lookalike + "," + matched + "\"");
        long excludedOnly = campaign(login, io, creative, ", \"blackListedAudienceIds\": \"" + matched + "\"");
        long none = campaign(login, io, creative, "");

        JsonPath all = as(login).body(Map.of("ioIds", List.of(io), "includeTargetedAudienceList", true))
                .post("/api/v3/cmp/io/campaign/basic/list").then().statusCode(200).extract().jsonPath();
        String nested = "data.ioCampaignsList[0].campaigns";
        assertThat(all.getList(nested + ".find { it.id == " + both + " }.targetedAudienceIds", Long.class))
                .containsExactly(matched, lookalike);
        assertThat(all.getList(nested + ".find { it.id == " + excludedOnly + " }.targetedAudienceIds")).isNull();
        assertThat(all.getList(nested + ".find { it.id == " + none + " }.targetedAudienceIds")).isNull();

        // Not asked for: null.
        as(login).body(Map.of("ioIds", List.of(io))).post("/api/v3/cmp/io/campaign/basic/list").then().statusCode(200)
                .body(nested + ".find { it.id == " + both + " }.targetedAudienceIds", nullValue());

        // The audience type filter keeps the campaigns including an audience of that type; the count follows.
        as(login).body(Map.of("ioIds", List.of(io), "audienceSubtypeId", 6)).post("/api/v3/cmp/io/campaign/basic/list")
                .then().statusCode(200).body("data.ioCampaignsList[0].campaignCount", equalTo(1))
                .body(nested + ".id", equalTo(List.of((int) both)));
        as(login).body(Map.of("ioIds", List.of(io), "audienceSubtypeId", 3)).post("/api/v3/cmp/io/campaign/basic/list")
                .then().statusCode(200).body("data.ioCampaignsList[0].campaignCount", equalTo(0))
                .body(nested + ".size()", equalTo(0));

        // A payment type, prebid providers or the ABM flag name data no campaign holds; payment type 0 is "none".
        for (Map<String, Object> filter : List.<Map<String, Object>>of(Map.of("paymentTypeId", 2),
                Map.of("prebidProviders", List.of(1)), Map.of("isOnlyABMAudienceRequiredFlag", true))) {
            Map<String, Object> body = new java.util.HashMap<>(filter);
            body.put("ioIds", List.of(io));
            as(login).body(body).post("/api/v3/cmp/io/campaign/basic/list").then().statusCode(200)
                    .body("data.ioCampaignsList[0].campaignCount", equalTo(0));
        }
        as(login).body(Map.of("ioIds", List.of(io), "paymentTypeId", 0, "isOnlyABMAudienceRequiredFlag", false))
                .post("/api/v3/cmp/io/campaign/basic/list").then().statusCode(200)
                .body("data.ioCampaignsList[0].campaignCount", equalTo(3));
        as(login).body(Map.of("audienceSubtypeId", 0)).post("/api/v3/cmp/io/campaign/basic/list").then()
                .statusCode(400).body("errorObjects[0].field", equalTo("audienceSubtypeId"));

        // An edit of the audiences moves the list with it.
        as(login).body("{\"whiteListedAudienceIds\": \"" + matched + "\"}").patch("/api/v2/cmp/campaign/" + none).then()
                .statusCode(200);
        as(login).body("{\"whiteListedAudienceIds\": \"\"}").patch("/api/v2/cmp/campaign/" + both).then().statusCode(200);
        JsonPath after = as(login).body(Map.of("ioIds", List.of(io), "includeTargetedAudienceList", true))
                .post("/api/v3/cmp/io/campaign/basic/list").then().statusCode(200).extract().jsonPath();
        assertThat(after.getList(nested + ".find { it.id == " + none + " }.targetedAudienceIds", Long.class))
                .containsExactly(matched);
        assertThat(after.getList(nested + ".find { it.id == " + both + " }.targetedAudienceIds")).isNull();
    }

    @Test
    void idsOfAnotherOrganizationAnswerIqmsPreconditionFailedOnEveryV2Write() {
        Login a = login(newTenant("editor"));
        Login b = login(newTenant("editor"));
        long foreignAudience = audience(a, 1);
        long foreignGroup = as(a).body(Map.of("groupName", "G")).post("/api/v3/adplane/inventory-groups").then()
                .statusCode(200).extract().jsonPath().getLong("data.id");
        long foreignDeal = as(a).body(Map.of("dealId", "D" + System.nanoTime(), "dealName", "Deal", "exchangeId", 1))
                .post("/api/v3/adplane/pmp-deals").then().statusCode(200).extract().jsonPath().getLong("data.id");
        long io = newIo(b);
        long creative = runningCreative(b, 11);
        long campaign = newCampaign(b, io, creative);
        long start = nowSeconds() + HOUR;
        String draft = seedCampaign(io, creative, start, start + DAY);
        long draftId = as(b).body(draft).post("/api/v2/cmp/campaigns/draft/add").then().statusCode(200)
                .extract().jsonPath().getLong("responseObject.data");
        Map<String, String> cases = Map.of(
                "whiteListedAudienceIds", "\"" + foreignAudience + "\"",
                "blackListedInventoryGroupIds", "\"" + foreignGroup + "\"",
                "pmpDealIds", "[" + foreignDeal + "]");
        Map<String, String> messages = Map.of("whiteListedAudienceIds", "Invalid arguments audience ids!",
                "blackListedInventoryGroupIds", "Invalid arguments inventory group ids!",
                "pmpDealIds", "Invalid arguments pmp deal ids!");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String field = "\"" + c.getKey() + "\": " + c.getValue();
            List<Response> answers = List.of(
                    as(b).body(draft.replace("\"campaignType\": 1", "\"campaignType\": 1, " + field))
                            .post("/api/v2/cmp/campaigns/add"),
                    as(b).body(draft.replace("\"campaignType\": 1", "\"campaignType\": 1, " + field))
                            .post("/api/v2/cmp/campaigns/draft/add"),
                    as(b).body(draft.replace("\"campaignType\": 1", "\"campaignType\": 1, " + field))
                            .put("/api/v2/cmp/campaign/draft/" + draftId),
                    as(b).body("{" + field + "}").patch("/api/v2/cmp/campaign/" + campaign));
            for (Response r : answers) {
                r.then().statusCode(412).body("statusCode", equalTo(412))
                        .body("responseObject.errorMsg", equalTo(messages.get(c.getKey())))
                        .body("responseObject.errorCode", equalTo(412))
                        .body("responseObject.errorField", equalTo(c.getKey()));
            }
        }
        // Nothing stuck: the campaign keeps no foreign id.
        as(b).get("/api/v2/cmp/campaign/" + campaign).then().statusCode(200)
                .body("responseObject.whiteListedAudienceIds", equalTo("")).body("responseObject.pmpDealIds", equalTo(List.of()));
    }

    @Test
    void detailsObjectsAnswerEveryByteAsSent() throws Exception {
        Login login = login(newTenant("editor"));
        long io = newIo(login);
        long creative = runningCreative(login, 11);
        String location = "{\"1010\": {\"fileName\": \"stores.csv\", \"fileType\": \"location\", \"validLocations\": "
                + "[{\"latitude\": 40.712800, \"longitude\": -74.006000, \"radius\": 1.50, \"address\": \"Café Ñ, \\u00e9\", "
                + "\"locationId\": 12345678901234, \"isIncluded\": true, \"cdId\": null}], \"id\": 1010, \"extra\": {}}}";
        String estimator = "{\"reach\": 1200000, \"cpm\": 3.250, \"nested\": [[], [1, 2.0], {\"z\": \"\"}], \"big\": 123456789012345678}";
        long id = campaign(login, io, creative, ", \"locationDetails\": " + location + ", \"campaignEstimatorMetaData\": "
                + estimator);
        String raw = as(login).get("/api/v2/cmp/campaign/" + id).then().statusCode(200).extract().asString();
        JsonNode answer = JSON.readTree(raw).get("responseObject");
        assertThat(answer.get("locationDetails")).isEqualTo(JSON.readTree(location));
        assertThat(answer.get("campaignEstimatorMetaData")).isEqualTo(JSON.readTree(estimator));
        // Decimals keep their digits, as written (the answer's own text, not a parsed double).
        assertThat(raw).contains("\"latitude\":40.712800", "\"radius\":1.50", "\"cpm\":3.250", "\"big\":123456789012345678",
                "\"address\":\"Café Ñ, é\"");

        // A creative's details: the client's keys and values kept, IQM's missing keys added with their value for none.
        String request = "{\"C1\":{\"creativeName\":\"Sized\",\"platformCreativeTypeId\":11,\"creativeSourceType\":\"URL\","
                + "\"creativeSource\":\"https://cdn.example.com/b.png\",\"clickUrl\":\"https://iqm.com\","
                // Non-ASCII as JSON escapes: the multipart part itself is sent in ISO-8859-1 by the test client.
                + "\"imageDetails\":{\"creativeWidth\":728,\"creativeHeight\":90,\"note\":\"\\u00fcn\\u00efcode \\u2713\",\"ratio\":8.0889}}}";
        long sized = Long.parseLong(as(login).contentType("multipart/form-data").multiPart("creativeRequest", request,
                "application/json").post("/api/v3/crt/creatives").then().statusCode(200).extract().jsonPath()
                .getString("data.successData.C1"));
        String creativeRaw = as(login).get("/api/v3/crt/creatives/" + sized).then().statusCode(200).extract().asString();
        JsonNode details = JSON.readTree(creativeRaw).get("data").get("imageDetails");
        assertThat(details.get("creativeWidth").asInt()).isEqualTo(728);
        assertThat(details.get("note").stringValue()).isEqualTo("ünïcode \u2713");
        assertThat(creativeRaw).contains("\"ratio\":8.0889");
        assertThat(details.get("pixelUrl").stringValue()).isEmpty();
    }
}
