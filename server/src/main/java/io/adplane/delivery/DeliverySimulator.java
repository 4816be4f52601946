package io.adplane.delivery;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.adplane.campaign.CampaignDelivery;
import io.adplane.campaign.CampaignDelivery.Deliverable;
import io.adplane.master.MasterData;
import io.adplane.master.MasterList;
import io.adplane.master.Timezones;

/**
 * Delivers every running campaign's elapsed hours (S4, S5): opens a watermark for each running campaign, then,
 * IO by IO ({@code workers} IOs at once), takes the hours behind the clock in bounded batches, decides them with
 * the {@link MarketModel} hour by hour (the IO's campaigns in id order, so an IO's budget is shared the same way
 * however time was moved), records the facts and finally expires the campaigns whose budget is spent, through the
 * campaign write path.
 */
@Service
public class DeliverySimulator {

    private static final Logger log = LoggerFactory.getLogger(DeliverySimulator.class);
    private static final long HOUR = MarketModel.HOUR;
    private static final Set<String> MAY_DELIVER_AGAIN = Set.of("running");

    private final SimulationSettings settings;
    private final boolean enabled;
    private final CampaignDelivery campaigns;
    private final DeliveryCursors cursors;
    private final DeliveryFacts facts;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Timezones timezones;
    private final MasterData master;
    private volatile MarketModel model;
    /** The threads that deliver IOs side by side; none with one worker. */
    private final ExecutorService workers;

    DeliverySimulator(SimulationSettings settings, Environment environment, CampaignDelivery campaigns,
            DeliveryCursors cursors, DeliveryFacts facts, TransactionTemplate tx, Clock clock, Timezones timezones,
            MasterData master) {
        this.settings = settings;
        this.enabled = settings.enabled() != null ? settings.enabled()
                : environment.getProperty("adplane.controls.enabled", Boolean.class, false);
        this.campaigns = campaigns;
        this.cursors = cursors;
        this.facts = facts;
        this.tx = tx;
        this.clock = clock;
        this.timezones = timezones;
        this.master = master;
        AtomicInteger n = new AtomicInteger();
        this.workers = settings.workers() <= 1 ? null : Executors.newFixedThreadPool(settings.workers(), r -> {
            Thread t = new Thread(r, "delivery-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Whether the simulator delivers ({@code adplane.simulation.enabled}). */
    public boolean enabled() {
        return enabled;
    }

    private MarketModel model() {
        MarketModel m = model;
        if (m == null) {
            List<Long> exchanges = master.rows(MasterList.EXCHANGES).stream().map(r -> Long.parseLong(r.get("id"))).toList();
            m = new MarketModel(settings, exchanges);
            model = m;
        }
        return m;
    }

    /** Catches every running campaign up to the clock's last whole hour; the campaign-hours this call decided. */
    public long catchUp() {
        if (!enabled) {
            return 0;
        }
        long target = Math.floorDiv(clock.millis() / 1000, HOUR) * HOUR;
        discover();
        long hours = 0;
        long afterIo = Long.MIN_VALUE;
        while (true) {
            List<Long> ios = cursors.iosDue(target, afterIo, settings.iosPerBatch());
            if (ios.isEmpty()) {
                return hours;
            }
            hours += deliverAll(ios, target);
            afterIo = ios.get(ios.size() - 1);
        }
    }

    /**
     * Delivers the IOs, {@code adplane.simulation.workers} at a time: an IO's hours depend on nothing outside it
     * (S4), and two IOs share no row, so their steps may overlap (the server's work on one with the database's on
     * another). Waits for all of them; the first failure is rethrown.
     */
    private long deliverAll(List<Long> ios, long target) {
        if (workers == null || ios.size() == 1) {
            return ios.stream().mapToLong(io -> deliverIo(io, target)).sum();
        }
        List<Future<Long>> running = ios.stream().map(io -> workers.submit(() -> deliverIo(io, target))).toList();
        long hours = 0;
        RuntimeException failure = null;
        for (Future<Long> f : running) {
            try {
                hours += f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while delivering", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return hours;
    }

    @PreDestroy
    void stopWorkers() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    /** Opens a watermark for each running campaign that has none (or a closed one), in pages. */
    private void discover() {
        long after = 0;
        while (true) {
            List<long[]> page = campaigns.running(after, 1000);
            if (page.isEmpty()) {
                return;
            }
            List<long[]> opened = page.stream()
                    .map(r -> new long[] {r[0], r[1], r[2], Math.floorDiv(r[3], HOUR) * HOUR}).toList();
            tx.executeWithoutResult(s -> cursors.open(opened));
            after = page.get(page.size() - 1)[0];
            if (page.size() < 1000) {
                return;
            }
        }
    }

    private record Expiry(long owId, long campaignId, String reason) {
    }

    /** A step's campaign-hours, the campaigns to expire, and whether it took the IO's every due hour to the target. */
    private record Step(long hours, List<Expiry> expiries, boolean last) {
    }

    /** Delivers one IO's campaigns up to {@code target}, batch by batch; the campaign-hours decided. */
    private long deliverIo(long ioId, long target) {
        long hours = 0;
        while (true) {
            Step step;
            try {
                step = tx.execute(s -> step(ioId, target));
            } catch (TakenElsewhere e) {
                return hours;
            }
            for (Expiry e : step.expiries()) {
                if (Boolean.TRUE.equals(tx.execute(s -> campaigns.expireSpent(e.owId(), e.campaignId(), e.reason())))) {
                    log.info("Campaign {} expired: {}", e.campaignId(), e.reason());
                }
            }
            hours += step.hours();
            if (step.hours() == 0 || step.last()) {
                return hours;
            }
        }
    }

    /** Another instance moved a watermark this one read: it delivers those hours. */
    private static final class TakenElsewhere extends RuntimeException {
        TakenElsewhere() {
            super(null, null, false, false);
        }
    }

    private Step step(long ioId, long target) {
        List<DeliveryCursors.Cursor> due = cursors.dueOfIo(ioId, target);
        if (due.isEmpty()) {
            return new Step(0, List.of(), true);
        }
        long from = due.stream().mapToLong(DeliveryCursors.Cursor::nextHour).min().orElseThrow();
        long span = Math.max(1, settings.hoursPerBatch() / due.size());
        long to = Math.min(target, from + span * HOUR);
        Map<Long, Long> nextOf = new java.util.TreeMap<>();
        for (DeliveryCursors.Cursor c : due) {
            if (c.nextHour() < to) {
                nextOf.put(c.campaignId(), c.nextHour());
            }
        }
        // One batch for every watermark of the step, in campaign order as before (concurrent steps lock alike).
        // An IO's cursors are all of the IO's organization.
        long owId = due.get(0).owId();
        if (!cursors.claim(owId, nextOf, to)) {
            throw new TakenElsewhere();
        }
        List<Deliverable> list = campaigns.load(owId, nextOf.keySet());
        Map<Long, Metrics> totals = facts.totals(owId, nextOf.keySet());
        Map<Long, ZoneId> zones = new HashMap<>();
        Map<Long, MarketModel.Totals> state = new HashMap<>();
        int firstDay = Integer.MAX_VALUE;
        for (Deliverable c : list) {
            ZoneId zone = zoneOf(c);
            zones.put(c.id(), zone);
            firstDay = Math.min(firstDay, MarketModel.localDay(nextOf.get(c.id()), zone));
        }
        Map<Long, Map<Integer, Metrics>> days = facts.daysFrom(owId, nextOf.keySet(), firstDay);
        for (Deliverable c : list) {
            MarketModel.Totals t = new MarketModel.Totals();
            Metrics all = totals.getOrDefault(c.id(), Metrics.ZERO);
            t.spentMicros = all.totalSpendMicros();
            t.impressions = all.impressions();
            t.clicks = all.clicks();
            int day = MarketModel.localDay(nextOf.get(c.id()), zones.get(c.id()));
            Metrics today = days.getOrDefault(c.id(), Map.of()).getOrDefault(day, Metrics.ZERO);
            t.day = day;
            t.daySpentMicros = today.totalSpendMicros();
            t.dayImpressions = today.impressions();
            t.dayClicks = today.clicks();
            state.put(c.id(), t);
        }
        long[] ioTotal = facts.ioTotalMicros(owId, ioId);
        MarketModel.IoTotals io = new MarketModel.IoTotals();
        io.impressions = ioTotal[0];
        io.spentMicros = ioTotal[1];

        MarketModel m = model();
        List<Fact> produced = new ArrayList<>();
        long decided = 0;
        for (long h = from; h < to; h += HOUR) {
            for (Deliverable c : list) {
                if (nextOf.get(c.id()) <= h) {
                    produced.addAll(m.hour(c, zones.get(c.id()), h, state.get(c.id()), io));
                    decided++;
                }
            }
        }
        facts.record(produced, "simulator", clock.millis());

        List<Long> done = new ArrayList<>();
        List<Expiry> expiries = new ArrayList<>();
        for (Deliverable c : list) {
            long lastChange = c.history().isEmpty() ? 0 : c.history().get(c.history().size() - 1).since();
            if (!MAY_DELIVER_AGAIN.contains(c.status()) && lastChange < to * 1000) {
                done.add(c.id());
            }
            MarketModel.Totals t = state.get(c.id());
            long oneImpression = (c.maxBid() == null ? Metrics.micros(java.math.BigDecimal.valueOf(settings.clearingCpm()))
                    : Metrics.micros(c.maxBid())) / 1000 + 1;
            if (c.budgetTotal() != null && Metrics.micros(c.budgetTotal()) - t.spentMicros < oneImpression) {
                expiries.add(new Expiry(c.owId(), c.id(), "budget spent"));
            } else if (c.totalImpressions() > 0 && t.impressions >= c.totalImpressions()) {
                expiries.add(new Expiry(c.owId(), c.id(), "total impressions delivered"));
            } else if ((c.ioBudgetTypeId() == 1 && c.ioTotalBudget() != null
                    && Metrics.micros(c.ioTotalBudget()) - io.spentMicros < oneImpression)
                    || (c.ioBudgetTypeId() == 2 && c.ioTotalImpressions() != null && io.impressions >= c.ioTotalImpressions())) {
                expiries.add(new Expiry(c.owId(), c.id(), "IO budget spent"));
            }
        }
        cursors.close(owId, done);
        return new Step(decided, expiries.stream().filter(e -> "running".equals(statusOf(list, e.campaignId()))
                || "paused".equals(statusOf(list, e.campaignId()))).collect(Collectors.toList()),
                to == target && nextOf.size() == due.size());
    }

    private static String statusOf(List<Deliverable> list, long id) {
        return list.stream().filter(c -> c.id() == id).map(Deliverable::status).findFirst().orElse("");
    }

    private ZoneId zoneOf(Deliverable c) {
        int id = c.timezoneId() != null ? c.timezoneId() : c.ioTimezoneId();
        return timezones.find(id).map(t -> t.zoneId()).orElse(ZoneId.of("UTC"));
    }
}
