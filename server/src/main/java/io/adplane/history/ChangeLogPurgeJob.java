package io.adplane.history;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes change history past its retention ({@code adplane.history.retention}); one statement, safe on every instance. */
@Component
@ConditionalOnProperty(name = "adplane.jobs.enabled", havingValue = "true", matchIfMissing = true)
class ChangeLogPurgeJob {

    private final ChangeLog changes;

    ChangeLogPurgeJob(ChangeLog changes) {
        this.changes = changes;
    }

    @Scheduled(initialDelayString = "${adplane.jobs.purge-interval:1h}", fixedDelayString = "${adplane.jobs.purge-interval:1h}")
    void run() {
        changes.purge();
    }
}
