package io.adplane.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.adplane.support.IntegrationTestSupport;

/**
 * Users of an organization over IQM's User API without SMTP: invitations and resets land in the outbox, whose
 * links are followed here; lists, status, profile and password checks; who may manage whom.
 */
class UserIntegrationTest extends IntegrationTestSupport {

    private static final Pattern LINK = Pattern.compile("(http://\\S+\\?inviteHash=([A-Za-z0-9_-]+))");

    /** The link of the newest message to {@code email} in the outbox. */
    private String[] linkTo(String email) {
        String body = jdbc.sql("SELECT body FROM outbox WHERE recipient = ? ORDER BY id DESC").param(email)
                .query(String.class).list().get(0);
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as("a link in %s", body).isTrue();
        return new String[] {m.group(1), m.group(2)};
    }

    private long outboxCount(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient = ?").param(email).query(Long.class).single();
    }

    private static String newEmail() {
        return "invitee-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    private io.restassured.response.Response loginAttempt(String email, String password) {
        return given().header("Authentication", basic(CLIENT_ID, CLIENT_SECRET)).header("X-IAA-HOST", HOST)
                .body("{\"grantType\":\"password\",\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .post("/api/v3/ua/login");
    }

    @Test
    void anInvitedUserAcceptsByLinkAndLogsIn() {
        Tenant agency = newTenant("admin");
        Login admin = login(agency);
        String email = newEmail();
        as(admin).body("[{\"email\":\"" + email + "\",\"name\":\"Jane Smith\",\"role\":\"User\"},{\"email\":\"not-an-email\"}]")
                .post("/api/v3/ua/user/invite").then().statusCode(200)
                .body("data.successfulEmails", contains(email)).body("data.failedEmails", contains("not-an-email"))
                .body("data.message", equalTo("1 invitation sent successfully"));
        as(admin).get("/api/v3/ua/users/list?status=3").then().statusCode(200)
                .body("data.data.email", contains(email))
                .body("data.data[0].status", equalTo("invited")).body("data.data[0].statusId", equalTo(3))
                .body("data.data[0].displayName", equalTo("Jane Smith"))
                .body("data.data[0].invitedByUserEmail", equalTo(agency.email()));
        loginAttempt(email, "anything-at-all").then().statusCode(403);

        String[] link = linkTo(email);
        assertThat(link[0]).startsWith("http://localhost:" + port + "/api/v3/ua/invite/accept?inviteHash=");
        given().get(link[0].substring(link[0].indexOf("/api/"))).then().statusCode(200)
                .body("data.inviteEmail", equalTo(email)).body("data.organizationName", equalTo(agency.name()))
                .body("data.isNewUser", equalTo(true)).body("data.isExpired", equalTo(false))
                .body("data.workspaceDomain", equalTo(HOST));
        given().body("{\"inviteHash\":\"" + link[1] + "\",\"password\":\"short\"}").post("/api/v3/ua/invite/accept")
                .then().statusCode(400).body("errorObjects[0].field", equalTo("password"));
        given().body("{\"inviteHash\":\"" + link[1] + "\",\"password\":\"a-new-password-1\"}")
                .post("/api/v3/ua/invite/accept").then().statusCode(200)
                .body("data.owId", equalTo((int) agency.owId())).body("data.email", equalTo(email));
        // Once only.
        given().body("{\"inviteHash\":\"" + link[1] + "\",\"password\":\"a-new-password-1\"}")
                .post("/api/v3/ua/invite/accept").then().statusCode(422);
        given().body("{\"inviteHash\":\"" + link[1] + "\"}").post("/api/v3/ua/invite/validate").then()
                .body("data.isInviteProcessed", equalTo(true));
        Login invitee = login(email, "a-new-password-1");
        assertThat(invitee.owId()).isEqualTo(agency.owId());
        as(invitee).get("/api/v3/ua/profile").then().body("data.role", equalTo("editor"));
        given().body("{\"inviteHash\":\"iv_unknown\"}").post("/api/v3/ua/invite/validate").then().statusCode(404);
    }

    @Test
    void aReInvitationReplacesTheOldLink() {
        Tenant agency = newTenant("admin");
        Login admin = login(agency);
        String email = newEmail();
        as(admin).body("[{\"email\":\"" + email + "\"}]").post("/api/v3/ua/user/invite").then().statusCode(200);
        String old = linkTo(email)[1];
        long uowId = as(admin).get("/api/v3/ua/users/list?status=3").then().extract().jsonPath()
                .getLong("data.data[0].uowId");
        as(admin).body("{\"uowId\":" + uowId + "}").post("/api/v3/ua/user/re-invite").then().statusCode(200)
                .body("data", equalTo("Invitation sent successfully"));
        String fresh = linkTo(email)[1];
        assertThat(fresh).isNotEqualTo(old);
        given().body("{\"inviteHash\":\"" + old + "\"}").post("/api/v3/ua/invite/validate").then()
                .body("data.isInviteCancelled", equalTo(true));
        given().body("{\"inviteHash\":\"" + old + "\",\"password\":\"a-new-password-1\"}").post("/api/v3/ua/invite/accept")
                .then().statusCode(422);
        given().body("{\"inviteHash\":\"" + fresh + "\",\"password\":\"a-new-password-1\"}").post("/api/v3/ua/invite/accept")
                .then().statusCode(200);
    }

    @Test
    void passwordResetIsSingleUseExpiresAndTellsNothingAboutTheEmail() {
        Tenant user = newTenant("editor");
        Login before = login(user);
        String unknown = newEmail();
        String known = given().body("{\"email\":\"" + user.email() + "\"}").post("/api/v3/ua/user/reset-password")
                .then().statusCode(200).extract().asString();
        String none = given().body("{\"email\":\"" + unknown + "\"}").post("/api/v3/ua/user/reset-password")
                .then().statusCode(200).extract().asString();
        assertThat(none).isEqualTo(known).contains("Password reset link sent to your email");
        assertThat(outboxCount(unknown)).isZero();
        String[] link = linkTo(user.email());
        given().body("{\"inviteHash\":\"" + link[1] + "\"}").post("/api/v3/ua/user/reset-password/validate").then()
                .statusCode(200).body("data.valid", equalTo(true)).body("data.resetEmail", equalTo(user.email()));
        given().body("{\"inviteHash\":\"" + link[1] + "\",\"newPassword\":\"reset-password-9\"}")
                .post("/api/v3/ua/user/reset-password/complete").then().statusCode(200)
                .body("data", equalTo("Password reset successfully"));
        // Every login of the user ended; the old password is gone; the link works once.
        as(before).get("/api/v3/ua/profile").then().statusCode(401);
        loginAttempt(user.email(), PASSWORD).then().statusCode(403);
        login(user.email(), "reset-password-9");
        given().body("{\"inviteHash\":\"" + link[1] + "\",\"newPassword\":\"reset-password-10\"}")
                .post("/api/v3/ua/user/reset-password/complete").then().statusCode(422);
        given().body("{\"inviteHash\":\"" + link[1] + "\"}").post("/api/v3/ua/user/reset-password/validate").then()
                .body("data.valid", equalTo(false)).body("data.invalidReason", equalTo("The link was used already."));

        // A second link within a minute is not sent; after an hour a link has expired.
        clock.advance(java.time.Duration.ofMinutes(2));
        given().body("{\"email\":\"" + user.email() + "\"}").post("/api/v3/ua/user/reset-password").then().statusCode(200);
        String[] second = linkTo(user.email());
        clock.advance(java.time.Duration.ofMinutes(61));
        given().body("{\"inviteHash\":\"" + second[1] + "\",\"newPassword\":\"reset-password-11\"}")
                .post("/api/v3/ua/user/reset-password/complete").then().statusCode(422)
                .body("errorObjects[0].reason", equalTo("The link has expired."));
    }

    @Test
    void suspendingAUserEndsItsTokensAtOnce() {
        Tenant agency = newTenant("admin");
        Tenant member = newUserIn(agency.owId(), "editor", agency.name());
        Login admin = login(agency);
        Login memberLogin = login(member);
        as(admin).body("{\"uowId\":" + member.uowId() + ",\"status\":4}").put("/api/v3/ua/user/update-status").then()
                .statusCode(200).body("data", equalTo("User status updated successfully"));
        as(memberLogin).get("/api/v3/ua/profile").then().statusCode(401);
        loginAttempt(member.email(), PASSWORD).then().statusCode(403);
        as(admin).get("/api/v3/ua/users/list?status=4").then().body("data.data.uowId", contains((int) member.uowId()));
        as(admin).body("{\"uowId\":" + member.uowId() + ",\"status\":4}").put("/api/v3/ua/user/update-status").then()
                .statusCode(409);
        as(admin).body("{\"uowId\":" + member.uowId() + ",\"statusId\":1}").put("/api/v3/ua/user/update-status").then()
                .statusCode(200);
        login(member);
    }

    @Test
    void onlyAnAdminManagesUsersAndAForeignUserIsMissing() {
        Tenant agency = newTenant("admin");
        Tenant editor = newUserIn(agency.owId(), "editor", agency.name());
        Tenant peerAdmin = newUserIn(agency.owId(), "admin", agency.name());
        Tenant other = newTenant("editor");
        String suspend = "{\"uowId\":%d,\"status\":4}";
        as(login(editor)).body(suspend.formatted(peerAdmin.uowId())).put("/api/v3/ua/user/update-status").then()
                .statusCode(403).body("errorObjects[0].error", equalTo("Forbidden!"));
        Login admin = login(agency);
        as(admin).body(suspend.formatted(peerAdmin.uowId())).put("/api/v3/ua/user/update-status").then().statusCode(403);
        as(admin).body(suspend.formatted(agency.uowId())).put("/api/v3/ua/user/update-status").then().statusCode(403);
        String foreign = as(admin).body(suspend.formatted(other.uowId())).put("/api/v3/ua/user/update-status").then()
                .statusCode(404).extract().asString();
        String missing = as(admin).body(suspend.formatted(999_999_999L)).put("/api/v3/ua/user/update-status").then()
                .statusCode(404).extract().asString();
        assertThat(foreign).isEqualTo(missing);
        as(login(editor)).body("[{\"email\":\"" + newEmail() + "\"}]").post("/api/v3/ua/user/invite").then()
                .statusCode(403);
        as(admin).get("/api/v3/ua/customers/users/list?owId=" + other.owId()).then().statusCode(404);
    }

    @Test
    void listsInIqmsShapes() {
        Tenant agency = newTenant("admin");
        Tenant editor = newUserIn(agency.owId(), "editor", agency.name());
        Login admin = login(agency);
        as(admin).get("/api/v3/ua/users/list?sortBy=+email").then().statusCode(200)
                .body("data.data.email", containsInAnyOrder(agency.email(), editor.email()))
                .body("data.totalRecords", equalTo(2))
                .body("data.data.find { it.email == '" + agency.email() + "' }.isOrganizationOwnerUser", equalTo(true))
                .body("data.data.find { it.email == '" + editor.email() + "' }.isModificationAllowed", equalTo(true));
        as(admin).get("/api/v3/ua/users/list?sortBy=shoeSize").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("Invalid sortBy value."));
        as(admin).get("/api/v3/ua/users/basic/list?searchField=" + editor.email()).then().statusCode(200)
                .body("data.usersBasicList.email", contains(editor.email()))
                .body("data.totalRecords", equalTo(2)).body("data.filteredRecords", equalTo(1))
                .body("data.usersBasicList[0].mfaEnabled", equalTo(false));
        as(admin).get("/api/v3/ua/admin-users/list").then().statusCode(200)
                .body("data.adminUsersList.userId", hasItem(not(equalTo(0))))
                .body("data.totalRecords", equalTo(1));
        as(loginAdmin()).get("/api/v3/ua/customers/users/list?owId=" + agency.owId()).then().statusCode(200)
                .body("data.data.email", containsInAnyOrder(agency.email(), editor.email()));
        as(admin).get("/api/v3/ua/user/ow-id").then().statusCode(200).body("data", equalTo((int) agency.owId()));
        as(admin).get("/api/v3/ua/user/accessible-organizations").then().statusCode(200)
                .body("data.owId", contains((int) agency.owId())).body("data[0].customerType", equalTo("Advertiser"));
    }

    @Test
    void theCallersOwnProfileAndPassword() {
        Tenant user = newTenant("viewer");
        Login login = login(user);
        as(login).body("{\"password\":\"" + PASSWORD + "\"}").post("/api/v3/ua/user/current-password/validate").then()
                .statusCode(200).body("data.valid", equalTo(true));
        as(login).body("{\"password\":\"wrong-password\"}").post("/api/v3/ua/user/current-password/validate").then()
                .statusCode(200).body("data.valid", equalTo(false));
        as(login).body("{\"userAvatar\":\"https://cdn.example.com/me.png\"}")
                .patch("/api/v3/ua/user/update-profile?displayName=Me Myself").then().statusCode(200)
                .body("data.displayName", equalTo("Me Myself"))
                .body("data.userAvatar", equalTo("https://cdn.example.com/me.png"));
        as(login).body("{\"userAvatar\":\"javascript:alert(1)\"}").patch("/api/v3/ua/user/update-profile").then()
                .statusCode(400).body("errorObjects[0].field", equalTo("userAvatar"));
        as(login).body("{\"currentPassword\":\"wrong-password\",\"newPassword\":\"changed-password-1\"}")
                .post("/api/v3/ua/user/password/reset").then().statusCode(400);
        as(login).body("{\"oldPassword\":\"" + PASSWORD + "\",\"newPassword\":\"changed-password-1\"}")
                .post("/api/v3/ua/user/password/reset").then().statusCode(200);
        as(login).get("/api/v3/ua/profile").then().statusCode(401);
        login(user.email(), "changed-password-1");
    }

    @Test
    void emailAndWorkspaceValidation() {
        Tenant agency = newTenant("admin");
        Login admin = login(agency);
        String fresh = newEmail();
        as(admin).body("{\"email\":\"" + fresh + "\",\"workspaceDomain\":\"" + HOST + "\"}")
                .post("/api/v3/ua/user/email/validate").then().statusCode(200)
                .body("data.valid", equalTo(true)).body("data.owId", equalTo(0));
        as(admin).body("{\"email\":\"" + agency.email() + "\",\"workspaceDomain\":\"" + HOST + "\"}")
                .post("/api/v3/ua/user/email/validate").then()
                .body("data.valid", equalTo(false)).body("data.owId", equalTo((int) agency.owId()));
        as(admin).body("{\"email\":\"" + agency.email() + "\",\"workspaceDomain\":\"" + HOST + "\"}")
                .post("/api/v3/ua/user/workspace/validate").then().body("data.valid", equalTo(true));
        as(admin).body("{\"email\":\"" + agency.email() + "\",\"workspaceDomain\":\"elsewhere.example\"}")
                .post("/api/v3/ua/user/workspace/validate").then().body("data.valid", equalTo(false));
        given().body("{\"email\":\"" + agency.email() + "\"}").post("/api/v3/ua/find-my-workspace").then()
                .statusCode(200).body("data", startsWith("Email sent to"));
        assertThat(jdbc.sql("SELECT body FROM outbox WHERE recipient = ? AND kind = 'find-my-workspace'")
                .param(agency.email()).query(String.class).single()).contains(HOST);
    }
}
