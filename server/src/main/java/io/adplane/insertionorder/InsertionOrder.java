package io.adplane.insertionorder;

import java.math.BigDecimal;

/** An insertion order (iqm-reference §3.2), with the fields of IQM's newest answer shape. */
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
        long modifiedAt) {

    public static final int ACTIVE = 1;
    public static final int EXPIRED = 2;
    public static final int DELETED = 3;
    public static final int BUDGET = 1;
    public static final int IMPRESSIONS = 2;

    /** The status a reader sees: an active IO whose end has passed is expired at once (D17). */
    public int effectiveStatusId(long nowMillis) {
        return ioStatusId == ACTIVE && ioEndTime != null && ioEndTime <= nowMillis ? EXPIRED : ioStatusId;
    }
}
