package io.adplane.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.adplane.support.IntegrationTestSupport;

/** Signing in and out of the console, its cookies and CSRF protection, and the organization switcher. */
class ConsoleSessionIntegrationTest extends IntegrationTestSupport {

    @Test
    void aPageWithoutASessionSendsToTheLoginPage() {
        ConsoleClient browser = new ConsoleClient(port);
        HttpResponse<String> r = browser.get("/console/insertion-orders");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/console/login");
        HttpResponse<String> page = browser.get("/console/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<label for=\"email\">Email</label>", "name=\"_csrf\"");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
    }

    @Test
    void signingInSetsAnHttpOnlyLaxSessionCookieAndShowsTheOrganization() {
        Tenant tenant = newTenant("admin");
        ConsoleClient browser = new ConsoleClient(port);
        HttpResponse<String> r = browser.login(tenant.email(), tenant.password());
        assertThat(r.statusCode()).isEqualTo(302);
        String session = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("adplane_console="))
                .findFirst().orElseThrow();
        assertThat(session).contains("HttpOnly", "SameSite=Lax", "Path=/console").doesNotContain("Max-Age", "Expires");
        HttpResponse<String> overview = browser.get("/console");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("Overview of <span>" + tenant.name() + "</span>", tenant.email());
        assertThat(overview.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    }

    @Test
    void aWrongPasswordShowsTheApisMessageAndCountsAgainstTheSameThrottle() {
        Tenant tenant = newTenant("editor");
        ConsoleClient browser = new ConsoleClient(port);
        clock.freeze();
        HttpResponse<String> wrong = browser.login(tenant.email(), "not-the-password");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("User doesn&#39;t exist or user is not allowed to provided workspace.");
        for (int i = 0; i < 5; i++) {
            browser.login(tenant.email(), "not-the-password");
        }
        // Five free failures and the one that starts the lock: the account's throttle now refuses even the right password, on the console and the API.
        HttpResponse<String> locked = browser.login(tenant.email(), tenant.password());
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        given().header("Authentication", basic(CLIENT_ID, CLIENT_SECRET)).header("X-IAA-HOST", HOST)
                .body("{\"grantType\":\"password\",\"email\":\"" + tenant.email() + "\",\"password\":\"" + tenant.password() + "\"}")
                .post("/api/v3/ua/login").then().statusCode(429);
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        Tenant tenant = newTenant("admin");
        ConsoleClient browser = new ConsoleClient(port);
        HttpResponse<String> noToken = browser.postRaw("/console/login",
                Map.of("email", tenant.email(), "password", tenant.password()));
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(browser.cookie("adplane_console")).isNull();
        browser.login(tenant.email(), tenant.password());
        HttpResponse<String> forged = browser.postRaw("/console/logout", Map.of("_csrf", "forged"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.get("/console").statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutEndsTheSessionEvenForAKeptCookie() {
        Tenant tenant = newTenant("admin");
        ConsoleClient browser = new ConsoleClient(port);
        browser.login(tenant.email(), tenant.password());
        ConsoleClient kept = new ConsoleClient(port);
        kept.copyCookiesFrom(browser);
        assertThat(kept.get("/console").statusCode()).isEqualTo(200);
        browser.get("/console");
        HttpResponse<String> out = browser.post("/console/logout", Map.of());
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(browser.cookie("adplane_console")).isNull();
        clock.advance(java.time.Duration.ofSeconds(2)); // past the gate's cache
        assertThat(kept.get("/console").statusCode()).isEqualTo(302);
    }

    @Test
    void theSwitcherOffersAndActsForOnlyTheOrganizationsTheUserMayActFor() {
        Tenant parent = newTenant("admin");
        var child = tenancy.createOrganization("Child " + parent.name(), parent.owId());
        Tenant stranger = newTenant("admin");
        ConsoleClient browser = new ConsoleClient(port);
        browser.login(parent.email(), parent.password());
        HttpResponse<String> overview = browser.get("/console");
        assertThat(overview.body()).contains("value=\"" + child.owId() + "\"").doesNotContain("value=\"" + stranger.owId() + "\"");

        assertThat(browser.post("/console/organization", Map.of("owId", Long.toString(child.owId()))).statusCode())
                .isEqualTo(302);
        assertThat(browser.get("/console").body()).contains("Overview of <span>" + child.name() + "</span>");
        // The page's token stays good for a second form (another tab) after the first was sent.
        assertThat(browser.post("/console/organization", Map.of("owId", Long.toString(parent.owId()))).statusCode())
                .isEqualTo(302);
        assertThat(browser.post("/console/organization", Map.of("owId", Long.toString(child.owId()))).statusCode())
                .isEqualTo(302);

        HttpResponse<String> foreign = browser.post("/console/organization", Map.of("owId", Long.toString(stranger.owId())));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(browser.get("/console?ow=" + stranger.owId()).statusCode()).isEqualTo(403);
        assertThat(browser.get("/console").body()).doesNotContain(stranger.name());
    }
}
