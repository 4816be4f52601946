package io.adplane.creative;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of creatives and their files. Every statement is scoped by {@code ow_id}. */
@Repository
class CreativeRepository {

    static final String COLUMNS = "c.creative_id, c.ow_id, c.uow_id, c.creative_name, c.platform_creative_type_id, "
            + "c.creative_source_type, c.creative_source, c.click_url, c.external_creative_id, c.details, "
            + "c.creative_status_id, c.rejection_reason, c.remarks, c.file_name, c.file_type, c.file_size, "
            + "c.created_at, c.modified_at, c.file_sha256";

    private final JdbcClient jdbc;

    CreativeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts a creative; its file, if any, is stored by {@link CreativeBlobs} and named by {@code fileSha256}. With
     * a {@code creativeId} above 0 (a fixture's, E7) under that id, else under a new one.
     */
    long insert(Creative c) {
        boolean fixed = c.creativeId() > 0;
        List<Object> params = new java.util.ArrayList<>();
        if (fixed) {
            params.add(c.creativeId());
        }
        params.addAll(java.util.Arrays.asList(c.owId(), c.uowId(), c.creativeName(), c.platformCreativeTypeId(),
                c.creativeSourceType(), c.creativeSource(), c.clickUrl(), c.externalCreativeId(), c.details(),
                c.creativeStatusId(), c.fileName(), c.fileType(), c.fileSize(), c.createdAt(), c.modifiedAt(),
                c.fileSha256()));
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO creative (" + (fixed ? "creative_id, " : "") + """
                ow_id, uow_id, creative_name, platform_creative_type_id, creative_source_type,
                    creative_source, click_url, external_creative_id, details, creative_status_id, file_name, file_type,
                    file_size, created_at, modified_at, file_sha256)
                VALUES (""" + (fixed ? "?, " : "") + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(params)
                .update(keys, "creative_id");
        return keys.getKey().longValue();
    }

    /** A creative of the organization that is not deleted, with its owner's names. */
    record View(Creative creative, String userEmail, String userFirstName, String userLastName, String organizationName) {
    }

    Optional<View> view(long owId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + """
                , u.email, u.first_name, u.last_name, o.name AS org_name
                FROM creative c JOIN membership m ON m.uow_id = c.uow_id JOIN app_user u ON u.id = m.user_id
                JOIN organization o ON o.ow_id = c.ow_id
                WHERE c.creative_id = ? AND c.ow_id = ? AND c.creative_status_id <> 4""")
                .params(id, owId)
                .query((rs, n) -> new View(creative(rs), rs.getString("email"), rs.getString("first_name"),
                        rs.getString("last_name"), rs.getString("org_name")))
                .optional();
    }

    List<Creative> lockAll(long owId, Collection<Long> ids) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM creative c WHERE c.ow_id = :owId AND c.creative_id IN (:ids) ORDER BY c.creative_id FOR UPDATE")
                .param("owId", owId).param("ids", ids).query((rs, n) -> creative(rs)).list();
    }

    Optional<Creative> lock(long owId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM creative c WHERE c.ow_id = ? AND c.creative_id = ? FOR UPDATE")
                .params(owId, id).query((rs, n) -> creative(rs)).optional();
    }

    /** Writes the fields edits and status moves change. */
    void update(Creative c) {
        jdbc.sql("""
                UPDATE creative SET creative_name = ?, click_url = ?, external_creative_id = ?, creative_status_id = ?,
                    rejection_reason = ?, remarks = ?, creative_source = ?, details = ?, modified_at = ?
                WHERE creative_id = ? AND ow_id = ?""")
                .params(c.creativeName(), c.clickUrl(), c.externalCreativeId(), c.creativeStatusId(),
                        c.rejectionReason(), c.remarks(), c.creativeSource(), c.details(), c.modifiedAt(),
                        c.creativeId(), c.owId())
                .update();
    }

    /** Who owns creatives: a user's names by membership. */
    record Owner(String email, String firstName, String lastName) {
    }

    /** The owners of these memberships, in one query (a list page's worth). */
    Map<Long, Owner> owners(Collection<Long> uowIds) {
        Map<Long, Owner> owners = new java.util.HashMap<>();
        if (!uowIds.isEmpty()) {
            jdbc.sql("SELECT m.uow_id, u.email, u.first_name, u.last_name FROM membership m JOIN app_user u ON u.id = m.user_id "
                    + "WHERE m.uow_id IN (:ids)").param("ids", uowIds)
                    .query(rs -> {
                        owners.put(rs.getLong(1), new Owner(rs.getString(2), rs.getString(3), rs.getString(4)));
                    });
        }
        return owners;
    }

    /** The names of these organizations, in one query. */
    Map<Long, String> organizationNames(Collection<Long> owIds) {
        Map<Long, String> names = new java.util.HashMap<>();
        if (!owIds.isEmpty()) {
            jdbc.sql("SELECT ow_id, name FROM organization WHERE ow_id IN (:ids)").param("ids", owIds)
                    .query(rs -> {
                        names.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return names;
    }

    /** One page of creatives and the counts IQM answers with. */
    record Page(List<Creative> rows, long totalRecords, long filteredRecords) {
    }

    Page list(String where, Map<String, Object> params, String orderBy, int limit, long offset) {
        long total = jdbc.sql("SELECT COUNT(*) FROM creative c WHERE c.ow_id IN (:owIds) AND c.creative_status_id <> 4")
                .param("owIds", params.get("owIds")).query(Long.class).single();
        long filtered = jdbc.sql("SELECT COUNT(*) FROM creative c WHERE " + where).params(params).query(Long.class).single();
        List<Creative> rows = jdbc.sql("SELECT " + COLUMNS + " FROM creative c WHERE " + where + " ORDER BY "
                + orderBy + " LIMIT :limit OFFSET :offset").params(params)
                .param("limit", limit).param("offset", offset).query((rs, n) -> creative(rs)).list();
        return new Page(rows, total, filtered);
    }

    /** A creative with its file's bytes (null without a file). */
    record WithFile(Creative creative, byte[] file) {
    }

    /**
     * Every creative of the database, by id, with its file's bytes (one statement), for the emulator's export (E7)
     * only: an operator's command whose cost grows with the database; the API never reads this.
     */
    List<WithFile> everyCreative() {
        return jdbc.sql("SELECT " + COLUMNS + ", b.content FROM creative c LEFT JOIN creative_blob b"
                + " ON b.ow_id = c.ow_id AND b.sha256 = c.file_sha256 ORDER BY c.creative_id")
                .query((rs, n) -> new WithFile(creative(rs), rs.getBytes("content"))).list();
    }

    /** The organization of the creative with this id, whichever it is. */
    Optional<Long> ownerOf(long id) {
        return jdbc.sql("SELECT ow_id FROM creative WHERE creative_id = ?").param(id).query(Long.class).optional();
    }

    private static Creative creative(ResultSet rs) throws SQLException {
        return new Creative(rs.getLong("creative_id"), rs.getLong("ow_id"), rs.getLong("uow_id"),
                rs.getString("creative_name"), rs.getInt("platform_creative_type_id"),
                rs.getString("creative_source_type"), rs.getString("creative_source"), rs.getString("click_url"),
                rs.getString("external_creative_id"), rs.getString("details"), rs.getInt("creative_status_id"),
                rs.getString("rejection_reason"), rs.getString("remarks"), rs.getString("file_name"),
                rs.getString("file_type"), rs.getObject("file_size", Long.class), rs.getLong("created_at"),
                rs.getLong("modified_at"), rs.getString("file_sha256"));
    }
}
