package io.adplane.delivery;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delivery facts and their rollups (S1): facts are inserted once per natural key (a second copy of a fact
 * is ignored, so replays and two instances can't double count), and exactly the facts that were new are added
 * to the per-day, per-campaign and per-IO rollups in the same transaction, in key order so concurrent writers
 * can't deadlock. Nothing here re-sums facts.
 */
@Repository
public class DeliveryFacts {

    private static final String METRIC_COLUMNS = String.join(", ", Metrics.COLUMNS);
    private static final String INSERT = "INSERT INTO delivery_fact (campaign_id, hour_start, creative_id, exchange_id, "
            + "device_type_id, country_id, ow_id, io_id, local_day, source, " + METRIC_COLUMNS + ", recorded_at) VALUES ("
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + "?, ".repeat(Metrics.COLUMNS.length) + "?) ON CONFLICT DO NOTHING";
    private static final String ADD = Arrays.stream(Metrics.COLUMNS).map(c -> c + " = " + c + " + ?")
            .collect(Collectors.joining(", "));

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    DeliveryFacts(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    /** Records the facts that are not yet recorded; the ones that were new. Call inside a transaction. */
    public List<Fact> record(List<Fact> facts, String source, long now) {
        if (facts.isEmpty()) {
            return List.of();
        }
        int[][] counts = jdbcTemplate.batchUpdate(INSERT, facts, 500, (ps, f) -> {
            ps.setLong(1, f.campaignId());
            ps.setLong(2, f.hourStart());
            ps.setLong(3, f.creativeId());
            ps.setLong(4, f.exchangeId());
            ps.setLong(5, f.deviceTypeId());
            ps.setLong(6, f.countryId());
            ps.setLong(7, f.owId());
            ps.setLong(8, f.ioId());
            ps.setInt(9, f.localDay());
            ps.setString(10, source);
            long[] v = f.metrics().values();
            for (int i = 0; i < v.length; i++) {
                ps.setLong(11 + i, v[i]);
            }
            ps.setLong(11 + v.length, now);
        });
        List<Fact> fresh = new ArrayList<>();
        int i = 0;
        for (int[] batch : counts) {
            for (int n : batch) {
                if (n != 0) {
                    fresh.add(facts.get(i));
                }
                i++;
            }
        }
        roll(fresh);
        return fresh;
    }

    private record DayKey(long campaignId, int localDay) implements Comparable<DayKey> {
        @Override
        public int compareTo(DayKey o) {
            int c = Long.compare(campaignId, o.campaignId);
            return c != 0 ? c : Integer.compare(localDay, o.localDay);
        }
    }

    private record Owner(long owId, long ioId) {
    }

    private void roll(List<Fact> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        Map<DayKey, Metrics> days = new TreeMap<>();
        Map<Long, Metrics> campaigns = new TreeMap<>();
        Map<Long, Metrics> ios = new TreeMap<>();
        Map<Long, Owner> owners = new TreeMap<>();
        for (Fact f : fresh) {
            days.merge(new DayKey(f.campaignId(), f.localDay()), f.metrics(), Metrics::plus);
            campaigns.merge(f.campaignId(), f.metrics(), Metrics::plus);
            ios.merge(f.ioId(), f.metrics(), Metrics::plus);
            owners.put(f.campaignId(), new Owner(f.owId(), f.ioId()));
            owners.putIfAbsent(-f.ioId(), new Owner(f.owId(), f.ioId()));
        }
        List<DayKey> dayKeys = new ArrayList<>(days.keySet());
        jdbcTemplate.batchUpdate("INSERT INTO delivery_day (campaign_id, local_day, ow_id, io_id) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", dayKeys, 500, (ps, k) -> {
                    Owner o = owners.get(k.campaignId());
                    ps.setLong(1, k.campaignId());
                    ps.setInt(2, k.localDay());
                    ps.setLong(3, o.owId());
                    ps.setLong(4, o.ioId());
                });
        jdbcTemplate.batchUpdate("UPDATE delivery_day SET " + ADD + " WHERE ow_id = ? AND campaign_id = ? AND local_day = ?",
                dayKeys, 500, (ps, k) -> {
                    int n = setMetrics(ps, days.get(k));
                    ps.setLong(n, owners.get(k.campaignId()).owId());
                    ps.setLong(n + 1, k.campaignId());
                    ps.setInt(n + 2, k.localDay());
                });
        List<Long> campaignIds = new ArrayList<>(campaigns.keySet());
        jdbcTemplate.batchUpdate("INSERT INTO delivery_total (campaign_id, ow_id, io_id) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", campaignIds, 500, (ps, id) -> {
                    Owner o = owners.get(id);
                    ps.setLong(1, id);
                    ps.setLong(2, o.owId());
                    ps.setLong(3, o.ioId());
                });
        jdbcTemplate.batchUpdate("UPDATE delivery_total SET " + ADD + " WHERE ow_id = ? AND campaign_id = ?", campaignIds,
                500, (ps, id) -> {
                    int n = setMetrics(ps, campaigns.get(id));
                    ps.setLong(n, owners.get(id).owId());
                    ps.setLong(n + 1, id);
                });
        List<Long> ioIds = new ArrayList<>(ios.keySet());
        jdbcTemplate.batchUpdate("INSERT INTO delivery_io_total (io_id, ow_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                ioIds, 500, (ps, id) -> {
                    ps.setLong(1, id);
                    ps.setLong(2, owners.get(-id).owId());
                });
        jdbcTemplate.batchUpdate("UPDATE delivery_io_total SET impressions = impressions + ?, "
                + "total_spend_micros = total_spend_micros + ? WHERE ow_id = ? AND io_id = ?", ioIds, 500, (ps, id) -> {
                    ps.setLong(1, ios.get(id).impressions());
                    ps.setLong(2, ios.get(id).totalSpendMicros());
                    ps.setLong(3, owners.get(-id).owId());
                    ps.setLong(4, id);
                });
    }

    private static int setMetrics(java.sql.PreparedStatement ps, Metrics m) throws java.sql.SQLException {
        long[] v = m.values();
        for (int i = 0; i < v.length; i++) {
            ps.setLong(i + 1, v[i]);
        }
        return v.length + 1;
    }

    /** A campaign's delivery, all time, from its rollup; zero when it has none. */
    public Metrics total(long owId, long campaignId) {
        return jdbc.sql("SELECT " + METRIC_COLUMNS + " FROM delivery_total WHERE campaign_id = ? AND ow_id = ?")
                .params(campaignId, owId).query(DeliveryFacts::metrics).optional().orElse(Metrics.ZERO);
    }

    /** The campaigns' delivery, all time, keyed by campaign id; campaigns without delivery are absent. */
    public Map<Long, Metrics> totals(long owId, Collection<Long> campaignIds) {
        if (campaignIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Metrics> out = new TreeMap<>();
        jdbc.sql("SELECT campaign_id, " + METRIC_COLUMNS + " FROM delivery_total WHERE ow_id = :owId "
                + "AND campaign_id IN (:ids)").param("owId", owId).param("ids", campaignIds)
                .query((rs, n) -> out.put(rs.getLong("campaign_id"), metrics(rs, n))).list();
        return out;
    }

    /** An IO's spent budget (dollars) and impressions. */
    public record IoSpend(BigDecimal spent, long impressions) {
    }

    public IoSpend ioTotal(long owId, long ioId) {
        return jdbc.sql("SELECT impressions, total_spend_micros FROM delivery_io_total WHERE io_id = ? AND ow_id = ?")
                .params(ioId, owId)
                .query((rs, n) -> new IoSpend(Metrics.dollars(rs.getLong(2)), rs.getLong(1)))
                .optional().orElse(new IoSpend(BigDecimal.ZERO, 0));
    }

    /** An IO's delivery, all time, as (impressions, total spend in micros). */
    long[] ioTotalMicros(long owId, long ioId) {
        return jdbc.sql("SELECT impressions, total_spend_micros FROM delivery_io_total WHERE io_id = ? AND ow_id = ?")
                .params(ioId, owId).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .optional().orElse(new long[] {0, 0});
    }

    /** The campaigns' delivery on days from {@code fromDay} on, keyed by campaign and day. */
    Map<Long, Map<Integer, Metrics>> daysFrom(long owId, Collection<Long> campaignIds, int fromDay) {
        Map<Long, Map<Integer, Metrics>> out = new TreeMap<>();
        if (campaignIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT campaign_id, local_day, " + METRIC_COLUMNS + " FROM delivery_day WHERE ow_id = :owId "
                + "AND campaign_id IN (:ids) AND local_day >= :day").param("owId", owId).param("ids", campaignIds)
                .param("day", fromDay)
                .query((rs, n) -> out.computeIfAbsent(rs.getLong("campaign_id"), k -> new TreeMap<>())
                        .put(rs.getInt("local_day"), metrics(rs, n)))
                .list();
        return out;
    }

    /** A campaign's delivery on each of the given local days. */
    public Map<Integer, Metrics> days(long owId, long campaignId, int fromDay, int toDay) {
        Map<Integer, Metrics> out = new TreeMap<>();
        jdbc.sql("SELECT local_day, " + METRIC_COLUMNS + " FROM delivery_day WHERE campaign_id = ? AND ow_id = ? "
                + "AND local_day BETWEEN ? AND ?").params(campaignId, owId, fromDay, toDay)
                .query((rs, n) -> out.put(rs.getInt("local_day"), metrics(rs, n))).list();
        return out;
    }

    static Metrics metrics(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long[] v = new long[Metrics.COLUMNS.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = rs.getLong(Metrics.COLUMNS[i]);
        }
        return Metrics.of(v);
    }
}
