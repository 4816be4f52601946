package io.adplane.users;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.adplane.support.IntegrationTestSupport;
import io.adplane.tenancy.TenancyService;

/** Organization profiles, advertiser profiles, the workspace's domain and white-label settings, static lists and init. */
class OrganizationIntegrationTest extends IntegrationTestSupport {

    /** A workspace of its own (its domain may change) with an admin of its owner organization, logged in. */
    private record OwnWorkspace(String domain, String clientId, String secret, String email, Login login) {
    }

    private OwnWorkspace ownWorkspace() {
        String domain = "ws-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
        TenancyService.CreatedWorkspace ws = tenancy.createWorkspace(domain, "Own " + domain);
        String email = "owner@" + domain;
        tenancy.createUser(email, PASSWORD, ws.owId(), "admin");
        TenancyService.CreatedClient client = tenancy.createClient(domain);
        return new OwnWorkspace(domain, client.clientId(), client.clientSecret(), email, login(domain, client, email));
    }

    private Login login(String domain, TenancyService.CreatedClient client, String email) {
        var body = given().header("Authentication", basic(client.clientId(), client.clientSecret()))
                .header("X-IAA-HOST", domain)
                .body("{\"grantType\":\"password\",\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .post("/api/v3/ua/login").then().statusCode(200).extract().jsonPath();
        return new Login(body.getString("data.access_token"), body.getString("data.refresh_token"),
                body.getLong("data.owId"));
    }

    @Test
    void anAdminKeepsItsOrganizationsProfile() {
        Tenant agency = newTenant("admin");
        Login admin = login(agency);
        as(admin).body("{\"organizationLogo\":\"https://cdn.example.com/logo.png\"}")
                .patch("/api/v3/ua/organization/update-profile?organizationName=Renamed&website=www.example.com"
                        + "&industry=2&companySize=3&timezone=29&city=Austin&description=Ads")
                .then().statusCode(200)
                .body("data.organizationId", equalTo((int) agency.owId()))
                .body("data.organizationName", equalTo("Renamed"))
                .body("data.organizationLogo", equalTo("https://cdn.example.com/logo.png"));
        as(admin).get("/api/v3/ua/organization/view-profile").then().statusCode(200)
                .body("data.organizationName", equalTo("Renamed")).body("data.website", equalTo("www.example.com"))
                .body("data.industry", equalTo(2)).body("data.companySize", equalTo(3))
                .body("data.city", equalTo("Austin")).body("data.timezone", equalTo(29))
                .body("data.isAvatarUrl", equalTo(true));
        as(admin).patch("/api/v3/ua/organization/update-profile?industry=99").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("industry"));
        as(admin).patch("/api/v3/ua/organization/update-profile?description=" + "x".repeat(1001)).then()
                .statusCode(422).body("errorObjects[0].error", equalTo("Invalid description length"));
        as(admin).body("{\"organizationLogo\":\"javascript:alert(1)\"}").patch("/api/v3/ua/organization/update-profile")
                .then().statusCode(400).body("errorObjects[0].field", equalTo("organizationLogo"));
        as(login(newUserIn(agency.owId(), "editor", agency.name())))
                .patch("/api/v3/ua/organization/update-profile?organizationName=X").then().statusCode(403)
                .body("errorObjects[0].error", equalTo("Forbidden!"));
        // Only the workspace owner's email may change, and it becomes the support email.
        as(admin).body("{\"email\":\"billing@agency.example\"}").patch("/api/v3/ua/organization/update-email").then()
                .statusCode(403);
    }

    @Test
    void advertiserProfilesBelongToTheirOrganization() {
        Tenant agency = newTenant("editor");
        Tenant other = newTenant("admin");
        Login editor = login(agency);
        as(editor).body("{\"advertiserName\":\"Acme Corp\",\"website\":\"https://acme.com\",\"chiefName\":\"John Doe\","
                + "\"contactNumber\":\"9876543210\",\"address\":\"123 Main St, City\",\"politicalIdentifier\":\"ID-12345\","
                + "\"legalInfo\":\"Registered\",\"links\":[\"https://acme.com/about\"]}")
                .post("/api/v3/ua/organization/advertiser/add").then().statusCode(200)
                .body("data", equalTo("Advertiser profile added successfully"));
        as(editor).body("{\"advertiserName\":\"No Id\"}").post("/api/v3/ua/organization/advertiser/add").then()
                .statusCode(400).body("errorObjects[0].error", equalTo("FEC ID or State Equivalent is mandatory"))
                .body("errorObjects[0].field", equalTo("politicalIdentifier"));
        as(editor).body("{\"politicalIdentifier\":\"" + "9".repeat(21) + "\"}").post("/api/v3/ua/organization/advertiser/add")
                .then().statusCode(400);
        long id = as(editor).get("/api/v3/ua/organization/advertisers/list?searchField=acme").then().statusCode(200)
                .body("data.data", hasSize(1)).body("data.data[0].links", contains("https://acme.com/about"))
                .body("data.data[0].owId", equalTo((int) agency.owId())).body("data.totalRecords", equalTo(1))
                .extract().jsonPath().getLong("data.data[0].id");
        as(editor).body("{\"id\":" + id + ",\"advertiserName\":\"Acme Advertising Ltd.\"}")
                .patch("/api/v3/ua/organization/advertiser/" + id).then().statusCode(200)
                .body("data", equalTo("Advertiser profile updated successfully."));
        as(loginAdmin()).get("/api/v3/ua/customers/advertisers/list?owId=" + agency.owId()).then().statusCode(200)
                .body("data[0].advertiserName", equalTo("Acme Advertising Ltd."))
                .body("data[0].politicalIdentifier", equalTo("ID-12345"))
                .body("data[0].organizationName", equalTo(agency.name())).body("data[0].isVerified", equalTo(false));
        // Another organization's profile is not found, for edit and delete alike.
        Login stranger = login(other);
        as(stranger).delete("/api/v3/ua/organization/advertiser/" + id).then().statusCode(422)
                .body("errorObjects[0].error", equalTo("Advertiser profile not found or doesn't belong to provided organization."));
        as(stranger).get("/api/v3/ua/customers/advertisers/list?owId=" + agency.owId()).then().statusCode(404);
        as(login(newUserIn(agency.owId(), "viewer", agency.name()))).delete("/api/v3/ua/organization/advertiser/" + id)
                .then().statusCode(403);
        as(editor).delete("/api/v3/ua/organization/advertiser/" + id).then().statusCode(200)
                .body("data", equalTo("Advertiser profile deleted successfully."));
        as(editor).get("/api/v3/ua/organization/advertisers/list").then().body("data.data", hasSize(0));
    }

    @Test
    void theWorkspaceOwnerKeepsTheDomainAndBranding() {
        OwnWorkspace ws = ownWorkspace();
        Login owner = ws.login();
        String sub = "brand-" + UUID.randomUUID().toString().substring(0, 6);
        as(owner).get("/api/v3/ua/organization/available-domain?workspaceSubDomain=" + sub).then().statusCode(200)
                .body("data.available", equalTo(true))
                .body("data.domain", equalTo(sub + ws.domain().substring(ws.domain().indexOf('.'))));
        String taken = "taken-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
        tenancy.createWorkspace(taken, "Taken");
        as(owner).get("/api/v3/ua/organization/available-domain?workspaceSubDomain=" + taken).then()
                .body("data.available", equalTo(false));
        as(owner).body("{\"workspaceSubDomain\":\"" + taken + "\"}").patch("/api/v3/ua/organization/workspace-domain")
                .then().statusCode(422).body("errorObjects[0].error", equalTo("Domain already in use"));
        as(owner).get("/api/v3/ua/organization/verify-whitelabel-domain").then().statusCode(200)
                .body("data.verified", equalTo(false));
        String brand = sub + ".brand.example";
        as(owner).body("{\"whitelabelDomain\":\"" + brand + "\"}").post("/api/v3/ua/organization/whitelabel-domain")
                .then().statusCode(200).body("data", equalTo("White label domain configured successfully"));
        as(owner).get("/api/v3/ua/organization/verify-whitelabel-domain").then()
                .body("data.verified", equalTo(true)).body("data.domain", equalTo(brand));
        // Logins may name the white-label domain.
        given().header("Authentication", basic(ws.clientId(), ws.secret())).header("X-IAA-HOST", brand)
                .body("{\"grantType\":\"password\",\"email\":\"" + ws.email() + "\",\"password\":\"" + PASSWORD + "\"}")
                .post("/api/v3/ua/login").then().statusCode(200);
        as(owner).body("{\"smallFavIcon\":\"https://cdn.example.com/s.ico\"}")
                .queryParam("isIncludeOrganizationName", false)
                .queryParam("headerUrls", "[{\"label\":\"Home\",\"url\":\"https://example.com\"}]")
                .patch("/api/v3/ua/organization/whitelabel-settings").then().statusCode(200)
                .body("data", equalTo("White label settings updated successfully"));
        as(owner).get("/api/v3/ua/organization/whitelabel-settings").then().statusCode(200)
                .body("data.isIncludeOrganizationName", equalTo(false))
                .body("data.favIcons.smallFavIcon", equalTo("https://cdn.example.com/s.ico"))
                .body("data.favIcons.largeFavIcon", nullValue())
                .body("data.headerUrls[0].url", equalTo("https://example.com"));
        as(owner).patch("/api/v3/ua/organization/whitelabel-settings?headerUrls=notjson").then().statusCode(400);
        as(owner).body("{\"whitelabelPixelUrl\":\"example.pixel.com\"}").post("/api/v3/ua/organization/whitelabel-pixel-url")
                .then().statusCode(200);
        as(owner).body("{\"email\":\"support@" + ws.domain() + "\"}").patch("/api/v3/ua/organization/update-email")
                .then().statusCode(200).body("data.email", equalTo("support@" + ws.domain()));
        given().header("X-IAA-HOST", brand).get("/api/v3/ua/init").then().statusCode(200)
                .body("data.owId", equalTo((int) owner.owId())).body("data.supportEmail", equalTo("support@" + ws.domain()))
                .body("data.isIncludeOrganizationName", equalTo(false))
                .body("data.pages.header[0].label", equalTo("Home"));

        // Then the domain itself moves; logins name the new one.
        as(owner).body("{\"workspaceSubDomain\":\"" + sub + "\"}").patch("/api/v3/ua/organization/workspace-domain")
                .then().statusCode(200).body("data", equalTo("Workspace domain updated successfully"));
        String moved = sub + ws.domain().substring(ws.domain().indexOf('.'));
        given().header("X-IAA-HOST", moved).get("/api/v3/ua/init").then().statusCode(200);
        given().header("X-IAA-HOST", ws.domain()).get("/api/v3/ua/init").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("Given workspace domain does not exist."));
    }

    @Test
    void onlyTheWorkspaceOwnersAdminChangesTheWorkspace() {
        Login agency = login(newTenant("admin"));
        as(agency).get("/api/v3/ua/organization/whitelabel-settings").then().statusCode(200);
        as(agency).body("{\"workspaceSubDomain\":\"takeover\"}").patch("/api/v3/ua/organization/workspace-domain")
                .then().statusCode(403).body("errorObjects[0].error", equalTo("Forbidden!"));
        as(agency).body("{\"whitelabelDomain\":\"takeover.example\"}").post("/api/v3/ua/organization/whitelabel-domain")
                .then().statusCode(403);
        as(agency).patch("/api/v3/ua/organization/whitelabel-settings?isIncludeOrganizationName=false").then()
                .statusCode(403);
        as(agency).get("/api/v3/ua/organization/available-domain?workspaceSubDomain=x").then().statusCode(403);
    }

    @Test
    void staticListsInIqmsShape() {
        Login login = login(newTenant("viewer"));
        as(login).get("/api/v3/ua/static/verticals").then().statusCode(200)
                .body("data.id", contains(1, 2, 17)).body("data[2].order", equalTo(11));
        as(login).get("/api/v3/ua/static/organization-workspace-status").then()
                .body("data.name", contains("active", "pending", "invited", "suspended", "rejected"));
        as(login).get("/api/v3/ua/static/user-status").then().body("data.id", contains(1, 2, 3, 4));
        as(login).get("/api/v3/ua/static/user-sort-by").then().body("data.name", contains("displayName", "email", "status"));
        as(login).get("/api/v3/ua/static/organization-expertize").then().body("data[2].name", equalTo("managed_services"));
        as(login).get("/api/v3/ua/static/media-budget").then().body("data[0].label", equalTo("Less than $50K"));
        as(login).get("/api/v3/ua/static/industries").then().body("data", hasSize(4));
        as(login).get("/api/v3/ua/static/customer-type").then().body("data[1].name", equalTo("app_user"));
        as(login).get("/api/v3/ua/static/customer-payment-types").then()
                .body("data.totalRecords", equalTo(2)).body("data.customerPaymentTypes[0].label", equalTo("PrePaid"));
        as(login).get("/api/v3/ua/static/customer-list-sortable-field").then().body("data[2].name", equalTo("createdAt"));
        as(login).get("/api/v3/ua/static/customer-account-types").then()
                .body("data.customerAccountTypes.name", contains("advertiser", "workspace"));
        as(login).get("/api/v3/ua/static/company-size").then().body("data[0].label", equalTo("1-10"));
        given().header("X-IAA-HOST", "no-such-workspace.example").get("/api/v3/ua/init").then().statusCode(422);
    }
}
