package io.adplane.auth;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.adplane.support.IntegrationTestSupport;
import io.restassured.response.Response;

/** Refresh rotation and reuse detection, logout, expiry and revocation (D3). */
class TokenLifecycleIntegrationTest extends IntegrationTestSupport {

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
}
