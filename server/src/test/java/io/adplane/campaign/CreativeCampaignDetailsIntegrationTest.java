package io.adplane.campaign;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

/** {@code GET /api/v3/crt/creatives/{id}/creative-campaign-details}: the creative with the campaigns naming it. */
class CreativeCampaignDetailsIntegrationTest extends CampaignTestSupport {

    @Test
    void theCreativeWithItsCampaigns() {
        Tenant t = newTenant("editor");
        Login login = login(t);
        long io = newIo(login);
        long creative = runningCreative(login, 11);
        long other = runningCreative(login, 11);
        long first = newCampaign(login, io, creative);
        long start = nowSeconds() + HOUR;
        String two = seedCampaign(io, creative, start, start + DAY).replace("\"" + creative + "\"", "\"" + creative + "," + other + "\"");
        long second = as(login).body(two).post("/api/v2/cmp/campaigns/add").then().statusCode(200)
                .extract().jsonPath().getLong("responseObject.data");
        newCampaign(login, io, other);

        as(login).get("/api/v3/crt/creatives/" + creative + "/creative-campaign-details").then().statusCode(200)
                .body("data.creativeId", equalTo((int) creative))
                .body("data.rtbCreativeTypeId", equalTo(1))
                .body("data.platformCreativeTypeId", equalTo(11))
                .body("data.creativeStatusId", equalTo(2))
                .body("data.externalCreativeId", equalTo(""))
                .body("data.imageDetails.creativeWidth", equalTo(300))
                .body("data.creativeSourceType", equalTo("url"))
                .body("data.userDetails.uowId", equalTo((int) t.uowId()))
                .body("data.organizationDetails.owId", equalTo((int) t.owId()))
                .body("data.organizationDetails.organizationLogo", equalTo(""))
                .body("data.campaignDetails.id", contains((int) first, (int) second))
                .body("data.campaignDetails.status", contains("pending", "pending"))
                .body("data.campaignDetails.totalCreativesCount", contains(1, 2))
                .body("data.campaignDetails[0]", not(hasKey("isModelled")));
        as(login).get("/api/v3/crt/creatives/" + creative + "/creative-campaign-details?includeModelingInfo=true")
                .then().statusCode(200).body("data.campaignDetails.isModelled", contains(false, false));

        updateStatus(login, t.owId(), String.valueOf(first), "deleted", null).then().statusCode(200);
        as(login).get("/api/v3/crt/creatives/" + creative + "/creative-campaign-details").then()
                .body("data.campaignDetails", hasSize(1));
    }

    @Test
    void anotherOrganizationsCreativeIsMissing() {
        Login a = login(newTenant("editor"));
        Login b = login(newTenant("editor"));
        long creative = pendingCreative(a, 11);
        as(b).get("/api/v3/crt/creatives/" + creative + "/creative-campaign-details").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("No creative details found for creativeId: " + creative));
        as(a).get("/api/v3/crt/creatives/" + creative + "/creative-campaign-details").then().statusCode(200)
                .body("data.campaignDetails", hasSize(0));
    }
}
