package io.adplane.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.adplane.support.AllAtOnce;
import io.adplane.support.IntegrationTestSupport;

/**
 * Login throttling under parallel guessing (issue 11): each attempt is counted before its password is
 * checked, so 30 guesses at once get exactly what 30 one after the other get.
 */
class LoginThrottleIntegrationTest extends IntegrationTestSupport {

    private static final String NOT_ALLOWED =
            "{\"success\":false,\"errorObjects\":[{\"error\":\"User doesn't exist or user is not allowed to provided workspace.\"}]}";
    private static final String THROTTLED =
            "{\"success\":false,\"errorObjects\":[{\"error\":\"Too many failed login attempts. Try again later.\"}]}";
    /** The password-check cap's answer (a guess it refuses is not counted, nor checked). */
    private static final String BUSY =
            "{\"success\":false,\"errorObjects\":[{\"error\":\"" + PasswordCapacity.BUSY + "\"}]}";
    /** {@code adplane.auth.throttle-free-failures} of the test server. */
    private static final int FREE = 5;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> attempt(String email, String password) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v3/ua/login"))
                .header("Content-Type", "application/json")
                .header("Authentication", basic(CLIENT_ID, CLIENT_SECRET))
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

    /** Sends every password at once (as far as one machine can), and returns the answers in their order. */
    private List<HttpResponse<String>> inParallel(String email, List<String> passwords) {
        return AllAtOnce.run(passwords.size(), i -> attempt(email, passwords.get(i)));
    }

    private Map<String, Object> storedRow(String email) {
        return jdbc.sql("SELECT failures, last_failure_at, locked_until FROM login_throttle WHERE email = ?").param(email).query().singleRow();
    }

    @Test
    void thirtyParallelWrongPasswordsAreCountedLikeSequentialOnes() {
        Tenant tenant = newTenant("admin");
        List<String> guesses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            guesses.add("wrong-password-" + i);
        }
        // All at one instant: on two cores the burst outlasts the 1 s lock, after which a further guess would
        // rightly be checked (as it would be one at a time).
        clock.freeze();
        List<HttpResponse<String>> answers = inParallel(tenant.email(), guesses);

        int checked = 0;
        for (HttpResponse<String> answer : answers) {
            if (answer.statusCode() == 403) {
                checked++;
                assertThat(answer.body()).isEqualTo(NOT_ALLOWED);
                assertThat(answer.headers().firstValue("Retry-After")).isEmpty();
            } else {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(429);
                assertThat(answer.body()).isIn(THROTTLED, BUSY);
                assertThat(Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 900L);
            }
        }
        // As one at a time: the free failures, then the one that starts the lock; every other guess is refused
        // before its password is looked at.
        assertThat(checked).isEqualTo(FREE + 1);
        Map<String, Object> row = storedRow(tenant.email());
        assertThat(((Number) row.get("failures")).intValue()).isEqualTo(FREE + 1);
        // The 6th failure locked the account for the base delay (1 s), counted from its reservation.
        assertThat(((Number) row.get("locked_until")).longValue() - ((Number) row.get("last_failure_at")).longValue())
                .isEqualTo(1000L);
    }

    @Test
    void aRightPasswordAmongParallelGuessesClearsTheCountOnlyIfItIsChecked() {
        Tenant tenant = newTenant("admin");
        List<String> passwords = new ArrayList<>();
        for (int i = 0; i < 29; i++) {
            passwords.add("wrong-password-" + i);
        }
        passwords.add(tenant.password());
        clock.freeze();
        List<HttpResponse<String>> answers = inParallel(tenant.email(), passwords);

        HttpResponse<String> rightOne = answers.get(29);
        long refused = answers.stream().filter(a -> a.statusCode() == 429).count();
        long wrongChecked = answers.subList(0, 29).stream().filter(a -> a.statusCode() == 403).count();
        if (rightOne.statusCode() == 200) {
            // It was among the attempts checked; guesses after it count afresh, and none got through.
            assertThat(wrongChecked).isLessThanOrEqualTo(2L * (FREE + 1));
        } else {
            assertThat(rightOne.statusCode()).isEqualTo(429);
            assertThat(wrongChecked).isEqualTo(FREE + 1);
        }
        assertThat(answers).allMatch(a -> List.of(200, 403, 429).contains(a.statusCode()));
        assertThat(refused + wrongChecked + (rightOne.statusCode() == 200 ? 1 : 0)).isEqualTo(30);
    }

    @Test
    void aCountOlderThanTheWindowStartsAgain() {
        Tenant tenant = newTenant("admin");
        for (int i = 0; i < FREE; i++) {
            assertThat(attempt(tenant.email(), "wrong-" + i).statusCode()).isEqualTo(403);
        }
        clock.advance(java.time.Duration.ofMinutes(16));
        assertThat(attempt(tenant.email(), "wrong-again").statusCode()).isEqualTo(403);
        assertThat(((Number) storedRow(tenant.email()).get("failures")).intValue()).isEqualTo(1);
        assertThat(attempt(tenant.email(), tenant.password()).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM login_throttle WHERE email = ?").param(tenant.email())
                .query(Long.class).single()).isZero();
    }
}
