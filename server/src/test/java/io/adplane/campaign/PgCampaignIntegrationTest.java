package io.adplane.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/** PG campaigns (F6): IQM's examples accepted, the rules as 422s, deal mappings, and isolation. */
class PgCampaignIntegrationTest extends CampaignTestSupport {

    long deal(Login login, String kind) {
        return as(login).body(Map.of("dealId", "D-" + System.nanoTime(), "dealName", "Deal", "exchangeId", 1))
                .post("/api/v3/adplane/" + kind + "-deals").then().statusCode(200).extract().jsonPath().getLong("data.id");
    }

    /** IQM's example "Create new budget based PG Campaign by advertiser user", with ids and times replaced. */
    String budgetExample(long ioId, long creativeId, long deal1, long deal2, long start) {
        return """
                {"pgCampaignInfo": {"campaignName": "test imps PG campaign", "ioId": %d, "timeZoneId": 29,
                  "budgetTotal": 1234, "maxBid": 8, "startTime": %d, "endTime": %d, "budgetTypeId": 1,
                  "advertiserType": "political", "campaignTypeId": 2, "advertiserDomain": "https://www.xyz.com"},
                 "creativeTargeting": {"creativeTypeId": 11, "creativeIds": "[%d]"},
                 "inventoryTargeting": {"pgDealIds": "[%d,%d]"},
                 "conversionTargeting": {"conversionTypeId": 1, "conversionIds": "[465,687,987]"},
                 "politicalAdvertiserClientId": 989898, "countryId": 30100001}""".formatted(ioId, start, start + 20 * DAY,
                creativeId, deal1, deal2);
    }

    @Test
    void iqmsExamplesCreateAndEditPgCampaigns() {
        Login login = login(newTenant("editor"));
        long io = newIo(login);
        long creative = runningCreative(login, 11);
        long d1 = deal(login, "pg");
        long d2 = deal(login, "pg");
        long start = nowSeconds() + HOUR;
        Response created = as(login).body(budgetExample(io, creative, d1, d2, start)).post("/api/v3/cmp/pg/campaigns/add");
        created.then().statusCode(201).body("success", equalTo(true))
                .body("data.message", equalTo("PG Campaign Created successfully"));
        long id = created.jsonPath().getLong("data.campaignId");
        Map<String, Object> c = as(login).get("/api/v2/cmp/campaign/" + id).then().statusCode(200).extract().jsonPath()
                .getMap("responseObject");
        assertThat(c.get("campaignTypeId")).isEqualTo(2);
        assertThat(c.get("status")).isEqualTo("pending");
        assertThat(c.get("pgDealIds")).isEqualTo(List.of((int) d1, (int) d2));
        assertThat(c.get("creativeIds")).isEqualTo(String.valueOf(creative));
        assertThat(c.get("timezone")).isEqualTo(29);
        assertThat(c.get("advertiserType")).isEqualTo("political");

        // IQM's "Edit some fields of PG Campaign info only" (pgCampaignInfoVO, spendingBudget is the total budget).
        as(login).body("""
                {"pgCampaignInfoVO": {"campaignName": "renamed PG campaign", "timeZoneId": 29, "spendingBudget": 1500,
                 "endTime": %d, "advertiserDomain": "https://www.xyz.com"}}""".formatted(start + 10 * DAY))
                .patch("/api/v3/cmp/pg/campaigns/" + id).then().statusCode(201)
                .body("data.message", equalTo("PG Campaign Updated successfully"))
                .body("data.campaignId", equalTo((int) id));
        c = as(login).get("/api/v2/cmp/campaign/" + id).then().extract().jsonPath().getMap("responseObject");
        assertThat(c.get("campaignName")).isEqualTo("renamed PG campaign");
        assertThat(((Number) c.get("budgetTotal")).doubleValue()).isEqualTo(1500.0);

        // PG deals are mapped to PG campaigns only.
        long d3 = deal(login, "pg");
        as(login).body(Map.of("operations", List.of(Map.of("action", "ASSIGN", "campaignIds", List.of(id),
                "pgDealIds", List.of(d3)), Map.of("action", "DEASSIGN", "campaignIds", List.of(id), "pgDealIds", List.of(d1)))))
                .patch("/api/v3/cmp/pg/campaigns/mappings").then().statusCode(200)
                .body("data", equalTo("PG deal campaign mappings updated successfully"));
        c = as(login).get("/api/v2/cmp/campaign/" + id).then().extract().jsonPath().getMap("responseObject");
        assertThat(c.get("pgDealIds")).isEqualTo(List.of((int) d2, (int) d3));
        long advanced = newCampaign(login, io, creative);
        as(login).body(Map.of("operations", List.of(Map.of("action", "ASSIGN", "campaignIds", List.of(advanced),
                "pgDealIds", List.of(d3))))).patch("/api/v3/cmp/pg/campaigns/mappings").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("PG deals can be mapped only to PG campaigns: [" + advanced + "]"));
        // A PG campaign keeps at least one deal; it targets no audiences.
        as(login).body(Map.of("operations", List.of(Map.of("action", "DEASSIGN", "campaignIds", List.of(id),
                "pgDealIds", List.of(d2, d3))))).patch("/api/v3/cmp/pg/campaigns/mappings").then().statusCode(400)
                .body("errorObjects[0].error", equalTo("At least one PG deal is required."));
        as(login).body(Map.of(String.valueOf(id), Map.of("includedAudienceList", List.of(1), "excludedAudienceList", List.of())))
                .post("/api/v3/cmp/target/audience").then().statusCode(422)
                .body("errorObjects[0].error", equalTo(
                        "One or more campaigns are PG campaigns and cannot be used for audience targeting: [" + id + "]"));
    }

    @Test
    void draftsAndImpressionBudgets() {
        Login login = login(newTenant("editor"));
        long io = newIo(login, 2, true);
        long creative = runningCreative(login, 11);
        long deal = deal(login, "pg");
        long start = nowSeconds() + HOUR;
        // IQM's impression-based draft example, ids and times replaced.
        String draft = """
                {"pgCampaignInfo": {"campaignName": "test imps PG campaign", "ioId": %d, "timeZoneId": 29,
                  "totalImpressions": 12345, "maxBid": 8, "startTime": %d, "endTime": %d, "budgetTypeId": 2,
                  "campaignTypeId": 2, "advertiserDomain": "https://www.xyz.com"},
                 "creativeTargeting": {"creativeTypeId": 11, "creativeIds": "[%d]"},
                 "inventoryTargeting": {"pgDealIds": "[%d]"},
                 "politicalAdvertiserClientId": 989898, "countryId": 30100001}""".formatted(io, start, start + 5 * DAY,
                creative, deal);
        Response r = as(login).body(draft).post("/api/v3/cmp/pg/campaigns/draft/add");
        r.then().statusCode(201).body("data.message", equalTo("PG Campaign Created successfully"));
        long id = r.jsonPath().getLong("data.campaignId");
        assertThat(statusOf(login, id)).isEqualTo("draft");
        as(login).body("{\"pgCampaignInfo\": {\"campaignName\": \"still a draft\"}}")
                .patch("/api/v3/cmp/pg/campaigns/draft/" + id).then().statusCode(201);
        assertThat(statusOf(login, id)).isEqualTo("draft");
        // The non-draft edit submits it.
        as(login).body("{\"pgCampaignInfo\": {\"maxBid\": 9}}").patch("/api/v3/cmp/pg/campaigns/" + id).then()
                .statusCode(201);
        assertThat(statusOf(login, id)).isEqualTo("pending");
        as(login).body("{\"pgCampaignInfo\": {\"campaignName\": \"x\"}}").patch("/api/v3/cmp/pg/campaigns/draft/" + id)
                .then().statusCode(409);
    }

    @Test
    void iqmsRulesAre422s() {
        Login login = login(newTenant("editor"));
        long io = newIo(login);
        long creative = runningCreative(login, 11);
        long deal = deal(login, "pg");
        long start = nowSeconds() + HOUR;
        String ok = budgetExample(io, creative, deal, deal, start);
        refused(login, ok.replace("\"campaignTypeId\": 2", "\"campaignTypeId\": 1"), "Invalid campaign Type provided");
        refused(login, ok.replace("\"budgetTypeId\": 1", "\"budgetTypeId\": 2, \"totalImpressions\": 1000"), "IO and campaign budget type should be same");
        refused(login, ok.replace("\"budgetTotal\": 1234,", ""), "Total budget is required.");
        refused(login, ok.replace("\"ioId\": " + io, "\"ioId\": 1"),
                "The action cannot be completed as insertion order 1 does not belong to this organization");
        refused(login, ok.replace("\"startTime\": " + start, "\"startTime\": " + (start - 2 * HOUR - 60)),
                "Start date can not be less than current time.");
        as(login).body(ok.replace("\"inventoryTargeting\"", "\"unknownTargeting\"")).post("/api/v3/cmp/pg/campaigns/add")
                .then().statusCode(400).body("errorObjects[0].field", equalTo("unknownTargeting"));
        // A PG campaign is not made by the advanced campaign operations.
        long start2 = nowSeconds() + HOUR;
        as(login).body(seedCampaign(io, creative, start2, start2 + DAY).replace("\"campaignType\": 1", "\"campaignType\": 2"))
                .post("/api/v2/cmp/campaigns/add").then().statusCode(400)
                .body("responseObject.errorMsg", equalTo("Invalid campaign Type provided"));
    }

    void refused(Login login, String body, String message) {
        as(login).body(body).post("/api/v3/cmp/pg/campaigns/add").then().statusCode(422)
                .body("success", equalTo(false)).body("errorObjects[0].error", equalTo(message));
    }

    @Test
    void anotherOrganizationsDealsAndCampaignsAreMissing() {
        Login a = login(newTenant("editor"));
        Login b = login(newTenant("editor"));
        long dealOfA = deal(a, "pg");
        long io = newIo(b);
        long creative = runningCreative(b, 11);
        long start = nowSeconds() + HOUR;
        as(b).body(budgetExample(io, creative, dealOfA, dealOfA, start)).post("/api/v3/cmp/pg/campaigns/add").then()
                .statusCode(422).body("errorObjects[0].field", equalTo("pgDealIds"))
                .body("errorObjects[0].error", equalTo("Invalid arguments pg deal ids!"))
                .body("errorObjects[0].reason", equalTo("Not this organization's: " + dealOfA + "."));
        long dealOfB = deal(b, "pg");
        long campaignOfB = as(b).body(budgetExample(io, creative, dealOfB, dealOfB, start))
                .post("/api/v3/cmp/pg/campaigns/add").then().statusCode(201).extract().jsonPath().getLong("data.campaignId");
        as(a).body("{\"pgCampaignInfo\": {\"campaignName\": \"taken\"}}").patch("/api/v3/cmp/pg/campaigns/" + campaignOfB)
                .then().statusCode(404);
        as(a).body(Map.of("operations", List.of(Map.of("action", "ASSIGN", "campaignIds", List.of(campaignOfB),
                "pgDealIds", List.of(dealOfA))))).patch("/api/v3/cmp/pg/campaigns/mappings").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("Campaign id/s is/are invalid or not accessible for logged-in user"));
        as(b).body(Map.of("operations", List.of(Map.of("action", "ASSIGN", "campaignIds", List.of(campaignOfB),
                "pgDealIds", List.of(dealOfA))))).patch("/api/v3/cmp/pg/campaigns/mappings").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("PG deal id/s is/are invalid or not accessible for logged-in user"));
    }
}
