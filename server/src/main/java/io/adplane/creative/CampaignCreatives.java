package io.adplane.creative;

import java.util.Collection;
import java.util.List;

/**
 * What creative lists need of campaigns: which creatives campaigns name. The campaign feature implements it,
 * so creatives do not depend on campaigns.
 */
public interface CampaignCreatives {

    /** The distinct creatives named by the given campaigns of these organizations (other campaigns are ignored). */
    List<Long> creativesOf(Collection<Long> owIds, Collection<Long> campaignIds);
}
