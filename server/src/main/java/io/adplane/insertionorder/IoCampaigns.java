package io.adplane.insertionorder;

import java.util.Collection;
import java.util.List;

import io.adplane.auth.Caller;

/**
 * What IO operations need of an IO's campaigns; the campaign feature implements it, so insertion orders do
 * not depend on campaigns. Every method runs in the caller's transaction, with the IO already locked.
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

    /** The earliest and latest start and the latest end (epoch seconds, null when none) of the IO's non-deleted campaigns (D13). */
    record Flights(Long earliestStart, Long latestStart, Long latestEnd) {
    }

    Flights flights(long owId, long ioId);

    /** The IO's end moved (epoch milliseconds, null for none): its campaigns without an end of their own follow it. */
    void endMoved(long owId, long ioId, Long ioEndMillis);
}
