package io.adplane.creative;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of creative groups and the creatives they hold. Every statement is scoped by {@code ow_id}. */
@Repository
class CreativeGroupRepository {

    /** A group that is not deleted. */
    record Group(long creativeGroupId, long owId, String creativeGroupName, int creativeTypeId, long createdAt) {
    }

    /** One row of the group list: the group and how many of its creatives the list counts. */
    record Row(long creativeGroupId, String creativeGroupName, int creativeTypeId, long createdAt, long creativesCount) {
    }

    /** A creative a group can hold: the organization's, not deleted. */
    record Member(long creativeId, String creativeName, int platformCreativeTypeId) {
    }

    private final JdbcClient jdbc;

    CreativeGroupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long owId, long uowId, String name, int creativeTypeId, long now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO creative_group (ow_id, uow_id, creative_group_name, creative_type_id, deleted, created_at,
                    modified_at) VALUES (?, ?, ?, ?, FALSE, ?, ?)""")
                .params(owId, uowId, name, creativeTypeId, now, now).update(keys, "creative_group_id");
        return keys.getKey().longValue();
    }

    /** The organization's groups of {@code ids} that are not deleted, locked, in id order. */
    List<Group> lockAll(long owId, Collection<Long> ids) {
        return jdbc.sql("""
                SELECT creative_group_id, ow_id, creative_group_name, creative_type_id, created_at FROM creative_group
                WHERE ow_id = :owId AND creative_group_id IN (:ids) AND deleted = FALSE
                ORDER BY creative_group_id FOR UPDATE""")
                .param("owId", owId).param("ids", ids)
                .query((rs, n) -> new Group(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getLong(5)))
                .list();
    }

    /** The organization's creatives of {@code ids} that are not deleted. */
    List<Member> creatives(long owId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT creative_id, creative_name, platform_creative_type_id FROM creative
                WHERE ow_id = :owId AND creative_id IN (:ids) AND creative_status_id <> 4 ORDER BY creative_id""")
                .param("owId", owId).param("ids", ids)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), rs.getInt(3))).list();
    }

    /** Adds creatives to a group; those it already holds are left as they are. */
    void add(long owId, long groupId, Collection<Long> creativeIds) {
        List<Long> present = members(owId, groupId, creativeIds);
        for (Long id : creativeIds) {
            if (!present.contains(id)) {
                jdbc.sql("INSERT INTO creative_group_creative (creative_group_id, creative_id, ow_id) VALUES (?, ?, ?)")
                        .params(groupId, id, owId).update();
            }
        }
    }

    /** Which of {@code creativeIds} the group holds. */
    List<Long> members(long owId, long groupId, Collection<Long> creativeIds) {
        if (creativeIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT creative_id FROM creative_group_creative
                WHERE ow_id = :owId AND creative_group_id = :groupId AND creative_id IN (:ids)""")
                .param("owId", owId).param("groupId", groupId).param("ids", creativeIds).query(Long.class).list();
    }

    /** The creatives a group holds that are not deleted, in id order. */
    List<Long> creativesOf(long owId, long groupId) {
        return jdbc.sql("""
                SELECT g.creative_id FROM creative_group_creative g
                JOIN creative c ON c.creative_id = g.creative_id AND c.ow_id = g.ow_id
                WHERE g.ow_id = ? AND g.creative_group_id = ? AND c.creative_status_id <> 4 ORDER BY g.creative_id""")
                .params(owId, groupId).query(Long.class).list();
    }

    void remove(long owId, long groupId, Collection<Long> creativeIds) {
        jdbc.sql("DELETE FROM creative_group_creative WHERE ow_id = :owId AND creative_group_id = :groupId AND creative_id IN (:ids)")
                .param("owId", owId).param("groupId", groupId).param("ids", creativeIds).update();
    }

    /** Soft-deletes groups and empties them. */
    void delete(long owId, Collection<Long> groupIds, long now) {
        jdbc.sql("DELETE FROM creative_group_creative WHERE ow_id = :owId AND creative_group_id IN (:ids)")
                .param("owId", owId).param("ids", groupIds).update();
        jdbc.sql("UPDATE creative_group SET deleted = TRUE, modified_at = :now WHERE ow_id = :owId AND creative_group_id IN (:ids)")
                .param("owId", owId).param("ids", groupIds).param("now", now).update();
    }

    void touch(long owId, long groupId, long now) {
        jdbc.sql("UPDATE creative_group SET modified_at = ? WHERE ow_id = ? AND creative_group_id = ?")
                .params(now, owId, groupId).update();
    }

    /** One page of groups, the counts IQM answers with, and each row's count of creatives in the counted statuses. */
    record Page(List<Row> rows, long totalRecords, long filteredRecords) {
    }

    Page list(String where, Map<String, Object> params, String orderBy, int limit, long offset, Collection<Integer> statuses) {
        long total = jdbc.sql("SELECT COUNT(*) FROM creative_group g WHERE g.ow_id IN (:owIds) AND g.deleted = FALSE")
                .param("owIds", params.get("owIds")).query(Long.class).single();
        long filtered = jdbc.sql("SELECT COUNT(*) FROM creative_group g WHERE " + where).params(params)
                .query(Long.class).single();
        String counted = statuses == null ? "c.creative_status_id <> 4" : "c.creative_status_id IN (:statuses)";
        List<Row> rows = jdbc.sql("SELECT g.creative_group_id, g.creative_group_name, g.creative_type_id, g.created_at, "
                + "(SELECT COUNT(*) FROM creative_group_creative m JOIN creative c ON c.creative_id = m.creative_id "
                + "AND c.ow_id = m.ow_id WHERE m.ow_id = g.ow_id AND m.creative_group_id = g.creative_group_id AND "
                + counted + ") AS creatives_count FROM creative_group g WHERE " + where + " ORDER BY " + orderBy
                + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", limit).param("offset", offset)
                .param("statuses", statuses == null ? List.of(0) : statuses)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getLong(5)))
                .list();
        return new Page(rows, total, filtered);
    }
}
