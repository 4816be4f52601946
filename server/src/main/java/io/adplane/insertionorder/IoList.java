package io.adplane.insertionorder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.adplane.api.ApiException;
import io.adplane.api.Paging;
import io.adplane.auth.Caller;

/** The IO list query: filters, search, allowlisted sorting and paging, all in SQL (iqm-reference §3.6). */
final class IoList {

    private static final Map<String, String> SORTS = Map.of("ioId", "io_id", "ioName", "io_name",
            "ioStartTime", "io_start_time", "ioEndTime", "io_end_time", "ioTotalBudget", "io_total_budget");
    /** The effective status (D17): an active IO past its end is expired. */
    private static final String STATUS = "(CASE WHEN io_status_id = 1 AND io_end_time <= :nowMs THEN 2 ELSE io_status_id END)";

    private IoList() {
    }

    static IoPage run(InsertionOrderRepository repository, Caller caller, IoListRequest r,
            List<Long> allowed, long nowMillis) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<Long> owIds;
        if (Boolean.TRUE.equals(r.isAllOWIds())) {
            owIds = allowed;
        } else if (r.owIdList() != null && !r.owIdList().isEmpty()) {
            if (!allowed.containsAll(r.owIdList())) {
                throw ApiException.forbidden("owIdList names an organization you may not act for.");
            }
            owIds = r.owIdList();
        } else {
            owIds = List.of(caller.owId());
        }
        params.put("owIds", owIds);
        params.put("nowMs", nowMillis);
        StringBuilder where = new StringBuilder("ow_id IN (:owIds)");
        if (r.ioStatusIdsList() != null && !r.ioStatusIdsList().isEmpty()) {
            where.append(" AND ").append(STATUS).append(" IN (:statuses)");
            params.put("statuses", r.ioStatusIdsList());
        } else {
            where.append(" AND io_status_id <> 3");
        }
        if (r.ioIdList() != null && !r.ioIdList().isEmpty()) {
            where.append(" AND io_id IN (:ioIds)");
            params.put("ioIds", r.ioIdList());
        }
        if (r.ioBudgetTypeIdsList() != null && !r.ioBudgetTypeIdsList().isEmpty()) {
            where.append(" AND io_budget_type_id IN (:types)");
            params.put("types", r.ioBudgetTypeIdsList());
        }
        if (r.searchField() != null && !r.searchField().isBlank()) {
            where.append(" AND (LOWER(io_name) LIKE :search ESCAPE '\\' OR CAST(io_id AS VARCHAR(20)) = :searchExact)");
            params.put("search", Paging.likePattern(r.searchField()));
            params.put("searchExact", r.searchField().strip());
        }
        String order = Paging.orderBy(r.sortBy(), null, SORTS, "-ioId", "io_id DESC");
        if (r.ids() != null && !r.ids().isEmpty()) {
            order = "CASE WHEN io_id IN (:firstIds) THEN 0 ELSE 1 END, " + order;
            params.put("firstIds", r.ids());
        }
        Paging paging = Paging.of(r.pageNo(), r.noOfEntries(), r.offset(), 20);
        return repository.list(where.toString(), params, order, paging.limit(), paging.offset());
    }
}
