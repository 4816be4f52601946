package io.adplane.insertionorder;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of insertion orders. Every statement is scoped by {@code ow_id}. */
@Repository
class InsertionOrderRepository {

    static final String COLUMNS = "io_id, ow_id, io_name, io_start_time, io_end_time, io_total_budget, "
            + "io_total_impressions, io_time_zone_id, is_auto_sum_io_total_budget, io_budget_distribution_method_id, "
            + "io_budget_type_id, io_status_id, created_by_uow_id, modified_by_uow_id, created_at, modified_at, "
            + "allocated_budget, allocated_impressions";

    private final JdbcClient jdbc;

    InsertionOrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts an IO; with an {@code ioId} above 0 (a fixture's, E7) under that id, else under a new one. */
    long insert(InsertionOrder io) {
        boolean fixed = io.ioId() > 0;
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO insertion_order (" + (fixed ? "io_id, " : "") + """
                ow_id, io_name, io_start_time, io_end_time, io_total_budget,
                    io_total_impressions, io_time_zone_id, is_auto_sum_io_total_budget, io_budget_distribution_method_id,
                    io_budget_type_id, io_status_id, created_by_uow_id, modified_by_uow_id, created_at, modified_at)
                VALUES (""" + (fixed ? "?, " : "") + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(fixedFirst(fixed ? io.ioId() : null, io.owId(), io.ioName(), io.ioStartTime(), io.ioEndTime(),
                        io.ioTotalBudget(), io.ioTotalImpressions(), io.ioTimeZoneId(), io.isAutoSumIoTotalBudget(),
                        io.ioBudgetDistributionMethodId(), io.ioBudgetTypeId(), io.ioStatusId(), io.createdByUowId(),
                        io.modifiedByUowId(), io.createdAt(), io.modifiedAt()))
                .update(keys, "io_id");
        return keys.getKey().longValue();
    }

    /** The parameters, after the fixed id when there is one. */
    private static List<Object> fixedFirst(Long id, Object... values) {
        List<Object> all = new java.util.ArrayList<>();
        if (id != null) {
            all.add(id);
        }
        all.addAll(java.util.Arrays.asList(values));
        return all;
    }

    /**
     * Every IO of the database, by id, for the emulator's export (E7) only: an operator's command whose cost grows
     * with the database, as the consistency check's; the API never reads this.
     */
    List<InsertionOrder> everyIo() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM insertion_order ORDER BY io_id").query(InsertionOrderRepository::io)
                .list();
    }

    /** The organization of the IO with this id, whichever it is. */
    Optional<Long> ownerOf(long ioId) {
        return jdbc.sql("SELECT ow_id FROM insertion_order WHERE io_id = ?").param(ioId).query(Long.class).optional();
    }

    /** How many campaigns of the IO are not deleted (kept with the allocation). */
    long allocatedCampaigns(long owId, long ioId) {
        return jdbc.sql("SELECT allocated_campaigns FROM insertion_order WHERE io_id = ? AND ow_id = ?")
                .params(ioId, owId).query(Long.class).optional().orElse(0L);
    }

    /** Writes the editable fields; the allocation is only ever changed by {@link #addAllocation}. */
    void update(InsertionOrder io) {
        jdbc.sql("""
                UPDATE insertion_order SET io_name = ?, io_start_time = ?, io_end_time = ?, io_total_budget = ?,
                    io_total_impressions = ?, io_time_zone_id = ?, is_auto_sum_io_total_budget = ?,
                    io_budget_distribution_method_id = ?, io_status_id = ?, modified_by_uow_id = ?, modified_at = ?
                WHERE io_id = ? AND ow_id = ?""")
                .params(io.ioName(), io.ioStartTime(), io.ioEndTime(), io.ioTotalBudget(), io.ioTotalImpressions(),
                        io.ioTimeZoneId(), io.isAutoSumIoTotalBudget(), io.ioBudgetDistributionMethodId(),
                        io.ioStatusId(), io.modifiedByUowId(), io.modifiedAt(), io.ioId(), io.owId())
                .update();
    }

    /**
     * Adds a campaign write's difference to the IO's allocation, and to its total when it sums its campaigns
     * (D12), and its count of campaigns: one statement, O(1) whatever the IO's size. False when the allocation
     * would pass {@code max}.
     */
    boolean addAllocation(long owId, long ioId, BigDecimal budget, long impressions, int campaigns, BigDecimal max) {
        return jdbc.sql("""
                UPDATE insertion_order SET allocated_budget = allocated_budget + :budget,
                    allocated_impressions = allocated_impressions + :impressions,
                    allocated_campaigns = allocated_campaigns + :campaigns,
                    io_total_budget = CASE WHEN is_auto_sum_io_total_budget AND io_budget_type_id = 1
                                           THEN allocated_budget + :budget ELSE io_total_budget END
                WHERE io_id = :ioId AND ow_id = :owId AND allocated_budget + :budget <= :max""")
                .param("budget", budget).param("impressions", impressions).param("campaigns", campaigns)
                .param("ioId", ioId).param("owId", owId)
                .param("max", max).update() == 1;
    }

    /** An IO of the organization, deleted ones only when {@code withDeleted}; {@code lock} takes its row lock. */
    Optional<InsertionOrder> find(long owId, long ioId, boolean lock, boolean withDeleted) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM insertion_order WHERE io_id = ? AND ow_id = ?"
                + (withDeleted ? "" : " AND io_status_id <> 3") + (lock ? " FOR UPDATE" : ""))
                .params(ioId, owId).query(InsertionOrderRepository::io).optional();
    }

    /** The non-deleted IOs of {@code ioIds} that belong to the organization, locked, in id order. */
    List<InsertionOrder> lockAll(long owId, Collection<Long> ioIds) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM insertion_order WHERE ow_id = :owId AND io_id IN (:ids) "
                + "AND io_status_id <> 3 ORDER BY io_id FOR UPDATE")
                .param("owId", owId).param("ids", ioIds).query(InsertionOrderRepository::io).list();
    }

    IoPage list(String where, Map<String, Object> params, String orderBy, int limit, long offset) {
        long total = jdbc.sql("SELECT COUNT(*) FROM insertion_order WHERE ow_id IN (:owIds) AND io_status_id <> 3")
                .param("owIds", params.get("owIds")).query(Long.class).single();
        long filtered = jdbc.sql("SELECT COUNT(*) FROM insertion_order WHERE " + where).params(params)
                .query(Long.class).single();
        List<InsertionOrder> rows = jdbc.sql("SELECT " + COLUMNS + " FROM insertion_order WHERE " + where
                + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset").params(params)
                .param("limit", limit).param("offset", offset)
                .query(InsertionOrderRepository::io).list();
        return new IoPage(rows, total, filtered);
    }

    /** Active IOs whose end has passed (D17), as (owId, ioId) pairs, for the expiry job. */
    List<long[]> dueForExpiry(long nowMillis, int limit) {
        return jdbc.sql("SELECT ow_id, io_id FROM insertion_order WHERE io_status_id = 1 AND io_end_time <= ? "
                        + "ORDER BY io_id LIMIT ?")
                .params(nowMillis, limit).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    /** An IO from a row of {@link #COLUMNS}, read by position in that order (no name lookups per result set). */
    private static InsertionOrder io(ResultSet rs, int n) throws SQLException {
        return new InsertionOrder(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getObject(5, Long.class),
                rs.getBigDecimal(6), rs.getObject(7, Long.class), rs.getInt(8), rs.getBoolean(9), rs.getInt(10),
                rs.getInt(11), rs.getInt(12), rs.getLong(13), rs.getLong(14), rs.getLong(15), rs.getLong(16),
                rs.getBigDecimal(17), rs.getLong(18));
    }
}
