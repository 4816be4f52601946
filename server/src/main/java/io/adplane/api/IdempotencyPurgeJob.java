package io.adplane.api;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes idempotency keys past their retention (D19), so the table holds about a day of creates. */
@Component
@ConditionalOnProperty(name = "adplane.jobs.enabled", havingValue = "true", matchIfMissing = true)
class IdempotencyPurgeJob {

    private final Idempotency idempotency;

    IdempotencyPurgeJob(Idempotency idempotency) {
        this.idempotency = idempotency;
    }

    @Scheduled(initialDelayString = "${adplane.jobs.purge-interval:1h}", fixedDelayString = "${adplane.jobs.purge-interval:1h}")
    void run() {
        idempotency.purge();
    }
}
