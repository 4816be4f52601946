package io.adplane.users;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.adplane.support.IntegrationTestSupport;

/**
 * IQM's applications (U14): the catalogue, what an admin gives a customer and, of those, a user; what each sees
 * as allowed and remaining; a customer's revocation reaches its users; foreign ids answer as missing.
 */
class ApplicationIntegrationTest extends IntegrationTestSupport {

    @Test
    void aCustomerGetsApplicationsAndItsUsersSomeOfThem() {
        Tenant agency = newTenant("admin");
        Login admin = login(agency);
        Tenant b = newTenantUnder(agency.owId(), "editor");
        Tenant bAdmin = newUserIn(b.owId(), "admin", b.name());
        as(admin).get("/api/v3/ua/organizations/applications/list?isAdvertiser=true").then().statusCode(200)
                .body("data.appId", contains(1, 2, 3, 4)).body("data[0].appName", equalTo("Campaigns"))
                .body("data[0].appUrl", equalTo("/console/campaigns"));
        as(admin).get("/api/v3/ua/organizations/applications/list?isWorkspace=true").then()
                .body("data.appId", contains(1, 2, 3, 4, 5, 6));
        as(admin).get("/api/v3/ua/customers/remaining-applications/list?owId=" + b.owId()).then().statusCode(200)
                .body("data.appId", contains(1, 2, 3, 4)).body("data[0].orgName", equalTo(b.name()));

        as(admin).body("{\"owId\":" + b.owId() + ",\"appIds\":\"1,3\",\"accessLevel\":\"Full\"}")
                .post("/api/v3/ua/customer/application/add").then().statusCode(200)
                .body("data", equalTo("Application access added successfully"));
        as(admin).get("/api/v3/ua/customers/remaining-applications/list?owId=" + b.owId()).then()
                .body("data.appId", contains(2, 4));
        // Approvals are for workspaces; 99 is no application.
        as(admin).body("{\"owId\":" + b.owId() + ",\"appIds\":\"5\"}").post("/api/v3/ua/customer/application/add")
                .then().statusCode(422).body("errorObjects[0].field", equalTo("appIds"));
        as(admin).body("{\"owId\":" + b.owId() + ",\"appIds\":\"99\"}").post("/api/v3/ua/customer/application/add")
                .then().statusCode(422);

        as(admin).get("/api/v3/ua/user/remaining-applications?uowId=" + b.uowId()).then().statusCode(200)
                .body("data.applicationId", contains(1, 3)).body("data[0].applicationCode", equalTo("CMP"));
        as(admin).body("{\"uowId\":" + b.uowId() + ",\"applicationIds\":[1]}").post("/api/v3/ua/user/application/add")
                .then().statusCode(200).body("data", equalTo("Application access granted successfully"));
        // Only the organization's applications.
        as(admin).body("{\"uowId\":" + b.uowId() + ",\"applicationIds\":[2]}").post("/api/v3/ua/user/application/add")
                .then().statusCode(422);
        as(admin).get("/api/v3/ua/user/applications/list?uowId=" + b.uowId() + "&pageNo=1&limit=10").then()
                .statusCode(200).body("data.data.appName", contains("Campaigns", "Creatives"))
                .body("data.data.hasAccess", contains(true, false)).body("data.data[1].accessGrantedDate", nullValue())
                .body("data.totalRecords", equalTo(2));
        as(admin).get("/api/v3/ua/user/applications/list?uowId=" + b.uowId() + "&pageNo=1&limit=10&sortBy=-appName")
                .then().body("data.data.appName", contains("Creatives", "Campaigns"));
        as(admin).get("/api/v3/ua/user/applications/list?uowId=" + b.uowId() + "&pageNo=1&limit=10&sortBy=appId")
                .then().statusCode(422).body("errorObjects[0].error", equalTo("Invalid sortBy value."));
        as(login(b)).get("/api/v3/ua/user/allowed-applications").then().statusCode(200)
                .body("data.appId", contains(1));
        // An admin of the customer has all of its applications.
        as(login(bAdmin)).get("/api/v3/ua/user/allowed-applications").then().body("data.appId", contains(1, 3));

        // IQM's schema names the user by userId, in the organization acted for.
        long userId = jdbc.sql("SELECT user_id FROM membership WHERE uow_id = ?").param(b.uowId()).query(Long.class).single();
        as(admin, b.owId()).body("{\"userId\":" + userId + ",\"appIds\":\"1\"}").post("/api/v3/ua/user/application/revoke")
                .then().statusCode(200).body("data", equalTo("Application access revoked successfully"));
        as(login(b)).get("/api/v3/ua/user/allowed-applications").then().body("data", empty());

        as(admin).body("{\"uowId\":" + b.uowId() + ",\"applicationIds\":[1,3]}").post("/api/v3/ua/user/application/add")
                .then().statusCode(200);
        as(admin).body("{\"owId\":" + b.owId() + ",\"appIds\":\"1\"}").post("/api/v3/ua/customer/application/revoke")
                .then().statusCode(200).body("data", equalTo("Application access revoked successfully"));
        as(login(b)).get("/api/v3/ua/user/allowed-applications").then().body("data.appId", contains(3));
    }

    @Test
    void onlyAnAdminAboveGivesApplicationsAndForeignIdsAnswerAsMissing() {
        Tenant agency = newTenant("admin");
        Login admin = login(agency);
        Tenant b = newTenantUnder(agency.owId(), "editor");
        Tenant foreign = newTenantUnder(newTenant("admin").owId(), "editor");
        as(admin).body("{\"owId\":" + foreign.owId() + ",\"appIds\":\"1\"}").post("/api/v3/ua/customer/application/add")
                .then().statusCode(404).body("errorObjects[0].error", equalTo("Customer not found."));
        as(admin).get("/api/v3/ua/customers/remaining-applications/list?owId=" + foreign.owId()).then().statusCode(404);
        as(admin).body("{\"uowId\":" + foreign.uowId() + ",\"applicationIds\":[1]}").post("/api/v3/ua/user/application/add")
                .then().statusCode(404).body("errorObjects[0].error", equalTo("User not found."));
        as(admin).get("/api/v3/ua/user/applications/list?uowId=" + foreign.uowId() + "&pageNo=1&limit=10").then()
                .statusCode(404);
        as(admin).get("/api/v3/ua/user/remaining-applications?uowId=" + foreign.uowId()).then().statusCode(404);
        as(login(b)).body("{\"owId\":" + b.owId() + ",\"appIds\":\"1\"}").post("/api/v3/ua/customer/application/add")
                .then().statusCode(403);
        as(admin).body("{\"owId\":" + b.owId() + "}").post("/api/v3/ua/customer/application/add").then()
                .statusCode(400).body("errorObjects[0].field", equalTo("appIds"));
        // The workspace owner organization has every workspace application.
        as(loginAdmin()).get("/api/v3/ua/user/allowed-applications").then().body("data.appId", contains(1, 2, 3, 4, 5, 6));
    }
}
