package io.adplane.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each campaign's watermark (S5): the next hour the simulator has to decide. An instance takes a range of hours
 * by moving the watermark with a guarded update ({@code WHERE next_hour = <what it read>}) in the transaction
 * that records their facts, so two instances never simulate the same hour. A cursor is open while its campaign
 * may still deliver; a campaign that runs again reopens it.
 */
@Repository
class DeliveryCursors {

    record Cursor(long campaignId, long owId, long ioId, long nextHour) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    DeliveryCursors(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** Opens cursors for running campaigns (id, owId, ioId, first hour): new ones start at their first hour. */
    void open(List<long[]> running) {
        if (running.isEmpty()) {
            return;
        }
        Map<Long, Boolean> known = new HashMap<>();
        // An ingested campaign (S12) counts as open: it is never simulated.
        jdbc.sql("SELECT campaign_id, is_open OR ingested FROM delivery_cursor WHERE ow_id IN (:owIds) AND campaign_id IN (:ids)")
                .param("owIds", running.stream().map(r -> r[1]).distinct().toList())
                .param("ids", running.stream().map(r -> r[0]).toList())
                .query((rs, n) -> known.put(rs.getLong(1), rs.getBoolean(2))).list();
        List<long[]> fresh = new ArrayList<>();
        List<long[]> reopen = new ArrayList<>();
        for (long[] r : running) {
            Boolean open = known.get(r[0]);
            if (open == null) {
                fresh.add(r);
            } else if (!open) {
                reopen.add(r);
            }
        }
        jdbcTemplate.batchUpdate("INSERT INTO delivery_cursor (campaign_id, ow_id, io_id, next_hour, is_open) "
                + "VALUES (?, ?, ?, ?, TRUE) ON CONFLICT DO NOTHING", fresh, 500, (ps, r) -> {
                    ps.setLong(1, r[0]);
                    ps.setLong(2, r[1]);
                    ps.setLong(3, r[2]);
                    ps.setLong(4, r[3]);
                });
        jdbcTemplate.batchUpdate("UPDATE delivery_cursor SET is_open = TRUE WHERE ow_id = ? AND campaign_id = ?", reopen,
                500, (ps, r) -> {
                    ps.setLong(1, r[1]);
                    ps.setLong(2, r[0]);
                });
    }

    /** IOs above {@code afterIo} with an open cursor behind {@code target}, in id order, at most {@code limit}. */
    List<Long> iosDue(long target, long afterIo, int limit) {
        return jdbc.sql("SELECT DISTINCT io_id FROM delivery_cursor WHERE is_open = TRUE AND next_hour < ? "
                + "AND io_id > ? ORDER BY io_id LIMIT ?").params(target, afterIo, limit).query(Long.class).list();
    }

    /**
     * The IO's open cursors behind {@code target}, locked in campaign order (so instances that step the same IO
     * wait for each other rather than deadlock). Call inside the step's transaction.
     */
    List<Cursor> dueOfIo(long ioId, long target) {
        return jdbc.sql("SELECT campaign_id, ow_id, io_id, next_hour FROM delivery_cursor WHERE io_id = ? "
                + "AND is_open = TRUE AND next_hour < ? ORDER BY campaign_id FOR UPDATE").params(ioId, target)
                .query((rs, n) -> new Cursor(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list();
    }

    /**
     * Moves each cursor from its {@code from} hour to {@code to}: one guarded update per chunk of cursors that
     * start at the same hour (S18); false when another instance moved one of them first (the caller's
     * transaction then rolls back, claiming none).
     */
    boolean claim(long owId, Map<Long, Long> fromOf, long to) {
        Map<Long, List<Long>> byHour = new TreeMap<>();
        fromOf.forEach((campaign, from) -> byHour.computeIfAbsent(from, h -> new ArrayList<>()).add(campaign));
        for (Map.Entry<Long, List<Long>> hour : byHour.entrySet()) {
            for (List<Long> chunk : SqlRows.chunks(hour.getValue())) {
                int moved = jdbc.sql("UPDATE delivery_cursor SET next_hour = :to WHERE ow_id = :owId AND next_hour = :from "
                        + "AND is_open = TRUE AND campaign_id IN (:ids)").param("to", to).param("owId", owId)
                        .param("from", hour.getKey()).param("ids", chunk).update();
                if (moved != chunk.size()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Marks campaigns as ingested (S12): their watermarks close for good, so the simulator leaves them alone. */
    void ingested(long owId, Map<Long, Long> ioOfCampaign) {
        List<Map.Entry<Long, Long>> rows = new ArrayList<>(ioOfCampaign.entrySet());
        jdbcTemplate.batchUpdate("INSERT INTO delivery_cursor (campaign_id, ow_id, io_id, next_hour, is_open, ingested) "
                + "VALUES (?, ?, ?, 0, FALSE, TRUE) ON CONFLICT DO NOTHING", rows, 500, (ps, e) -> {
                    ps.setLong(1, e.getKey());
                    ps.setLong(2, owId);
                    ps.setLong(3, e.getValue());
                });
        jdbcTemplate.batchUpdate("UPDATE delivery_cursor SET is_open = FALSE, ingested = TRUE WHERE ow_id = ? AND campaign_id = ?",
                rows, 500, (ps, e) -> {
                    ps.setLong(1, owId);
                    ps.setLong(2, e.getKey());
                });
    }

    /** Closes the watermarks of these campaigns of {@code owId}. */
    void close(long owId, Collection<Long> campaignIds) {
        jdbcTemplate.batchUpdate("UPDATE delivery_cursor SET is_open = FALSE WHERE ow_id = ? AND campaign_id = ?",
                new ArrayList<>(campaignIds), 500, (ps, id) -> {
                    ps.setLong(1, owId);
                    ps.setLong(2, id);
                });
    }
}
