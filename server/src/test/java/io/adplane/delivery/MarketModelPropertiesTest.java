package io.adplane.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.adplane.campaign.CampaignDelivery.Deliverable;
import io.adplane.campaign.CampaignDelivery.StatusSince;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The market model over random campaigns, budgets, pacing, caps, timezones (flights across DST changes) and
 * pause/resume schedules: nothing exceeds a budget or cap, nothing is delivered outside running hours or the
 * flight, the breakdown adds up, reruns are identical, and a run in chunks (state reloaded from the rollups, as
 * the simulator does between batches) equals one run.
 */
class MarketModelPropertiesTest {

    static final long H = MarketModel.HOUR;
    static final List<String> ZONES = List.of("UTC", "America/New_York", "Europe/London", "Asia/Kolkata",
            "Australia/Lord_Howe", "America/Los_Angeles");
    /** 2026-03-07 00:00 UTC: US clocks move forward on 03-08, Europe's on 03-29. */
    static final long BASE = LocalDate.of(2026, 3, 7).atStartOfDay(ZoneId.of("UTC")).toEpochSecond();

    record Money(BigDecimal day, BigDecimal total, BigDecimal maxBid, boolean pacing, BigDecimal io, int type) {
    }

    record Schedule(String zone, long startOffset, long hours, long cap, int capKind, List<Integer> pauses) {
    }

    record Case(Deliverable campaign, ZoneId zone, long from, long to) {
    }

    static final MarketModel MODEL = new MarketModel(new SimulationSettings(true, 13, java.time.Duration.ofSeconds(60),
            60000, 0.5, 2.5, 1.2, 0.15, new BigDecimal("0.2"), 3, 744, 50, 1), List.of(1L, 11L, 16L, 19L, 37L));

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<BigDecimal> day = Arbitraries.bigDecimals().between(new BigDecimal("0.5"), new BigDecimal("80")).ofScale(2)
                .injectNull(0.2);
        Arbitrary<BigDecimal> total = Arbitraries.bigDecimals().between(new BigDecimal("1"), new BigDecimal("600")).ofScale(2)
                .injectNull(0.2);
        Arbitrary<BigDecimal> maxBid = Arbitraries.bigDecimals().between(new BigDecimal("0.3"), new BigDecimal("20")).ofScale(2);
        Arbitrary<Long> caps = Arbitraries.longs().between(0, 20000).map(v -> v < 4000 ? 0 : v);
        Arbitrary<BigDecimal> ioBudget = Arbitraries.bigDecimals().between(new BigDecimal("1"), new BigDecimal("800"))
                .ofScale(2).injectNull(0.3);
        Arbitrary<List<Integer>> toggles = Arbitraries.integers().between(1, 24 * 12).list().ofMaxSize(6);
        Arbitrary<Money> money = Combinators.combine(day, total, maxBid, Arbitraries.of(true, false), ioBudget,
                Arbitraries.of(11, 14, 17)).as(Money::new);
        Arbitrary<Schedule> schedule = Combinators.combine(Arbitraries.of(ZONES), Arbitraries.longs().between(0, 72),
                Arbitraries.longs().between(6, 24 * 12), caps, Arbitraries.integers().between(0, 2), toggles)
                .as(Schedule::new);
        return Combinators.combine(money, schedule).as((m, sc) -> {
                    BigDecimal d = m.day();
                    BigDecimal t = m.total();
                    BigDecimal bid = m.maxBid();
                    boolean pacing = m.pacing();
                    BigDecimal io = m.io();
                    int type = m.type();
                    String zone = sc.zone();
                    long startOffset = sc.startOffset();
                    long hours = sc.hours();
                    long cap = sc.cap();
                    int capKind = sc.capKind();
                    List<Integer> pauses = sc.pauses();
                    long start = BASE + startOffset * H + (startOffset % 3 == 0 ? 1800 : 0);
                    long end = start + hours * H;
                    List<StatusSince> history = new ArrayList<>();
                    history.add(new StatusSince("pending", (start - 5 * H) * 1000));
                    history.add(new StatusSince("running", (start - 4 * H) * 1000 + 1234));
                    String now = "running";
                    for (int at : pauses.stream().sorted().distinct().toList()) {
                        now = now.equals("running") ? "paused" : "running";
                        history.add(new StatusSince(now, (start + at * H) * 1000 - 600_000));
                    }
                    Deliverable c = new Deliverable(7000 + startOffset, 1, 2, now, 1, t, d, bid, pacing, start, end,
                            null, 29, null, io, null, 1, type, List.of(41L, 42L), 30100001L, List.of(), List.of(),
                            List.of(), startOffset % 2 == 0, capKind == 1 ? cap : 0, capKind == 2 ? cap : 0,
                            capKind == 1 ? cap / 500 : 0, 0, history);
                    return new Case(c, ZoneId.of(zone), start - 6 * H - start % H, end + 6 * H);
                });
    }

    static List<Fact> run(Case k, long chunkHours) {
        List<Fact> out = new ArrayList<>();
        MarketModel.Totals t = null;
        MarketModel.IoTotals io = null;
        long chunkStart = k.from();
        for (long h = k.from(); h < k.to(); h += H) {
            if (t == null || (h - chunkStart) >= chunkHours * H) {
                // A new batch: state as the simulator loads it from the rollups.
                chunkStart = h;
                t = reload(out, k.zone(), h);
                io = new MarketModel.IoTotals();
                for (Fact f : out) {
                    io.spentMicros += f.metrics().totalSpendMicros();
                    io.impressions += f.metrics().impressions();
                }
            }
            out.addAll(MODEL.hour(k.campaign(), k.zone(), h, t, io));
        }
        return out;
    }

    static MarketModel.Totals reload(List<Fact> facts, ZoneId zone, long h) {
        MarketModel.Totals t = new MarketModel.Totals();
        int day = MarketModel.localDay(h, zone);
        t.day = day;
        for (Fact f : facts) {
            t.spentMicros += f.metrics().totalSpendMicros();
            t.impressions += f.metrics().impressions();
            t.clicks += f.metrics().clicks();
            if (f.localDay() == day) {
                t.daySpentMicros += f.metrics().totalSpendMicros();
                t.dayImpressions += f.metrics().impressions();
                t.dayClicks += f.metrics().clicks();
            }
        }
        return t;
    }

    @Property(tries = 150)
    void neverOverAnyBudgetOrCapNorOutsideRunningHours(@ForAll("cases") Case k) {
        Deliverable c = k.campaign();
        List<Fact> facts = run(k, Long.MAX_VALUE / H);
        Map<Integer, long[]> days = new HashMap<>();
        long spent = 0;
        long impressions = 0;
        for (Fact f : facts) {
            Metrics m = f.metrics();
            assertThat(java.util.Arrays.stream(m.values()).min().orElse(0)).isNotNegative();
            assertThat(m.totalSpendMicros()).isEqualTo(m.mediaSpendMicros() + m.dataCostMicros());
            assertThat(MarketModel.inFlight(c, f.hourStart())).isTrue();
            assertThat(MarketModel.runningThroughout(c.history(), f.hourStart())).isTrue();
            assertThat(f.hourStart() % H).isZero();
            assertThat(f.localDay()).isEqualTo(MarketModel.localDay(f.hourStart(), k.zone()));
            long[] d = days.computeIfAbsent(f.localDay(), x -> new long[3]);
            d[0] += m.totalSpendMicros();
            d[1] += m.impressions();
            d[2] += m.clicks();
            spent += m.totalSpendMicros();
            impressions += m.impressions();
            assertThat(m.videoStart()).isGreaterThanOrEqualTo(m.videoFirstQuartile());
            assertThat(m.videoFirstQuartile()).isGreaterThanOrEqualTo(m.videoMidpoint());
            assertThat(m.videoMidpoint()).isGreaterThanOrEqualTo(m.videoThirdQuartile());
            assertThat(m.videoThirdQuartile()).isGreaterThanOrEqualTo(m.videoComplete());
        }
        if (c.budgetTotal() != null) {
            assertThat(spent).isLessThanOrEqualTo(Metrics.micros(c.budgetTotal()));
        }
        if (c.ioTotalBudget() != null) {
            assertThat(spent).isLessThanOrEqualTo(Metrics.micros(c.ioTotalBudget()));
        }
        if (c.totalImpressions() > 0) {
            assertThat(impressions).isLessThanOrEqualTo(c.totalImpressions());
        }
        for (long[] d : days.values()) {
            if (c.budgetDay() != null) {
                assertThat(d[0]).isLessThanOrEqualTo(Metrics.micros(c.budgetDay()));
            }
            if (c.maxDayImpressions() > 0) {
                assertThat(d[1]).isLessThanOrEqualTo(c.maxDayImpressions());
            }
            if (c.maxDayClicks() > 0) {
                assertThat(d[2]).isLessThanOrEqualTo(c.maxDayClicks());
            }
        }
    }

    @Property(tries = 100)
    void rerunsAreIdenticalAndChunksEqualOneRun(@ForAll("cases") Case k,
            @ForAll("chunks") long chunkHours) {
        List<Fact> once = run(k, Long.MAX_VALUE / H);
        assertThat(run(k, Long.MAX_VALUE / H)).isEqualTo(once);
        assertThat(run(k, chunkHours)).isEqualTo(once);
    }

    @Example
    void aCampaignAcrossTheSpringDstChangeDeliversItsDailyBudgetOnEachLocalDay() {
        ZoneId ny = ZoneId.of("America/New_York");
        long start = LocalDate.of(2026, 3, 7).atStartOfDay(ny).toEpochSecond();
        long end = LocalDate.of(2026, 3, 10).atStartOfDay(ny).toEpochSecond();
        Deliverable c = new Deliverable(9001, 1, 2, "running", 1, null, new BigDecimal("25"), new BigDecimal("6"), false,
                start, end, 29, 29, null, null, null, 1, 11, List.of(5L), 30100001L, List.of(), List.of(), List.of(),
                false, 0, 0, 0, 0, List.of(new StatusSince("running", (start - H) * 1000)));
        List<Fact> facts = run(new Case(c, ny, start, end), 1000);
        Map<Integer, Long> hours = new HashMap<>();
        Map<Integer, Long> spend = new HashMap<>();
        for (Fact f : facts) {
            spend.merge(f.localDay(), f.metrics().totalSpendMicros(), Long::sum);
        }
        facts.stream().map(Fact::hourStart).distinct()
                .forEach(h -> hours.merge(MarketModel.localDay(h, ny), 1L, Long::sum));
        int dst = (int) LocalDate.of(2026, 3, 8).toEpochDay();
        // The day the clocks move forward has 23 hours; each day spends close to, never over, its budget.
        assertThat(hours).containsEntry(dst, 23L).containsEntry(dst - 1, 24L).containsEntry(dst + 1, 24L);
        assertThat(spend.values()).allSatisfy(v -> assertThat(v).isBetween(24_000_000L, 25_000_000L));
    }

    @Provide
    Arbitrary<Long> chunks() {
        return Arbitraries.of(1L, 5L, 24L, 37L);
    }
}
