package io.adplane.creative;

import java.util.Collection;
import java.util.List;
import java.util.Map;

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

    /**
     * For a page of creatives, the campaigns of these organizations that name each one and are not deleted, in
     * ascending order, at most {@code limit} per creative: one query for the whole page (F15). A creative no such
     * campaign names is absent.
     */
    Map<Long, List<Long>> campaignIdsOf(Collection<Long> owIds, Collection<Long> creativeIds, int limit);
}
