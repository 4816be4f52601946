package io.adplane.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.adplane.api.Secrets;
import io.adplane.support.IntegrationTestSupport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.response.Response;

/** The seed's Step 1 and every way a login can fail (D2, D3, D10). */
class LoginIntegrationTest extends IntegrationTestSupport {

    private static final String NOT_ALLOWED =
            "{\"success\":false,\"errorObjects\":[{\"error\":\"User doesn't exist or user is not allowed to provided workspace.\"}]}";

    private Response seedLogin(String email, String password) {
        return given()
                .header("Authentication", basic(CLIENT_ID, CLIENT_SECRET))
                .header("X-IAA-HOST", HOST)
                .body("{\n\"grantType\": \"password\",\n\"email\": \"" + email + "\",\n\"password\": \"" + password + "\"\n}")
                .post("/api/v3/ua/login");
    }

    @Test
    void seedStep1AnswersTheSeedShape() {
        Tenant tenant = newTenant("admin");
        seedLogin(tenant.email(), tenant.password()).then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("success", equalTo(true))
                .body("data.access_token", matchesPattern("at_[A-Za-z0-9_-]{43}"))
                .body("data.refresh_token", matchesPattern("rt_[A-Za-z0-9_-]{43}"))
                .body("data.scope", equalTo("read write"))
                .body("data.token_type", equalTo("bearer"))
                .body("data.expires_in", equalTo(35999))
                .body("data.owId", equalTo((int) tenant.owId()))
                .body("$", not(hasKey("errorObjects")));
    }

    @Test
    void authorizationHeaderWorksAsWellAsTheSeedsAuthentication() {
        Tenant tenant = newTenant("viewer");
        given().header("Authorization", basic(CLIENT_ID, CLIENT_SECRET)).header("X-IAA-HOST", HOST)
                .body(Map.of("grantType", "password", "email", tenant.email(), "password", tenant.password()))
                .post("/api/v3/ua/login")
                .then().statusCode(200).body("data.owId", equalTo((int) tenant.owId()));
    }

    @Test
    void emailIsMatchedCaseInsensitively() {
        Tenant tenant = newTenant("editor");
        seedLogin(tenant.email().toUpperCase(), tenant.password()).then().statusCode(200);
    }

    @Test
    void wrongPasswordUnknownUserAndForeignWorkspaceAnswerTheSame403() {
        Tenant tenant = newTenant("admin");
        String wrongPassword = seedLogin(tenant.email(), "not-the-password").then().statusCode(403).extract().asString();
        String unknownUser = seedLogin("nobody-" + tenant.email(), "whatever-123").then().statusCode(403).extract().asString();

        var other = tenancy.createWorkspace("other-" + tenant.owId() + ".example", "Other workspace");
        Tenant foreign = newUserIn(other.owId(), "admin", "Other workspace");
        String foreignUser = seedLogin(foreign.email(), foreign.password()).then().statusCode(403).extract().asString();

        assertThat(wrongPassword).isEqualTo(NOT_ALLOWED);
        assertThat(unknownUser).isEqualTo(NOT_ALLOWED);
        assertThat(foreignUser).isEqualTo(NOT_ALLOWED);
    }

    @Test
    void disabledUserCannotLogIn() {
        Tenant tenant = newTenant("admin");
        tenancy.disableUser(tenant.email());
        assertThat(seedLogin(tenant.email(), tenant.password()).then().statusCode(403).extract().asString())
                .isEqualTo(NOT_ALLOWED);
    }

    @Test
    void organizationOnHoldAnswersTheSeeds400() {
        Tenant tenant = newTenant("admin");
        tenancy.holdOrganization(tenant.owId(),
                "The particular account is kept on hold due to missed payment dates for last 3 months.");
        seedLogin(tenant.email(), tenant.password()).then()
                .statusCode(400)
                .body("success", equalTo(false))
                .body("data.status", equalTo("On Hold"))
                .body("data.reason", equalTo("The particular account is kept on hold due to missed payment dates for last 3 months."))
                .body("data.supportEmail", equalTo("support@localhost"))
                .body("errorObjects[0].error", equalTo("User is not allowed to access provided customer"))
                .body("errorObjects[0].reason", equalTo("User is not associated with any active organization."));

        tenancy.releaseOrganization(tenant.owId());
        seedLogin(tenant.email(), tenant.password()).then().statusCode(200);
    }

    @Test
    void badClientCredentialsAnswer401() {
        Tenant tenant = newTenant("admin");
        String body = "{\"grantType\":\"password\",\"email\":\"" + tenant.email() + "\",\"password\":\"" + PASSWORD + "\"}";
        for (String header : new String[] {basic(CLIENT_ID, "wrong-secret-0000000000"), basic("no-such-client", CLIENT_SECRET), "Basic !!!", "Bearer x"}) {
            given().header("Authentication", header).header("X-IAA-HOST", HOST).body(body)
                    .post("/api/v3/ua/login").then()
                    .statusCode(401)
                    .header("WWW-Authenticate", "Basic realm=\"adplane\"")
                    .body("success", equalTo(false))
                    .body("errorObjects[0].error", equalTo("Invalid client credentials."));
        }
        given().header("X-IAA-HOST", HOST).body(body).post("/api/v3/ua/login").then().statusCode(401);
    }

    @Test
    void clientOfAnotherWorkspaceIsRefused() {
        var other = tenancy.createWorkspace("clients-" + System.nanoTime() + ".example", "Client test");
        var client = tenancy.createClient(other.domain());
        Tenant tenant = newTenant("admin");
        given().header("Authentication", basic(client.clientId(), client.clientSecret())).header("X-IAA-HOST", HOST)
                .body(Map.of("grantType", "password", "email", tenant.email(), "password", PASSWORD))
                .post("/api/v3/ua/login").then().statusCode(401)
                .body("errorObjects[0].error", equalTo("Invalid client credentials."));
    }

    @Test
    void withoutXIaaHostTheHostHeaderNamesTheWorkspace() {
        Tenant tenant = newTenant("admin");
        String body = "{\"grantType\":\"password\",\"email\":\"" + tenant.email() + "\",\"password\":\"" + PASSWORD + "\"}";
        // RestAssured sends Host: localhost:<port>; the port is not part of the domain.
        given().header("Authentication", basic(CLIENT_ID, CLIENT_SECRET)).body(body)
                .post("/api/v3/ua/login").then().statusCode(200);
        given().header("Authentication", basic(CLIENT_ID, CLIENT_SECRET)).header("Host", "unknown.example").body(body)
                .post("/api/v3/ua/login").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("Given workspace domain does not exist."))
                .body("errorObjects[0].field", equalTo("X-IAA-HOST"));
        given().header("Authentication", basic(CLIENT_ID, CLIENT_SECRET)).header("X-IAA-HOST", "https://LOCALHOST:8443/")
                .body(body).post("/api/v3/ua/login").then().statusCode(200);
    }

    @Test
    void missingFieldsAndWrongGrantAreNamed() {
        given().header("Authentication", basic(CLIENT_ID, CLIENT_SECRET)).header("X-IAA-HOST", HOST)
                .body("{\"email\":\"a@b.c\",\"password\":\"x\"}").post("/api/v3/ua/login")
                .then().statusCode(400).body("errorObjects[0].field", equalTo("grantType"));
        given().header("Authentication", basic(CLIENT_ID, CLIENT_SECRET)).header("X-IAA-HOST", HOST)
                .body("{\"grantType\":\"client_credentials\",\"email\":\"a@b.c\",\"password\":\"x\"}")
                .post("/api/v3/ua/login")
                .then().statusCode(400).body("errorObjects[0].field", equalTo("grantType"));
        given().header("Authentication", basic(CLIENT_ID, CLIENT_SECRET)).header("X-IAA-HOST", HOST)
                .body("{\"grantType\":\"password\",\"password\":\"x\"}").post("/api/v3/ua/login")
                .then().statusCode(400).body("errorObjects[0].field", equalTo("email"));
        given().header("Authentication", basic(CLIENT_ID, CLIENT_SECRET)).header("X-IAA-HOST", HOST)
                .body("{\"grantType\":\"password\",\"email\":\"a@b.c\"}").post("/api/v3/ua/login")
                .then().statusCode(400).body("errorObjects[0].field", equalTo("password"));
    }

    @Test
    void repeatedFailuresThrottleTheAccountEvenForTheRightPassword() {
        Tenant tenant = newTenant("admin");
        for (int i = 0; i < 5; i++) {
            seedLogin(tenant.email(), "wrong-" + i).then().statusCode(403);
        }
        seedLogin(tenant.email(), "wrong-6").then().statusCode(403);
        seedLogin(tenant.email(), tenant.password()).then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .body("errorObjects[0].error", equalTo("Too many failed login attempts. Try again later."));
        // A case variant of the email is the same account.
        seedLogin(tenant.email().toUpperCase(), tenant.password()).then().statusCode(429);

        clock.advance(Duration.ofSeconds(2));
        seedLogin(tenant.email(), tenant.password()).then().statusCode(200);
    }

    @Test
    void oauthTokenEndpointTakesFormAndJson() {
        Tenant tenant = newTenant("editor");
        given().contentType("application/x-www-form-urlencoded")
                .header("Authorization", basic(CLIENT_ID, CLIENT_SECRET)).header("X-IAA-HOST", HOST)
                .formParam("grant_type", "password").formParam("username", tenant.email())
                .formParam("password", tenant.password())
                .post("/api/v3/ua/oauth/token").then()
                .statusCode(200).header("Cache-Control", "no-store")
                .body("success", equalTo(true)).body("data.owId", equalTo((int) tenant.owId()));
        given().header("Authorization", basic(CLIENT_ID, CLIENT_SECRET)).header("X-IAA-HOST", HOST)
                .body(Map.of("grant_type", "password", "username", tenant.email(), "password", tenant.password()))
                .post("/api/v3/ua/oauth/token").then().statusCode(200).body("data.access_token", notNullValue());
        given().contentType("application/x-www-form-urlencoded")
                .header("Authorization", basic(CLIENT_ID, CLIENT_SECRET)).header("X-IAA-HOST", HOST)
                .formParam("grant_type", "authorization_code")
                .post("/api/v3/ua/oauth/token").then()
                .statusCode(400).body("errorObjects[0].field", equalTo("grant_type"));
        given().contentType("application/x-www-form-urlencoded")
                .header("Authorization", basic(CLIENT_ID, CLIENT_SECRET)).header("X-IAA-HOST", HOST)
                .formParam("grant_type", "password").formParam("grant_type", "refresh_token")
                .post("/api/v3/ua/oauth/token").then()
                .statusCode(400).body("errorObjects[0].error", equalTo("Duplicate field 'grant_type'."));
    }

    /** Issue 18: wrong credentials do not tell which workspace domains exist. */
    @Test
    void wrongClientCredentialsAnswer401WhetherOrNotTheWorkspaceExists() {
        Tenant tenant = newTenant("admin");
        String body = "{\"grantType\":\"password\",\"email\":\"" + tenant.email() + "\",\"password\":\"" + PASSWORD + "\"}";
        for (String host : new String[] {HOST, "no-such-workspace-" + tenant.owId() + ".example"}) {
            for (String header : new String[] {basic(CLIENT_ID, "wrong-secret-0000000000"), basic("no-such-client", CLIENT_SECRET)}) {
                String answer = given().header("Authentication", header).header("X-IAA-HOST", host).body(body)
                        .post("/api/v3/ua/login").then()
                        .statusCode(401)
                        .header("WWW-Authenticate", "Basic realm=\"adplane\"")
                        .extract().asString();
                assertThat(answer).contains("Invalid client credentials.");
            }
            given().header("X-IAA-HOST", host).body(body).post("/api/v3/ua/login").then().statusCode(401);
            given().contentType("application/x-www-form-urlencoded")
                    .header("Authorization", basic(CLIENT_ID, "wrong-secret-0000000000")).header("X-IAA-HOST", host)
                    .formParam("grant_type", "refresh_token").formParam("refresh_token", "rt_x")
                    .post("/api/v3/ua/oauth/token").then().statusCode(401);
        }
        // A client whose credentials are right still learns IQM's 422 for a domain that does not exist.
        given().header("Authentication", basic(CLIENT_ID, CLIENT_SECRET)).header("X-IAA-HOST", "no-such.example")
                .body(body).post("/api/v3/ua/login").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("Given workspace domain does not exist."));
    }

    @Autowired
    MeterRegistry meters;

    private double logins(String outcome) {
        Counter counter = meters.find("adplane.logins").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private double lockouts() {
        Counter counter = meters.find("adplane.lockouts").counter();
        return counter == null ? 0 : counter.count();
    }

    /** Issue 18: login, failure and lockout are logged with a hashed account and counted. */
    @Test
    void loginEventsAreLoggedWithAHashedAccountAndCounted() {
        // Read from the events logger itself: other tests' contexts (the admin commands) reconfigure logging.
        ch.qos.logback.classic.Logger events = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.adplane.auth.events");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Level level = events.getLevel();
        events.setLevel(Level.INFO);
        events.addAppender(logged);
        try {
            loginEvents(logged);
        } finally {
            events.detachAppender(logged);
            events.setLevel(level);
        }
    }

    private void loginEvents(ListAppender<ILoggingEvent> logged) {
        Tenant tenant = newTenant("admin");
        double successes = logins("success");
        double failures = logins("failure");
        double locked = logins("locked");
        double lockouts = lockouts();
        seedLogin(tenant.email(), tenant.password()).then().statusCode(200);
        for (int i = 0; i < 6; i++) {
            seedLogin(tenant.email(), "wrong-" + i).then().statusCode(403);
        }
        seedLogin(tenant.email(), tenant.password()).then().statusCode(429);

        assertThat(logins("success")).isEqualTo(successes + 1);
        assertThat(logins("failure")).isEqualTo(failures + 6);
        assertThat(logins("locked")).isEqualTo(locked + 1);
        assertThat(lockouts()).isEqualTo(lockouts + 1);

        String account = "account=" + Secrets.sha256(tenant.email()).substring(0, 12);
        String output = logged.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
        assertThat(output).contains("login outcome=success " + account + " client=" + CLIENT_ID + " address=127.0.0.1")
                .contains("login outcome=failure " + account)
                .contains("login lockout " + account)
                .contains("login outcome=locked " + account)
                .doesNotContain(tenant.email());
    }
}
