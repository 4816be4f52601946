package io.adplane.users;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.adplane.api.ApiException;
import io.adplane.api.Limits;

/** The User API's list arguments: comma-separated ids, paging and IQM's {@code sortBy} (422 when unknown). */
final class ListArgs {

    static final String INVALID_SORT = "Invalid sortBy value.";

    private ListArgs() {
    }

    /** {@code "1,2, 3"} as ids; empty or null: none. A part that is not a number is a 400 naming the field. */
    static List<Long> ids(String field, String text) {
        List<Long> ids = new ArrayList<>();
        if (text == null || text.isBlank() || text.strip().equals("all")) {
            return ids;
        }
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            try {
                ids.add(Long.parseLong(p));
            } catch (NumberFormatException e) {
                throw ApiException.badRequest(field, "Field '" + field + "' must list ids separated by commas.");
            }
        }
        return Limits.ids(field, ids);
    }

    /** The page size: {@code limit} (or {@code noOfEntries}) from 1 to 500, else {@code fallback}. */
    static int limit(String field, Integer limit, int fallback) {
        int size = limit == null ? fallback : limit;
        if (size < 1 || size > 500) {
            throw ApiException.badRequest(field, "Field '" + field + "' must be from 1 to 500.");
        }
        return size;
    }

    /** The row offset of {@code pageNo} (from 1; null or -1 mean the first page). */
    static long offset(Integer pageNo, int limit) {
        int page = pageNo == null || pageNo == -1 ? 1 : pageNo;
        if (page < 1) {
            throw ApiException.badRequest("pageNo", "Field 'pageNo' must be 1 or more.");
        }
        return (long) (page - 1) * limit;
    }

    /**
     * An ORDER BY list over the allowlisted {@code columns} from {@code +a,-b} (a bare name ascends), ending with
     * {@code tieBreaker}; an unknown name is IQM's 422.
     */
    static String orderBy(String sortBy, String fallback, Map<String, String> columns, String tieBreaker) {
        String text = sortBy == null || sortBy.isBlank() ? fallback : sortBy;
        List<String> parts = new ArrayList<>();
        for (String raw : text.split(",")) {
            String s = raw.strip();
            boolean desc = s.startsWith("-");
            String name = s.startsWith("+") || s.startsWith("-") ? s.substring(1).strip() : s;
            String column = columns.get(name);
            if (column == null) {
                throw ApiException.unprocessable("sortBy", INVALID_SORT)
                        .withReason("Sort by one of " + String.join(", ", columns.keySet()) + ".");
            }
            parts.add(column + (desc ? " DESC" : " ASC"));
        }
        parts.add(tieBreaker);
        return String.join(", ", parts);
    }

    /** An ordered map of IQM's sort names to SQL. */
    static Map<String, String> columns(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
