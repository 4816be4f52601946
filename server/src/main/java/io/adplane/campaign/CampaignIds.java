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

    /**
     * Ids in any of the shapes IQM sends them: a JSON array of integers, one integer, {@code "1,2"}, or
     * {@code "[1,2]"} (IQM's PG examples); absent or null is the empty list. 400 naming {@code field} otherwise.
     */
    public static List<Long> anyShape(String field, tools.jackson.databind.JsonNode value) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() > 0) {
            return List.of(value.longValue());
        }
        if (value.isString()) {
            String text = value.stringValue().strip();
            if (text.startsWith("[") && text.endsWith("]")) {
                text = text.substring(1, text.length() - 1);
            }
            return list(field, text);
        }
        if (value.isArray()) {
            if (value.size() > Limits.MAX_IDS) {
                throw ApiException.badRequest(field, "Field '" + field + "' may list at most " + Limits.MAX_IDS + " ids.");
            }
            List<Long> ids = new ArrayList<>(value.size());
            for (tools.jackson.databind.JsonNode id : value) {
                if (!id.isIntegralNumber() || !id.canConvertToLong() || id.longValue() <= 0) {
                    throw ApiException.badRequest(field, "Field '" + field + "' must list positive integer ids.");
                }
                ids.add(id.longValue());
            }
            return Collections.unmodifiableList(ids);
        }
        throw ApiException.badRequest(field, "Field '" + field + "' must be a list of ids.");
    }

    static String join(List<Long> ids) {
        return ids == null ? "" : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** A stored list back (written by {@link #join}). */
    static List<Long> split(String stored) {
        return stored == null || stored.isBlank() ? List.of() : list("stored", stored);
    }
}
