package io.adplane.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.adplane.support.IntegrationTestSupport;

/**
 * The console's administration pages: editing an IO, customers and users (invite, hold, re-activate, roles),
 * and the emulator controls, each through the feature's own service with its rights and messages; another
 * organization reaches none of them.
 */
class ConsoleAdministrationIntegrationTest extends IntegrationTestSupport {

    @Test
    void anIoIsEditedThroughItsWritePathWithTheApisMessages() {
        Tenant editor = newTenant("editor");
        ConsoleClient browser = new ConsoleClient(port);
        browser.login(editor.email(), editor.password());
        long ioId = ConsoleInsertionOrderIntegrationTest.createIo(browser, clock, "Autumn IO");

        String form = browser.get("/console/insertion-orders/" + ioId + "/edit").body();
        assertThat(form).contains("Edit insertion order <span>Autumn IO</span>", "value=\"Autumn IO\"", "Save changes");
        Map<String, String> edit = ConsoleInsertionOrderIntegrationTest.ioForm(clock, " ");
        edit.put("ioEndTime", ConsoleInsertionOrderIntegrationTest.inDays(clock, 30));
        HttpResponse<String> refused = browser.post("/console/insertion-orders/" + ioId, edit);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"ioName-error\">The field &#39;ioName&#39; cannot be empty.</p>");

        edit.put("ioName", "Autumn IO, longer");
        edit.put("ioEndTime", ConsoleInsertionOrderIntegrationTest.inDays(clock, 60));
        browser.get("/console/insertion-orders/" + ioId + "/edit");
        HttpResponse<String> saved = browser.post("/console/insertion-orders/" + ioId, edit);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(browser.get("/console/insertion-orders/" + ioId).body()).contains("Autumn IO, longer");
        assertThat(as(login(editor)).get("/api/v3/cmp/io/" + ioId).then().statusCode(200).extract().jsonPath()
                .getString("data.ioName")).isEqualTo("Autumn IO, longer");

        Tenant stranger = newTenant("admin");
        ConsoleClient other = new ConsoleClient(port);
        other.login(stranger.email(), stranger.password());
        assertThat(other.get("/console/insertion-orders/" + ioId + "/edit").statusCode()).isEqualTo(404);
        edit.put("ioName", "Taken over");
        assertThat(other.post("/console/insertion-orders/" + ioId, edit).statusCode()).isEqualTo(404);
        assertThat(browser.get("/console/insertion-orders/" + ioId).body()).doesNotContain("Taken over");
    }

    @Test
    void anAdminInvitesSuspendsAndReactivatesUsersWithRoles() {
        Tenant admin = newTenant("admin");
        Tenant member = newUserIn(admin.owId(), "editor", admin.name());
        ConsoleClient browser = new ConsoleClient(port);
        browser.login(admin.email(), admin.password());
        String list = browser.get("/console/users").body();
        assertThat(list).contains(admin.email(), member.email(), "aria-label=\"Suspend " + member.email() + "\"");

        String invitee = "invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        HttpResponse<String> invited = browser.post("/console/users/invite",
                Map.of("name", "Ivy Invitee", "email", invitee, "role", "approver"));
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(302);
        String after = ConsoleReportIntegrationTest.flat(browser.get(location(invited)).body());
        assertThat(after).contains("1 invitation sent successfully.", "<td>" + invitee + "</td><td>approver</td>");
        HttpResponse<String> again = browser.post("/console/users/invite",
                Map.of("name", "Ivy Invitee", "email", invitee, "role", "approver"));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("id=\"email-error\"", "aria-invalid=\"true\"");
        HttpResponse<String> badRole = browser.post("/console/users/invite",
                Map.of("name", "Rob", "email", "rob-" + invitee, "role", "owner"));
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(badRole.body()).contains("Field &#39;role&#39; must be one of admin, approver, editor, viewer.");

        String uowId = Long.toString(member.uowId());
        browser.get("/console/users");
        HttpResponse<String> suspended = browser.post("/console/users/" + uowId + "/status", Map.of("status", "4"));
        assertThat(suspended.statusCode()).isEqualTo(302);
        assertThat(browser.get(location(suspended)).body()).contains("User status updated successfully",
                "aria-label=\"Re-activate " + member.email() + "\"");
        // The member can no longer sign in; a second suspension is the API's 409.
        assertThat(new ConsoleClient(port).login(member.email(), member.password()).statusCode()).isNotEqualTo(302);
        HttpResponse<String> twice = browser.post("/console/users/" + uowId + "/status", Map.of("status", "4"));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("only an active user can be suspended.");
        browser.get("/console/users");
        assertThat(browser.post("/console/users/" + uowId + "/status", Map.of("status", "1")).statusCode()).isEqualTo(302);
        assertThat(browser.get("/console/users").body()).contains("aria-label=\"Suspend " + member.email() + "\"");

        // An editor sees the members but may change none; another organization's admin reaches none of them.
        ConsoleClient editor = new ConsoleClient(port);
        editor.login(member.email(), member.password());
        assertThat(editor.get("/console/users").body()).contains(admin.email()).doesNotContain("aria-label=\"Suspend");
        assertThat(editor.post("/console/users/" + admin.uowId() + "/status", Map.of("status", "4")).statusCode())
                .isEqualTo(403);
        Tenant stranger = newTenant("admin");
        ConsoleClient other = new ConsoleClient(port);
        other.login(stranger.email(), stranger.password());
        assertThat(other.get("/console/users").body()).doesNotContain(member.email()).doesNotContain(invitee);
        assertThat(other.post("/console/users/" + uowId + "/status", Map.of("status", "4")).statusCode()).isEqualTo(404);
        assertThat(new ConsoleClient(port).login(member.email(), member.password()).statusCode()).isEqualTo(302);
    }

    @Test
    void anAdminHoldsReactivatesAndInvitesCustomers() {
        Tenant admin = newTenant("admin");
        String childName = "Child of " + admin.name();
        long child = tenancy.createOrganization(childName, admin.owId()).owId();
        ConsoleClient browser = new ConsoleClient(port);
        browser.login(admin.email(), admin.password());
        assertThat(browser.get("/console/customers").body()).contains(childName, "Reason to hold");

        HttpResponse<String> held = browser.post("/console/customers/" + child + "/hold", Map.of("reason", "Unpaid invoice"));
        assertThat(held.statusCode()).isEqualTo(302);
        assertThat(browser.get(location(held)).body()).contains("Customer status changed to suspended successfully",
                "aria-label=\"Re-activate " + childName + "\"");
        HttpResponse<String> twice = browser.post("/console/customers/" + child + "/hold", Map.of("reason", "Again"));
        assertThat(twice.statusCode()).isBetween(400, 499);
        assertThat(twice.body()).contains("role=\"alert\"");
        browser.get("/console/customers");
        HttpResponse<String> reactivated = browser.post("/console/customers/" + child + "/reactivate", Map.of());
        assertThat(reactivated.statusCode()).isEqualTo(302);
        assertThat(browser.get(location(reactivated)).body()).contains("Customer status changed to active successfully",
                "id=\"hold-reason-" + child + "\"");

        String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String newName = "Invited " + admin.name();
        HttpResponse<String> invited = browser.post("/console/customers/invite",
                Map.of("name", newName, "email", email, "ownerUserName", "Olga Owner"));
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(302);
        assertThat(browser.get("/console/customers?search=" + newName.replace(" ", "+")).body()).contains(newName);
        HttpResponse<String> badEmail = browser.post("/console/customers/invite",
                Map.of("name", "Nobody " + admin.name(), "email", "not-an-email", "ownerUserName", "N"));
        assertThat(badEmail.statusCode()).isEqualTo(422);
        assertThat(badEmail.body()).contains("id=\"email-error\">email must look like name@example.com</p>");

        Tenant stranger = newTenant("admin");
        ConsoleClient other = new ConsoleClient(port);
        other.login(stranger.email(), stranger.password());
        assertThat(other.get("/console/customers").body()).doesNotContain(childName).doesNotContain(newName);
        assertThat(other.post("/console/customers/" + child + "/hold", Map.of("reason", "x")).statusCode()).isIn(403, 404);
        assertThat(browser.get("/console/customers").body()).contains("id=\"hold-reason-" + child + "\"");
    }

    @Test
    void theEmulatorControlsAreTheWorkspaceOwnersAdmins() {
        ConsoleClient browser = new ConsoleClient(port);
        browser.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        String page = browser.get("/console/controls").body();
        assertThat(page).contains("Simulation clock", "id=\"clock-now\"", "id=\"journal-table\"", "Reset the emulator");

        HttpResponse<String> bad = browser.post("/console/controls/clock", Map.of("duration", "soon"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"duration-error\"", "aria-invalid=\"true\"");
        browser.get("/console/controls");
        HttpResponse<String> moved = browser.post("/console/controls/clock", Map.of("duration", "1h"));
        assertThat(moved.statusCode()).isEqualTo(302);
        assertThat(browser.get(location(moved)).body()).contains("The clock moved forward; the skipped hours&#39; delivery");
        HttpResponse<String> unconfirmed = browser.post("/console/controls/reset", Map.of());
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(unconfirmed.body()).contains("id=\"confirm-error\">Tick the box to confirm the reset.</p>");

        // A customer's admin and an owner's editor see no link and are refused.
        for (Tenant t : new Tenant[] {newTenant("admin"), newUserIn(workspaceOwnerOwId(), "editor", "adplane")}) {
            ConsoleClient other = new ConsoleClient(port);
            other.login(t.email(), t.password());
            assertThat(other.get("/console").body()).doesNotContain("/console/controls");
            assertThat(other.get("/console/controls").statusCode()).isEqualTo(403);
            other.get("/console");
            assertThat(other.post("/console/controls/clock", Map.of("duration", "1h")).statusCode()).isEqualTo(403);
            assertThat(other.post("/console/controls/reset", Map.of("confirm", "true")).statusCode()).isEqualTo(403);
        }
    }

    private static String location(HttpResponse<String> redirect) {
        String to = redirect.headers().firstValue("Location").orElseThrow();
        return to.startsWith("http") ? java.net.URI.create(to).getRawPath() + "?" + java.net.URI.create(to).getRawQuery() : to;
    }
}
