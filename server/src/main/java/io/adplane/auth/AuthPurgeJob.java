package io.adplane.auth;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes login state past its use: sealed refresh successors past their grace window (so none outlives it by
 * more than a minute), budget windows that have ended, and throttle counts older than their window that hold
 * no lock.
 */
@Component
@ConditionalOnProperty(name = "adplane.jobs.enabled", havingValue = "true", matchIfMissing = true)
class AuthPurgeJob {

    private final TokenRepository tokens;
    private final LoginBudgets budgets;
    private final JdbcClient jdbc;
    private final AuthSettings settings;
    private final Clock clock;

    AuthPurgeJob(TokenRepository tokens, LoginBudgets budgets, JdbcClient jdbc, AuthSettings settings, Clock clock) {
        this.tokens = tokens;
        this.budgets = budgets;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${adplane.jobs.auth-purge-interval:1m}",
            fixedDelayString = "${adplane.jobs.auth-purge-interval:1m}")
    void run() {
        long now = clock.millis();
        tokens.purgeGrace(now - settings.refreshGrace().toMillis());
        budgets.purge(now - settings.budgetWindow().toMillis());
        jdbc.sql("DELETE FROM login_throttle WHERE last_failure_at < ? AND locked_until < ?")
                .params(now - settings.throttleWindow().toMillis(), now).update();
    }
}
