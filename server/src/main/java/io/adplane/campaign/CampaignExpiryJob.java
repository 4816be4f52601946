package io.adplane.campaign;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.adplane.campaign.CampaignWriter.Edit;
import io.adplane.history.Actor;

/**
 * Persists expiry (D17): running and paused campaigns whose end, or their IO's end, has passed become expired.
 * Reads already show them expired at once; this job makes it stick and records the change, through the write
 * path, which re-reads each campaign under its lock: several instances may run the job at the same time.
 */
@Component
@ConditionalOnProperty(name = "adplane.jobs.enabled", havingValue = "true", matchIfMissing = true)
class CampaignExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(CampaignExpiryJob.class);
    private static final int BATCH = 500;

    private final CampaignRepository campaigns;
    private final CampaignWriter writer;
    private final TransactionTemplate tx;
    private final Clock clock;

    CampaignExpiryJob(CampaignRepository campaigns, CampaignWriter writer, TransactionTemplate tx, Clock clock) {
        this.campaigns = campaigns;
        this.writer = writer;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${adplane.jobs.expiry-interval:60s}", fixedDelayString = "${adplane.jobs.expiry-interval:60s}")
    void run() {
        int expired = expireDue();
        if (expired > 0) {
            log.info("Expired {} campaigns", expired);
        }
    }

    /** Expires every campaign that is due; the number this instance moved. */
    int expireDue() {
        int moved = 0;
        while (true) {
            List<long[]> due = campaigns.dueForExpiry(clock.millis() / 1000, BATCH);
            int before = moved;
            for (long[] c : due) {
                CampaignStatus status = tx.execute(s -> writer.change(Actor.server(), c[0], c[1], Edit.none()).status());
                moved += status == CampaignStatus.EXPIRED ? 1 : 0;
            }
            if (due.size() < BATCH || moved == before) {
                return moved;
            }
        }
    }
}
