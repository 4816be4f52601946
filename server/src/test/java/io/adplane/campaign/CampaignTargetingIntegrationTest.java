package io.adplane.campaign;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Deals, audiences and inventory groups of an organization (adplane's own operations, F4) and IQM's operations
 * that target them: audience targeting, inventory group include/exclude, PMP deal mappings; their errors and
 * isolation between organizations.
 */
class CampaignTargetingIntegrationTest extends CampaignTestSupport {

    long audience(Login login, String name) {
        return as(login).body(Map.of("audienceName", name, "audienceTypeId", 1)).post("/api/v3/adplane/audiences")
                .then().statusCode(200).extract().jsonPath().getLong("data.id");
    }

    long inventoryGroup(Login login, String name) {
        return as(login).body(Map.of("groupName", name, "groupTypeId", 1)).post("/api/v3/adplane/inventory-groups")
                .then().statusCode(200).extract().jsonPath().getLong("data.id");
    }

    long deal(Login login, String kind, String name) {
        return as(login).body(Map.of("dealId", "D-" + name, "dealName", name, "exchangeId", 1, "cpm", 4.5))
                .post("/api/v3/adplane/" + kind + "-deals").then().statusCode(200).extract().jsonPath().getLong("data.id");
    }

    long campaign(Login login) {
        return newCampaign(login, newIo(login), runningCreative(login, 11));
    }

    Map<String, Object> settingsOf(Login login, long campaignId) {
        return as(login).get("/api/v2/cmp/campaign/" + campaignId).then().statusCode(200).extract().jsonPath()
                .getMap("responseObject");
    }

    @Test
    void theOrganizationsOwnRecordsAreListed() {
        Login a = login(newTenant("editor"));
        Login b = login(newTenant("editor"));
        long audience = audience(a, "Shoppers");
        long group = inventoryGroup(a, "News sites");
        long pg = deal(a, "pg", "Guaranteed");
        long pmp = deal(a, "pmp", "Private");
        as(a).get("/api/v3/adplane/audiences").then().statusCode(200).body("data.totalRecords", equalTo(1))
                .body("data.data[0].id", equalTo((int) audience)).body("data.data[0].audienceName", equalTo("Shoppers"))
                .body("data.data[0].audienceStatusId", equalTo(1));
        as(a).get("/api/v3/adplane/inventory-groups").then().body("data.data[0].id", equalTo((int) group));
        as(a).get("/api/v3/adplane/pg-deals").then().body("data.data.id", contains((int) pg))
                .body("data.data[0].dealId", equalTo("D-Guaranteed")).body("data.data[0].cpm", equalTo(4.5f));
        as(a).get("/api/v3/adplane/pmp-deals").then().body("data.data.id", contains((int) pmp));
        for (String list : List.of("audiences", "inventory-groups", "pg-deals", "pmp-deals")) {
            as(b).get("/api/v3/adplane/" + list).then().statusCode(200).body("data.totalRecords", equalTo(0));
        }
        as(a).body(Map.of("dealId", "X", "dealName", "X", "exchangeId", 9999)).post("/api/v3/adplane/pmp-deals")
                .then().statusCode(400).body("errorObjects[0].field", equalTo("exchangeId"));
        as(a).body(Map.of("audienceName", "")).post("/api/v3/adplane/audiences").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("audienceName"));
    }

    @Test
    void audiencesAreIncludedExcludedAndRemoved() {
        Login login = login(newTenant("editor"));
        long campaign = campaign(login);
        long a1 = audience(login, "A1");
        long a2 = audience(login, "A2");
        long a3 = audience(login, "A3");
        String key = String.valueOf(campaign);
        as(login).body(Map.of(key, Map.of("includedAudienceList", List.of(a1, a2), "excludedAudienceList", List.of(a3),
                "removedAudienceList", List.of()))).post("/api/v3/cmp/target/audience").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.message", equalTo("Your changes have been successfully saved."))
                .body("data", not(hasKey("failedCampaigns")));
        Map<String, Object> c = settingsOf(login, campaign);
        org.assertj.core.api.Assertions.assertThat(c.get("whiteListedAudienceIds")).isEqualTo(a1 + "," + a2);
        org.assertj.core.api.Assertions.assertThat(c.get("blackListedAudienceIds")).isEqualTo(String.valueOf(a3));
        // IQM's spelling removeAudienceList works too; removing takes the audience off either list.
        as(login).body(Map.of(key, Map.of("includedAudienceList", List.of(), "excludedAudienceList", List.of(),
                "removeAudienceList", List.of(a1, a3)))).post("/api/v3/cmp/target/audience").then().statusCode(200);
        c = settingsOf(login, campaign);
        org.assertj.core.api.Assertions.assertThat(c.get("whiteListedAudienceIds")).isEqualTo(String.valueOf(a2));
        org.assertj.core.api.Assertions.assertThat(c.get("blackListedAudienceIds")).isEqualTo("");
    }

    @Test
    void audienceFailuresArePerCampaign() {
        Tenant t = newTenant("editor");
        Login login = login(t);
        Login other = login(newTenant("editor"));
        long mine = campaign(login);
        long foreignAudience = audience(other, "Theirs");
        long own = audience(login, "Mine");
        List<Long> many = new java.util.ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(audience(login, "Many " + i));
        }
        long second = campaign(login);
        as(login).body(Map.of(
                String.valueOf(mine), Map.of("includedAudienceList", List.of(own), "excludedAudienceList", List.of()),
                String.valueOf(second), Map.of("includedAudienceList", many, "excludedAudienceList", List.of()),
                "1", Map.of("includedAudienceList", List.of(own), "excludedAudienceList", List.of())))
                .post("/api/v3/cmp/target/audience").then().statusCode(200)
                .body("success", equalTo(false))
                .body("data.message", equalTo("Your changes have been successfully saved."))
                .body("data.failedCampaigns." + second, equalTo("Can not target more than 20 audiences."))
                .body("data.failedCampaigns.1", equalTo(CampaignWriter.NOT_FOUND))
                .body("data.failedCampaigns", not(hasKey(String.valueOf(mine))));
        org.assertj.core.api.Assertions.assertThat(settingsOf(login, mine).get("whiteListedAudienceIds"))
                .isEqualTo(String.valueOf(own));
        // The failed campaign kept its (empty) audiences, answered as IQM's none (F12).
        org.assertj.core.api.Assertions.assertThat(settingsOf(login, second).get("whiteListedAudienceIds")).isEqualTo("");
        // Another organization's audience is an unknown audience, here and on create.
        as(login).body(Map.of(String.valueOf(mine), Map.of("includedAudienceList", List.of(foreignAudience),
                "excludedAudienceList", List.of()))).post("/api/v3/cmp/target/audience").then().statusCode(200)
                .body("data.failedCampaigns." + mine, equalTo("Invalid audience ids: [" + foreignAudience + "]."));
        long start = nowSeconds() + HOUR;
        String body = seedCampaign(newIo(login), runningCreative(login, 11), start, start + DAY)
                .replace("\"campaignType\": 1", "\"campaignType\": 1, \"whiteListedAudienceIds\": \"" + foreignAudience + "\"");
        // IQM's 412 form (F16), in the body and on the status line alike.
        as(login).body(body).post("/api/v2/cmp/campaigns/add").then().statusCode(412)
                .body("statusCode", equalTo(412)).body("responseObject.errorCode", equalTo(412))
                .body("responseObject.errorMsg", equalTo("Invalid arguments audience ids!"))
                .body("responseObject.errorField", equalTo("whiteListedAudienceIds"));
    }

    @Test
    void inventoryGroupsAreIncludedAndExcluded() {
        Login login = login(newTenant("editor"));
        Login other = login(newTenant("editor"));
        long c1 = campaign(login);
        long c2 = campaign(login);
        long g1 = inventoryGroup(login, "G1");
        long g2 = inventoryGroup(login, "G2");
        as(login).body(Map.of("groupIds", List.of(g1, g2), "includedCampaignIds", c1 + "", "excludedCampaignIds", c2 + ""))
                .post("/api/v3/cmp/inventorygroup/includeExclude").then().statusCode(200)
                .body("data.message", equalTo("Changes have been saved successfully"));
        org.assertj.core.api.Assertions.assertThat(settingsOf(login, c1).get("whiteListedInventoryGroupIds")).isEqualTo(g1 + "," + g2);
        org.assertj.core.api.Assertions.assertThat(settingsOf(login, c2).get("blackListedInventoryGroupIds")).isEqualTo(g1 + "," + g2);
        // Moving a group from excluded to included.
        as(login).body(Map.of("groupIds", List.of(g1), "includedCampaignIds", c2 + "", "excludedCampaignIds", ""))
                .post("/api/v3/cmp/inventorygroup/includeExclude").then().statusCode(200);
        org.assertj.core.api.Assertions.assertThat(settingsOf(login, c2).get("whiteListedInventoryGroupIds")).isEqualTo(String.valueOf(g1));
        org.assertj.core.api.Assertions.assertThat(settingsOf(login, c2).get("blackListedInventoryGroupIds")).isEqualTo(String.valueOf(g2));

        long foreignCampaign = campaign(other);
        long foreignGroup = inventoryGroup(other, "Theirs");
        as(login).body(Map.of("groupIds", List.of(g1), "includedCampaignIds", c1 + "," + foreignCampaign, "excludedCampaignIds", ""))
                .post("/api/v3/cmp/inventorygroup/includeExclude").then().statusCode(400)
                .body("errorObjects[0].error", equalTo("Invalid campaign IDs provided"));
        as(login).body(Map.of("groupIds", List.of(foreignGroup), "includedCampaignIds", c1 + "", "excludedCampaignIds", ""))
                .post("/api/v3/cmp/inventorygroup/includeExclude").then().statusCode(400)
                .body("errorObjects[0].error", equalTo("Invalid inventory group IDs provided"));
        as(other).body(Map.of("groupIds", List.of(foreignGroup), "includedCampaignIds", c1 + "", "excludedCampaignIds", ""))
                .post("/api/v3/cmp/inventorygroup/includeExclude").then().statusCode(400)
                .body("errorObjects[0].error", equalTo("Invalid campaign IDs provided"));
        org.assertj.core.api.Assertions.assertThat(settingsOf(login, c1).get("whiteListedInventoryGroupIds")).isEqualTo(g1 + "," + g2);
    }

    @Test
    void pmpDealsAreAssignedAndDeassigned() {
        Login login = login(newTenant("editor"));
        Login other = login(newTenant("editor"));
        long c1 = campaign(login);
        long c2 = campaign(login);
        long d1 = deal(login, "pmp", "P1");
        long d2 = deal(login, "pmp", "P2");
        long d3 = deal(login, "pmp", "P3");
        // IQM's example, ids replaced: lower-case actions, applied in order.
        String body = """
                {"operations": [
                  {"action": "assign", "campaignIds": [%d, %d], "pmpDealIds": [%d, %d]},
                  {"action": "assign", "campaignIds": [%d], "pmpDealIds": [%d]},
                  {"action": "deassign", "campaignIds": [%d], "pmpDealIds": [%d]}
                ]}""".formatted(c1, c2, d1, d2, c2, d3, c2, d2);
        as(login).body(body).patch("/api/v3/cmp/pmp/campaigns/mappings").then().statusCode(200)
                .body("data", equalTo("PMP deal campaign mappings updated successfully"));
        org.assertj.core.api.Assertions.assertThat(settingsOf(login, c1).get("pmpDealIds")).isEqualTo(List.of((int) d1, (int) d2));
        org.assertj.core.api.Assertions.assertThat(settingsOf(login, c2).get("pmpDealIds")).isEqualTo(List.of((int) d1, (int) d3));

        long foreignDeal = deal(other, "pmp", "Theirs");
        long pgDeal = deal(login, "pg", "Guaranteed");
        for (long wrong : new long[] {foreignDeal, pgDeal}) {
            as(login).body(Map.of("operations", List.of(Map.of("action", "ASSIGN", "campaignIds", List.of(c1),
                    "pmpDealIds", List.of(wrong))))).patch("/api/v3/cmp/pmp/campaigns/mappings").then().statusCode(422)
                    .body("errorObjects[0].error", equalTo("PMP deal id/s is/are invalid or not accessible for logged-in user"));
        }
        long foreignCampaign = campaign(other);
        as(login).body(Map.of("operations", List.of(Map.of("action", "ASSIGN", "campaignIds", List.of(foreignCampaign),
                "pmpDealIds", List.of(d1))))).patch("/api/v3/cmp/pmp/campaigns/mappings").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("Campaign id/s is/are invalid or not accessible for logged-in user"));
        as(login).body(Map.of("operations", List.of(Map.of("action", "MOVE", "campaignIds", List.of(c1),
                "pmpDealIds", List.of(d1))))).patch("/api/v3/cmp/pmp/campaigns/mappings").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("action"));
        List<Long> many = new java.util.ArrayList<>();
        for (int i = 0; i < 23; i++) {
            many.add(deal(login, "pmp", "Many " + i));
        }
        many.add(d3);
        as(login).body(Map.of("operations", List.of(Map.of("action", "ASSIGN", "campaignIds", List.of(c2, c1),
                "pmpDealIds", many)))).patch("/api/v3/cmp/pmp/campaigns/mappings").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("Campaign ID " + c1 + " exceeds the maximum limit of 25 deals"));
        // All or nothing: the campaign that fit was not changed either.
        org.assertj.core.api.Assertions.assertThat(settingsOf(login, c2).get("pmpDealIds")).isEqualTo(List.of((int) d1, (int) d3));
        // A viewer may not change mappings.
        Tenant viewer = newUserIn(login.owId(), "viewer", null);
        as(login(viewer)).body(body).patch("/api/v3/cmp/pmp/campaigns/mappings").then().statusCode(403);
    }
}
