package io.adplane.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.adplane.support.IntegrationTestSupport;

/**
 * Customers assigned to users (U13): an assigned user acts for the customer as a member of it, a removed one no
 * longer does; the lists of assigned and remaining customers; who may assign what; foreign ids answer as missing.
 */
class AssignmentIntegrationTest extends IntegrationTestSupport {

    private String io() {
        long start = clock.millis() + 3_600_000;
        return seedInsertionOrder(start, start + 30L * 86_400_000);
    }

    @Test
    void anAssignedUserActsForTheCustomerUntilRemoved() {
        Tenant agency = newTenant("admin");
        Login admin = login(agency);
        Tenant a = newTenantUnder(agency.owId(), "editor");
        Tenant b = newTenantUnder(agency.owId(), "admin");
        Login editor = login(a);
        as(editor, b.owId()).body(io()).post("/api/v3/cmp/io/add").then().statusCode(403);

        as(admin).get("/api/v3/ua/user/remaining-customers?uowId=" + a.uowId()).then().statusCode(200)
                .body("data.data.owId", hasItem((int) b.owId())).body("data.data.owId", not(hasItem((int) a.owId())))
                .body("data.data.owId", not(hasItem((int) agency.owId())));
        as(admin).body("{\"uowIds\":\"" + a.uowId() + "\",\"owIds\":\"" + b.owId() + "\"}")
                .post("/api/v3/ua/user/customer/assign").then().statusCode(200)
                .body("data", equalTo("Customers assigned successfully"));
        // Again: nothing changes.
        as(admin).body("{\"uowIds\":[" + a.uowId() + "],\"owIds\":[" + b.owId() + "]}")
                .post("/api/v3/ua/user/customer/assign").then().statusCode(200);

        long ioId = as(editor, b.owId()).body(io()).post("/api/v3/cmp/io/add").then().statusCode(200)
                .extract().jsonPath().getLong("data.ioId");
        as(editor).get("/api/v3/ua/user/allowed-organizations").then().statusCode(200)
                .body("data.data.owId", hasItem((int) b.owId()));
        // The user still logs in for its own organization.
        assertThat(login(a).owId()).isEqualTo(a.owId());
        as(admin).get("/api/v3/ua/user/assigned-customers?uowId=" + a.uowId()).then().statusCode(200)
                .body("data.data.owId", contains((int) b.owId())).body("data.data[0].access", equalTo("Login"))
                .body("data.data[0].organizationName", equalTo(b.name()))
                .body("data.data[0].isModificationAllowed", equalTo(true))
                .body("data.totalRecords", equalTo(1)).body("data.isLogInAccess", equalTo(false));
        as(admin).get("/api/v3/ua/user/remaining-customers?uowId=" + a.uowId()).then()
                .body("data.data.owId", not(hasItem((int) b.owId())));
        as(admin).get("/api/v3/ua/customers/users/list?owId=" + b.owId()).then()
                .body("data.data.email", hasItem(a.email()));

        as(admin).body("{\"uowIds\":[" + a.uowId() + "],\"owIds\":[" + b.owId() + "]}")
                .post("/api/v3/ua/user/customer/remove").then().statusCode(200)
                .body("data", equalTo("Customer removed from user successfully"));
        as(editor, b.owId()).get("/api/v3/cmp/io/" + ioId).then().statusCode(403);
        as(editor).get("/api/v3/ua/user/allowed-organizations").then()
                .body("data.data.owId", not(hasItem((int) b.owId())));
        as(admin).get("/api/v3/ua/user/assigned-customers?uowId=" + a.uowId()).then()
                .body("data.data", empty()).body("data.totalRecords", equalTo(0));
        as(admin).get("/api/v3/ua/customers/users/list?owId=" + b.owId()).then()
                .body("data.data.email", not(hasItem(a.email())));
        // What the user made in the customer stays.
        as(admin, b.owId()).get("/api/v3/cmp/io/" + ioId).then().statusCode(200);
        as(admin).body("{\"uowIds\":[" + a.uowId() + "],\"owIds\":[" + b.owId() + "]}")
                .post("/api/v3/ua/user/customer/remove").then().statusCode(422)
                .body("errorObjects[0].field", equalTo("owIds"));

        // Assigned again, it works again.
        as(admin).body("{\"uowIds\":\"" + a.uowId() + "\",\"owIds\":\"" + b.owId() + "\"}")
                .post("/api/v3/ua/user/customer/assign").then().statusCode(200);
        as(login(a), b.owId()).get("/api/v3/cmp/io/" + ioId).then().statusCode(200);
    }

    @Test
    void anAssignmentFollowsItsUsersMembershipAndGivesItsRole() {
        Tenant agency = newTenant("admin");
        Login admin = login(agency);
        Tenant a = newTenantUnder(agency.owId(), "viewer");
        Tenant b = newTenantUnder(agency.owId(), "admin");
        as(admin).body("{\"uowIds\":\"" + a.uowId() + "\",\"owIds\":\"" + b.owId() + "\"}")
                .post("/api/v3/ua/user/customer/assign").then().statusCode(200);
        // A viewer's assignment views.
        as(login(a), b.owId()).body(io()).post("/api/v3/cmp/io/add").then().statusCode(403);
        as(login(a), b.owId()).get("/api/v3/ua/profile").then().statusCode(200);

        as(admin).body("{\"uowId\":" + a.uowId() + ",\"status\":4}").put("/api/v3/ua/user/update-status").then()
                .statusCode(200);
        as(admin).body("{\"uowId\":" + a.uowId() + ",\"status\":1}").put("/api/v3/ua/user/update-status").then()
                .statusCode(200);
        Login back = login(a);
        as(back, b.owId()).get("/api/v3/ua/profile").then().statusCode(200);
        as(admin).body("{\"uowId\":" + a.uowId() + ",\"status\":4}").put("/api/v3/ua/user/update-status").then()
                .statusCode(200);
        assertThat(jdbc.sql("SELECT status FROM membership WHERE assigned_from_uow_id = ?").param(a.uowId())
                .query(String.class).single()).isEqualTo("suspended");
    }

    @Test
    void onlyAnAdminAssignsWhatItManagesAndForeignIdsAnswerAsMissing() {
        Tenant agency = newTenant("admin");
        Login admin = login(agency);
        Tenant a = newTenantUnder(agency.owId(), "editor");
        Tenant b = newTenantUnder(agency.owId(), "editor");
        Tenant other = newTenant("admin");
        Tenant foreign = newTenantUnder(other.owId(), "editor");

        as(admin).body("{\"uowIds\":\"" + a.uowId() + "\",\"owIds\":\"" + foreign.owId() + "\"}")
                .post("/api/v3/ua/user/customer/assign").then().statusCode(404)
                .body("errorObjects[0].error", equalTo("Customer not found.")).body("errorObjects[0].field", equalTo("owIds"));
        as(admin).body("{\"uowIds\":\"" + a.uowId() + "\",\"owIds\":\"99999999\"}")
                .post("/api/v3/ua/user/customer/assign").then().statusCode(404)
                .body("errorObjects[0].error", equalTo("Customer not found."));
        as(admin).body("{\"uowIds\":\"" + foreign.uowId() + "\",\"owIds\":\"" + b.owId() + "\"}")
                .post("/api/v3/ua/user/customer/assign").then().statusCode(404)
                .body("errorObjects[0].error", equalTo("User not found.")).body("errorObjects[0].field", equalTo("uowId"));
        as(admin).get("/api/v3/ua/user/assigned-customers?uowId=" + foreign.uowId()).then().statusCode(404)
                .body("errorObjects[0].error", equalTo("User not found."));
        as(admin).get("/api/v3/ua/user/remaining-customers?uowId=" + foreign.uowId()).then().statusCode(404);

        as(login(b)).body("{\"uowIds\":\"" + a.uowId() + "\",\"owIds\":\"" + b.owId() + "\"}")
                .post("/api/v3/ua/user/customer/assign").then().statusCode(403);
        // The user's own organization covers it already.
        as(admin).body("{\"uowIds\":\"" + a.uowId() + "\",\"owIds\":\"" + a.owId() + "\"}")
                .post("/api/v3/ua/user/customer/assign").then().statusCode(422)
                .body("errorObjects[0].field", equalTo("owIds"));
        // Nobody assigns or removes for itself.
        as(admin).body("{\"uowIds\":[" + agency.uowId() + "],\"owIds\":[" + b.owId() + "]}")
                .post("/api/v3/ua/user/customer/remove").then().statusCode(403);
        as(admin).body("{\"uowIds\":\"x\",\"owIds\":\"" + b.owId() + "\"}")
                .post("/api/v3/ua/user/customer/assign").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("uowIds"));
        as(admin).body("{\"owIds\":\"" + b.owId() + "\"}").post("/api/v3/ua/user/customer/assign").then()
                .statusCode(400).body("errorObjects[0].field", equalTo("uowIds"));
        as(admin).get("/api/v3/ua/user/remaining-customers?uowId=" + a.uowId() + "&owIds=" + b.owId()
                + "&searchField=" + b.name()).then().statusCode(200).body("data.data", empty());
        as(admin).get("/api/v3/ua/user/remaining-customers?uowId=" + a.uowId() + "&searchField=" + b.name()).then()
                .body("data.data.owId", contains((int) b.owId())).body("data.filteredRecords", equalTo(1));
    }

    @Test
    void theUsersPagesAssignSnippetRuns() throws Exception {
        String page = Files.readString(Path.of("..", "docs", "users.md"));
        String section = page.substring(page.indexOf("## Assigning customers to users"));
        Matcher block = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertThat(block.find()).isTrue();
        Tenant agency = newTenant("admin");
        Login admin = login(agency);
        Tenant a = newTenantUnder(agency.owId(), "editor");
        Tenant b = newTenantUnder(agency.owId(), "editor");
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "set -euo pipefail\n" + block.group(1))
                .redirectErrorStream(true);
        pb.environment().putAll(Map.of("ADPLANE_URL", "http://localhost:" + port, "TOKEN", admin.accessToken(),
                "OWID", Long.toString(agency.owId()), "UOWID", Long.toString(a.uowId()),
                "CUSTOMER", Long.toString(b.owId())));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).isEqualTo("{\"success\":true,\"data\":\"Customers assigned successfully\"}");
        as(login(a), b.owId()).get("/api/v3/ua/profile").then().statusCode(200);
    }
}
