package io.adplane.auth;

import java.time.Clock;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.adplane.api.ApiException;

/**
 * Failed-login budgets per client address and per OAuth client (issue 18), next to the per-account throttle:
 * credential stuffing spreads guesses over many accounts, which no account's count sees. Like the throttle,
 * an attempt is reserved before its password is checked, by one guarded statement, and given back when the
 * password was right, so what is counted is failures, in fixed windows of {@code adplane.auth.budget-window}.
 * Kept in the database, so every instance shares them (D20).
 */
@Component
class LoginBudgets {

    static final String SPENT = "Too many failed login attempts from this client or address. Try again later.";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuthSettings settings;

    LoginBudgets(JdbcClient jdbc, Clock clock, AuthSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /** The budgets one login counts against. */
    record Keys(String address, String client) {
        static Keys of(String address, String clientId) {
            return new Keys("address:" + address, "client:" + clientId);
        }
    }

    /** Reserves one attempt in each budget; raises 429 with {@code Retry-After} when one is spent. */
    void reserve(Keys keys) {
        long now = clock.millis();
        long window = window(now);
        if (!reserve(keys.address(), settings.addressFailureBudget(), window)) {
            throw spent(now, window);
        }
        if (!reserve(keys.client(), settings.clientFailureBudget(), window)) {
            refund(keys.address(), window);
            throw spent(now, window);
        }
    }

    /** The password was right: the attempt was no failure. */
    void refund(Keys keys) {
        long window = window(clock.millis());
        refund(keys.address(), window);
        refund(keys.client(), window);
    }

    int purge(long before) {
        return jdbc.sql("DELETE FROM login_budget WHERE window_start < ?").param(before).update();
    }

    private boolean reserve(String key, int limit, long window) {
        if (counted(key, limit, window)) {
            return true;
        }
        if (jdbc.sql("SELECT COUNT(*) FROM login_budget WHERE budget_key = ?").param(key).query(Integer.class).single() > 0) {
            // Spent in this window, or inserted a moment ago by a racing first attempt: counting again tells
            // which, without the failed insert a storm of refused logins would repeat.
            return counted(key, limit, window);
        }
        try {
            jdbc.sql("INSERT INTO login_budget (budget_key, window_start, attempts) VALUES (?, ?, 1)")
                    .params(key, window).update();
            return limit >= 1;
        } catch (DuplicateKeyException raced) {
            return counted(key, limit, window);
        }
    }

    /** One statement: a new window starts the count again; within one, only below the limit. */
    private boolean counted(String key, int limit, long window) {
        return jdbc.sql("""
                UPDATE login_budget
                SET attempts = CASE WHEN window_start = :window THEN attempts + 1 ELSE 1 END, window_start = :window
                WHERE budget_key = :key AND (window_start <> :window OR attempts < :limit)""")
                .param("window", window).param("key", key).param("limit", limit).update() == 1;
    }

    private void refund(String key, long window) {
        jdbc.sql("UPDATE login_budget SET attempts = attempts - 1 WHERE budget_key = ? AND window_start = ? AND attempts > 0")
                .params(key, window).update();
    }

    private long window(long now) {
        long length = settings.budgetWindow().toMillis();
        return now - Math.floorMod(now, length);
    }

    private ApiException spent(long now, long window) {
        long seconds = Math.max(1, (window + settings.budgetWindow().toMillis() - now + 999) / 1000);
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, SPENT, null, null, null,
                Map.of("Retry-After", Long.toString(seconds)));
    }
}
