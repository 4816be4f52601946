package io.adplane.auth;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.adplane.api.ApiException;

/**
 * Per-account login throttling (D10): after {@code throttleFreeFailures} failures within the window, each
 * further failure locks the email for an exponentially growing time (1 s, 2 s, 4 s ... up to 15 min).
 * Counted per normalised email, whether or not such a user exists, and kept in the database so every
 * instance sees it (D20). While locked, even the right password gets the 429.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuthSettings settings;

    LoginThrottle(JdbcClient jdbc, Clock clock, AuthSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    private record State(int failures, long lastFailureAt, long lockedUntil) {
    }

    /** Raises 429 with {@code Retry-After} while the account is locked. */
    void check(String email) {
        long now = clock.millis();
        state(email).filter(s -> s.lockedUntil() > now).ifPresent(s -> {
            long seconds = Math.max(1, (s.lockedUntil() - now + 999) / 1000);
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "Too many failed login attempts. Try again later.",
                    null, null, null, Map.of("Retry-After", Long.toString(seconds)));
        });
    }

    void failed(String email) {
        long now = clock.millis();
        Optional<State> current = state(email);
        int failures = current.filter(s -> now - s.lastFailureAt() <= settings.throttleWindow().toMillis())
                .map(State::failures).orElse(0) + 1;
        long lockedUntil = now + delayMillis(failures);
        int updated = jdbc.sql("UPDATE login_throttle SET failures = ?, last_failure_at = ?, locked_until = ? WHERE email = ?")
                .params(failures, now, lockedUntil, email).update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO login_throttle (email, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)")
                        .params(email, failures, now, lockedUntil).update();
            } catch (DuplicateKeyException raced) {
                jdbc.sql("UPDATE login_throttle SET failures = failures + 1, last_failure_at = ? WHERE email = ?")
                        .params(now, email).update();
            }
        }
    }

    void succeeded(String email) {
        jdbc.sql("DELETE FROM login_throttle WHERE email = ?").param(email).update();
    }

    long delayMillis(int failures) {
        int over = failures - settings.throttleFreeFailures();
        if (over <= 0) {
            return 0;
        }
        long base = settings.throttleBaseDelay().toMillis();
        long max = settings.throttleMaxDelay().toMillis();
        return over > 30 ? max : Math.min(max, base << (over - 1));
    }

    private Optional<State> state(String email) {
        return jdbc.sql("SELECT failures, last_failure_at, locked_until FROM login_throttle WHERE email = ?")
                .param(email)
                .query((rs, n) -> new State(rs.getInt(1), rs.getLong(2), rs.getLong(3)))
                .optional();
    }
}
