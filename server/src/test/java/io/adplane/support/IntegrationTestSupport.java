package io.adplane.support;

import static org.hamcrest.Matchers.notNullValue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.adplane.AdplaneApplication;
import io.adplane.tenancy.Membership;
import io.adplane.tenancy.Organization;
import io.adplane.tenancy.TenancyRepository;
import io.adplane.tenancy.TenancyService;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Base of the integration tier: the whole server on a random port, over HTTP, on H2 or PostgreSQL as
 * {@link TestDatabase} decides. All integration tests share one server and one database, so each test makes
 * the organizations and users it needs ({@link #newTenant}) and never counts on empty tables. Every answer is
 * also checked against the server's OpenAPI document ({@link OpenApiContract}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {AdplaneApplication.class, TestClockConfig.class},
        properties = {
                "spring.main.allow-bean-definition-overriding=true",
                "adplane.bootstrap.domain=" + IntegrationTestSupport.HOST,
                "adplane.bootstrap.email=" + IntegrationTestSupport.ADMIN_EMAIL,
                "adplane.bootstrap.password=" + IntegrationTestSupport.ADMIN_PASSWORD,
                "adplane.bootstrap.client-id=" + IntegrationTestSupport.CLIENT_ID,
                "adplane.bootstrap.client-secret=" + IntegrationTestSupport.CLIENT_SECRET,
                "adplane.auth.throttle-free-failures=5",
                // Cheap hashes: a login costs well under a millisecond instead of tens. AdminCliIntegrationTest
                // shows that the standard cost is the default.
                "adplane.passwords.cost=low",
                // Tests run the report schedules themselves (ReportRuns.runDue), so no job of a cached context
                // claims another context's schedule.
                "adplane.reports.schedule-interval=1h",
                "adplane.mode=emulator"})
public abstract class IntegrationTestSupport {

    public static final String HOST = "localhost";
    public static final String ADMIN_EMAIL = "admin@adplane.test";
    public static final String ADMIN_PASSWORD = "admin-password-1";
    public static final String CLIENT_ID = "test-client";
    public static final String CLIENT_SECRET = "test-client-secret-0123456789";
    public static final String PASSWORD = "correct-horse-9";

    @LocalServerPort
    protected int port;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected TenancyService tenancy;
    @Autowired
    protected TenancyRepository tenancyRepository;
    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @BeforeAll
    static void requireDatabase() {
        TestDatabase.assumeAvailable();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The seed's Step 2 request, byte for byte but for its times (epoch milliseconds). */
    public static String seedInsertionOrder(long startMillis, long endMillis) {
        return """
                {
                "ioName": "IO Name 1",
                "ioStartTime": %d,
                "ioEndTime": %d,
                "ioTotalBudget": 1000,
                "ioTimeZoneId": 29,
                "isAutoSumIoTotalBudget": true,
                "ioBudgetTypeId": 1,
                "ioBudgetDistributionMethodId": 1
                }""".formatted(startMillis, endMillis);
    }

    /** A request to this server, JSON by default, with no credentials. */
    protected RequestSpecification given() {
        return RestAssured.given()
                .config(RestAssuredConfig.config().encoderConfig(
                        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .baseUri("http://localhost").port(port)
                .contentType(ContentType.JSON)
                .filter((request, response, context) -> {
                    Response answer = context.next(request, response);
                    String path = URI.create(request.getURI()).getRawPath();
                    OpenApiContract.forPort(port).check(request.getMethod(), path, answer.statusCode(), answer.asString());
                    return answer;
                });
    }

    public static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** A login as the seed's Step 1 does it. */
    public record Login(String accessToken, String refreshToken, long owId) {
    }

    /** An organization with one user in it. */
    public record Tenant(long owId, long uowId, String email, String password, String name) {
    }

    protected Login login(String email, String password) {
        var body = given()
                .header("Authentication", basic(CLIENT_ID, CLIENT_SECRET))
                .header("X-IAA-HOST", HOST)
                .body("{\"grantType\":\"password\",\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .post("/api/v3/ua/login")
                .then().statusCode(200).body("data.access_token", notNullValue())
                .extract().jsonPath();
        return new Login(body.getString("data.access_token"), body.getString("data.refresh_token"),
                body.getLong("data.owId"));
    }

    protected Login login(Tenant tenant) {
        return login(tenant.email(), tenant.password());
    }

    protected Login loginAdmin() {
        return login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** Requests as {@code login}, acting for the organization it logged in for. */
    protected RequestSpecification as(Login login) {
        return as(login, login.owId());
    }

    protected RequestSpecification as(Login login, long owId) {
        return given().header("Authorization", "Bearer " + login.accessToken()).header("X-IAA-OW-ID", owId);
    }

    protected RequestSpecification as(Tenant tenant) {
        return as(login(tenant));
    }

    /** The owner organization of the bootstrapped workspace. */
    protected long workspaceOwnerOwId() {
        return tenancyRepository.workspaceByDomain(HOST).orElseThrow().ownerOwId();
    }

    /** A new customer organization of the workspace owner, with one user of {@code role}. */
    protected Tenant newTenant(String role) {
        return newTenantUnder(workspaceOwnerOwId(), role);
    }

    protected Tenant newTenantUnder(long parentOwId, String role) {
        String name = "Org " + UUID.randomUUID().toString().substring(0, 8);
        Organization org = tenancy.createOrganization(name, parentOwId);
        return newUserIn(org.owId(), role, name);
    }

    /** Another user, of {@code role}, in an existing organization. */
    protected Tenant newUserIn(long owId, String role, String orgName) {
        String email = "user-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
        Membership m = tenancy.createUser(email, PASSWORD, owId, role);
        return new Tenant(owId, m.uowId(), email, PASSWORD, orgName);
    }
}
