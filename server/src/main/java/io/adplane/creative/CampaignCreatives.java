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

    /** A campaign that names a creative: its id, name, effective status and how many creatives it names. */
    record CampaignOfCreative(long id, String name, String status, int totalCreativesCount) {
    }

    /** The campaigns of {@code owId} that name the creative and are not deleted, oldest first (at most {@code limit}). */
    List<CampaignOfCreative> campaignsOf(long owId, long creativeId, int limit);
}
