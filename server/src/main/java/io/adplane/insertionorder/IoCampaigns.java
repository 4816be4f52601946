package io.adplane.insertionorder;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

import io.adplane.auth.Caller;

/**
 * What IO operations need of an IO's campaigns; the campaign feature implements it, so insertion orders do
 * not depend on campaigns. Every method runs in the caller's transaction.
 */
public interface IoCampaigns {

    /** Deletes the non-deleted campaigns of these IOs, recording each change (D15; "deleting an IO deletes its campaigns"). */
    void deleteAll(Caller caller, Collection<Long> ioIds);

    /**
     * Copies campaigns of {@code sourceIoId} into {@code targetIoId} with a new flight (campaign times in epoch
     * seconds, {@code endSeconds} null for none); returns the new ids.
     */
    List<Long> duplicate(Caller caller, long sourceIoId, Collection<Long> campaignIds, long targetIoId,
            long startSeconds, Long endSeconds);

    /** The sum of the non-deleted campaigns' total budgets. */
    BigDecimal allocatedBudget(long owId, long ioId);

    /** The sum of the non-deleted campaigns' total impressions. */
    long allocatedImpressions(long owId, long ioId);
}
