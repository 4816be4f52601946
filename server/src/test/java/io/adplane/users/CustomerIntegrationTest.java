package io.adplane.users;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.adplane.support.IntegrationTestSupport;
import io.adplane.tenancy.OrganizationStatus;

/** Customers of a workspace over IQM's User API: the lists, their shapes, the status moves and who may make them. */
class CustomerIntegrationTest extends IntegrationTestSupport {

    @Test
    void anAgencyListsItsCustomersInIqmsShape() {
        Tenant agency = newTenant("admin");
        Tenant advertiser = newTenantUnder(agency.owId(), "admin");
        Tenant grandchild = newTenantUnder(advertiser.owId(), "viewer");
        Login login = login(agency);

        as(login).get("/api/v3/ua/customers/list?sortBy=+owId").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.data.owId", contains((int) advertiser.owId(), (int) grandchild.owId()))
                .body("data.totalRecords", equalTo(2)).body("data.filteredRecords", equalTo(2))
                .body("data.data[0].organizationName", equalTo(advertiser.name()))
                .body("data.data[0].parentOrganizationName", equalTo(agency.name()))
                .body("data.data[0].owStatus", equalTo("active")).body("data.data[0].owStatusId", equalTo(1))
                .body("data.data[0].customersCount", equalTo(1))
                .body("data.data[0].contactPersonEmail", equalTo(advertiser.email()))
                .body("data.data[0].workspaceDomain", equalTo(HOST))
                .body("data.data[0].isBidShadingEnabled", equalTo(false))
                .body("data.data[0].tags", contains("Advertiser"));
        as(login).get("/api/v3/ua/customers/list?searchField=" + grandchild.name().substring(4)).then()
                .body("data.data.owId", contains((int) grandchild.owId()))
                .body("data.filteredRecords", equalTo(1)).body("data.totalRecords", equalTo(2));
        as(login).get("/api/v3/ua/customers/list?limit=1&pageNo=2&sortBy=-owId").then()
                .body("data.data.owId", contains((int) advertiser.owId()));
        as(login).get("/api/v3/ua/immediate/customers/list").then().statusCode(200)
                .body("data.data.owId", contains((int) advertiser.owId()));
        as(login).get("/api/v3/ua/immediate/customers/list?owIds=" + advertiser.owId()).then()
                .body("data.data.owId", contains((int) grandchild.owId()));
        as(login).get("/api/v3/ua/customers/list/multi-level").then().statusCode(200)
                .body("data.data.owId", contains((int) advertiser.owId()))
                .body("data.data[0].customers.owId", contains((int) grandchild.owId()))
                .body("data.data[0].customers[0].customers", empty());
        as(login).get("/api/v3/ua/customers/count").then().statusCode(200)
                .body("data.name", contains("pending", "active", "invited", "suspended", "rejected"))
                .body("data.find { it.id == 1 }.statusCount", equalTo(2));
        as(login).body("{\"owStatusIds\":[],\"pageNo\":1,\"noOfEntries\":20,\"owIds\":[],\"searchField\":\"\","
                + "\"provideRunningCampaigns\":true}").post("/api/v3/ua/customer/basic/list").then().statusCode(200)
                .body("data.data.owId", containsInAnyOrder((int) advertiser.owId(), (int) grandchild.owId()))
                .body("data.data[0].runningCampaigns", equalTo(0))
                .body("data.data[0].owStatus", equalTo("Active"));
        as(login).get("/api/v3/ua/customers/workspaces/list").then().statusCode(200).body("data", empty());
    }

    @Test
    void allowedOrganizationsArePagedInIqmsShape() {
        Tenant agency = newTenant("approver");
        Tenant advertiser = newTenantUnder(agency.owId(), "admin");
        Login login = login(agency);
        as(login).get("/api/v3/ua/user/allowed-organizations?sortBy=+owId").then().statusCode(200)
                .body("data.data.owId", contains((int) agency.owId(), (int) advertiser.owId()))
                .body("data.data[1].customerType", equalTo("Advertiser"))
                .body("data.data[1].status", equalTo("Active"))
                .body("data.data[1].workspaceOwnerOrganizationName", equalTo("adplane"))
                .body("data.totalRecords", equalTo(2))
                .body("data.currentOrganization", nullValue());
        as(login).get("/api/v3/ua/user/allowed-organizations?isOrganizationAccess=false&noOfEntries=1").then()
                .body("data.data", hasSize(1))
                .body("data.currentOrganization.owId", equalTo((int) agency.owId()));
        as(login).get("/api/v3/ua/user/allowed-organizations?sortBy=height").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("Invalid sortBy value."));
        as(login).get("/api/v3/ua/customers/list?sortBy=-height").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("Invalid sortBy value."));
    }

    @Test
    void aForeignCustomerIsOutOfReach() {
        Tenant agency = newTenant("admin");
        Tenant sibling = newTenant("admin");
        Tenant siblingsCustomer = newTenantUnder(sibling.owId(), "admin");
        Login login = login(agency);
        as(login).get("/api/v3/ua/customers/list?owIds=" + sibling.owId()).then().statusCode(403)
                .body("errorObjects[0].error", equalTo("User is not authorized to access customers of given organizations"));
        String missing = as(login).body("{\"owId\":999999999,\"statusReason\":\"x\"}").patch("/api/v3/ua/customer/hold")
                .then().statusCode(404).extract().asString();
        String foreign = as(login).body("{\"owId\":" + siblingsCustomer.owId() + ",\"statusReason\":\"x\"}")
                .patch("/api/v3/ua/customer/hold").then().statusCode(404).extract().asString();
        org.assertj.core.api.Assertions.assertThat(foreign).isEqualTo(missing);
        as(login).get("/api/v3/ua/customers/list").then().body("data.data.owId", not(hasItem((int) siblingsCustomer.owId())));
    }

    @Test
    void onlyAnAdminAboveTheCustomerManagesIt() {
        Tenant agency = newTenant("admin");
        Tenant customer = newTenantUnder(agency.owId(), "admin");
        Tenant editor = newUserIn(agency.owId(), "editor", agency.name());
        String hold = "{\"owId\":" + customer.owId() + ",\"statusReason\":\"unpaid\"}";
        as(login(editor)).body(hold).patch("/api/v3/ua/customer/hold").then().statusCode(403)
                .body("errorObjects[0].error", equalTo("Forbidden!"));
        // The customer's own admin is not above it.
        as(login(customer)).body(hold).patch("/api/v3/ua/customer/hold").then().statusCode(403)
                .body("errorObjects[0].error", equalTo("Forbidden!"));
        // Nor is the agency's admin above the agency itself.
        as(login(agency)).body("{\"owId\":" + agency.owId() + "}").patch("/api/v3/ua/customer/hold").then()
                .statusCode(403);
    }

    @Test
    void holdStopsTheCustomersLoginWithTheSeedsAnswerAndReactivationRestoresIt() {
        Tenant agency = newTenant("admin");
        Tenant customer = newTenantUnder(agency.owId(), "editor");
        Login before = login(customer);
        Login admin = login(agency);
        String reason = "The particular account is kept on hold due to missed payment dates for last 3 months.";
        as(admin).body("{\"owId\":" + customer.owId() + ",\"statusReason\":\"" + reason + "\"}")
                .patch("/api/v3/ua/customer/hold").then().statusCode(200)
                .body("data", equalTo("Customer status changed to suspended successfully"));
        given().header("Authentication", basic(CLIENT_ID, CLIENT_SECRET)).header("X-IAA-HOST", HOST)
                .body("{\"grantType\":\"password\",\"email\":\"" + customer.email() + "\",\"password\":\"" + PASSWORD + "\"}")
                .post("/api/v3/ua/login").then().statusCode(400)
                .body("data.status", equalTo("On Hold")).body("data.reason", equalTo(reason))
                .body("errorObjects[0].error", equalTo("User is not allowed to access provided customer"));
        as(before).get("/api/v3/ua/profile").then().statusCode(403);
        as(admin).get("/api/v3/ua/customers/list?status=4").then()
                .body("data.data.owId", contains((int) customer.owId()))
                .body("data.data[0].owStatus", equalTo("suspended")).body("data.data[0].onHoldReason", equalTo(reason));
        as(admin).body("{\"owId\":" + customer.owId() + "}").patch("/api/v3/ua/customer/hold").then().statusCode(409);

        as(admin).body("{\"owId\":" + customer.owId() + "}").patch("/api/v3/ua/customer/re-activate").then()
                .statusCode(200).body("data", equalTo("Customer status changed to active successfully"));
        login(customer);
        as(admin).body("{\"owId\":" + customer.owId() + "}").patch("/api/v3/ua/customer/re-activate").then()
                .statusCode(409);
    }

    @Test
    void aPendingCustomerIsApprovedOrRejected() {
        Tenant agency = newTenant("admin");
        Tenant first = newTenantUnder(agency.owId(), "admin");
        Tenant second = newTenantUnder(agency.owId(), "admin");
        tenancy.moveStatus(first.owId(), Set.of(OrganizationStatus.ACTIVE), OrganizationStatus.PENDING, null, null);
        tenancy.moveStatus(second.owId(), Set.of(OrganizationStatus.ACTIVE), OrganizationStatus.PENDING, null, null);
        Login admin = login(agency);
        as(admin).body("{\"owId\":" + first.owId() + ",\"appIds\":\"1\"}").patch("/api/v3/ua/customer/approve").then()
                .statusCode(200).body("data", equalTo("Customer approved successfully"));
        as(admin).get("/api/v3/ua/customers/list?owIds=" + first.owId()).then()
                .body("data.data[0].approvedByEmail", equalTo(agency.email()));
        as(admin).body("{\"owId\":" + second.owId() + "}").patch("/api/v3/ua/customer/reject").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("statusReason"));
        as(admin).body("{\"owId\":" + second.owId() + ",\"statusReason\":\"Not meeting requirements\"}")
                .patch("/api/v3/ua/customer/reject").then().statusCode(200)
                .body("data", equalTo("Customer rejected successfully"));
        as(admin).body("{\"owId\":" + second.owId() + ",\"appIds\":\"1\"}").patch("/api/v3/ua/customer/approve").then()
                .statusCode(409);
        as(admin).get("/api/v3/ua/customers/count").then()
                .body("data.find { it.id == 5 }.statusCount", equalTo(1))
                .body("data.find { it.id == 1 }.statusCount", equalTo(1));
    }

    @Test
    void bidShadingIsTurnedOnOnce() {
        Tenant agency = newTenant("admin");
        Tenant customer = newTenantUnder(agency.owId(), "admin");
        Login admin = login(agency);
        as(admin).patch("/api/v3/ua/customer/enable-bid-shading/" + customer.owId()).then().statusCode(200)
                .body("data", equalTo("Bid Shading Enabled Successfully"));
        as(admin).patch("/api/v3/ua/customer/enable-bid-shading/" + customer.owId()).then().statusCode(422)
                .body("errorObjects[0].error", equalTo("Bid shading is already enabled"));
        as(admin).get("/api/v3/ua/customers/list").then().body("data.data[0].isBidShadingEnabled", equalTo(true));
    }
}
