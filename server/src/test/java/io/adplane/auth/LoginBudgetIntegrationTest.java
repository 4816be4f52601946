package io.adplane.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.adplane.api.ApiException;
import io.adplane.support.AllAtOnce;
import io.adplane.support.IntegrationTestSupport;
import io.adplane.tenancy.TenancyService.CreatedClient;

/**
 * The login budget (issue 18): password checks under a concurrency cap, and failed-login budgets per client
 * address and per OAuth client next to the per-account throttle.
 */
class LoginBudgetIntegrationTest extends IntegrationTestSupport {

    /** Where the test's requests come from, as the server sees it. */
    private static final String ADDRESS = "address:127.0.0.1";

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private LoginBudgets budgets;

    @Autowired
    private AuthSettings settings;

    @BeforeEach
    @AfterEach
    void forgetBudgets() {
        // The test server's one address is every test's: start from an unspent budget (the tests before this
        // one, in the same minute, may have failed logins of their own) and leave it as other tests expect it.
        jdbc.sql("DELETE FROM login_budget WHERE budget_key = ?").param(ADDRESS).update();
    }

    private HttpResponse<String> attempt(CreatedClient client, String email, String password) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v3/ua/login"))
                .header("Content-Type", "application/json")
                .header("Authentication", basic(client.clientId(), client.clientSecret()))
                .header("X-IAA-HOST", HOST)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"grantType\":\"password\",\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Long attempts(String key) {
        return jdbc.sql("SELECT attempts FROM login_budget WHERE budget_key = ?").param(key).query(Long.class)
                .optional().orElse(0L);
    }

    private void spend(String key, int attempts) {
        long window = clock.millis() - Math.floorMod(clock.millis(), 60_000L);
        jdbc.sql("DELETE FROM login_budget WHERE budget_key = ?").param(key).update();
        jdbc.sql("INSERT INTO login_budget (budget_key, window_start, attempts) VALUES (?, ?, ?)")
                .params(key, window, attempts).update();
    }

    @Test
    void sixtyFourConcurrentLoginsAreCappedNeverAFault() {
        CreatedClient client = tenancy.createClient(HOST);
        List<HttpResponse<String>> answers = AllAtOnce.run(64,
                i -> attempt(client, "nobody-" + UUID.randomUUID() + "@example.com", "whatever-123"));
        long busy = 0;
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.body()).isIn(403, 429);
            if (answer.statusCode() == 429) {
                busy++;
                assertThat(answer.body()).contains(PasswordCapacity.BUSY);
                assertThat(answer.headers().firstValue("Retry-After")).contains("1");
            }
        }
        // Whether a burst fills the queue depends on how fast this machine serves it (PasswordCapacityTest
        // makes the burst exactly); either way no login faults and only checked ones count as failures.
        assertThat(attempts("client:" + client.clientId())).isEqualTo(64 - busy);
    }

    @Test
    void theFirstAttemptsOfAWindowRacingEachOtherAreAllCounted() {
        // A new key's first attempts find no row; one inserts it and the others must count on it, not take
        // the row they did not see a moment before for a spent budget.
        for (int round = 0; round < 5; round++) {
            String address = "203.0.113." + round + "-" + UUID.randomUUID();
            CreatedClient client = tenancy.createClient(HOST);
            LoginBudgets.Keys keys = LoginBudgets.Keys.of(address, client.clientId());
            List<String> outcomes = AllAtOnce.run(32, i -> reserve(keys));
            assertThat(outcomes).as("round " + round).containsOnly("reserved");
            assertThat(attempts(keys.address())).isEqualTo(32);
            assertThat(attempts(keys.client())).isEqualTo(32);
        }
    }

    @Test
    void attemptsRacingForABudgetsLastPlacesGetExactlyThose() {
        LoginBudgets.Keys keys = LoginBudgets.Keys.of("203.0.113.9-" + UUID.randomUUID(),
                tenancy.createClient(HOST).clientId());
        clock.freeze();
        int limit = settings.addressFailureBudget();
        spend(keys.address(), limit - 5);
        List<String> outcomes = AllAtOnce.run(16, i -> reserve(keys));
        assertThat(outcomes).filteredOn("reserved"::equals).as("attempts reserved").hasSize(5);
        assertThat(outcomes).filteredOn(LoginBudgets.SPENT::equals).as("attempts refused").hasSize(11);
        assertThat(attempts(keys.address())).as("the address's count").isEqualTo(limit);
        assertThat(attempts(keys.client())).as("the client's count: only the reserved ones").isEqualTo(5);
    }

    /** One reservation's outcome: "reserved", or the refusal's message. */
    private String reserve(LoginBudgets.Keys keys) {
        try {
            budgets.reserve(keys);
            return "reserved";
        } catch (ApiException refused) {
            return refused.getMessage();
        }
    }

    @Test
    void aSpentAddressBudgetRefusesEvenTheRightPasswordWithoutCheckingIt() {
        Tenant tenant = newTenant("admin");
        CreatedClient client = tenancy.createClient(HOST);
        clock.freeze();
        spend(ADDRESS, 100);
        HttpResponse<String> refused = attempt(client, tenant.email(), tenant.password());
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains(LoginBudgets.SPENT);
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        // Nothing else was counted: not the client, not the account.
        assertThat(attempts("client:" + client.clientId())).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM login_throttle WHERE email = ?").param(tenant.email())
                .query(Long.class).single()).isZero();

        clock.advance(java.time.Duration.ofSeconds(retryAfter));
        assertThat(attempt(client, tenant.email(), tenant.password()).statusCode()).isEqualTo(200);
    }

    @Test
    void aSpentClientBudgetRefusesItsLoginsOnly() {
        Tenant tenant = newTenant("admin");
        CreatedClient spentClient = tenancy.createClient(HOST);
        CreatedClient otherClient = tenancy.createClient(HOST);
        clock.freeze();
        spend("client:" + spentClient.clientId(), 1000);
        long addressBefore = attempts(ADDRESS);
        HttpResponse<String> refused = attempt(spentClient, tenant.email(), tenant.password());
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains(LoginBudgets.SPENT);
        // The address's reservation was given back.
        assertThat(attempts(ADDRESS)).isEqualTo(addressBefore);
        assertThat(attempt(otherClient, tenant.email(), tenant.password()).statusCode()).isEqualTo(200);
    }

    @Test
    void failuresAreCountedAndARightPasswordGivesItsAttemptBack() {
        Tenant tenant = newTenant("admin");
        CreatedClient client = tenancy.createClient(HOST);
        clock.freeze();
        String key = "client:" + client.clientId();
        assertThat(attempt(client, tenant.email(), "wrong-password-1").statusCode()).isEqualTo(403);
        assertThat(attempt(client, "nobody-" + UUID.randomUUID() + "@example.com", "wrong-password-2").statusCode())
                .isEqualTo(403);
        assertThat(attempts(key)).isEqualTo(2);
        assertThat(attempt(client, tenant.email(), tenant.password()).statusCode()).isEqualTo(200);
        assertThat(attempts(key)).isEqualTo(2);
    }
}
