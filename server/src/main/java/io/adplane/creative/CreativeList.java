package io.adplane.creative;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.adplane.api.ApiException;
import io.adplane.api.Limits;
import io.adplane.api.Paging;
import io.adplane.auth.Caller;

/** The creative list query: filters, search, allowlisted sorting and paging in SQL (iqm-reference §5.4). */
final class CreativeList {

    private static final Map<String, String> SORTS = Map.of("creativeId", "c.creative_id", "creativeName",
            "c.creative_name", "createdAt", "c.created_at", "modifiedAt", "c.modified_at", "creativeStatusId",
            "c.creative_status_id");

    private CreativeList() {
    }

    static CreativeRepository.Page run(CreativeRepository repository, Caller caller, CreativeService.ListRequest r,
            List<Long> allowed, CampaignCreatives campaigns) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<Long> owIds;
        if (Boolean.TRUE.equals(r.allOwIds())) {
            owIds = allowed;
        } else if (r.owIds() != null && !r.owIds().isEmpty()) {
            if (!allowed.containsAll(r.owIds())) {
                throw ApiException.forbidden("owIds names an organization you may not act for.");
            }
            owIds = r.owIds();
        } else {
            owIds = List.of(caller.owId());
        }
        params.put("owIds", owIds);
        StringBuilder where = new StringBuilder("c.ow_id IN (:owIds)");
        if (r.creativeStatusIds() != null && !r.creativeStatusIds().isEmpty()) {
            where.append(" AND c.creative_status_id IN (:statuses)");
            params.put("statuses", r.creativeStatusIds());
        } else {
            where.append(" AND c.creative_status_id <> 4");
        }
        if (r.platformCreativeTypeIds() != null && !r.platformCreativeTypeIds().isEmpty()) {
            where.append(" AND c.platform_creative_type_id IN (:types)");
            params.put("types", r.platformCreativeTypeIds());
        }
        if (r.creativeIds() != null && !r.creativeIds().isEmpty()) {
            where.append(" AND c.creative_id IN (:ids)");
            params.put("ids", r.creativeIds());
        }
        if (r.campaignIds() != null && !r.campaignIds().isEmpty()) {
            // Only the creatives those campaigns name (none when they name none, or are not the caller's).
            List<Long> named = campaigns.creativesOf(owIds, Limits.ids("campaignIds", r.campaignIds()));
            where.append(named.isEmpty() ? " AND 1 = 0" : " AND c.creative_id IN (:campaignCreatives)");
            params.put("campaignCreatives", named);
        }
        if (r.startTime() != null) {
            where.append(" AND c.created_at >= :startTime");
            params.put("startTime", r.startTime());
        }
        if (r.endTime() != null) {
            where.append(" AND c.created_at <= :endTime");
            params.put("endTime", r.endTime());
        }
        if (r.searchField() != null && !r.searchField().isBlank()) {
            where.append(" AND (LOWER(c.creative_name) LIKE :search ESCAPE '\\' OR CAST(c.creative_id AS VARCHAR(20)) = :searchExact)");
            params.put("search", Paging.likePattern(r.searchField()));
            params.put("searchExact", r.searchField().strip());
        }
        String order = Paging.orderBy(r.sortBy(), r.order(), SORTS, "-creativeId", "c.creative_id DESC");
        Paging paging = Paging.of(r.pageNo(), r.noOfEntries(), null, 20);
        return repository.list(where.toString(), params, order, paging.limit(), paging.offset());
    }
}
