package io.adplane.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.adplane.api.ErrorRenderer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The token endpoints wait for the login capacity before anything reads their body: with the only permit taken
 * and no queue, a login is answered 429 in the envelope by the filter itself, and nothing behind it runs.
 */
class LoginCapacityFilterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PasswordCapacity capacity = new PasswordCapacity(new AuthSettings(Duration.ofHours(1),
            Duration.ofDays(30), Duration.ofSeconds(1), 5, Duration.ofSeconds(1), Duration.ofMinutes(15),
            Duration.ofMinutes(15), Duration.ofSeconds(10), 1, 0, Duration.ofMillis(50), 100, 1000,
            Duration.ofMinutes(1)));
    private final LoginCapacityFilter filter = new LoginCapacityFilter(capacity, new LoginEvents(meters),
            new ErrorRenderer(JsonMapper.builder().build()));

    @Test
    void aLoginPastTheCapacityIsRefusedBeforeItsBodyIsRead() throws Exception {
        try (PasswordCapacity.Permit other = capacity.enter()) {
            CompletableFuture<MockHttpServletResponse> answer = CompletableFuture.supplyAsync(() -> send("POST", "/api/v3/ua/login"));
            MockHttpServletResponse refused = answer.join();
            assertThat(refused.getStatus()).isEqualTo(429);
            assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
            assertThat(refused.getContentAsString())
                    .isEqualTo("{\"success\":false,\"errorObjects\":[{\"error\":\"" + PasswordCapacity.BUSY + "\"}]}");
            assertThat(refused.getHeader("X-Passed")).isNull();
            assertThat(meters.counter("adplane.logins", "outcome", "busy").count()).isEqualTo(1);

            // Other routes, and the token endpoint's other methods, do not wait for logins.
            assertThat(CompletableFuture.supplyAsync(() -> send("GET", "/api/v3/ua/profile")).join().getHeader("X-Passed"))
                    .isEqualTo("yes");
            assertThat(CompletableFuture.supplyAsync(() -> send("GET", "/api/v3/ua/oauth/token")).join().getHeader("X-Passed"))
                    .isEqualTo("yes");
        }
        MockHttpServletResponse served = CompletableFuture.supplyAsync(() -> send("POST", "/api/v3/ua/oauth/token")).join();
        assertThat(served.getHeader("X-Passed")).isEqualTo("yes");
        // The request gave its permit back: the next one gets it at once.
        assertThat(CompletableFuture.supplyAsync(() -> capacity.run(() -> "next")).join()).isEqualTo("next");
    }

    private MockHttpServletResponse send(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        request.setContent("{\"grantType\":\"password\"}".getBytes());
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            filter.doFilter(request, response, new MockFilterChain() {
                @Override
                public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                    ((MockHttpServletResponse) res).setHeader("X-Passed", "yes");
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response;
    }
}
