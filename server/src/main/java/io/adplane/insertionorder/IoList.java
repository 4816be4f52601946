package io.adplane.insertionorder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.adplane.api.ApiException;
import io.adplane.auth.Caller;

/** The IO list query: filters, search, allowlisted sorting and paging, all in SQL (iqm-reference §3.6). */
final class IoList {

    static final int MAX_PAGE = 500;
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
            params.put("search", "%" + r.searchField().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
            params.put("searchExact", r.searchField().strip());
        }
        String order = orderBy(r.sortBy());
        if (r.ids() != null && !r.ids().isEmpty()) {
            order = "CASE WHEN io_id IN (:firstIds) THEN 0 ELSE 1 END, " + order;
            params.put("firstIds", r.ids());
        }
        int size = r.noOfEntries() == null ? 20 : r.noOfEntries();
        if (size < 1 || size > MAX_PAGE) {
            throw ApiException.badRequest("noOfEntries", "noOfEntries must be from 1 to " + MAX_PAGE + ".");
        }
        long offset;
        if (r.offset() != null) {
            if (r.offset() < 0) {
                throw ApiException.badRequest("offset", "offset must not be negative.");
            }
            offset = r.offset();
        } else {
            int pageNo = r.pageNo() == null ? 1 : r.pageNo();
            if (pageNo < 1) {
                throw ApiException.badRequest("pageNo", "pageNo must be 1 or more.");
            }
            offset = (long) (pageNo - 1) * size;
        }
        return repository.list(where.toString(), params, order, size, offset);
    }

    /** {@code -ioId,+ioName}: allowlisted fields only, never SQL from the request. Default newest first. */
    static String orderBy(String sortBy) {
        List<String> parts = new ArrayList<>();
        if (sortBy != null && !sortBy.isBlank()) {
            for (String raw : sortBy.split(",")) {
                String s = raw.strip();
                boolean desc = s.startsWith("-");
                if (s.startsWith("+") || s.startsWith("-") || s.startsWith(" ")) {
                    s = s.substring(1).strip();
                }
                String column = SORTS.get(s);
                if (column == null) {
                    throw ApiException.badRequest("sortBy", "Cannot sort by '" + s + "'; use ioId, ioName, ioStartTime, ioEndTime or ioTotalBudget.");
                }
                parts.add(column + (desc ? " DESC" : " ASC"));
            }
        }
        parts.add("io_id DESC");
        return String.join(", ", parts);
    }
}
