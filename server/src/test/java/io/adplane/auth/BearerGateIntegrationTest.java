package io.adplane.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.adplane.support.IntegrationTestSupport;

/** The bearer gate and the organization header (D1, D5, D6). */
class BearerGateIntegrationTest extends IntegrationTestSupport {

    @Test
    void missingOrGarbageTokenAnswers401WithTheChallenge() {
        given().header("X-IAA-OW-ID", 200001).get("/api/v3/ua/profile").then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body("success", equalTo(false))
                .body("errorObjects[0].error", equalTo("Invalid token"));
        for (String header : new String[] {"Bearer at_garbage", "Bearer ", "Basic abc", "at_token-without-scheme"}) {
            given().header("Authorization", header).header("X-IAA-OW-ID", 200001).get("/api/v3/ua/profile")
                    .then().statusCode(401);
        }
    }

    @Test
    void theSeedsAuthenticationHeaderCarriesBearerTokensToo() {
        Login login = loginAdmin();
        given().header("Authentication", "Bearer " + login.accessToken()).header("X-IAA-OW-ID", login.owId())
                .get("/api/v3/ua/profile").then().statusCode(200).body("data.owId", equalTo((int) login.owId()));
    }

    @Test
    void v2RoutesAnswerGateErrorsInTheV2Envelope() {
        given().get("/api/v2/cmp/campaign/1").then()
                .statusCode(401)
                .body("statusCode", equalTo(401))
                .body("responseObject.errorMsg", equalTo("Invalid token"))
                .body("responseObject.errorCode", equalTo(401));
    }

    @Test
    void missingOrMalformedOrganizationHeaderAnswers400() {
        Login login = login(newTenant("admin"));
        String token = "Bearer " + login.accessToken();
        // The profile may go without it; a tenant endpoint may not.
        given().header("Authorization", token).get("/api/v3/ua/profile").then().statusCode(200);
        given().header("Authorization", token).get("/api/v3/cmp/io/1").then()
                .statusCode(400)
                .body("errorObjects[0].error", equalTo("Header 'X-IAA-OW-ID' is required."))
                .body("errorObjects[0].field", equalTo("X-IAA-OW-ID"));
        for (String bad : new String[] {"abc", "-1", "0", "+5", "007", "1.0", "١٢", "99999999999999999999", " "}) {
            given().header("Authorization", token).header("X-IAA-OW-ID", bad).get("/api/v3/ua/profile").then()
                    .statusCode(400).body("errorObjects[0].field", equalTo("X-IAA-OW-ID"));
        }
        given().header("Authorization", token).header("X-IAA-OW-ID", login.owId()).header("X-IAA-OW-ID", login.owId())
                .get("/api/v3/ua/profile").then().statusCode(400);
    }

    @Test
    void aForeignOrganizationIsForbiddenAndGrantsNothing() {
        Tenant a = newTenant("admin");
        Tenant b = newTenant("admin");
        Login loginA = login(a);
        as(loginA, b.owId()).get("/api/v3/ua/profile").then()
                .statusCode(403)
                .body("errorObjects[0].error", equalTo("Forbidden!"));
        // An owId that doesn't exist at all answers the same.
        String unknown = as(loginA, 987654321L).get("/api/v3/ua/profile").then().statusCode(403).extract().path("errorObjects[0].error");
        assertThat(unknown).isEqualTo("Forbidden!");
        // The parent organization is not reachable from a child either.
        as(loginA, workspaceOwnerOwId()).get("/api/v3/ua/profile").then().statusCode(403);
    }

    @Test
    void aMemberOfAParentActsForItsCustomersButNotTheirSiblingsWorkspace() {
        Tenant agency = newTenant("admin");
        Tenant advertiser = newTenantUnder(agency.owId(), "editor");
        Login agencyLogin = login(agency);
        as(agencyLogin, advertiser.owId()).get("/api/v3/ua/profile").then()
                .statusCode(200)
                .body("data.owId", equalTo((int) advertiser.owId()))
                .body("data.isEditAccess", equalTo(true))
                .body("data.isApprovalAccess", equalTo(true))
                .body("data.parentOrganization.owId", equalTo((int) agency.owId()));
        as(agencyLogin).get("/api/v3/ua/user/allowed-organizations?sortBy=+owId").then()
                .statusCode(200)
                .body("data.data.owId", contains((int) agency.owId(), (int) advertiser.owId()));
        as(agencyLogin).get("/api/v3/ua/allowed-customers-ids").then()
                .statusCode(200)
                .body("data", contains((int) agency.owId(), (int) advertiser.owId()));
        // The advertiser's own user can't reach up to the agency.
        as(login(advertiser), agency.owId()).get("/api/v3/ua/profile").then().statusCode(403);
    }

    @Test
    void workspaceOwnerAdminSeesEveryOrganizationOfItsWorkspaceOnly() {
        Tenant customer = newTenant("viewer");
        var other = tenancy.createWorkspace("gate-" + customer.owId() + ".example", "Elsewhere");
        Login admin = loginAdmin();
        as(admin, customer.owId()).get("/api/v3/ua/profile").then().statusCode(200)
                .body("data.role", equalTo("admin"))
                .body("data.isApprovalAccess", equalTo(true));
        as(admin, other.owId()).get("/api/v3/ua/profile").then().statusCode(403);
    }

    @Test
    void aCustomerApproverMayNotApproveItsOwnOrganization() {
        Tenant customer = newTenant("approver");
        as(login(customer)).get("/api/v3/ua/profile").then().statusCode(200)
                .body("data.isApprovalAccess", equalTo(false));
    }

    /** Issue 18: acting for an organization needs every organization from the membership's down to it active. */
    @Test
    void aHoldCoversTheSubtreeForTokensAlreadyIssued() throws InterruptedException {
        Tenant agency = newTenant("editor");
        Tenant advertiser = newTenantUnder(agency.owId(), "editor");
        Login agencyEditor = login(agency);
        Login advertiserUser = login(advertiser);
        as(agencyEditor, advertiser.owId()).get("/api/v3/ua/profile").then().statusCode(200);

        tenancy.holdOrganization(agency.owId(), "Unpaid invoices");
        try {
            // Within the gate cache's second, on every instance.
            assertThat(statusWithin(agencyEditor, advertiser.owId(), 403, 2_000)).isEqualTo(403);
            as(agencyEditor, advertiser.owId()).get("/api/v3/ua/profile").then().statusCode(403)
                    .body("errorObjects[0].error", equalTo("Forbidden!"))
                    .body("errorObjects[0].reason", equalTo("An organization above " + advertiser.owId()
                            + " is on hold or suspended."));
            as(agencyEditor, advertiser.owId()).body(seedInsertionOrder(clock.millis() + 3_600_000, clock.millis() + 86_400_000))
                    .post("/api/v3/cmp/io/add").then().statusCode(403);
            as(agencyEditor).get("/api/v3/ua/profile").then().statusCode(403);
            // The advertiser's own member acts for it through its own membership, which the hold is above.
            as(advertiserUser).get("/api/v3/ua/profile").then().statusCode(200);
        } finally {
            tenancy.releaseOrganization(agency.owId());
        }
        assertThat(statusWithin(agencyEditor, advertiser.owId(), 200, 2_000)).isEqualTo(200);
    }

    /** Polls until the gate answers {@code expected} (its cache lives a second), or the time is up. */
    private int statusWithin(Login login, long owId, int expected, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        int status;
        do {
            status = as(login, owId).get("/api/v3/ua/profile").then().extract().statusCode();
            if (status == expected) {
                return status;
            }
            Thread.sleep(100);
        } while (System.currentTimeMillis() < deadline);
        return status;
    }
}
