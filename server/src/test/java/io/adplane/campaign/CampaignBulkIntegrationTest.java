package io.adplane.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

/** Budgets, end dates, names, duplicates and creative assignment of many campaigns (§4.7, §4.9, §4.11). */
class CampaignBulkIntegrationTest extends CampaignTestSupport {

    record Setup(Tenant tenant, Login login, long ioId, long creativeId) {
    }

    Setup setup() {
        Tenant tenant = newTenant("admin");
        Login login = login(tenant);
        return new Setup(tenant, login, newIo(login), runningCreative(login, 11));
    }

    private double ioTotal(Login login, long ioId) {
        return ((Number) as(login).get("/api/v3/cmp/io/" + ioId).then().statusCode(200)
                .extract().path("data.ioTotalBudget")).doubleValue();
    }

    @Test
    void budgetsChangeAddAndDistributeAndTheIoFollows() {
        Setup s = setup();
        long a = newCampaign(s.login(), s.ioId(), s.creativeId());
        long b = newCampaign(s.login(), s.ioId(), s.creativeId());
        assertThat(ioTotal(s.login(), s.ioId())).isEqualTo(3000.0);

        as(s.login()).body("{\"campaignIds\":\"" + a + "\",\"dailyBudget\":1001,\"totalBudget\":2000}")
                .put("/api/v2/cmp/campaigns/update-budget").then().statusCode(200)
                .body("statusCode", equalTo(200))
                .body("responseObject.status", equalTo(true))
                .body("responseObject.modified_data[0].campaignId", equalTo((int) a))
                .body("responseObject.modified_data[0].budgetDay", equalTo(1001.0f));
        assertThat(ioTotal(s.login(), s.ioId())).isEqualTo(3500.0);

        as(s.login()).body("{\"campaignIds\":\"" + a + "," + b + "\",\"totalBudget\":100,\"totalBudgetUpdateType\":\"addition\"}")
                .put("/api/v2/cmp/campaigns/update-budget").then().statusCode(200);
        assertThat(ioTotal(s.login(), s.ioId())).isEqualTo(3700.0);

        as(s.login()).body("{\"campaignIds\":\"" + a + "," + b + "\",\"totalBudget\":3000.01,\"totalBudgetUpdateType\":\"distribution\"}")
                .put("/api/v2/cmp/campaigns/update-budget").then().statusCode(200);
        assertThat(ioTotal(s.login(), s.ioId())).isCloseTo(3000.01, org.assertj.core.data.Offset.offset(0.001));

        // A failure is reported per campaign, still HTTP 200, as IQM shows.
        as(s.login()).body("{\"campaignIds\":\"" + a + "\",\"dailyBudget\":999999}")
                .put("/api/v2/cmp/campaigns/update-budget").then().statusCode(200)
                .body("responseObject.status", equalTo(false))
                .body("responseObject.reason[0].errorMessage", equalTo("Daily budget must not exceed total budget."))
                .body("responseObject.reason[0].id", equalTo(String.valueOf(a)))
                .body("responseObject.reason[0].campaignName", equalTo("NewTest"));
        as(s.login()).body("{\"campaignIds\":\"" + a + "\",\"totalBudget\":5,\"totalBudgetUpdateType\":\"increase\"}")
                .put("/api/v2/cmp/campaigns/update-budget").then().statusCode(400)
                .body("responseObject.errorField", equalTo("totalBudgetUpdateType"));
    }

    @Test
    void aCampaignWithoutEndTakesBudgetChangesToo() {
        Setup s = setup();
        long start = nowSeconds() + HOUR;
        String body = seedCampaign(s.ioId(), s.creativeId(), start, start + DAY).replaceFirst("\"endTime\": \\d+,", "");
        long id = as(s.login()).body(body).post("/api/v2/cmp/campaigns/add").then().statusCode(200)
                .extract().jsonPath().getLong("responseObject.data");
        as(s.login()).body("{\"campaignIds\":\"" + id + "\",\"totalBudget\":400}")
                .put("/api/v2/cmp/campaigns/update-budget").then().statusCode(200)
                .body("responseObject.status", equalTo(true));
        as(s.login()).get("/api/v2/cmp/campaign/" + id).then().body("responseObject.budgetTotal", equalTo(400.0f))
                .body("responseObject.endTime", equalTo(0)); // F14: no end of its own
    }

    @Test
    void endDatesAndNames() {
        Setup s = setup();
        long a = newCampaign(s.login(), s.ioId(), s.creativeId());
        long end = nowSeconds() + 5 * DAY;
        as(s.login()).body("{\"endDate\":" + end + ",\"campaignIds\":\"" + a + "\"}")
                .put("/api/v2/cmp/campaigns/update-end-date").then().statusCode(200)
                .body("responseObject.status", equalTo(true));
        as(s.login()).get("/api/v2/cmp/campaign/" + a).then().body("responseObject.endTime", equalTo((int) end));
        as(s.login()).body("{\"endDate\":" + (nowSeconds() + 90 * DAY) + ",\"campaignIds\":\"" + a + "\"}")
                .put("/api/v2/cmp/campaigns/update-end-date").then().statusCode(200)
                .body("responseObject.status", equalTo(false))
                .body("responseObject.reason[0].errorMessage", equalTo("Campaign end time can't be after IO end time."));

        as(s.login()).body("{\"campaignName\":\"Renamed\"}").patch("/api/v3/cmp/campaign/update-name/" + a).then()
                .statusCode(200).body("success", equalTo(true))
                .body("data.message", equalTo("campaignName updated successfully"));
        as(s.login()).get("/api/v2/cmp/campaign/" + a).then().body("responseObject.campaignName", equalTo("Renamed"));
        as(s.login()).body("{\"campaignName\":\"  \"}").patch("/api/v3/cmp/campaign/update-name/" + a).then()
                .statusCode(400).body("errorObjects[0].field", equalTo("campaignName"));
    }

    @Test
    void duplicatesCopyIntoAnIoWithIqmsMessages() {
        Setup s = setup();
        long a = newCampaign(s.login(), s.ioId(), s.creativeId());
        long start = nowSeconds() + 2 * HOUR;
        var copies = as(s.login()).body("{\"existingCampaignIds\":\"" + a + "\",\"ioId\":" + s.ioId()
                + ",\"startDate\":" + start + ",\"endDate\":" + (start + DAY) + ",\"timeZoneId\":29}")
                .post("/api/v2/cmp/campaigns/duplicate").then().statusCode(200)
                .body("statusCode", equalTo(200))
                .body("responseObject.status", equalTo(true))
                .body("responseObject.duplicatedCampaignIds", hasSize(1))
                .extract().jsonPath().getLong("responseObject.duplicatedCampaignIds[0]");
        as(s.login()).get("/api/v2/cmp/campaign/" + copies).then()
                .body("responseObject.campaignName", equalTo("NewTest copy"))
                .body("responseObject.status", equalTo("pending"))
                .body("responseObject.startTime", equalTo((int) start));

        String base = "{\"existingCampaignIds\":\"" + a + "\",\"ioId\":" + s.ioId();
        as(s.login()).body("{\"ioId\":" + s.ioId() + ",\"startDate\":" + start + "}")
                .post("/api/v2/cmp/campaigns/duplicate").then().statusCode(400)
                .body("responseObject.errorMsg", equalTo("existingCampaignIds is required."));
        as(s.login()).body(base + "}").post("/api/v2/cmp/campaigns/duplicate").then().statusCode(400)
                .body("responseObject.errorMsg", equalTo("startDate is required."));
        as(s.login()).body(base + ",\"startDate\":" + (nowSeconds() - DAY) + "}").post("/api/v2/cmp/campaigns/duplicate")
                .then().statusCode(400).body("responseObject.errorMsg", equalTo("Start date can not be less than current time."));
        as(s.login()).body(base + ",\"startDate\":" + start + ",\"endDate\":" + (start - 1) + "}")
                .post("/api/v2/cmp/campaigns/duplicate").then().statusCode(400)
                .body("responseObject.errorMsg", equalTo("End date can not be less than start date."));
        as(s.login()).body(base + ",\"startDate\":" + start + ",\"endDate\":" + (start + 60) + "}")
                .post("/api/v2/cmp/campaigns/duplicate").then().statusCode(400)
                .body("responseObject.errorMsg", equalTo("There should be at least 15 min difference between start date and end date."));
        as(s.login()).body(base + ",\"startDate\":" + start + ",\"endDate\":-1}")
                .post("/api/v2/cmp/campaigns/duplicate").then().statusCode(400)
                .body("responseObject.errorMsg", equalTo("End date value must be zero or more, except for budget pacing off campaigns where it can be zero."));
        as(s.login()).body(base + ",\"startDate\":" + start + ",\"timeZoneId\":99999}")
                .post("/api/v2/cmp/campaigns/duplicate").then().statusCode(400)
                .body("responseObject.errorMsg", equalTo("Invalid timezone."));
    }

    @Test
    void creativesAreAssignedAndRemoved() {
        Setup s = setup();
        long a = newCampaign(s.login(), s.ioId(), s.creativeId());
        long second = runningCreative(s.login(), 11);
        as(s.login()).body("{\"creativeIds\":[" + second + "],\"assignedCampaignIds\":[" + a + "]}")
                .patch("/api/v3/cmp/target/creative").then().statusCode(200)
                .body("data.message", equalTo("Creatives assigned/un-assigned successfully."));
        as(s.login()).get("/api/v2/cmp/campaign/" + a).then()
                .body("responseObject.creativeIds", equalTo(s.creativeId() + "," + second));
        as(s.login()).body("{\"creativeIds\":[" + s.creativeId() + "],\"removedCampaignIds\":[" + a + "]}")
                .patch("/api/v3/cmp/target/creative").then().statusCode(200);
        as(s.login()).get("/api/v2/cmp/campaign/" + a).then().body("responseObject.creativeIds", equalTo(String.valueOf(second)));
        as(s.login()).body("{\"creativeIds\":[" + second + "],\"assignedCampaignIds\":[]}")
                .patch("/api/v3/cmp/target/creative").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("Please provide valid Campaign IDs for assign/un-assign action"));
    }
}
