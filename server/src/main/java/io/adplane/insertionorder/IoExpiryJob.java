package io.adplane.insertionorder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Persists IO expiry (D17): {@code ioStatusId} 2 once {@code ioEndTime} has passed, through the write path (so it
 * is in the IO's history), one IO per transaction; safe on several instances at once.
 */
@Component
@ConditionalOnProperty(name = "adplane.jobs.enabled", havingValue = "true", matchIfMissing = true)
class IoExpiryJob {

    private final InsertionOrders insertionOrders;

    IoExpiryJob(InsertionOrders insertionOrders) {
        this.insertionOrders = insertionOrders;
    }

    @Scheduled(initialDelayString = "${adplane.jobs.expiry-interval:60s}", fixedDelayString = "${adplane.jobs.expiry-interval:60s}")
    void run() {
        insertionOrders.expireDue();
    }
}
