package io.adplane.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.adplane.api.Secrets;
import io.adplane.support.AllAtOnce;
import io.adplane.support.IntegrationTestSupport;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Refresh rotation and reuse detection, logout, expiry and revocation (D3). */
class TokenLifecycleIntegrationTest extends IntegrationTestSupport {

    /** Longer than {@code adplane.auth.refresh-grace} (10 s). */
    private static final Duration GRACE_PASSED = Duration.ofSeconds(11);

    @Autowired
    AuthPurgeJob purgeJob;

    private Response refresh(String refreshToken) {
        return given().contentType("application/x-www-form-urlencoded")
                .header("Authorization", basic(CLIENT_ID, CLIENT_SECRET)).header("X-IAA-HOST", HOST)
                .formParam("grant_type", "refresh_token").formParam("refresh_token", refreshToken)
                .post("/api/v3/ua/oauth/token");
    }

    private void profileAnswers(Login login, int status) {
        as(login).get("/api/v3/ua/profile").then().statusCode(status);
    }

    @Test
    void refreshAnswersTheRawOAuthObjectAndRotates() {
        Login first = login(newTenant("admin"));
        Response r = refresh(first.refreshToken());
        r.then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("access_token", notNullValue())
                .body("refresh_token", not(equalTo(first.refreshToken())))
                .body("scope", equalTo("read write"))
                .body("token_type", equalTo("bearer"))
                .body("expires_in", equalTo(35999))
                .body("success", equalTo(null))
                .body("owId", equalTo(null));
        Login second = new Login(r.jsonPath().getString("access_token"), r.jsonPath().getString("refresh_token"), first.owId());
        profileAnswers(second, 200);
        // The old access token of the family stays valid until it expires; rotation only replaces the refresh token.
        profileAnswers(first, 200);
        refresh(second.refreshToken()).then().statusCode(200);
    }

    @Test
    void replayingARotatedRefreshTokenRevokesTheWholeFamily() {
        Login first = login(newTenant("admin"));
        Response r = refresh(first.refreshToken());
        String rt2 = r.jsonPath().getString("refresh_token");
        Login second = new Login(r.jsonPath().getString("access_token"), rt2, first.owId());

        // Past the grace window a retry is a replay (within it, see retryWithinTheGraceWindow...).
        clock.advance(GRACE_PASSED);
        refresh(first.refreshToken()).then().statusCode(400)
                .body("errorObjects[0].error", equalTo("Invalid refresh token."))
                .body("errorObjects[0].field", equalTo("refresh_token"));
        refresh(rt2).then().statusCode(400);
        profileAnswers(second, 401);
        profileAnswers(first, 401);
    }

    @Test
    void anotherLoginIsAnotherFamilyAndSurvivesTheReplay() {
        Tenant tenant = newTenant("admin");
        Login a = login(tenant);
        Login b = login(tenant);
        refresh(a.refreshToken()).then().statusCode(200);
        clock.advance(GRACE_PASSED);
        refresh(a.refreshToken()).then().statusCode(400);
        profileAnswers(a, 401);
        profileAnswers(b, 200);
    }

    @Test
    void refreshNeedsTheClientItWasIssuedTo() {
        Login login = login(newTenant("admin"));
        var client = tenancy.createClient(HOST);
        given().contentType("application/x-www-form-urlencoded")
                .header("Authorization", basic(client.clientId(), client.clientSecret())).header("X-IAA-HOST", HOST)
                .formParam("grant_type", "refresh_token").formParam("refresh_token", login.refreshToken())
                .post("/api/v3/ua/oauth/token").then().statusCode(400);
        refresh("rt_garbage").then().statusCode(400);
        refresh(login.refreshToken()).then().statusCode(200);
    }

    @Test
    void logoutRevokesAccessAndRefreshAtOnce() {
        Login login = login(newTenant("editor"));
        given().header("Authorization", "Bearer " + login.accessToken()).post("/api/v3/ua/logout").then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("data", equalTo("User logged out successfully."));
        profileAnswers(login, 401);
        refresh(login.refreshToken()).then().statusCode(400);
    }

    @Test
    void accessTokensExpireAfterExpiresIn() {
        clock.freeze(); // the seconds a loaded machine takes between the steps must not count
        Login login = login(newTenant("admin"));
        profileAnswers(login, 200);
        clock.advance(Duration.ofSeconds(35998));
        profileAnswers(login, 200);
        clock.advance(Duration.ofSeconds(2));
        as(login).get("/api/v3/ua/profile").then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body("errorObjects[0].error", equalTo("Invalid token"))
                .body("errorObjects[0].reason", equalTo("The access token has expired."));
        // The refresh token outlives the access token.
        refresh(login.refreshToken()).then().statusCode(200);
    }

    @Test
    void refreshTokensExpireAfterThirtyDays() {
        clock.freeze();
        Login login = login(newTenant("admin"));
        clock.advance(Duration.ofDays(30).plusSeconds(1));
        refresh(login.refreshToken()).then().statusCode(400);
    }

    @Test
    void disablingAUserRevokesEverySessionAtOnce() {
        Tenant tenant = newTenant("admin");
        Login a = login(tenant);
        Login b = login(tenant);
        profileAnswers(a, 200);
        tenancy.disableUser(tenant.email());
        profileAnswers(a, 401);
        profileAnswers(b, 401);
        refresh(b.refreshToken()).then().statusCode(400);
    }

    @Test
    void aNewPasswordRevokesEverySession() {
        Tenant tenant = newTenant("admin");
        Login login = login(tenant);
        tenancy.setPassword(tenant.email(), "a-brand-new-password");
        profileAnswers(login, 401);
        login(tenant.email(), "a-brand-new-password");
    }

    @Test
    void holdingAnOrganizationBlocksItsTokensAndRefresh() {
        Tenant tenant = newTenant("admin");
        Login login = login(tenant);
        tenancy.holdOrganization(tenant.owId(), "Unpaid invoices");
        as(login).get("/api/v3/ua/profile").then().statusCode(403).body("errorObjects[0].error", equalTo("Forbidden!"));
        refresh(login.refreshToken()).then().statusCode(400).body("data.status", equalTo("On Hold"));
        tenancy.releaseOrganization(tenant.owId());
    }

    @Test
    void retryWithinTheGraceWindowAnswersTheSameSuccessor() {
        Login first = login(newTenant("admin"));
        var answer = refresh(first.refreshToken()).then().statusCode(200).extract().jsonPath();
        clock.advance(Duration.ofSeconds(9));
        var retried = refresh(first.refreshToken()).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("success", equalTo(null))
                .body("token_type", equalTo("bearer"))
                .body("expires_in", equalTo(35999 - 9))
                .extract().jsonPath();
        assertThat(retried.getString("access_token")).isEqualTo(answer.getString("access_token"));
        assertThat(retried.getString("refresh_token")).isEqualTo(answer.getString("refresh_token"));
        // Nothing was revoked and no second successor exists: the one successor works.
        Login second = new Login(answer.getString("access_token"), answer.getString("refresh_token"), first.owId());
        profileAnswers(second, 200);
        profileAnswers(first, 200);
        assertThat(activeRefreshTokens(first)).isEqualTo(1);
        refresh(second.refreshToken()).then().statusCode(200);
    }

    @Test
    void theGraceEndsWhenTheSuccessorIsUsed() {
        Login first = login(newTenant("admin"));
        String rt2 = refresh(first.refreshToken()).then().statusCode(200).extract().path("refresh_token");
        String at3 = refresh(rt2).then().statusCode(200).extract().path("access_token");
        // Within seconds, but its successor already rotated: a replay, and the family ends.
        refresh(first.refreshToken()).then().statusCode(400).body("errorObjects[0].error", equalTo("Invalid refresh token."));
        profileAnswers(new Login(at3, null, first.owId()), 401);
    }

    @Test
    void twentyParallelRefreshesWithOneTokenLeaveOneSuccessor() {
        Login first = login(newTenant("admin"));
        clock.freeze();
        HttpClient http = HttpClient.newHttpClient();
        List<HttpResponse<String>> answers = AllAtOnce.run(20, i -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v3/ua/oauth/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Authorization", basic(CLIENT_ID, CLIENT_SECRET)).header("X-IAA-HOST", HOST)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "grant_type=refresh_token&refresh_token=" + first.refreshToken()))
                        .build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Set<String> successors = new HashSet<>();
        for (HttpResponse<String> response : answers) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            successors.add(JsonPath.from(response.body()).getString("refresh_token"));
        }
        assertThat(successors).hasSize(1);
        assertThat(activeRefreshTokens(first)).isEqualTo(1);
        profileAnswers(first, 200);
    }

    @Test
    void aRefreshThatFailsBurnsNothing() {
        Tenant tenant = newTenant("admin");
        Login login = login(tenant);
        tenancy.holdOrganization(tenant.owId(), "Unpaid invoices");
        refresh(login.refreshToken()).then().statusCode(400).body("data.status", equalTo("On Hold"));
        assertThat(jdbc.sql("SELECT used_at FROM refresh_token WHERE token_hash = ?")
                .param(Secrets.sha256(login.refreshToken())).query(Long.class).optional()).isEmpty();
        tenancy.releaseOrganization(tenant.owId());
        // Still the live token of the family, long after any grace window.
        clock.advance(GRACE_PASSED);
        refresh(login.refreshToken()).then().statusCode(200);
    }

    @Test
    void theSealedSuccessorOutlivesItsWindowByAtMostThePurge() {
        Login first = login(newTenant("admin"));
        refresh(first.refreshToken()).then().statusCode(200);
        String hash = Secrets.sha256(first.refreshToken());
        assertThat(graceRows(hash)).isEqualTo(1);
        clock.advance(GRACE_PASSED);
        purgeJob.run();
        assertThat(graceRows(hash)).isZero();
    }

    private long graceRows(String hash) {
        return jdbc.sql("SELECT COUNT(*) FROM refresh_grace WHERE token_hash = ?").param(hash).query(Long.class).single();
    }

    /** Refresh tokens of the login's family that are neither used nor revoked. */
    private long activeRefreshTokens(Login login) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM refresh_token r JOIN auth_session s ON s.id = r.session_id
                WHERE s.id = (SELECT session_id FROM refresh_token WHERE token_hash = ?)
                  AND r.used_at IS NULL AND s.revoked_at IS NULL""")
                .param(Secrets.sha256(login.refreshToken())).query(Long.class).single();
    }
}
