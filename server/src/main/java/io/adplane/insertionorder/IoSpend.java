package io.adplane.insertionorder;

/** What an IO's campaigns have delivered, all time (issue 13); implemented by the delivery feature. */
public interface IoSpend {

    /** Spent budget (dollars) and delivered impressions of an IO. */
    record Spent(java.math.BigDecimal budget, long impressions) {
    }

    /** Zero for an IO without delivery, or of another organization. */
    Spent of(long owId, long ioId);
}
