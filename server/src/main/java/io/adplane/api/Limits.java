package io.adplane.api;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * The bounds every input obeys, written once (D7): no text longer than the column that keeps it, no amount
 * beyond what {@code NUMERIC(15,2)} holds (checked again after arithmetic: additions, auto-sums), no id list
 * longer than a statement can bind. Each violation is a 400 naming the field and the rule.
 */
public final class Limits {

    /** Names: IO, campaign, creative and organization names. */
    public static final int NAME = 255;
    /** URLs and other long single-line texts. */
    public static final int URL = 2048;
    /** Free notes: remarks, rejection and hold reasons. */
    public static final int NOTE = 1000;
    /** The largest amount in dollars (budgets, bids, totals), IQM's own bound; the columns hold ten times more. */
    public static final BigDecimal MAX_MONEY = new BigDecimal("1000000000000");
    /** The most ids one comma-separated list may carry: each names an object the request works on. */
    public static final int MAX_IDS = 1000;
    /** The most elements a JSON array of a request may carry (filters and lookups); a statement binds them all. */
    public static final int MAX_LIST = 10_000;

    private Limits() {
    }

    /** {@code value} (may be null) as printable text of at most {@code max} characters, or a 400 naming {@code field}. */
    public static String text(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String problem = TextRules.problem(value);
        if (problem != null) {
            throw ApiException.badRequest(field, "Field '" + field + "' " + problem + ".");
        }
        if (value.length() > max) {
            throw ApiException.badRequest(field, "Field '" + field + "' must have at most " + max + " characters.");
        }
        return value;
    }

    /** A non-negative amount of at most {@link #MAX_MONEY} with at most 2 decimals, or a 400 naming {@code field}. */
    public static BigDecimal money(String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0 || value.compareTo(MAX_MONEY) > 0 || value.stripTrailingZeros().scale() > 2) {
            throw ApiException.badRequest(field, "Field '" + field + "' must be a number from 0 to "
                    + MAX_MONEY.toPlainString() + " with at most 2 decimals.");
        }
        return value;
    }

    /** The result of arithmetic on amounts (a sum, an addition) still within {@link #MAX_MONEY}, or a 400. */
    public static BigDecimal total(String field, BigDecimal value) {
        if (value != null && value.compareTo(MAX_MONEY) > 0) {
            throw ApiException.badRequest(field, "Field '" + field + "' would make a total above "
                    + MAX_MONEY.toPlainString() + ".");
        }
        return value;
    }

    /** At most {@link #MAX_IDS} ids, or a 400 naming {@code field}. */
    public static <C extends Collection<?>> C ids(String field, C ids) {
        if (ids != null && ids.size() > MAX_IDS) {
            throw ApiException.badRequest(field, "Field '" + field + "' may list at most " + MAX_IDS + " ids.");
        }
        return ids;
    }
}
