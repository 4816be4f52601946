package io.adplane.auth;

import java.time.Clock;
import java.util.Map;

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
 *
 * <p>An attempt is <em>reserved</em> as a failure before its password is checked, by one atomic statement
 * that also refuses it while the account is locked; a right password then clears the count. So parallel
 * guesses are counted and refused exactly like sequential ones: with 5 free failures, at most 6 guesses are
 * ever checked (the 6th starts the lock), however many arrive at once.
 */
@Component
class LoginThrottle {

    /** What a reservation is: a free attempt, or the one whose failure starts (or extends) a lock. */
    enum Reservation { FREE, LOCKING }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuthSettings settings;

    LoginThrottle(JdbcClient jdbc, Clock clock, AuthSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /** Counts one attempt for {@code email}; raises 429 with {@code Retry-After} while the account is locked. */
    Reservation reserve(String email) {
        long now = clock.millis();
        Reservation reserved = reserveExisting(email, now);
        if (reserved == null) {
            try {
                jdbc.sql("INSERT INTO login_throttle (email, failures, last_failure_at, locked_until) VALUES (?, 1, ?, ?)")
                        .params(email, now, now + delayMillis(1)).update();
                return delayMillis(1) > 0 ? Reservation.LOCKING : Reservation.FREE;
            } catch (DuplicateKeyException raced) {
                // Another attempt made the row first: count against it like any other.
                reserved = reserveExisting(email, now);
            }
        }
        if (reserved == null) {
            throw locked(email, now);
        }
        return reserved;
    }

    /**
     * Two guarded statements, each atomic on its own: a row that is not locked takes either a free attempt
     * (its count, restarted when the window has passed, stays within the free failures) or a locking one.
     * PostgreSQL re-checks each guard against the row a concurrent attempt just wrote; H2 locks the row.
     * {@code null}: no row yet, or locked.
     */
    private Reservation reserveExisting(String email, long now) {
        long windowStart = now - settings.throttleWindow().toMillis();
        int free = settings.throttleFreeFailures();
        int taken = jdbc.sql("""
                UPDATE login_throttle
                SET failures = CASE WHEN last_failure_at < :windowStart THEN 1 ELSE failures + 1 END,
                    last_failure_at = :now, locked_until = :now
                WHERE email = :email AND locked_until <= :now AND (last_failure_at < :windowStart OR failures < :free)""")
                .param("windowStart", windowStart).param("now", now).param("email", email).param("free", free)
                .update();
        if (taken == 1) {
            return Reservation.FREE;
        }
        // Failure number failures + 1 exceeds the free ones by failures + 1 - free: it locks for
        // base * 2^(failures - free), at most max (the exponent capped so the product cannot overflow).
        taken = jdbc.sql("""
                UPDATE login_throttle
                SET failures = failures + 1, last_failure_at = :now,
                    locked_until = :now + CAST(LEAST(:max, :base * POWER(2, LEAST(failures - :free, 30))) AS BIGINT)
                WHERE email = :email AND locked_until <= :now AND last_failure_at >= :windowStart AND failures >= :free""")
                .param("now", now).param("max", settings.throttleMaxDelay().toMillis())
                .param("base", settings.throttleBaseDelay().toMillis()).param("free", free)
                .param("email", email).param("windowStart", windowStart)
                .update();
        return taken == 1 ? Reservation.LOCKING : null;
    }

    private ApiException locked(String email, long now) {
        Long lockedUntil = jdbc.sql("SELECT locked_until FROM login_throttle WHERE email = ?").param(email)
                .query(Long.class).optional().orElse(now + 1000);
        long seconds = Math.max(1, (lockedUntil - now + 999) / 1000);
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "Too many failed login attempts. Try again later.",
                null, null, null, Map.of("Retry-After", Long.toString(seconds)));
    }

    /** The password was right: the account's count starts again. */
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
}
