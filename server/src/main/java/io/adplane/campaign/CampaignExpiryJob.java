package io.adplane.campaign;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Persists expiry (D17): running and paused campaigns whose end, or their IO's end, has passed become
 * expired. Reads already show them expired at once; this job makes it stick and records the change. Each
 * move is a compare-and-set on the status, so several instances may run the job at the same time.
 */
@Component
@ConditionalOnProperty(name = "adplane.jobs.enabled", havingValue = "true", matchIfMissing = true)
class CampaignExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(CampaignExpiryJob.class);
    private static final int BATCH = 500;

    private final CampaignRepository campaigns;
    private final TransactionTemplate tx;
    private final Clock clock;

    CampaignExpiryJob(CampaignRepository campaigns, TransactionTemplate tx, Clock clock) {
        this.campaigns = campaigns;
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
            long now = clock.millis();
            List<Campaign> due = campaigns.dueForExpiry(now / 1000, BATCH);
            int before = moved;
            for (Campaign c : due) {
                boolean won = Boolean.TRUE.equals(tx.execute(s -> {
                    if (!campaigns.setStatus(c.owId(), c.id(), c.status(), CampaignStatus.EXPIRED, null, null, null, now)) {
                        return false;
                    }
                    campaigns.recordStatusChange(c.id(), c.owId(), c.status(), CampaignStatus.EXPIRED,
                            "end date passed", null, now);
                    return true;
                }));
                moved += won ? 1 : 0;
            }
            if (due.size() < BATCH || moved == before) {
                return moved;
            }
        }
    }
}
