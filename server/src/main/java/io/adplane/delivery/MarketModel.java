package io.adplane.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.adplane.campaign.CampaignDelivery.Deliverable;
import io.adplane.campaign.CampaignDelivery.StatusSince;

/**
 * The market model (S4): what one campaign delivers in one hour, decided only by the model's settings, the
 * campaign, the hour and what the campaign (and its IO) had delivered before that hour. Randomness is a hash of
 * the seed, the campaign id, the hour and a purpose, never shared state, and the arithmetic is
 * {@link StrictMath}, so the same inputs give the same facts on every machine. docs/simulation.md describes
 * the model; every amount it spends is checked against every budget and cap first.
 */
final class MarketModel {

    static final long HOUR = 3600;
    private static final long NONE = Long.MAX_VALUE;
    private static final long[] DEVICES = {11, 12, 13, 15, 16};
    private static final double[] DEVICE_SHARES = {0.45, 0.10, 0.20, 0.20, 0.05};
    private static final long[] TRAFFIC = {11, 12, 13, 14};
    private static final double[] TRAFFIC_SHARES = {0.50, 0.30, 0.10, 0.10};
    /** Relative supply by hour of the day in the campaign's timezone (mean 1). */
    private static final double[] DIURNAL = {0.45, 0.35, 0.3, 0.3, 0.35, 0.5, 0.7, 0.9, 1.05, 1.1, 1.15, 1.2,
            1.2, 1.2, 1.15, 1.15, 1.2, 1.3, 1.4, 1.45, 1.4, 1.25, 1.0, 0.7};
    private static final long US = 30100001L;

    /** What a campaign had delivered before an hour: all time, and on the day of {@link #day}. */
    static final class Totals {
        long spentMicros;
        long impressions;
        long clicks;
        int day = Integer.MIN_VALUE;
        long daySpentMicros;
        long dayImpressions;
        long dayClicks;

        void add(Metrics m) {
            spentMicros += m.totalSpendMicros();
            impressions += m.impressions();
            clicks += m.clicks();
            daySpentMicros += m.totalSpendMicros();
            dayImpressions += m.impressions();
            dayClicks += m.clicks();
        }

        /** Moves to {@code localDay}: a later day starts with nothing delivered. */
        void onDay(int localDay) {
            if (localDay != day) {
                day = localDay;
                daySpentMicros = 0;
                dayImpressions = 0;
                dayClicks = 0;
            }
        }
    }

    /** What an IO had delivered before an hour. */
    static final class IoTotals {
        long spentMicros;
        long impressions;
    }

    private final SimulationSettings s;
    private final List<Long> exchanges;
    private final long dataCpmMicros;

    MarketModel(SimulationSettings settings, List<Long> exchanges) {
        this.s = settings;
        this.exchanges = exchanges.isEmpty() ? List.of(1L) : List.copyOf(exchanges);
        this.dataCpmMicros = Metrics.micros(settings.dataCpm());
    }

    static int localDay(long epochSecond, ZoneId zone) {
        return (int) LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), zone).toEpochDay();
    }

    /** Whether the campaign was running for the whole hour starting at {@code h} (epoch seconds). */
    static boolean runningThroughout(List<StatusSince> history, long h) {
        String at = null;
        long start = h * 1000;
        long end = (h + HOUR) * 1000;
        for (StatusSince change : history) {
            if (change.since() <= start) {
                at = change.status();
            } else if (change.since() < end) {
                return false;
            }
        }
        return "running".equals(at);
    }

    /** Whether the hour lies wholly inside the campaign's flight. */
    static boolean inFlight(Deliverable c, long h) {
        Long end = c.end();
        return (c.startTime() == null || h >= c.startTime()) && (end == null || h + HOUR <= end);
    }

    /**
     * The facts of one campaign-hour (none when it was not running, is outside its flight, or a budget is spent);
     * {@code t} and {@code io} are what was delivered before it and are advanced by what it delivers; {@code zone}
     * is the campaign's timezone, which decides its days (S2).
     */
    List<Fact> hour(Deliverable c, ZoneId zone, long h, Totals t, IoTotals io) {
        if (!inFlight(c, h) || !runningThroughout(c.history(), h)) {
            return List.of();
        }
        LocalDate date = LocalDate.ofInstant(Instant.ofEpochSecond(h), zone);
        int day = (int) date.toEpochDay();
        long nextDayStart = date.plusDays(1).atStartOfDay(zone).toEpochSecond();
        t.onDay(day);
        Long end = c.end();
        long hoursLeftInFlight = end == null ? NONE : Math.max(1, (end - h) / HOUR);
        long hoursLeftInDay = Math.max(1, Math.min((nextDayStart - h + HOUR - 1) / HOUR, hoursLeftInFlight));

        // What the budgets allow this hour (money in micros).
        long remainingTotal = c.budgetTotal() == null ? NONE : Math.max(0, micros(c.budgetTotal()) - t.spentMicros);
        long remainingDay = c.budgetDay() == null ? NONE : Math.max(0, micros(c.budgetDay()) - t.daySpentMicros);
        long money;
        if (c.totalBudgetPacing() && remainingTotal != NONE && hoursLeftInFlight != NONE) {
            money = Math.min(remainingTotal / hoursLeftInFlight, remainingDay);
        } else if (remainingDay != NONE) {
            money = Math.min(remainingDay / hoursLeftInDay, remainingTotal);
        } else {
            money = remainingTotal == NONE || hoursLeftInFlight == NONE ? remainingTotal : remainingTotal / hoursLeftInFlight;
        }
        if (c.ioBudgetTypeId() == 1 && c.ioTotalBudget() != null) {
            money = Math.min(money, Math.max(0, micros(c.ioTotalBudget()) - io.spentMicros));
        }
        long impressionsAllowed = NONE;
        if (c.totalImpressions() > 0) {
            impressionsAllowed = spread(c.totalImpressions() - t.impressions, c.totalBudgetPacing() ? hoursLeftInFlight : 1);
        }
        if (c.maxDayImpressions() > 0) {
            impressionsAllowed = Math.min(impressionsAllowed, spread(c.maxDayImpressions() - t.dayImpressions, hoursLeftInDay));
        }
        if (c.ioBudgetTypeId() == 2 && c.ioTotalImpressions() != null) {
            impressionsAllowed = Math.min(impressionsAllowed, Math.max(0, c.ioTotalImpressions() - io.impressions));
        }
        long clicksAllowed = NONE;
        if (c.totalClicks() > 0) {
            clicksAllowed = Math.max(0, c.totalClicks() - t.clicks);
        }
        if (c.maxDayClicks() > 0) {
            clicksAllowed = Math.min(clicksAllowed, Math.max(0, c.maxDayClicks() - t.dayClicks));
        }
        if (money <= 0 || impressionsAllowed <= 0 || clicksAllowed <= 0) {
            return List.of();
        }

        // Supply that matches the targeting, at this hour of the campaign's day.
        int localHour = Instant.ofEpochSecond(h).atZone(zone).getHour();
        double supply = s.bidRequestsPerHour() * DIURNAL[localHour]
                * share(c.deviceTypes(), DEVICES, DEVICE_SHARES) * share(c.trafficTypes(), TRAFFIC, TRAFFIC_SHARES)
                * exchangeShare(c.exchanges()) * (c.countryId() == null || c.countryId() == US ? 1.0 : 0.3)
                * (0.85 + 0.3 * random(c.id(), h, 1));
        long requests = (long) supply;
        long bids = (long) (requests * s.bidRate());

        // Second-price auctions: competing prices log-uniform around clearingCpm; a bid wins below maxBid.
        double maxBid = c.maxBid() == null ? s.clearingCpm() : c.maxBid().doubleValue();
        double low = s.clearingCpm() / StrictMath.exp(s.clearingSpread());
        double high = s.clearingCpm() * StrictMath.exp(s.clearingSpread());
        double top = Math.min(high, maxBid);
        if (top <= low) {
            return List.of(facts(c, h, day, new Metrics(requests, bids, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        }
        double winShare = StrictMath.log(top / low) / StrictMath.log(high / low);
        double price = (top - low) / StrictMath.log(top / low);
        if (c.bidShading()) {
            price *= 1 - s.bidShading();
        }
        long mediaCpmMicros = Math.max(1, (long) (price * 1_000_000));
        long cpmMicros = mediaCpmMicros + dataCpmMicros;
        long impressions = (long) (bids * winShare * (0.9 + 0.2 * random(c.id(), h, 2)));
        impressions = Math.min(impressions, impressionsAllowed);
        // Never more than the money allows: cost = impressions * cpm / 1000, rounded up against the budget.
        impressions = Math.min(impressions, money == NONE ? impressions : (long) ((double) money * 1000 / cpmMicros));
        while (impressions > 0 && cost(impressions, cpmMicros) > money) {
            impressions--;
        }
        double ctr = switch (c.creativeType() == null ? 11 : c.creativeType()) {
            case 14 -> 0.004;
            case 15 -> 0.003;
            case 13 -> 0.0015;
            case 17 -> 0.001;
            default -> 0.0012;
        };
        long clicks = Math.min(round(impressions * ctr * (0.7 + 0.6 * random(c.id(), h, 3)), random(c.id(), h, 4)),
                clicksAllowed == NONE ? Long.MAX_VALUE : clicksAllowed);
        long starts = 0;
        long q1 = 0;
        long mid = 0;
        long q3 = 0;
        long complete = 0;
        if (c.creativeType() != null && (c.creativeType() == 14 || c.creativeType() == 17)) {
            double completion = (c.creativeType() == 14 ? 0.65 : 0.8) + 0.1 * random(c.id(), h, 5);
            starts = (long) (impressions * 0.98);
            complete = (long) (starts * completion);
            q3 = Math.max(complete, (long) (starts * (completion + (1 - completion) * 0.3)));
            mid = Math.max(q3, (long) (starts * (completion + (1 - completion) * 0.55)));
            q1 = Math.max(mid, (long) (starts * (completion + (1 - completion) * 0.8)));
        }
        long conversions = round(clicks * 0.05, random(c.id(), h, 6));
        long media = cost(impressions, mediaCpmMicros);
        long data = cost(impressions, cpmMicros) - media;
        Metrics m = new Metrics(requests, bids, impressions, clicks, media, data, media + data, starts, q1, mid, q3,
                complete, conversions);
        t.add(m);
        io.spentMicros += m.totalSpendMicros();
        io.impressions += m.impressions();
        return split(c, h, day, m);
    }

    /** Spreads the hour's delivery over a few creative × exchange × device combinations; the sums are exact. */
    private List<Fact> split(Deliverable c, long h, int day, Metrics m) {
        int n = Math.max(1, s.slicesPerHour());
        long[] total = m.values();
        // Video counts are split as the differences between quartiles, so every part keeps them in order.
        for (int k = 7; k < 11; k++) {
            total[k] -= total[k + 1];
        }
        double[] weights = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = 0.5 + random(c.id(), h, 100 + i);
            sum += weights[i];
        }
        Map<List<Long>, long[]> slices = new LinkedHashMap<>();
        long[] given = new long[total.length];
        for (int i = 0; i < n; i++) {
            long[] part = new long[total.length];
            for (int k = 0; k < total.length; k++) {
                part[k] = i == n - 1 ? total[k] - given[k] : (long) (total[k] * (weights[i] / sum));
                given[k] += part[k];
            }
            // Money follows impressions exactly: media and data split alike, total is their sum.
            part[6] = part[4] + part[5];
            long[] share = part.clone();
            for (int k = 10; k >= 7; k--) {
                part[k] = share[k] + part[k + 1];
            }
            List<Long> key = List.of(pick(c.creativeIds(), List.of(0L), c.id(), h, 200 + i),
                    pick(c.exchanges(), exchanges, c.id(), h, 300 + i),
                    pick(c.deviceTypes(), List.of(11L, 12L, 13L, 15L, 16L), c.id(), h, 400 + i),
                    c.countryId() == null ? US : c.countryId());
            slices.merge(key, part, (a, b) -> {
                long[] out = new long[a.length];
                for (int k = 0; k < a.length; k++) {
                    out[k] = a[k] + b[k];
                }
                return out;
            });
        }
        List<Fact> out = new ArrayList<>();
        slices.forEach((k, v) -> out.add(new Fact(c.id(), c.owId(), c.ioId(), h, day, k.get(0), k.get(1), k.get(2),
                k.get(3), Metrics.of(v))));
        return out;
    }

    private Fact facts(Deliverable c, long h, int day, Metrics m) {
        return new Fact(c.id(), c.owId(), c.ioId(), h, day, pick(c.creativeIds(), List.of(0L), c.id(), h, 200),
                pick(c.exchanges(), exchanges, c.id(), h, 300), pick(c.deviceTypes(), List.of(11L), c.id(), h, 400),
                c.countryId() == null ? US : c.countryId(), m);
    }

    private long pick(List<Long> targeted, List<Long> all, long id, long h, int purpose) {
        List<Long> from = targeted == null || targeted.isEmpty() ? all : targeted;
        return from.get((int) Math.floorMod(hash(id, h, purpose), (long) from.size()));
    }

    private double exchangeShare(List<Long> targeted) {
        return targeted == null || targeted.isEmpty() ? 1.0 : Math.min(1.0, (double) targeted.size() / exchanges.size());
    }

    private static double share(List<Long> targeted, long[] ids, double[] shares) {
        if (targeted == null || targeted.isEmpty()) {
            return 1.0;
        }
        double sum = 0;
        for (int i = 0; i < ids.length; i++) {
            if (targeted.contains(ids[i])) {
                sum += shares[i];
            }
        }
        return sum;
    }

    private static long spread(long remaining, long hours) {
        return remaining <= 0 ? 0 : hours == NONE ? remaining : remaining / Math.max(1, hours) == 0 ? 1 : remaining / hours;
    }

    /** What {@code impressions} cost at {@code cpmMicros}, rounded up, so the budget check is never optimistic. */
    static long cost(long impressions, long cpmMicros) {
        return Math.multiplyHigh(impressions, cpmMicros) != 0 ? Long.MAX_VALUE : (impressions * cpmMicros + 999) / 1000;
    }

    private static long micros(BigDecimal dollars) {
        return Metrics.micros(dollars);
    }

    private static long round(double x, double u) {
        long whole = (long) x;
        return whole + (u < x - whole ? 1 : 0);
    }

    /** A uniform number in [0, 1) from the seed, the campaign, the hour and a purpose: no shared state. */
    double random(long campaignId, long hour, int purpose) {
        return (hash(campaignId, hour, purpose) >>> 11) * 0x1.0p-53;
    }

    private long hash(long campaignId, long hour, int purpose) {
        long x = mix(s.seed() ^ 0x9E3779B97F4A7C15L);
        x = mix(x ^ campaignId);
        x = mix(x ^ hour);
        return mix(x ^ purpose);
    }

    /** SplitMix64's finalizer. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
