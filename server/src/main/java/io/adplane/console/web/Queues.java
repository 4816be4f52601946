package io.adplane.console.web;

import java.util.List;

import io.adplane.campaign.CampaignQueries;
import io.adplane.creative.CreativeService;

/** The filters of the console's lists, in the features' own request shapes. */
final class Queues {

    /** Creative status 1: pending (D18). */
    static final int CREATIVE_PENDING = 1;

    private Queues() {
    }

    /** The acting organization's campaigns, every status but deleted. */
    static CampaignQueries.Filter none() {
        return new CampaignQueries.Filter(null, false, null, null, null, null, null, null, null, null);
    }

    /** Pending campaigns of every organization the user may act for: the approval queue. */
    static CampaignQueries.Filter pendingCampaigns() {
        return pendingCampaigns(null);
    }

    /** The approval queue, searched by campaign name or id (null: all of it). */
    static CampaignQueries.Filter pendingCampaigns(String search) {
        return new CampaignQueries.Filter(null, true, null, null, List.of("pending"), null, null, null, search, null);
    }

    /** Pending creatives of every organization the user may act for. */
    static CreativeService.ListRequest pendingCreatives(int pageNo, int entries) {
        return CreativeService.ListRequest.page(List.of(CREATIVE_PENDING), null, true, pageNo, entries, null);
    }
}
