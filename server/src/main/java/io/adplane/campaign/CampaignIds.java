package io.adplane.campaign;

import java.util.LinkedHashSet;
import java.util.List;

import io.adplane.api.ApiException;

/** Campaign id lists as IQM sends them: a comma-separated string ({@code "562280,562281"}). */
public final class CampaignIds {

    private static final int MAX = 500;

    private CampaignIds() {
    }

    /** The distinct ids, in order; 400 naming {@code field} when missing, empty, malformed or too many. */
    public static List<Long> parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest(field, field + " is required.");
        }
        List<Long> ids = List.copyOf(new LinkedHashSet<>(CampaignInput.ids(field, text)));
        if (ids.size() > MAX) {
            throw ApiException.badRequest(field, "At most " + MAX + " campaign ids at once.");
        }
        return ids;
    }
}
