package io.adplane.delivery;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delivery facts and their rollups (S1): facts are inserted once per natural key (a second copy of a fact
 * is ignored, so replays and two instances can't double count), and exactly the facts that were new are added
 * to the per-day, per-campaign and per-IO rollups in the same transaction, in key order so concurrent writers
 * can't deadlock. Nothing here re-sums facts. Rows are written by multi-row statements in chunks (S18), so an
 * advance over thousands of campaigns costs a few statements per chunk rather than a few per row.
 */
@Repository
public class DeliveryFacts {

    private static final String METRIC_COLUMNS = String.join(", ", Metrics.COLUMNS);
    private static final String FACT_COLUMNS = "campaign_id, hour_start, creative_id, exchange_id, device_type_id, "
            + "country_id, ow_id, io_id, local_day, source, " + METRIC_COLUMNS + ", recorded_at";
    private static final int FACT_WIDTH = 11 + Metrics.COLUMNS.length;

    private static final Rollup DAY = new Rollup("delivery_day", new String[] {"ow_id", "campaign_id", "local_day"},
            new String[] {"io_id"}, Metrics.COLUMNS);
    private static final Rollup CAMPAIGN = new Rollup("delivery_total", new String[] {"ow_id", "campaign_id"},
            new String[] {"io_id"}, Metrics.COLUMNS);
    private static final Rollup IO = new Rollup("delivery_io_total", new String[] {"ow_id", "io_id"}, new String[0],
            new String[] {"impressions", "total_spend_micros"});

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    DeliveryFacts(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    /** Records the facts that are not yet recorded; the ones that were new. Call inside a transaction. */
    public List<Fact> record(List<Fact> facts, String source, long now) {
        List<Fact> fresh = new ArrayList<>();
        for (List<Fact> chunk : SqlRows.chunks(facts)) {
            fresh.addAll(insert(chunk, source, now));
        }
        roll(fresh);
        return fresh;
    }

    /**
     * Inserts one chunk of facts in one statement (S18); when some of them were recorded before, the chunk is
     * undone to a savepoint and inserted one fact at a time, which tells the new ones apart.
     */
    private List<Fact> insert(List<Fact> chunk, String source, long now) {
        String sql = "INSERT INTO delivery_fact (" + FACT_COLUMNS + ") VALUES ";
        return jdbcTemplate.execute((ConnectionCallback<List<Fact>>) con -> {
            Savepoint before = con.setSavepoint();
            try (PreparedStatement ps = con.prepareStatement(sql + SqlRows.values(chunk.size(), FACT_WIDTH)
                    + " ON CONFLICT DO NOTHING")) {
                int at = 1;
                for (Fact f : chunk) {
                    at = bind(ps, at, f, source, now);
                }
                if (ps.executeUpdate() == chunk.size()) {
                    con.releaseSavepoint(before);
                    return chunk;
                }
            }
            con.rollback(before);
            List<Fact> fresh = new ArrayList<>();
            try (PreparedStatement ps = con.prepareStatement(sql + SqlRows.values(1, FACT_WIDTH) + " ON CONFLICT DO NOTHING")) {
                for (Fact f : chunk) {
                    bind(ps, 1, f, source, now);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] != 0) {
                        fresh.add(chunk.get(i));
                    }
                }
            }
            return fresh;
        });
    }

    private static int bind(PreparedStatement ps, int at, Fact f, String source, long now) throws SQLException {
        ps.setLong(at++, f.campaignId());
        ps.setLong(at++, f.hourStart());
        ps.setLong(at++, f.creativeId());
        ps.setLong(at++, f.exchangeId());
        ps.setLong(at++, f.deviceTypeId());
        ps.setLong(at++, f.countryId());
        ps.setLong(at++, f.owId());
        ps.setLong(at++, f.ioId());
        ps.setInt(at++, f.localDay());
        ps.setString(at++, source);
        for (long v : f.metrics().values()) {
            ps.setLong(at++, v);
        }
        ps.setLong(at++, now);
        return at;
    }

    /**
     * A rollup table: the columns that name a row, the columns a new row also gets, and the metrics it adds up.
     * A row is added to in two statements per chunk (S18): its key is inserted unless it is there, then a
     * {@code MERGE} adds the metrics to the rows it matches.
     */
    private record Rollup(String table, String[] keys, String[] owners, String[] metrics) {

        String insertKeys(int rows) {
            return "INSERT INTO " + table + " (" + String.join(", ", keys) + (owners.length == 0 ? "" : ", ")
                    + String.join(", ", owners) + ") VALUES " + SqlRows.values(rows, keys.length + owners.length)
                    + " ON CONFLICT DO NOTHING";
        }

        String merge(int rows) {
            return "MERGE INTO " + table + " t USING (VALUES " + SqlRows.values(rows, keys.length + metrics.length)
                    + ") AS s (" + String.join(", ", keys) + ", " + String.join(", ", metrics) + ") ON "
                    + Arrays.stream(keys).map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" AND "))
                    + " WHEN MATCHED THEN UPDATE SET "
                    + Arrays.stream(metrics).map(m -> m + " = t." + m + " + s." + m).collect(Collectors.joining(", "));
        }
    }

    /** One row of a rollup: its key and owner values (as the rollup names them) and what it adds. */
    private record Row(long[] key, long[] owners, long[] metrics) {
    }

    private record DayKey(long campaignId, int localDay) implements Comparable<DayKey> {
        @Override
        public int compareTo(DayKey o) {
            int c = Long.compare(campaignId, o.campaignId);
            return c != 0 ? c : Integer.compare(localDay, o.localDay);
        }
    }

    /**
     * Adds the new facts to the rollups, in key order. A campaign's rows have one writer at a time (its watermark,
     * or for ingestion its cursor row, is locked first), so their chunks can't deadlock; an IO's row is shared by
     * writers of different campaigns, so it is added to one row per statement, in IO order.
     */
    private void roll(List<Fact> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        Map<DayKey, Metrics> days = new TreeMap<>();
        Map<Long, Metrics> campaigns = new TreeMap<>();
        Map<Long, Metrics> ios = new TreeMap<>();
        Map<Long, Fact> ofCampaign = new TreeMap<>();
        for (Fact f : fresh) {
            days.merge(new DayKey(f.campaignId(), f.localDay()), f.metrics(), Metrics::plus);
            campaigns.merge(f.campaignId(), f.metrics(), Metrics::plus);
            ios.merge(f.ioId(), f.metrics(), Metrics::plus);
            ofCampaign.putIfAbsent(f.campaignId(), f);
        }
        add(DAY, days.entrySet().stream().map(e -> {
            Fact f = ofCampaign.get(e.getKey().campaignId());
            return new Row(new long[] {f.owId(), f.campaignId(), e.getKey().localDay()}, new long[] {f.ioId()},
                    e.getValue().values());
        }).toList());
        add(CAMPAIGN, campaigns.entrySet().stream().map(e -> {
            Fact f = ofCampaign.get(e.getKey());
            return new Row(new long[] {f.owId(), f.campaignId()}, new long[] {f.ioId()}, e.getValue().values());
        }).toList());
        // An IO and its campaigns are of one organization.
        Map<Long, Long> ownerOfIo = new TreeMap<>();
        ofCampaign.values().forEach(f -> ownerOfIo.putIfAbsent(f.ioId(), f.owId()));
        ios.forEach((io, m) -> add(IO, List.of(new Row(new long[] {ownerOfIo.get(io), io}, new long[0],
                new long[] {m.impressions(), m.totalSpendMicros()}))));
    }

    private void add(Rollup rollup, List<Row> rows) {
        for (List<Row> chunk : SqlRows.chunks(rows)) {
            jdbcTemplate.update(rollup.insertKeys(chunk.size()), ps -> {
                int at = 1;
                for (Row r : chunk) {
                    at = set(ps, at, r.key());
                    at = set(ps, at, r.owners());
                }
            });
            jdbcTemplate.update(rollup.merge(chunk.size()), ps -> {
                int at = 1;
                for (Row r : chunk) {
                    at = set(ps, at, r.key());
                    at = set(ps, at, r.metrics());
                }
            });
        }
    }

    private static int set(PreparedStatement ps, int at, long[] values) throws SQLException {
        for (long v : values) {
            ps.setLong(at++, v);
        }
        return at;
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
