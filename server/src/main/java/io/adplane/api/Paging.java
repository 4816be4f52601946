package io.adplane.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * IQM's list parameters, checked once for every list (iqm-reference §1.5): {@code pageNo} (from 1),
 * {@code noOfEntries} (at most 500) or {@code offset} (which wins), and {@code sortBy} as
 * {@code +field}/{@code -field}, several comma-separated, or a field with {@code order=asc|desc}. Sort fields
 * come from an allowlist and never reach SQL as sent.
 */
public record Paging(int limit, long offset) {

    public static final int MAX_ENTRIES = 500;

    public static Paging of(Integer pageNo, Integer noOfEntries, Integer offset, int defaultSize) {
        int size = noOfEntries == null ? defaultSize : noOfEntries;
        if (size < 1 || size > MAX_ENTRIES) {
            throw ApiException.badRequest("noOfEntries", "noOfEntries must be from 1 to " + MAX_ENTRIES + ".");
        }
        if (offset != null) {
            if (offset < 0) {
                throw ApiException.badRequest("offset", "offset must not be negative.");
            }
            return new Paging(size, offset);
        }
        int page = pageNo == null ? 1 : pageNo;
        if (page < 1) {
            throw ApiException.badRequest("pageNo", "pageNo must be 1 or more.");
        }
        return new Paging(size, (long) (page - 1) * size);
    }

    /**
     * An ORDER BY list from {@code sortBy} (or {@code fallback} when absent) over the allowlisted
     * {@code columns}, ending with {@code tieBreaker} so pages are stable.
     */
    public static String orderBy(String sortBy, String order, Map<String, String> columns, String fallback,
            String tieBreaker) {
        if (order != null && !order.equals("asc") && !order.equals("desc")) {
            throw ApiException.badRequest("order", "order must be asc or desc.");
        }
        String text = sortBy == null || sortBy.isBlank() ? fallback : sortBy;
        List<String> parts = new ArrayList<>();
        for (String raw : text.split(",")) {
            String s = raw.strip();
            boolean signed = s.startsWith("+") || s.startsWith("-");
            boolean desc = signed ? s.startsWith("-") : "desc".equals(order);
            String field = signed ? s.substring(1).strip() : s;
            String column = columns.get(field);
            if (column == null) {
                throw ApiException.badRequest("sortBy", "Cannot sort by '" + field + "'; use one of "
                        + String.join(", ", new java.util.TreeSet<>(columns.keySet())) + ".");
            }
            parts.add(column + (desc ? " DESC" : " ASC"));
        }
        parts.add(tieBreaker);
        return String.join(", ", parts);
    }

    /** {@code sortBy}, else IQM's {@code sortCriteriaMap} (field to asc or desc) written as a {@code sortBy}. */
    public static String sortBy(String sortBy, Map<String, String> criteria) {
        if ((sortBy != null && !sortBy.isBlank()) || criteria == null || criteria.isEmpty()) {
            return sortBy;
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : criteria.entrySet()) {
            String direction = e.getValue() == null ? null : order(e.getValue());
            if (direction == null) {
                throw ApiException.badRequest("sortCriteriaMap", "sortCriteriaMap values must be asc or desc.");
            }
            b.append(b.isEmpty() ? "" : ",").append("desc".equals(direction) ? "-" : "+").append(e.getKey());
        }
        return b.toString();
    }

    /** IQM's order in any of its spellings ({@code asc}, {@code ASC}, {@code +}) as asc or desc; null when absent. */
    public static String order(String order) {
        if (order == null || order.isBlank()) {
            return null;
        }
        return switch (order.strip().toLowerCase(Locale.ROOT)) {
            case "asc", "+" -> "asc";
            case "desc", "-" -> "desc";
            default -> throw ApiException.badRequest("order", "order must be asc or desc.");
        };
    }

    /** A LIKE pattern matching {@code search} anywhere, case-insensitively; use with {@code ESCAPE '\'}. */
    public static String likePattern(String search) {
        return "%" + search.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
    }
}
