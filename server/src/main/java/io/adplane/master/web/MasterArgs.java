package io.adplane.master.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;

import io.adplane.api.ApiException;
import io.adplane.api.Limits;
import io.adplane.api.Paging;
import io.adplane.master.SegmentQuery;

/**
 * The rules for master-list arguments, one copy for every endpoint (docs/api.md M4): a malformed or
 * out-of-range argument answers 422 with IQM's {@code invalid arguments <name>!} (IQM's answer to
 * {@code GET /api/v3/master/exchanges?ids=abc}) and the rule in {@code reason}; an unknown sort answers 422
 * {@code Invalid sortBy value.} (IQM's message on its video lists). Query strings are parsed here, not by
 * Spring, so that every such argument gets the same answer.
 */
final class MasterArgs {

    /** At most this many ids in one argument: the bound of every JSON list ({@link Limits#MAX_LIST}). */
    static final int MAX_IDS = Limits.MAX_LIST;

    private MasterArgs() {
    }

    static ApiException invalid(String name, String rule) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "invalid arguments " + name + "!", name, rule, null, null);
    }

    /** Comma-separated ids ({@code 1,2,3}, repeated parameters joined by Spring); null or blank: none. */
    static List<Long> ids(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        String[] parts = raw.split(",", -1);
        if (parts.length > MAX_IDS) {
            throw invalid(name, name + " may list at most " + MAX_IDS + " ids.");
        }
        List<Long> ids = new ArrayList<>(parts.length);
        for (String part : parts) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (p.length() > 16 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw invalid(name, name + " must be comma-separated ids (non-negative integers).");
            }
            ids.add(Long.parseLong(p));
        }
        return ids;
    }

    /** Ids sent in a JSON body: at most {@link #MAX_IDS}, none null or negative. */
    static List<Long> ids(Collection<Long> ids, String name) {
        if (ids == null) {
            return List.of();
        }
        if (ids.size() > MAX_IDS) {
            throw invalid(name, name + " may list at most " + MAX_IDS + " ids.");
        }
        for (Long id : ids) {
            if (id == null || id < 0) {
                throw invalid(name, name + " must list ids (non-negative integers).");
            }
        }
        return List.copyOf(ids);
    }

    static Set<Long> idSet(List<Long> ids) {
        return ids.isEmpty() ? null : new LinkedHashSet<>(ids);
    }

    /** A whole number argument of a query string; null when absent. */
    static Integer integer(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw invalid(name, name + " must be a whole number.");
        }
    }

    static Long longValue(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            long value = Long.parseLong(raw.strip());
            if (value < 0) {
                throw invalid(name, name + " must not be negative.");
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(name, name + " must be a whole number.");
        }
    }

    static boolean bool(String raw, String name, boolean fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name, name + " must be true or false.");
        };
    }

    /** {@code pageNo} from 1 (or -1 for every row where {@code allowAll}) and {@code noOfEntries} from 1 to 500. */
    static Page page(Integer pageNo, Integer noOfEntries, int defaultSize, boolean allowAll) {
        if (allowAll && pageNo != null && pageNo == -1) {
            return new Page(0, -1);
        }
        int size = noOfEntries == null ? defaultSize : noOfEntries;
        if (size < 1 || size > Paging.MAX_ENTRIES) {
            throw invalid("noOfEntries", "noOfEntries must be from 1 to " + Paging.MAX_ENTRIES + ".");
        }
        int page = pageNo == null ? 1 : pageNo;
        if (page < 1) {
            throw invalid("pageNo", allowAll ? "pageNo must be 1 or more, or -1 for every record." : "pageNo must be 1 or more.");
        }
        return new Page((long) (page - 1) * size, size);
    }

    /** An offset and a limit (below 0: every row). */
    record Page(long offset, int limit) {
    }

    /**
     * {@code sortBy} as {@code +field}/{@code -field}, or a bare field with {@code order} ({@code asc} by default),
     * or, when {@code sortBy} is absent, the first entry of IQM's {@code sortCriteriaMap} ({@code {"name": "desc"}}).
     * Fields: id and name.
     */
    static SegmentQuery.Sort sort(String sortBy, String order, Map<String, String> criteria, SegmentQuery.Sort fallback) {
        Boolean descending = direction(order, "order");
        if ((sortBy == null || sortBy.isBlank()) && criteria != null && !criteria.isEmpty()) {
            var first = criteria.entrySet().iterator().next();
            return new SegmentQuery.Sort(field(first.getKey()), Boolean.TRUE.equals(direction(first.getValue(), "sortCriteriaMap")));
        }
        if (sortBy == null || sortBy.isBlank()) {
            return descending == null ? fallback : new SegmentQuery.Sort(fallback.field(), descending);
        }
        String s = sortBy.strip();
        boolean signed = s.startsWith("+") || s.startsWith("-");
        SegmentQuery.Field field = field(signed ? s.substring(1).strip() : s);
        return new SegmentQuery.Sort(field, signed ? s.startsWith("-") : Boolean.TRUE.equals(descending));
    }

    private static SegmentQuery.Field field(String name) {
        return switch (name) {
            case "id" -> SegmentQuery.Field.ID;
            case "name" -> SegmentQuery.Field.NAME;
            default -> throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid sortBy value.", "sortBy",
                    "sortBy sorts by id or name: +id, -id, +name or -name.", null, null);
        };
    }

    private static Boolean direction(String order, String name) {
        if (order == null || order.isBlank()) {
            return null;
        }
        return switch (order.strip().toLowerCase(Locale.ROOT)) {
            case "asc", "+" -> false;
            case "desc", "-" -> true;
            default -> throw invalid(name, name + " must be asc or desc.");
        };
    }
}
