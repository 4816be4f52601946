package io.adplane.insertionorder;

import io.adplane.api.ApiException;
import io.adplane.api.Limits;

/** The rules of an IO's own fields, without the database (iqm-reference §3, D12). */
final class IoRules {

    private IoRules() {
    }

    static String name(String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.unprocessable("ioName", "The field 'ioName' cannot be empty.");
        }
        return Limits.text("ioName", name.strip(), Limits.NAME);
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

    /** IQM's answer when an IO of a list is missing, deleted or another organization's. */
    static ApiException invalidIds() {
        return ApiException.unprocessable("ioIdsList", "Invalid IO ids.");
    }

    static Long impressions(Long value) {
        if (value != null && value < 0) {
            throw ApiException.badRequest("ioTotalImpressions", "ioTotalImpressions must not be negative.");
        }
        return value;
    }
}
