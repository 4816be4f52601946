package io.adplane.audit;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps the event publication registry small: completed publications older than {@code adplane.events.retention} go. */
@Component
@ConditionalOnProperty(name = "adplane.jobs.enabled", havingValue = "true", matchIfMissing = true)
class EventPublicationPurgeJob {

    private final CompletedEventPublications completed;
    private final Duration retention;

    EventPublicationPurgeJob(CompletedEventPublications completed, @Value("${adplane.events.retention:7d}") Duration retention) {
        this.completed = completed;
        this.retention = retention;
    }

    @Scheduled(initialDelayString = "${adplane.jobs.purge-interval:1h}", fixedDelayString = "${adplane.jobs.purge-interval:1h}")
    void run() {
        completed.deletePublicationsOlderThan(retention);
    }
}
