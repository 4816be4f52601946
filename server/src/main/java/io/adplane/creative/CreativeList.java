package io.adplane.creative;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.adplane.api.ApiException;
import io.adplane.auth.Caller;

/** The creative list query: filters, search, allowlisted sorting and paging in SQL (iqm-reference §5.4). */
final class CreativeList {

    private static final Map<String, String> SORTS = Map.of("creativeId", "c.creative_id", "creativeName",
            "c.creative_name", "createdAt", "c.created_at", "modifiedAt", "c.modified_at", "creativeStatusId",
            "c.creative_status_id");

    private CreativeList() {
    }

    static CreativeRepository.Page run(CreativeRepository repository, Caller caller, CreativeService.ListRequest r,
            List<Long> allowed) {
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
            params.put("search", "%" + r.searchField().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
            params.put("searchExact", r.searchField().strip());
        }
        String sortBy = r.sortBy() == null || r.sortBy().isBlank() ? "-creativeId" : r.sortBy().strip();
        boolean desc = sortBy.startsWith("-") || (!sortBy.startsWith("+") && "desc".equalsIgnoreCase(r.order()));
        String field = sortBy.startsWith("+") || sortBy.startsWith("-") ? sortBy.substring(1) : sortBy;
        String column = SORTS.get(field);
        if (column == null) {
            throw ApiException.badRequest("sortBy", "Cannot sort by '" + field + "'.");
        }
        int size = r.noOfEntries() == null ? 20 : r.noOfEntries();
        if (size < 1 || size > 500) {
            throw ApiException.badRequest("noOfEntries", "noOfEntries must be from 1 to 500.");
        }
        int pageNo = r.pageNo() == null ? 1 : r.pageNo();
        if (pageNo < 1) {
            throw ApiException.badRequest("pageNo", "pageNo must be 1 or more.");
        }
        return repository.list(where.toString(), params, column + (desc ? " DESC" : " ASC") + ", c.creative_id DESC",
                size, (long) (pageNo - 1) * size);
    }
}
