package io.adplane.delivery;

import java.math.BigDecimal;

import org.springframework.stereotype.Component;

import io.adplane.campaign.CampaignSpend;
import io.adplane.insertionorder.IoSpend;

/** Campaign and IO spend from the rollups (S1): one primary-key read each. */
@Component
class DeliverySpend implements CampaignSpend, IoSpend {

    private final DeliveryFacts facts;

    DeliverySpend(DeliveryFacts facts) {
        this.facts = facts;
    }

    @Override
    public BigDecimal spent(long owId, long campaignId) {
        return facts.total(owId, campaignId).spent();
    }

    @Override
    public Spent of(long owId, long ioId) {
        DeliveryFacts.IoSpend s = facts.ioTotal(owId, ioId);
        return new Spent(s.spent(), s.impressions());
    }
}
