package io.adplane.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import io.adplane.auth.Caller;
import io.adplane.delivery.DeliveryReports;
import io.adplane.delivery.DeliveryReports.By;
import io.adplane.delivery.DeliveryReports.Group;
import io.adplane.delivery.Metrics;
import io.adplane.master.MasterData;
import io.adplane.master.MasterList;
import io.adplane.master.Timezones;

/**
 * One campaign's delivery as its console page draws it, read from the delivery feature's rollups and facts
 * (never re-summed here), scoped to the acting organization: per day over the flight, per hour over the last
 * two days, spend against budget (pacing, K5), and by exchange and by device type.
 */
@Component
public class ConsoleDelivery {

    /** How many hours the hourly chart covers, ending with the current hour. */
    public static final int HOURS = 48;
    /** The longest flight the daily and pacing charts draw, from the flight's first day. */
    static final int MAX_DAYS = 400;

    private static final DateTimeFormatter HOUR_LABEL = DateTimeFormatter.ofPattern("MM-dd HH:00").withZone(ZoneOffset.UTC);

    /** What the page needs to know of the campaign (its own service answered these). */
    public record Flight(long campaignId, long startTime, Long endTime, BigDecimal budgetTotal, Integer timezoneId) {
    }

    /** Delivery per period (a day or an hour): one value per label in each list. */
    public record Series(List<String> labels, List<Long> impressions, List<BigDecimal> spend) {
    }

    /**
     * Spend against budget over the flight, per local day: the spend so far (cumulative, up to today), the even
     * plan (the total budget spread evenly over the flight's days) and the total budget.
     */
    public record Pacing(List<String> labels, List<BigDecimal> spent, List<BigDecimal> planned, BigDecimal budget) {
    }

    /** Delivery of one exchange or device type. */
    public record Slice(String name, long impressions, BigDecimal spend) {
    }

    /** Everything the campaign page shows of delivery; {@code delivered} is false when there is none yet. */
    public record View(boolean delivered, long impressions, BigDecimal spend, Series daily, Series hourly,
            Pacing pacing, List<Slice> byExchange, List<Slice> byDevice) {
    }

    private final DeliveryReports reports;
    private final Timezones timezones;
    private final MasterData master;
    private final Clock clock;

    ConsoleDelivery(DeliveryReports reports, Timezones timezones, MasterData master, Clock clock) {
        this.reports = reports;
        this.timezones = timezones;
        this.master = master;
        this.clock = clock;
    }

    /** The campaign's delivery; the caller's own campaign service has already found the campaign for them. */
    public View campaign(Caller caller, Flight f) {
        ZoneId zone = f.timezoneId() == null ? ZoneOffset.UTC
                : timezones.find(f.timezoneId()).map(Timezones.Timezone::zoneId).orElse(ZoneOffset.UTC);
        long nowSec = clock.millis() / 1000;
        int today = (int) LocalDate.ofInstant(Instant.ofEpochSecond(nowSec), zone).toEpochDay();
        int first = (int) LocalDate.ofInstant(Instant.ofEpochSecond(f.startTime()), zone).toEpochDay();
        int last = f.endTime() == null ? today
                : (int) LocalDate.ofInstant(Instant.ofEpochSecond(f.endTime()), zone).toEpochDay();
        last = Math.min(last, first + MAX_DAYS - 1);
        List<Long> owIds = List.of(caller.owId());
        Map<By, java.util.Collection<Long>> only = Map.of(By.CAMPAIGN, List.of(f.campaignId()));

        Map<Long, Metrics> days = keyed(reports.groups(new DeliveryReports.Query(owIds, first, Math.max(first, last),
                List.of(By.DAY), only)), By.DAY);
        Metrics all = days.values().stream().reduce(Metrics.ZERO, Metrics::plus);

        int shown = Math.max(first, Math.min(last, today));
        List<String> dayLabels = new ArrayList<>();
        List<Long> dayImpressions = new ArrayList<>();
        List<BigDecimal> daySpend = new ArrayList<>();
        for (int d = first; d <= shown; d++) {
            Metrics m = days.getOrDefault((long) d, Metrics.ZERO);
            dayLabels.add(LocalDate.ofEpochDay(d).toString());
            dayImpressions.add(m.impressions());
            daySpend.add(m.spent());
        }

        long thisHour = nowSec / 3600 * 3600;
        long fromHour = thisHour - (HOURS - 1) * 3600L;
        int fromDay = (int) LocalDate.ofInstant(Instant.ofEpochSecond(fromHour), zone).toEpochDay();
        Map<Long, Metrics> hours = all.isZero() ? Map.of() : keyed(reports.groups(new DeliveryReports.Query(owIds,
                fromDay, today, List.of(By.HOUR), only)), By.HOUR);
        List<String> hourLabels = new ArrayList<>();
        List<Long> hourImpressions = new ArrayList<>();
        List<BigDecimal> hourSpend = new ArrayList<>();
        for (long h = fromHour; h <= thisHour; h += 3600) {
            Metrics m = hours.getOrDefault(h, Metrics.ZERO);
            hourLabels.add(HOUR_LABEL.format(Instant.ofEpochSecond(h)));
            hourImpressions.add(m.impressions());
            hourSpend.add(m.spent());
        }

        return new View(!all.isZero(), all.impressions(), all.spent(),
                new Series(dayLabels, dayImpressions, daySpend), new Series(hourLabels, hourImpressions, hourSpend),
                pacing(zone, f.startTime(), f.endTime(), first, last, today, days, f.budgetTotal()),
                all.isZero() ? List.of() : slices(owIds, first, Math.max(first, last), only, By.EXCHANGE, MasterList.EXCHANGES),
                all.isZero() ? List.of() : slices(owIds, first, Math.max(first, last), only, By.DEVICE_TYPE, MasterList.DEVICE_TYPES));
    }

    /**
     * K5: the plan is the total budget spread evenly over the flight's time; each day's planned value is the share
     * of the flight elapsed at the end of that local day.
     */
    static Pacing pacing(ZoneId zone, long startTime, Long endTime, int first, int last, int today,
            Map<Long, Metrics> days, BigDecimal budget) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> spent = new ArrayList<>();
        List<BigDecimal> planned = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int d = first; d <= Math.max(first, last); d++) {
            labels.add(LocalDate.ofEpochDay(d).toString());
            if (d <= today) {
                sum = sum.add(days.getOrDefault((long) d, Metrics.ZERO).spent());
                spent.add(sum);
            } else {
                spent.add(null);
            }
            if (budget == null || endTime == null || endTime <= startTime) {
                planned.add(null);
            } else {
                long dayEnd = LocalDate.ofEpochDay(d + 1L).atStartOfDay(zone).toEpochSecond();
                long elapsed = Math.max(0, Math.min(endTime, dayEnd) - startTime);
                planned.add(budget.multiply(BigDecimal.valueOf(elapsed))
                        .divide(BigDecimal.valueOf(endTime - startTime), 2, RoundingMode.HALF_EVEN));
            }
        }
        return new Pacing(labels, spent, planned, budget);
    }

    private List<Slice> slices(List<Long> owIds, int from, int to, Map<By, java.util.Collection<Long>> only, By by,
            MasterList names) {
        Map<Long, Metrics> found = keyed(reports.groups(new DeliveryReports.Query(owIds, from, to, List.of(by), only)), by);
        Map<Long, String> named = new HashMap<>();
        for (Map<String, String> row : master.rows(names)) {
            String id = row.get("id");
            if (id != null && id.matches("\\d{1,18}")) {
                named.put(Long.valueOf(id), row.get("name"));
            }
        }
        return found.entrySet().stream()
                .map(e -> new Slice(e.getKey() == 0 ? "Unknown" : named.getOrDefault(e.getKey(), "Id " + e.getKey()),
                        e.getValue().impressions(), e.getValue().spent()))
                .sorted(Comparator.comparing(Slice::impressions).reversed().thenComparing(Slice::name))
                .toList();
    }

    private static Map<Long, Metrics> keyed(List<Group> groups, By by) {
        Map<Long, Metrics> out = new TreeMap<>();
        for (Group g : groups) {
            out.merge(g.keys().get(by), g.metrics(), Metrics::plus);
        }
        return out;
    }
}
