package io.adplane.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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
            java.util.Arrays.stream(Metrics.COLUMNS).map(c -> "SUM(" + c + ") AS " + c).toList());

    private final JdbcClient jdbc;

    DeliveryReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Group> groups(Query q) {
        if (q.owIds().isEmpty()) {
            return List.of();
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
        Map<String, Object> params = new TreeMap<>();
        params.put("owIds", q.owIds());
        params.put("fromDay", q.fromDay());
        params.put("toDay", q.toDay());
        for (Map.Entry<By, Collection<Long>> e : q.only().entrySet()) {
            if (e.getValue().isEmpty()) {
                return List.of();
            }
            sql.append(" AND ").append(e.getKey().column).append(" IN (:").append(e.getKey().column).append(")");
            params.put(e.getKey().column, e.getValue());
        }
        if (!q.by().isEmpty() && !asStored) {
            sql.append(" GROUP BY ").append(String.join(", ", q.by().stream().map(b -> b.column).toList()));
        }
        List<Group> out = new ArrayList<>();
        int width = q.by().size();
        jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            // Columns by position: the keys in the order of q.by(), then the metrics in Metrics.COLUMNS' order.
            Map<By, Long> keys = new java.util.EnumMap<>(By.class);
            for (int i = 0; i < width; i++) {
                keys.put(q.by().get(i), rs.getLong(i + 1));
            }
            long[] v = new long[Metrics.COLUMNS.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = rs.getLong(width + 1 + i);
            }
            return out.add(new Group(keys, Metrics.of(v)));
        }).list();
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
}
