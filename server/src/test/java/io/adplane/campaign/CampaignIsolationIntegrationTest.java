package io.adplane.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A campaign of organization A can't be read, listed, edited, approved, duplicated or counted by B (D5). */
class CampaignIsolationIntegrationTest extends CampaignTestSupport {

    @Test
    void everyEndpointTreatsAForeignCampaignAsMissing() {
        Tenant a = newTenant("admin");
        Login la = login(a);
        long ioA = newIo(la);
        long creativeA = runningCreative(la, 11);
        long campaign = newCampaign(la, ioA, creativeA);
        Tenant b = newTenant("admin");
        Login lb = login(b);
        long ioB = newIo(lb);
        long creativeB = runningCreative(lb, 11);
        long missing = 999_999_999L;

        String foreign = as(lb).get("/api/v2/cmp/campaign/" + campaign).then().statusCode(404).extract().asString();
        String absent = as(lb).get("/api/v2/cmp/campaign/" + missing).then().statusCode(404).extract().asString();
        assertThat(foreign).isEqualTo(absent.replace(String.valueOf(missing), String.valueOf(campaign)));
        assertThat(foreign).isEqualTo("{\"statusCode\":404,\"responseObject\":{\"errorMsg\":\"Campaign not found.\",\"errorCode\":404,\"errorField\":\"campaignId\"}}");

        as(lb).body("{\"campaignName\":\"stolen\"}").patch("/api/v2/cmp/campaign/" + campaign).then().statusCode(404);
        as(lb).body(seedCampaign(ioB, creativeB, nowSeconds() + HOUR, nowSeconds() + DAY))
                .put("/api/v2/cmp/campaign/draft/" + campaign).then().statusCode(404);
        updateStatus(lb, b.owId(), "" + campaign, "deleted", null).then().statusCode(404);
        updateStatus(loginAdmin(), b.owId(), "" + campaign, "running", null).then().statusCode(404);
        as(lb).body("{\"campaignName\":\"x\"}").patch("/api/v3/cmp/campaign/update-name/" + campaign).then().statusCode(404);
        as(lb).body("{\"campaignIds\":\"" + campaign + "\",\"totalBudget\":5}").put("/api/v2/cmp/campaigns/update-budget")
                .then().statusCode(200).body("responseObject.status", equalTo(false));
        as(lb).body("{\"campaignIds\":\"" + campaign + "\",\"endDate\":" + (nowSeconds() + DAY) + "}")
                .put("/api/v2/cmp/campaigns/update-end-date").then().statusCode(200)
                .body("responseObject.status", equalTo(false));
        as(lb).body("{\"existingCampaignIds\":\"" + campaign + "\",\"ioId\":" + ioB + ",\"startDate\":" + (nowSeconds() + HOUR) + ",\"endDate\":0}")
                .post("/api/v2/cmp/campaigns/duplicate").then().statusCode(200)
                .body("responseObject.duplicatedCampaignIds", equalTo(List.of()));
        as(lb).body("{\"creativeIds\":[" + creativeB + "],\"assignedCampaignIds\":[" + campaign + "]}")
                .patch("/api/v3/cmp/target/creative").then().statusCode(422);
        as(lb).get("/api/v3/cmp/campaign/" + campaign + "/status-history").then().statusCode(404);

        as(lb).body("{\"campaignIds\":[" + campaign + "]}").post("/api/v3/cmp/basic/list").then().statusCode(200)
                .body("data.filteredRecords", equalTo(0));
        as(lb).body("{}").post("/api/v3/cmp/campaigns/count").then().statusCode(200)
                .body("data.find { it.status_key == 'all' }.status_count", equalTo(0));
        as(lb).body("{\"owIds\":[" + a.owId() + "]}").post("/api/v3/cmp/basic/list").then().statusCode(403);
        as(lb).get("/api/v2/cmp/campaigns/data?owIds=" + a.owId()).then().statusCode(403);

        // B's IO can't take A's campaign and A's IO can't take B's.
        as(lb).body(seedCampaign(ioA, creativeB, nowSeconds() + HOUR, nowSeconds() + DAY))
                .post("/api/v2/cmp/campaigns/add").then().statusCode(422)
                .body("responseObject.errorMsg", equalTo("The action cannot be completed as insertion order " + ioA
                        + " does not belong to this organization"));
        as(lb).body(seedCampaign(ioB, creativeA, nowSeconds() + HOUR, nowSeconds() + DAY))
                .post("/api/v2/cmp/campaigns/add").then().statusCode(400)
                .body("responseObject.errorField", equalTo("creativeIds"));

        // And A still sees its campaign untouched.
        as(la).get("/api/v2/cmp/campaign/" + campaign).then().statusCode(200)
                .body("responseObject.campaignName", equalTo("NewTest"))
                .body("responseObject.status", equalTo("pending"));
    }
}
