package io.adplane.campaign;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.adplane.creative.CampaignCreatives;
import io.adplane.creative.CampaignCreatives.CampaignOfCreative;

/** The campaign side of creative lists: the creatives campaigns name, from the link table the writer keeps. */
@Component
class CreativesOfCampaigns implements CampaignCreatives {

    private final CampaignRepository campaigns;
    private final Clock clock;

    CreativesOfCampaigns(CampaignRepository campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Override
    public List<Long> creativesOf(Collection<Long> owIds, Collection<Long> campaignIds) {
        return campaigns.creativesOf(owIds, campaignIds);
    }

    @Override
    public List<CampaignOfCreative> campaignsOf(long owId, long creativeId, int limit) {
        return campaigns.campaignsOfCreative(owId, creativeId, clock.millis() / 1000, limit);
    }

    @Override
    public Map<Long, List<Long>> campaignIdsOf(Collection<Long> owIds, Collection<Long> creativeIds, int limit) {
        return creativeIds.isEmpty() ? Map.of() : campaigns.campaignIdsOfCreatives(owIds, creativeIds, limit);
    }
}
