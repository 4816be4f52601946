package io.adplane.insertionorder;

import java.math.BigDecimal;

import io.adplane.api.ApiException;
import io.adplane.api.TextRules;

/** The rules of an IO's own fields, without the database (iqm-reference §3, D12). */
final class IoRules {

    private static final BigDecimal MAX_MONEY = new BigDecimal("1000000000000");

    private IoRules() {
    }

    static String name(String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.unprocessable("ioName", "The field 'ioName' cannot be empty.");
        }
        String problem = TextRules.problem(name);
        if (problem != null) {
            throw ApiException.badRequest("ioName", "Field 'ioName' " + problem + ".");
        }
        if (name.strip().length() > 255) {
            throw ApiException.badRequest("ioName", "Field 'ioName' must have at most 255 characters.");
        }
        return name.strip();
    }

    /** Start and end in epoch milliseconds: the end, when given, after the start and not in the past. */
    static void flight(Long start, Long end, long nowMillis) {
        if (start == null) {
            throw ApiException.unprocessable("ioStartTime", "The field 'ioStartTime' cannot be empty.");
        }
        if (start <= 0) {
            throw ApiException.badRequest("ioStartTime", "ioStartTime must be epoch milliseconds.");
        }
        if (end != null && end <= start) {
            throw ApiException.badRequest("ioEndTime", "IO end time must be after IO start time.");
        }
        if (end != null && end <= nowMillis) {
            throw ApiException.badRequest("ioEndTime", "IO end time must be in the future.");
        }
    }

    static int budgetType(Integer type) {
        if (type == null) {
            throw ApiException.unprocessable("ioBudgetTypeId", "The field 'ioBudgetTypeId' cannot be empty.");
        }
        if (type != InsertionOrder.BUDGET && type != InsertionOrder.IMPRESSIONS) {
            throw ApiException.badRequest("ioBudgetTypeId", "Invalid budget type provided");
        }
        return type;
    }

    static int distributionMethod(Integer method) {
        if (method == null) {
            return 1;
        }
        if (method != 1 && method != 2) {
            throw ApiException.badRequest("ioBudgetDistributionMethodId", "ioBudgetDistributionMethodId must be 1 (manual) or 2 (auto).");
        }
        return method;
    }

    static BigDecimal money(String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0 || value.compareTo(MAX_MONEY) > 0 || value.stripTrailingZeros().scale() > 2) {
            throw ApiException.badRequest(field, "Field '" + field + "' must be a number from 0 to 1000000000000 with at most 2 decimals.");
        }
        return value;
    }

    static Long impressions(Long value) {
        if (value != null && value < 0) {
            throw ApiException.badRequest("ioTotalImpressions", "ioTotalImpressions must not be negative.");
        }
        return value;
    }
}
