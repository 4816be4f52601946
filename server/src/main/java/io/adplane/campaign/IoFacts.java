package io.adplane.campaign;

/** What campaign rules need of an insertion order (D13). Times in epoch milliseconds, as IOs speak. */
record IoFacts(long ioId, String ioName, int ioBudgetTypeId, long ioStartTime, Long ioEndTime, int ioStatusId) {

    /** The IO's end in epoch seconds, the unit of campaign times (D8), or null. */
    Long endSeconds() {
        return ioEndTime == null ? null : ioEndTime / 1000;
    }
}
