package io.adplane.insertionorder;

import java.math.BigDecimal;

/**
 * An insertion order (iqm-reference §3.2), with the fields of IQM's newest answer shape, and what its
 * non-deleted campaigns add up to ({@code allocatedBudget}, {@code allocatedImpressions}), kept by the
 * campaign write path (D12).
 */
public record InsertionOrder(
        long ioId,
        long owId,
        String ioName,
        long ioStartTime,
        Long ioEndTime,
        BigDecimal ioTotalBudget,
        Long ioTotalImpressions,
        int ioTimeZoneId,
        boolean isAutoSumIoTotalBudget,
        int ioBudgetDistributionMethodId,
        int ioBudgetTypeId,
        int ioStatusId,
        long createdByUowId,
        long modifiedByUowId,
        long createdAt,
        long modifiedAt,
        BigDecimal allocatedBudget,
        long allocatedImpressions) {

    public static final int ACTIVE = 1;
    public static final int EXPIRED = 2;
    public static final int DELETED = 3;
    public static final int BUDGET = 1;
    public static final int IMPRESSIONS = 2;

    /** The status a reader sees: an active IO whose end has passed is expired at once (D17). */
    public int effectiveStatusId(long nowMillis) {
        return ioStatusId == ACTIVE && ioEndTime != null && ioEndTime <= nowMillis ? EXPIRED : ioStatusId;
    }

    /** Whether the total budget is the sum of the campaigns' budgets (D12): auto-sum on a budget IO. */
    boolean sumsCampaigns() {
        return isAutoSumIoTotalBudget && ioBudgetTypeId == BUDGET;
    }

    /** A copy with the editable fields replaced; the creation facts and the allocation stay. */
    InsertionOrder with(String name, long start, Long end, BigDecimal budget, Long impressions, int timezone,
            boolean autoSum, int method, int status) {
        return new InsertionOrder(ioId, owId, name, start, end, budget, impressions, timezone, autoSum, method,
                ioBudgetTypeId, status, createdByUowId, modifiedByUowId, createdAt, modifiedAt, allocatedBudget,
                allocatedImpressions);
    }

    InsertionOrder withStatus(int status) {
        return with(ioName, ioStartTime, ioEndTime, ioTotalBudget, ioTotalImpressions, ioTimeZoneId,
                isAutoSumIoTotalBudget, ioBudgetDistributionMethodId, status);
    }
}
