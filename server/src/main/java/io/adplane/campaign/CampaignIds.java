package io.adplane.campaign;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

import io.adplane.api.ApiException;
import io.adplane.api.Limits;

/** Id lists as IQM sends them: a comma-separated string ({@code "562280,562281"}), at most {@link Limits#MAX_IDS}. */
public final class CampaignIds {

    private CampaignIds() {
    }

    /** The distinct ids, in order; 400 naming {@code field} when missing, empty, malformed or too many. */
    public static List<Long> parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest(field, field + " is required.");
        }
        return List.copyOf(new LinkedHashSet<>(list(field, text)));
    }

    /** Parses {@code "1, 2,3"} as sent (order and repeats kept); {@code ""} is the empty list. */
    static List<Long> list(String field, String text) {
        if (text.isBlank()) {
            return List.of();
        }
        String[] parts = text.split(",", -1);
        if (parts.length > Limits.MAX_IDS) {
            throw ApiException.badRequest(field, "Field '" + field + "' may list at most " + Limits.MAX_IDS + " ids.");
        }
        List<Long> ids = new ArrayList<>(parts.length);
        for (String part : parts) {
            String p = part.trim();
            if (p.isEmpty() || p.length() > 15 || !p.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                throw ApiException.badRequest(field, "Field '" + field + "' must be a string of comma-separated ids.");
            }
            ids.add(Long.valueOf(p));
        }
        return Collections.unmodifiableList(ids);
    }

    static String join(List<Long> ids) {
        return ids == null ? "" : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** A stored list back (written by {@link #join}). */
    static List<Long> split(String stored) {
        return stored == null || stored.isBlank() ? List.of() : list("stored", stored);
    }
}
