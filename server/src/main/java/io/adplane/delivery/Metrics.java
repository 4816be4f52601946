package io.adplane.delivery;

import java.math.BigDecimal;

/**
 * What delivery counts, for one fact or any sum of them: bid requests, wins ({@code bidImpressions}),
 * impressions, clicks, money in integer micros (S1), video quartiles and conversions. The same names, in
 * snake case, are the columns of the fact and rollup tables.
 */
public record Metrics(long bidRequests, long bidImpressions, long impressions, long clicks, long mediaSpendMicros,
        long dataCostMicros, long totalSpendMicros, long videoStart, long videoFirstQuartile, long videoMidpoint,
        long videoThirdQuartile, long videoComplete, long conversions) {

    public static final Metrics ZERO = new Metrics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The metric columns, in the order of {@link #values()}. */
    static final String[] COLUMNS = {"bid_requests", "bid_impressions", "impressions", "clicks", "media_spend_micros",
            "data_cost_micros", "total_spend_micros", "video_start", "video_first_quartile", "video_midpoint",
            "video_third_quartile", "video_complete", "conversions"};

    private static final BigDecimal MICROS = BigDecimal.valueOf(1_000_000);

    long[] values() {
        return new long[] {bidRequests, bidImpressions, impressions, clicks, mediaSpendMicros, dataCostMicros,
                totalSpendMicros, videoStart, videoFirstQuartile, videoMidpoint, videoThirdQuartile, videoComplete,
                conversions};
    }

    static Metrics of(long[] v) {
        return new Metrics(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12]);
    }

    public Metrics plus(Metrics o) {
        long[] a = values();
        long[] b = o.values();
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.addExact(a[i], b[i]);
        }
        return of(a);
    }

    /** The sum of many, with one accumulator. */
    public static Metrics sum(Iterable<Metrics> all) {
        long[] a = new long[COLUMNS.length];
        for (Metrics m : all) {
            long[] b = m.values();
            for (int i = 0; i < a.length; i++) {
                a[i] = Math.addExact(a[i], b[i]);
            }
        }
        return of(a);
    }

    public boolean isZero() {
        return equals(ZERO);
    }

    /** Total spend in dollars, exact. */
    public BigDecimal spent() {
        return dollars(totalSpendMicros);
    }

    public static BigDecimal dollars(long micros) {
        // The same value as micros / 1,000,000, without a division: a report computes it for each of its rows.
        return BigDecimal.valueOf(micros, 6).stripTrailingZeros();
    }

    public static long micros(BigDecimal dollars) {
        return dollars.multiply(MICROS).setScale(0, java.math.RoundingMode.DOWN).longValueExact();
    }
}
