package io.adplane.users;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.adplane.support.IntegrationTestSupport;

/** IQM's customer operations: the workspace owner's admins keep details and labels of its customers (U12). */
class CustomerOperationsIntegrationTest extends IntegrationTestSupport {

    @Test
    void theWorkspacesSuperUsersKeepCustomerOperations() {
        Login admin = loginAdmin();
        String name = "Label " + UUID.randomUUID().toString().substring(0, 8);
        long label = as(admin).body("{\"labelName\":\"" + name + "\"}").post("/api/v3/ua/customer-operations/label/add")
                .then().statusCode(200).body("data.message", equalTo("label Added successfully"))
                .extract().jsonPath().getLong("data.labelId");
        as(admin).body("{\"labelName\":\"" + name + "\"}").post("/api/v3/ua/customer-operations/label/add").then()
                .statusCode(422);
        as(admin).get("/api/v3/ua/customer-operations/label/list?searchField=" + name).then().statusCode(200)
                .body("data.operationalLabels.id", contains((int) label)).body("data.filteredRecords", equalTo(1));
        as(admin).get("/api/v3/ua/customer-operations/label/list?sortBy=colour").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("Invalid sortBy value."));

        Tenant agency = newTenant("admin");
        Tenant advertiser = newTenantUnder(agency.owId(), "admin");
        jdbc.sql("UPDATE organization SET account_type = 'workspace' WHERE ow_id = ?").param(agency.owId()).update();
        long adminUserId = tenancyRepository.userByEmail(ADMIN_EMAIL).orElseThrow().id();
        as(admin).body("{\"customerOperationsDetails\":{\"customerTypeId\":2,\"customerPaymentTypeId\":2,"
                + "\"countryId\":30100001,\"sellerAssigneeUserIds\":[" + adminUserId + "],\"labelIds\":[" + label + "]}}")
                .patch("/api/v3/ua/customer-operations/" + agency.owId()).then().statusCode(200)
                .body("data.message", equalTo("Customer operation details updated successfully"));
        as(admin).body("{\"customerOperationsDetails\":{\"customerPaymentTypeId\":1}}")
                .patch("/api/v3/ua/customer-operations/" + advertiser.owId()).then().statusCode(200);
        // The customer lists filter by a customer's own details.
        as(admin).get("/api/v3/ua/customers/list?customerPaymentTypeIds=1&owIds=" + agency.owId()).then()
                .statusCode(200).body("data.data.owId", contains((int) advertiser.owId()));
        as(admin).get("/api/v3/ua/customers/list?labelIds=" + label + "&customerType=2&countryId=30100001").then()
                .body("data.data.owId", contains((int) agency.owId()));
        as(admin).get("/api/v3/ua/customers/list?sellerAssigneeUserIds=" + adminUserId + "&owIds=" + agency.owId())
                .then().body("data.data.owId", contains((int) agency.owId()));
        as(admin).get("/api/v3/ua/customer-operations/details/" + advertiser.owId()).then().statusCode(200)
                .body("data.workspaceCustomerOperationDetails.owId", equalTo((int) agency.owId()))
                .body("data.workspaceCustomerOperationDetails.labelIds", contains((int) label))
                .body("data.advertiserCustomerOperationDetails.customerPaymentTypeId", equalTo(1))
                .body("data.advertiserCustomerOperationDetails.customerTypeId", equalTo(2))
                .body("data.advertiserCustomerOperationDetails.overridenFields.customerPaymentTypeId", equalTo(true))
                .body("data.advertiserCustomerOperationDetails.overridenFields.customerTypeId", equalTo(false));
        as(admin).body("{\"resetFields\":{\"customerPaymentTypeId\":true}}")
                .patch("/api/v3/ua/customer-operations/" + advertiser.owId()).then().statusCode(200);
        as(admin).get("/api/v3/ua/customer-operations/details/" + advertiser.owId()).then()
                .body("data.advertiserCustomerOperationDetails.customerPaymentTypeId", equalTo(2));
        as(admin).get("/api/v3/ua/customer-operations/details/" + agency.owId()).then()
                .body("data.workspaceCustomerOperationDetails.sellerAssigneeUserIds", contains((int) adminUserId))
                .body("data.workspaceCustomerOperationDetails.adOpsAssigneeUserIds", empty())
                .body("data.advertiserCustomerOperationDetails", nullValue());
        as(admin).body("{\"customerOperationsDetails\":{\"labelIds\":[999999999]}}")
                .patch("/api/v3/ua/customer-operations/" + agency.owId()).then().statusCode(400)
                .body("errorObjects[0].field", equalTo("labelIds"));
        as(admin).body("{\"customerOperationsDetails\":{\"sellerAssigneeUserIds\":[999999999]}}")
                .patch("/api/v3/ua/customer-operations/" + agency.owId()).then().statusCode(400);

        // An agency's admin is not a super user of the workspace.
        Login agencyAdmin = login(agency);
        as(agencyAdmin).get("/api/v3/ua/customer-operations/details/" + advertiser.owId()).then().statusCode(422)
                .body("errorObjects[0].error", equalTo("Only super user can perform this operation"));
        as(agencyAdmin).get("/api/v3/ua/customer-operations/label/list").then().statusCode(422);
        as(admin).get("/api/v3/ua/customer-operations/details/999999999").then().statusCode(404);
    }
}
