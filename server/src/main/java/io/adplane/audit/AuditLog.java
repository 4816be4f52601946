package io.adplane.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.adplane.campaign.CampaignChanged;
import io.adplane.creative.CreativeChanged;
import io.adplane.insertionorder.InsertionOrderChanged;

/**
 * Writes every domain event of the write paths as one line to the {@code adplane.audit} log, after its
 * transaction committed. Events reach it through Spring Modulith's event publication registry: a change is
 * logged even when the server stops right after the commit (outstanding publications are sent again at start).
 */
@Component
class AuditLog {

    private static final Logger log = LoggerFactory.getLogger("adplane.audit");

    @ApplicationModuleListener
    void on(CampaignChanged e) {
        log.info("campaign {} of organization {} (io {}): {} -> {}, fields {}, by {}", e.campaignId(), e.owId(), e.ioId(),
                e.fromStatus(), e.toStatus(), e.fields(), who(e.uowId()));
    }

    @ApplicationModuleListener
    void on(InsertionOrderChanged e) {
        log.info("io {} of organization {}: fields {}, by {}", e.ioId(), e.owId(), e.fields(), who(e.uowId()));
    }

    @ApplicationModuleListener
    void on(CreativeChanged e) {
        log.info("creative {} of organization {}: fields {}, by {}", e.creativeId(), e.owId(), e.fields(), who(e.uowId()));
    }

    private static String who(Long uowId) {
        return uowId == null ? "the server" : "uowId " + uowId;
    }
}
