package io.adplane.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code adplane admin check-consistency}: recounts, with full scans, every aggregate the write paths keep
 * incrementally, and lists where the stored figure differs from the recount. The aggregates: each IO's
 * allocated budget, impressions and campaigns (sums and count over its campaigns that are not deleted), an auto-sum IO's total
 * budget (that same sum, D12), each organization's campaign counts by stored status ({@code campaign_count}),
 * and each campaign's stored end ({@code expires_at}: its own end, else its IO's). For operators only: the API
 * never runs it, since its cost grows with the database. All statements read one snapshot (repeatable read),
 * so writes that land while it runs can't show as differences.
 */
public final class ConsistencyCheck {

    /** At most this many differences are listed; {@link Report#differenceCount} counts them all. */
    static final int MAX_LISTED = 1000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;

    public ConsistencyCheck(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /**
     * One stored figure that differs from its recount: {@code aggregate} names it ({@code io.allocatedBudget},
     * {@code io.allocatedImpressions}, {@code io.allocatedCampaigns}, {@code io.totalBudget}, {@code campaign.count},
     * {@code campaign.expiresAt}),
     * {@code key} the row (an IO id, a status, a campaign id).
     */
    @JsonPropertyOrder({"aggregate", "owId", "key", "stored", "recounted"})
    public record Difference(String aggregate, long owId, String key, String stored, String recounted) {
    }

    /** What was recounted and what differs. */
    @JsonPropertyOrder({"consistent", "insertionOrders", "campaigns", "differenceCount", "differences"})
    public record Report(boolean consistent, long insertionOrders, long campaigns, long differenceCount,
            List<Difference> differences) {
    }

    /** Recounts the organizations {@code owIds} name, or every organization when it is empty. */
    public Report run(Collection<Long> owIds) {
        return snapshot.execute(status -> check(List.copyOf(owIds)));
    }

    private Report check(List<Long> owIds) {
        Differences found = new Differences();
        long ios = checkInsertionOrders(owIds, found);
        long campaigns = checkCounts(owIds, found);
        checkExpiry(owIds, found);
        return new Report(found.count == 0, ios, campaigns, found.count, found.listed);
    }

    private static final class Differences {
        final List<Difference> listed = new ArrayList<>();
        long count;

        void add(String aggregate, long owId, Object key, Object stored, Object recounted) {
            count++;
            if (listed.size() < MAX_LISTED) {
                listed.add(new Difference(aggregate, owId, String.valueOf(key), Objects.toString(stored, null),
                        Objects.toString(recounted, null)));
            }
        }
    }

    private JdbcClient.StatementSpec scoped(String sql, String column, List<Long> owIds, String joiner) {
        if (owIds.isEmpty()) {
            return jdbc.sql(sql.replace("/*scope*/", ""));
        }
        return jdbc.sql(sql.replace("/*scope*/", " " + joiner + " " + column + " IN (:owIds)")).param("owIds", owIds);
    }

    /** IO allocations and auto-sum totals against the sums over their campaigns. */
    private long checkInsertionOrders(List<Long> owIds, Differences found) {
        Map<Long, BigDecimal> budgets = new HashMap<>();
        Map<Long, Long> campaigns = new HashMap<>();
        scoped("SELECT io_id, SUM(budget_total), COUNT(*) FROM campaign WHERE status <> 'deleted' /*scope*/ GROUP BY io_id",
                "ow_id", owIds, "AND")
                .query(rs -> {
                    budgets.put(rs.getLong(1), rs.getBigDecimal(2));
                    campaigns.put(rs.getLong(1), rs.getLong(3));
                });
        // Impressions are a setting (JSON text); only rows that name it are read and parsed.
        Map<Long, Long> impressions = new HashMap<>();
        scoped("SELECT io_id, settings FROM campaign WHERE status <> 'deleted' AND settings LIKE '%totalImpressions%'"
                + " /*scope*/", "ow_id", owIds, "AND")
                .query(rs -> {
                    JsonNode v = JSON.readTree(rs.getString(2)).get("totalImpressions");
                    if (v != null && v.canConvertToLong()) {
                        impressions.merge(rs.getLong(1), v.longValue(), Long::sum);
                    }
                });
        long[] n = {0};
        scoped("""
                SELECT ow_id, io_id, allocated_budget, allocated_impressions, io_total_budget,
                    is_auto_sum_io_total_budget, io_budget_type_id, allocated_campaigns FROM insertion_order /*scope*/""",
                "ow_id", owIds, "WHERE")
                .query(rs -> {
                    n[0]++;
                    long owId = rs.getLong(1);
                    long ioId = rs.getLong(2);
                    BigDecimal sum = budgets.getOrDefault(ioId, BigDecimal.ZERO);
                    if (sum == null) {
                        sum = BigDecimal.ZERO;
                    }
                    BigDecimal allocated = rs.getBigDecimal(3);
                    if (allocated.compareTo(sum) != 0) {
                        found.add("io.allocatedBudget", owId, ioId, allocated.toPlainString(), sum.toPlainString());
                    }
                    long counted = impressions.getOrDefault(ioId, 0L);
                    if (rs.getLong(4) != counted) {
                        found.add("io.allocatedImpressions", owId, ioId, rs.getLong(4), counted);
                    }
                    long campaignCount = campaigns.getOrDefault(ioId, 0L);
                    if (rs.getLong(8) != campaignCount) {
                        found.add("io.allocatedCampaigns", owId, ioId, rs.getLong(8), campaignCount);
                    }
                    BigDecimal total = rs.getBigDecimal(5);
                    // An auto-sum, budget-based IO's total is its campaigns' sum (D12).
                    if (rs.getBoolean(6) && rs.getInt(7) == 1 && (total == null || total.compareTo(sum) != 0)) {
                        found.add("io.totalBudget", owId, ioId, total == null ? null : total.toPlainString(),
                                sum.toPlainString());
                    }
                });
        return n[0];
    }

    /** The per-organization counts by stored status against a count of the rows; the number of campaigns. */
    private long checkCounts(List<Long> owIds, Differences found) {
        Map<List<Object>, Long> stored = new HashMap<>();
        scoped("SELECT ow_id, status, SUM(n) FROM campaign_count /*scope*/ GROUP BY ow_id, status", "ow_id", owIds,
                "WHERE")
                .query(rs -> {
                    stored.put(List.of(rs.getLong(1), rs.getString(2)), rs.getLong(3));
                });
        Map<List<Object>, Long> counted = new HashMap<>();
        scoped("SELECT ow_id, status, COUNT(*) FROM campaign /*scope*/ GROUP BY ow_id, status", "ow_id", owIds, "WHERE")
                .query(rs -> {
                    counted.put(List.of(rs.getLong(1), rs.getString(2)), rs.getLong(3));
                });
        TreeSet<List<Object>> keys = new TreeSet<>((a, b) -> {
            int c = Long.compare((Long) a.get(0), (Long) b.get(0));
            return c != 0 ? c : ((String) a.get(1)).compareTo((String) b.get(1));
        });
        keys.addAll(stored.keySet());
        keys.addAll(counted.keySet());
        for (List<Object> key : keys) {
            long s = stored.getOrDefault(key, 0L);
            long c = counted.getOrDefault(key, 0L);
            if (s != c) {
                found.add("campaign.count", (Long) key.get(0), key.get(1), s, c);
            }
        }
        return counted.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Each campaign's stored end against its own end, else its IO's (in seconds). */
    private void checkExpiry(List<Long> owIds, Differences found) {
        scoped("""
                SELECT c.ow_id, c.id, c.expires_at, COALESCE(c.end_time, i.io_end_time / 1000) AS recounted
                FROM campaign c JOIN insertion_order i ON i.io_id = c.io_id AND i.ow_id = c.ow_id
                WHERE c.expires_at IS DISTINCT FROM COALESCE(c.end_time, i.io_end_time / 1000) /*scope*/
                ORDER BY c.id""", "c.ow_id", owIds, "AND")
                .query(rs -> {
                    found.add("campaign.expiresAt", rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class),
                            rs.getObject(4, Long.class));
                });
    }
}
