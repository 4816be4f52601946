package io.adplane.targeting;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of deals, audiences and inventory groups. Every statement is scoped by {@code ow_id}. */
@Repository
class TargetsRepository {

    private final JdbcClient jdbc;

    TargetsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertDeal(long owId, long uowId, String kind, String dealId, String name, int exchangeId, BigDecimal cpm,
            long now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO deal (ow_id, uow_id, deal_kind, deal_id, deal_name, exchange_id, cpm, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(owId, uowId, kind, dealId, name, exchangeId, cpm, now).update(keys, "id");
        return keys.getKey().longValue();
    }

    long insertAudience(long owId, long uowId, String name, int type, int status, long now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO audience (ow_id, uow_id, audience_name, audience_type_id, status_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""").params(owId, uowId, name, type, status, now).update(keys, "id");
        return keys.getKey().longValue();
    }

    long insertInventoryGroup(long owId, long uowId, String name, int type, long now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO inventory_group (ow_id, uow_id, group_name, group_type_id, created_at)
                VALUES (?, ?, ?, ?, ?)""").params(owId, uowId, name, type, now).update(keys, "id");
        return keys.getKey().longValue();
    }

    long countDeals(long owId, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM deal WHERE ow_id = ? AND deal_kind = ?").params(owId, kind)
                .query(Long.class).single();
    }

    /** {@code table} is one of this class's own table names, never input. */
    long count(String table, long owId) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE ow_id = ?").param(owId).query(Long.class).single();
    }

    List<Targets.Deal> deals(long owId, String kind, int limit, long offset) {
        return jdbc.sql("""
                SELECT id, deal_id, deal_name, exchange_id, cpm, created_at FROM deal WHERE ow_id = ? AND deal_kind = ?
                ORDER BY id DESC LIMIT ? OFFSET ?""").params(owId, kind, limit, offset)
                .query((rs, n) -> new Targets.Deal(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getBigDecimal(5), rs.getLong(6)))
                .list();
    }

    List<Targets.Audience> audiences(long owId, int limit, long offset) {
        return jdbc.sql("""
                SELECT id, audience_name, audience_type_id, status_id, uow_id, created_at FROM audience WHERE ow_id = ?
                ORDER BY id DESC LIMIT ? OFFSET ?""").params(owId, limit, offset)
                .query((rs, n) -> new Targets.Audience(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getLong(5), rs.getLong(6)))
                .list();
    }

    List<Targets.InventoryGroup> inventoryGroups(long owId, int limit, long offset) {
        return jdbc.sql("""
                SELECT id, group_name, group_type_id, created_at FROM inventory_group WHERE ow_id = ?
                ORDER BY id DESC LIMIT ? OFFSET ?""").params(owId, limit, offset)
                .query((rs, n) -> new Targets.InventoryGroup(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4)))
                .list();
    }

    List<Long> existingDeals(long owId, String kind, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM deal WHERE ow_id = :owId AND deal_kind = :kind AND id IN (:ids)")
                .param("owId", owId).param("kind", kind).param("ids", ids).query(Long.class).list();
    }

    /** {@code table} is one of this class's own table names, never input. */
    List<Long> existing(String table, long owId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM " + table + " WHERE ow_id = :owId AND id IN (:ids)")
                .param("owId", owId).param("ids", ids).query(Long.class).list();
    }
}
