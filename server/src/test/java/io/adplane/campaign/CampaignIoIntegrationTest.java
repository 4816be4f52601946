package io.adplane.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** What IO operations do to campaigns: delete deletes them, duplicate copies them, expiry expires them (D17). */
class CampaignIoIntegrationTest extends CampaignTestSupport {

    @Test
    void deletingAnIoDeletesItsCampaigns() {
        Tenant t = newTenant("admin");
        Login login = login(t);
        long io = newIo(login);
        long creative = runningCreative(login, 11);
        long a = newCampaign(login, io, creative);
        long b = newCampaign(login, io, creative);
        as(login).body("{\"ioIdsList\":[" + io + "]}").post("/api/v3/cmp/io/delete").then().statusCode(200)
                .body("data", equalTo("1 Insertion Order deleted successfully"));
        assertThat(statusOf(login, a)).isEqualTo("deleted");
        assertThat(statusOf(login, b)).isEqualTo("deleted");
        as(login).get("/api/v3/cmp/campaign/" + a + "/status-history").then()
                .body("data[1].reason", equalTo("insertion order deleted"));
        // No new campaign can be put under a deleted IO.
        long start = nowSeconds() + HOUR;
        as(login).body(seedCampaign(io, creative, start, start + DAY)).post("/api/v2/cmp/campaigns/add").then().statusCode(422);
    }

    @Test
    void duplicatingAnIoCopiesTheChosenCampaigns() {
        Tenant t = newTenant("admin");
        Login login = login(t);
        long io = newIo(login);
        long creative = runningCreative(login, 11);
        long a = newCampaign(login, io, creative);
        newCampaign(login, io, creative);
        long start = (nowSeconds() + 2 * HOUR) * 1000;
        var data = as(login).body("{\"ioId\":" + io + ",\"ioExistingCampaignIds\":[" + a + "],\"ioTimeZoneId\":29,"
                + "\"ioStartTime\":" + start + ",\"ioEndTime\":" + (start + 10 * DAY * 1000) + "}")
                .post("/api/v3/cmp/io/duplicate").then().statusCode(200)
                .body("data.duplicatedCampaignIds", hasSize(1)).extract().jsonPath();
        long newIo = data.getLong("data.duplicatedIoId");
        long copy = data.getLong("data.duplicatedCampaignIds[0]");
        as(login).get("/api/v2/cmp/campaign/" + copy).then()
                .body("responseObject.ioId", equalTo((int) newIo))
                .body("responseObject.startTime", equalTo((int) (start / 1000)))
                .body("responseObject.status", equalTo("pending"));
        as(login).get("/api/v3/cmp/io/" + newIo).then().body("data.ioTotalBudget", equalTo(1500))
                .body("data.ioName", equalTo(as(login).get("/api/v3/cmp/io/" + io).then().extract().path("data.ioName") + " copy"));
    }

    @Test
    void aCampaignWithoutEndExpiresWithItsIo() {
        Tenant t = newTenant("admin");
        Login login = login(t);
        long io = newIo(login);
        long creative = runningCreative(login, 11);
        long start = nowSeconds() + HOUR;
        String body = seedCampaign(io, creative, start, start + DAY).replaceFirst("\"endTime\": \\d+,", "");
        long id = as(login).body(body).post("/api/v2/cmp/campaigns/add").then().statusCode(200)
                .extract().jsonPath().getLong("responseObject.data");
        updateStatus(loginAdmin(), t.owId(), "" + id, "running", null).then().statusCode(200);
        clock.advance(Duration.ofDays(32));
        assertThat(statusOf(login(t), id)).isEqualTo("expired");
    }
}
