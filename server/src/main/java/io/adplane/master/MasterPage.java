package io.adplane.master;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.adplane.api.ApiException;
import io.adplane.api.Paging;

/**
 * Search, id filters, sorting and paging over a master list, as IQM documents them (iqm-reference §1.5, §6.9):
 * {@code searchField} on name or id, {@code ids} listed first, {@code sortBy} {@code +id}/{@code -name},
 * {@code pageNo}/{@code noOfEntries} (at most 500), answered as {@code {data, totalRecords, filteredRecords}}.
 */
public record MasterPage(String searchField, Collection<Long> filterIds, Collection<Long> firstIds, String sortBy,
        String order, Integer pageNo, Integer noOfEntries, int defaultSize) {

    public Map<String, Object> apply(List<Map<String, Object>> rows) {
        List<Map<String, Object>> filtered = new ArrayList<>();
        String search = searchField == null || searchField.isBlank() ? null : searchField.strip().toLowerCase(Locale.ROOT);
        for (Map<String, Object> row : rows) {
            long id = ((Number) row.get("id")).longValue();
            if (filterIds != null && !filterIds.isEmpty() && !filterIds.contains(id)) {
                continue;
            }
            if (search != null && !String.valueOf(row.get("name")).toLowerCase(Locale.ROOT).contains(search)
                    && !String.valueOf(id).equals(search)) {
                continue;
            }
            filtered.add(row);
        }
        Comparator<Map<String, Object>> comparator = comparator();
        if (firstIds != null && !firstIds.isEmpty()) {
            Function<Map<String, Object>, Integer> first = r -> firstIds.contains(((Number) r.get("id")).longValue()) ? 0 : 1;
            comparator = Comparator.comparing(first).thenComparing(comparator);
        }
        filtered.sort(comparator);
        Paging paging = Paging.of(pageNo, noOfEntries, null, defaultSize);
        int size = paging.limit();
        int from = (int) Math.min(paging.offset(), filtered.size());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", filtered.subList(from, Math.min(from + size, filtered.size())));
        out.put("totalRecords", rows.size());
        out.put("filteredRecords", filtered.size());
        return out;
    }

    private Comparator<Map<String, Object>> comparator() {
        String s = sortBy == null || sortBy.isBlank() ? "+id" : sortBy.strip();
        boolean desc = s.startsWith("-") || (!s.startsWith("+") && "desc".equalsIgnoreCase(order));
        String field = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        Comparator<Map<String, Object>> c = switch (field) {
            case "id" -> Comparator.comparingLong(r -> ((Number) r.get("id")).longValue());
            case "name" -> Comparator.comparing(r -> String.valueOf(r.get("name")).toLowerCase(Locale.ROOT));
            default -> throw ApiException.badRequest("sortBy", "Cannot sort by '" + field + "'; use id or name.");
        };
        return desc ? c.reversed() : c;
    }
}
