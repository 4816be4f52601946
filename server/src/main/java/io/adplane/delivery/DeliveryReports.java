package io.adplane.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Delivery grouped as a report asks (issue 13): from the per-day rollup when the report is by campaign or IO
 * only, from the facts when it breaks delivery down further. Every query is scoped to the organizations given.
 */
@Repository
public class DeliveryReports {

    /** What to group by; each flag adds a key to the groups. */
    public enum By {
        DAY("local_day"), HOUR("hour_start"), CAMPAIGN("campaign_id"), IO("io_id"), CREATIVE("creative_id"), EXCHANGE("exchange_id"),
        DEVICE_TYPE("device_type_id"), COUNTRY("country_id");

        final String column;

        By(String column) {
            this.column = column;
        }

        boolean onlyInFacts() {
            return this == HOUR || this == CREATIVE || this == EXCHANGE || this == DEVICE_TYPE || this == COUNTRY;
        }
    }

    /**
     * A report's query: organizations, days (the campaigns' days, S2, inclusive), the groups, and per group key
     * the values it is limited to (absent: any).
     */
    public record Query(Collection<Long> owIds, int fromDay, int toDay, List<By> by, Map<By, Collection<Long>> only) {
    }

    /** One group: its keys (absent when not grouped by) and its delivery. */
    public record Group(Map<By, Long> keys, Metrics metrics) {
    }

    private static final String METRIC_COLUMNS = String.join(", ", Metrics.COLUMNS);
    private static final String SUMS = String.join(", ",
            Arrays.stream(Metrics.COLUMNS).map(c -> "SUM(" + c + ") AS " + c).toList());
    /** A group with any delivery (every count is zero or more). */
    private static final String NON_ZERO = "(" + String.join(" OR ",
            Arrays.stream(Metrics.COLUMNS).map(c -> c + " <> 0").toList()) + ")";

    private final JdbcClient jdbc;

    DeliveryReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A delivery count a report can be ranked by in SQL: a metric column, summed exactly (money in micros). */
    public enum Measure {
        BID_REQUESTS("bid_requests"), BID_IMPRESSIONS("bid_impressions"), IMPRESSIONS("impressions"), CLICKS("clicks"),
        MEDIA_SPEND("media_spend_micros"), DATA_COST("data_cost_micros"), TOTAL_SPEND("total_spend_micros"),
        VIDEO_START("video_start"), VIDEO_FIRST_QUARTILE("video_first_quartile"), VIDEO_MIDPOINT("video_midpoint"),
        VIDEO_THIRD_QUARTILE("video_third_quartile"), VIDEO_COMPLETE("video_complete"), CONVERSIONS("conversions");

        final String column;

        Measure(String column) {
            this.column = column;
        }
    }

    /**
     * Which groups a ranked query answers: ordered by {@code measure} (then by their keys, in the order of the
     * query's groups, so equal rows keep one order: P1), from {@code offset}, at most {@code limit} (null: all).
     */
    public record Rank(Measure measure, boolean descending, long offset, Integer limit) {
    }

    /** The non-zero groups' count and sum, and the page of them a {@link Rank} asks for. */
    public record Ranked(long count, Metrics total, List<Group> page) {
    }

    /** The groups, in key order (P1). */
    public List<Group> groups(Query q) {
        Map<String, Object> params = new TreeMap<>();
        String grouped = grouped(q, params);
        if (grouped == null) {
            return List.of();
        }
        List<Group> out = new ArrayList<>();
        jdbc.sql(grouped).params(params).query((rs, n) -> out.add(group(q, rs))).list();
        // In key order (P1), so that rows a report sorts as equal keep one order, page after page.
        Comparator<Group> order = null;
        for (By b : q.by()) {
            Comparator<Group> next = Comparator.comparingLong(g -> g.keys().get(b));
            order = order == null ? next : order.thenComparing(next);
        }
        if (order != null) {
            out.sort(order);
        }
        return out;
    }

    /**
     * The groups with any delivery ranked and paged in the database (S17): one statement counts and sums them
     * all, one answers the page; nothing but the page's rows leaves the database.
     */
    public Ranked ranked(Query q, Rank rank) {
        Map<String, Object> params = new TreeMap<>();
        String grouped = grouped(q, params);
        if (grouped == null) {
            return new Ranked(0, Metrics.ZERO, List.of());
        }
        long[] count = new long[1];
        Metrics total = jdbc.sql("SELECT COUNT(*), " + String.join(", ", Arrays.stream(Metrics.COLUMNS)
                .map(c -> "COALESCE(SUM(" + c + "), 0)").toList()) + " FROM (" + grouped + ") g WHERE " + NON_ZERO)
                .params(params).query((rs, n) -> {
                    count[0] = rs.getLong(1);
                    return metrics(rs, 2);
                }).single();
        if (count[0] == 0 || (rank.limit() != null && rank.offset() >= count[0])) {
            return new Ranked(count[0], total, List.of());
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM (").append(grouped).append(") g WHERE ").append(NON_ZERO)
                .append(" ORDER BY ").append(rank.measure().column).append(rank.descending() ? " DESC" : " ASC");
        for (By b : q.by()) {
            sql.append(", ").append(b.column);
        }
        if (rank.limit() != null) {
            sql.append(" LIMIT :limit OFFSET :offset");
            params.put("limit", rank.limit());
            params.put("offset", rank.offset());
        }
        List<Group> page = new ArrayList<>();
        jdbc.sql(sql.toString()).params(params).query((rs, n) -> page.add(group(q, rs))).list();
        return new Ranked(count[0], total, page);
    }

    /**
     * The query of the groups, keys first (in the order of q.by()) then the metrics (Metrics.COLUMNS' order),
     * with its parameters put into {@code params}; null when no row can match.
     */
    private static String grouped(Query q, Map<String, Object> params) {
        if (q.owIds().isEmpty()) {
            return null;
        }
        boolean facts = q.by().stream().anyMatch(By::onlyInFacts) || q.only().keySet().stream().anyMatch(By::onlyInFacts);
        // By campaign and day from the per-day rollup, each row is its own group (its key is the rollup's, and an IO
        // follows from its campaign): the rows are read as they are, with nothing to add up.
        boolean asStored = !facts && q.by().contains(By.DAY) && q.by().contains(By.CAMPAIGN);
        StringBuilder sql = new StringBuilder("SELECT ");
        for (By b : q.by()) {
            sql.append(b.column).append(", ");
        }
        sql.append(asStored ? METRIC_COLUMNS : SUMS).append(" FROM ").append(facts ? "delivery_fact" : "delivery_day")
                .append(" WHERE ow_id IN (:owIds) AND local_day BETWEEN :fromDay AND :toDay");
        params.put("owIds", q.owIds());
        params.put("fromDay", q.fromDay());
        params.put("toDay", q.toDay());
        for (Map.Entry<By, Collection<Long>> e : q.only().entrySet()) {
            if (e.getValue().isEmpty()) {
                return null;
            }
            sql.append(" AND ").append(e.getKey().column).append(" IN (:").append(e.getKey().column).append(")");
            params.put(e.getKey().column, e.getValue());
        }
        if (!q.by().isEmpty() && !asStored) {
            sql.append(" GROUP BY ").append(String.join(", ", q.by().stream().map(b -> b.column).toList()));
        }
        return sql.toString();
    }

    /** A row of {@link #grouped}: its keys by position, then its metrics. */
    private static Group group(Query q, ResultSet rs) throws SQLException {
        Map<By, Long> keys = new EnumMap<>(By.class);
        int width = q.by().size();
        for (int i = 0; i < width; i++) {
            keys.put(q.by().get(i), rs.getLong(i + 1));
        }
        return new Group(keys, metrics(rs, width + 1));
    }

    private static Metrics metrics(ResultSet rs, int first) throws SQLException {
        long[] v = new long[Metrics.COLUMNS.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = rs.getLong(first + i);
        }
        return Metrics.of(v);
    }
}
