package io.adplane.creative;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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

    /**
     * The organizations a creative list covers: all the caller may act for ({@code allOwIds}), the ones named (each
     * one the caller may act for), else the acting one.
     */
    static List<Long> owIds(Caller caller, Boolean all, List<Long> named, Supplier<List<Long>> allowed) {
        if (Boolean.TRUE.equals(all)) {
            return allowed.get();
        }
        if (named != null && !named.isEmpty()) {
            if (!allowed.get().containsAll(named)) {
                throw ApiException.forbidden("owIds names an organization you may not act for.");
            }
            return named;
        }
        return List.of(caller.owId());
    }

    static String sortBy(String sortBy, Map<String, String> criteria) {
        return Paging.sortBy(sortBy, criteria);
    }

    static String order(String order) {
        return Paging.order(order);
    }

    static CreativeRepository.Page run(CreativeRepository repository, Caller caller, CreativeService.ListRequest r,
            List<Long> allowed, CampaignCreatives campaigns) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<Long> owIds = owIds(caller, r.allOwIds(), r.owIds(), () -> allowed);
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
        if (r.creativeGroupId() != null) {
            where.append(" AND c.creative_id IN (SELECT g.creative_id FROM creative_group_creative g "
                    + "WHERE g.ow_id IN (:owIds) AND g.creative_group_id = :groupId)");
            params.put("groupId", r.creativeGroupId());
        }
        String order = Paging.orderBy(sortBy(r.sortBy(), r.sortCriteriaMap()), order(r.order()), SORTS, "-creativeId", "c.creative_id DESC");
        Paging paging = Paging.of(r.pageNo(), r.noOfEntries(), null, 20);
        return repository.list(where.toString(), params, order, paging.limit(), paging.offset());
    }
}
