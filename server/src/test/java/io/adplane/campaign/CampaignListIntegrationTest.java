package io.adplane.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Lists and counts, paged and sorted in SQL, over the caller's organizations (§4.10). */
class CampaignListIntegrationTest extends CampaignTestSupport {

    @Test
    void basicListFiltersSortsAndPages() {
        Tenant tenant = newTenant("admin");
        Login login = login(tenant);
        long io = newIo(login);
        long creative = runningCreative(login, 11);
        long a = newCampaign(login, io, creative);
        long b = newCampaign(login, io, creative);
        long c = newCampaign(login, io, creative);
        as(login).body("{\"campaignName\":\"Zebra\"}").patch("/api/v3/cmp/campaign/update-name/" + b).then().statusCode(200);
        updateStatus(login, tenant.owId(), "" + c, "deleted", null).then().statusCode(200);

        as(login).body("{}").post("/api/v3/cmp/basic/list").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.totalRecords", equalTo(2))
                .body("data.filteredRecords", equalTo(2))
                .body("data.data.campaignId", contains((int) b, (int) a));
        as(login).body("{\"sortBy\":\"+name\",\"noOfEntries\":1,\"pageNo\":2}").post("/api/v3/cmp/basic/list").then()
                .body("data.data.name", contains("Zebra"));
        as(login).body("{\"searchField\":\"zeb\"}").post("/api/v3/cmp/basic/list").then()
                .body("data.data.campaignId", contains((int) b));
        as(login).body("{\"status\":[\"deleted\"]}").post("/api/v3/cmp/basic/list").then()
                .body("data.data.campaignId", contains((int) c));
        as(login).body("{\"ids\":[" + a + "],\"sortBy\":\"-id\"}").post("/api/v3/cmp/basic/list").then()
                .body("data.data.campaignId", contains((int) a, (int) b));
        as(login).body("{\"responseFields\":[\"campaignId\",\"status\"],\"campaignIds\":[" + a + "]}")
                .post("/api/v3/cmp/basic/list").then()
                .body("data.data[0]", equalTo(Map.of("campaignId", (int) a, "status", "pending")));
        as(login).body("{\"sortBy\":\"-password\"}").post("/api/v3/cmp/basic/list").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("sortBy"));
        as(login).body("{\"noOfEntries\":501}").post("/api/v3/cmp/basic/list").then().statusCode(400);
        as(login).body("{\"status\":[\"flying\"]}").post("/api/v3/cmp/basic/list").then().statusCode(400)
                .body("errorObjects[0].error", equalTo("Please provide valid value of status."));

        as(login).get("/api/v2/cmp/campaigns/data?limit=1&sortBy=-created").then().statusCode(200)
                .body("statusCode", equalTo(200))
                .body("responseObject.totalRecords", equalTo(2))
                .body("responseObject.data[0].id", equalTo((int) b))
                .body("responseObject.data[0].campaignType", equalTo("CPM"));

        as(login).body("{\"ioIdsList\":[" + io + "]}").post("/api/v3/cmp/io/campaign/basic/list").then().statusCode(200)
                .body("data.ioCampaignsList[0].ioId", equalTo((int) io))
                .body("data.ioCampaignsList[0].campaignCount", equalTo(2));
    }

    @Test
    void countsPerStatusIncludingAll() {
        Tenant tenant = newTenant("admin");
        Login login = login(tenant);
        long io = newIo(login);
        long creative = runningCreative(login, 11);
        long a = newCampaign(login, io, creative);
        newCampaign(login, io, creative);
        updateStatus(loginAdmin(), tenant.owId(), "" + a, "running", null).then().statusCode(200);

        List<Map<String, Object>> counts = as(login).body("{}").post("/api/v3/cmp/campaigns/count").then()
                .statusCode(200).extract().jsonPath().getList("data");
        assertThat(counts).anySatisfy(m -> assertThat(m).containsEntry("status_key", "running").containsEntry("status_count", 1));
        assertThat(counts).anySatisfy(m -> assertThat(m).containsEntry("status_key", "pending").containsEntry("status_count", 1));
        assertThat(counts).anySatisfy(m -> assertThat(m).containsEntry("status_key", "all").containsEntry("status_count", 2));
        as(login).get("/api/v2/cmp/campaigns/count").then().statusCode(200)
                .body("responseObject.find { it.status_key == 'all' }.status_count", equalTo(2));
    }

    @Test
    void aParentListsItsCustomersWithOwIds() {
        Tenant agency = newTenant("admin");
        Tenant advertiser = newTenantUnder(agency.owId(), "admin");
        Login advertiserLogin = login(advertiser);
        long id = newCampaign(advertiserLogin, newIo(advertiserLogin), runningCreative(advertiserLogin, 11));
        Login agencyLogin = login(agency);
        as(agencyLogin).body("{\"owIds\":[" + advertiser.owId() + "]}").post("/api/v3/cmp/basic/list").then()
                .statusCode(200).body("data.data.campaignId", contains((int) id));
        as(agencyLogin).body("{\"isAllOwIds\":true}").post("/api/v3/cmp/basic/list").then()
                .body("data.data.campaignId", contains((int) id));
        as(agencyLogin).body("{}").post("/api/v3/cmp/basic/list").then().body("data.filteredRecords", equalTo(0));
    }
}
