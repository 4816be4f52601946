package io.adplane.campaign;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

import io.adplane.creative.CampaignCreatives;

/** The campaign side of creative lists: the creatives campaigns name, from the link table the writer keeps. */
@Component
class CreativesOfCampaigns implements CampaignCreatives {

    private final CampaignRepository campaigns;

    CreativesOfCampaigns(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public List<Long> creativesOf(Collection<Long> owIds, Collection<Long> campaignIds) {
        return campaigns.creativesOf(owIds, campaignIds);
    }
}
