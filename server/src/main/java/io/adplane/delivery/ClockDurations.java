package io.adplane.delivery;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.adplane.api.ApiException;

/**
 * How far to move the clock (S3): a whole number of minutes, hours or days ({@code 90m}, {@code 36h},
 * {@code 7d}) or an ISO-8601 duration ({@code P7D}, {@code PT36H}); more than nothing, at most {@link #MAX}.
 */
public final class ClockDurations {

    /** The most one advance may move the clock. */
    public static final Duration MAX = Duration.ofDays(366);
    private static final Pattern SHORT = Pattern.compile("([0-9]{1,9})([mhd])");

    private ClockDurations() {
    }

    public static Duration parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest(field, "Field '" + field + "' is required, e.g. \"7d\", \"36h\" or \"PT90M\".");
        }
        Duration d;
        Matcher m = SHORT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest(field, "Field '" + field
                        + "' must be minutes, hours or days (\"90m\", \"36h\", \"7d\") or an ISO-8601 duration.");
            }
        }
        if (d.isNegative() || d.isZero()) {
            throw ApiException.badRequest(field, "The clock moves only forward: '" + field + "' must be more than zero.");
        }
        if (d.compareTo(MAX) > 0) {
            throw ApiException.badRequest(field, "Field '" + field + "' may be at most 366 days.");
        }
        return d;
    }
}
