package io.adplane.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.adplane.auth.Totp;
import io.adplane.support.IntegrationTestSupport;

/** TOTP over IQM's mfa/enable and mfa/disable, and the login that then needs the code (U11). */
class MfaIntegrationTest extends IntegrationTestSupport {

    private io.restassured.response.Response loginWith(String email, String otp) {
        return given().header("Authentication", basic(CLIENT_ID, CLIENT_SECRET)).header("X-IAA-HOST", HOST)
                .body("{\"grantType\":\"password\",\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\""
                        + (otp == null ? "" : ",\"otp\":\"" + otp + "\"") + "}")
                .post("/api/v3/ua/login");
    }

    private long userId(String email) {
        return tenancyRepository.userByEmail(email).orElseThrow().id();
    }

    @Test
    void anAdminTurnsMfaOnAndTheLoginNeedsTheCodeOnce() {
        Tenant agency = newTenant("admin");
        Tenant member = newUserIn(agency.owId(), "editor", agency.name());
        Tenant stranger = newTenant("editor");
        Login before = login(member);
        Login admin = login(agency);
        long memberId = userId(member.email());
        long strangerId = userId(stranger.email());
        as(admin).body("{\"userIds\":[" + memberId + "," + strangerId + "]}").post("/api/v3/ua/mfa/enable").then()
                .statusCode(200).body("data.mfaEnabledSuccessfully", contains((int) memberId))
                .body("data.mfaEnablingFailed", contains((int) strangerId));
        as(before).get("/api/v3/ua/profile").then().statusCode(401);
        as(admin).get("/api/v3/ua/users/basic/list?mfaEnabled=true").then()
                .body("data.usersBasicList.email", contains(member.email())).body("data.mfaEnabledCount", equalTo(1));

        String body = jdbc.sql("SELECT body FROM outbox WHERE recipient = ? AND kind = 'mfa'").param(member.email())
                .query(String.class).single();
        Matcher m = Pattern.compile("otpauth://totp/\\S+\\?secret=([A-Z2-7]+)").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        String secret = m.group(1);

        loginWith(member.email(), null).then().statusCode(401)
                .body("errorObjects[0].error", equalTo("MFA code required.")).body("errorObjects[0].field", equalTo("otp"));
        loginWith(member.email(), "000000".equals(Totp.code(secret, clock.millis())) ? "111111" : "000000").then()
                .statusCode(401).body("errorObjects[0].error", equalTo("Invalid or expired MFA code."));
        String code = Totp.code(secret, clock.millis());
        loginWith(member.email(), code).then().statusCode(200);
        // A code works once.
        loginWith(member.email(), code).then().statusCode(401);
        clock.advance(java.time.Duration.ofSeconds(Totp.PERIOD_SECONDS));
        loginWith(member.email(), Totp.code(secret, clock.millis())).then().statusCode(200);

        as(login(newUserIn(agency.owId(), "viewer", agency.name()))).body("{\"userIds\":[" + memberId + "]}")
                .post("/api/v3/ua/mfa/disable").then().statusCode(403);
        as(admin).body("{\"userIds\":[" + memberId + "]}").post("/api/v3/ua/mfa/disable").then().statusCode(200)
                .body("data.mfaDisabledSuccessfully", contains((int) memberId))
                .body("data.mfaDisablingFailed", empty());
        loginWith(member.email(), null).then().statusCode(200);
        as(admin).body("{\"userIds\":[]}").post("/api/v3/ua/mfa/enable").then().statusCode(400);
    }
}
