package io.adplane.auth;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes sealed successors whose grace window has passed, so none outlives it by more than a minute. */
@Component
@ConditionalOnProperty(name = "adplane.jobs.enabled", havingValue = "true", matchIfMissing = true)
class RefreshGracePurgeJob {

    private final TokenRepository tokens;
    private final AuthSettings settings;
    private final Clock clock;

    RefreshGracePurgeJob(TokenRepository tokens, AuthSettings settings, Clock clock) {
        this.tokens = tokens;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${adplane.jobs.grace-purge-interval:1m}",
            fixedDelayString = "${adplane.jobs.grace-purge-interval:1m}")
    void run() {
        tokens.purgeGrace(clock.millis() - settings.refreshGrace().toMillis());
    }
}
