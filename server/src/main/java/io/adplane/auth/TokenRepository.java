package io.adplane.auth;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.adplane.tenancy.Role;

/** The SQL of login sessions (token families) and their access and refresh tokens; tokens only as SHA-256. */
@Repository
class TokenRepository {

    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertSession(long userId, long workspaceId, String clientId, long owId, long now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO auth_session (user_id, workspace_id, client_id, ow_id, created_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(userId, workspaceId, clientId, owId, now).update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertAccessToken(String hash, long sessionId, long expiresAt) {
        jdbc.sql("INSERT INTO access_token (token_hash, session_id, expires_at) VALUES (?, ?, ?)")
                .params(hash, sessionId, expiresAt).update();
    }

    void insertRefreshToken(String hash, long sessionId, long expiresAt) {
        jdbc.sql("INSERT INTO refresh_token (token_hash, session_id, expires_at) VALUES (?, ?, ?)")
                .params(hash, sessionId, expiresAt).update();
    }

    /** A refresh token with what its use must check. */
    record RefreshRow(long sessionId, long expiresAt, Long usedAt, String clientId, Long revokedAt, long userId,
            long owId, long workspaceId, boolean userDisabled) {
    }

    Optional<RefreshRow> refreshToken(String hash) {
        return jdbc.sql("""
                SELECT r.session_id, r.expires_at, r.used_at, s.client_id, s.revoked_at, s.user_id, s.ow_id,
                       s.workspace_id, u.disabled
                FROM refresh_token r
                JOIN auth_session s ON s.id = r.session_id
                JOIN app_user u ON u.id = s.user_id
                WHERE r.token_hash = ?""")
                .param(hash)
                .query((rs, n) -> new RefreshRow(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class),
                        rs.getString(4), rs.getObject(5, Long.class), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                        rs.getBoolean(9)))
                .optional();
    }

    /** Marks a refresh token used; false when it already was (a replay). Atomic under concurrency. */
    boolean markUsed(String hash, long now) {
        return jdbc.sql("UPDATE refresh_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
                .params(now, hash).update() == 1;
    }

    /** The successor of a just-rotated refresh token, sealed (see {@link SealedTokens}). */
    record Grace(String sealed, long rotatedAt) {
    }

    void insertGrace(String rotatedHash, long sessionId, String sealed, long now) {
        jdbc.sql("INSERT INTO refresh_grace (token_hash, session_id, sealed, rotated_at) VALUES (?, ?, ?, ?)")
                .params(rotatedHash, sessionId, sealed, now).update();
    }

    Optional<Grace> grace(String rotatedHash) {
        return jdbc.sql("SELECT sealed, rotated_at FROM refresh_grace WHERE token_hash = ?").param(rotatedHash)
                .query((rs, n) -> new Grace(rs.getString(1), rs.getLong(2))).optional();
    }

    /** Ends the grace of the family's earlier rotations: once a successor is used, its predecessor is spent. */
    void endGrace(long sessionId) {
        jdbc.sql("DELETE FROM refresh_grace WHERE session_id = ?").param(sessionId).update();
    }

    int purgeGrace(long rotatedBefore) {
        return jdbc.sql("DELETE FROM refresh_grace WHERE rotated_at < ?").param(rotatedBefore).update();
    }

    void revokeSession(long sessionId, String reason, long now) {
        jdbc.sql("UPDATE auth_session SET revoked_at = ?, revoke_reason = ? WHERE id = ? AND revoked_at IS NULL")
                .params(now, reason, sessionId).update();
    }

    /**
     * What the bearer gate needs, in one indexed statement: the live session behind an access token, and the
     * membership that lets its user act for {@code owId} (the nearest one above it), if any, with how many of
     * the organizations from that membership's down to {@code owId} are not active (issue 18: a hold covers
     * the subtree). {@code owId} {@code null} means the organization the session logged in for.
     */
    record GateRow(long sessionId, long userId, String email, long workspaceId, long workspaceOwnerOwId,
            long expiresAt, Long actingOwId, String actingStatus, Long uowId, Role role, Long memberOwId,
            long inactiveOnTheWay) {
    }

    Optional<GateRow> gate(String tokenHash, Long owId) {
        List<GateRow> rows = jdbc.sql("""
                SELECT s.id, s.user_id, u.email, s.workspace_id, w.owner_ow_id, t.expires_at,
                       o.ow_id, o.status, m.uow_id, m.role, mo.ow_id,
                       (SELECT COUNT(*) FROM organization h
                        WHERE h.status IN ('on_hold', 'suspended', 'pending', 'invited', 'rejected') AND h.workspace_id = s.workspace_id
                          AND o.path LIKE h.path || '%' AND h.path LIKE mo.path || '%')
                FROM access_token t
                JOIN auth_session s ON s.id = t.session_id
                JOIN app_user u ON u.id = s.user_id
                JOIN workspace w ON w.id = s.workspace_id
                LEFT JOIN organization o ON o.ow_id = COALESCE(CAST(? AS BIGINT), s.ow_id)
                                        AND o.workspace_id = s.workspace_id
                LEFT JOIN membership m ON m.user_id = s.user_id AND m.status = 'active'
                LEFT JOIN organization mo ON mo.ow_id = m.ow_id AND o.path LIKE mo.path || '%'
                WHERE t.token_hash = ? AND s.revoked_at IS NULL AND u.disabled = FALSE
                ORDER BY CASE WHEN mo.ow_id IS NULL THEN 1 ELSE 0 END, LENGTH(mo.path) DESC""")
                .params(owId, tokenHash)
                .query((rs, n) -> {
                    Long member = rs.getObject(11, Long.class);
                    return new GateRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), rs.getObject(7, Long.class), rs.getString(8),
                            member == null ? null : rs.getObject(9, Long.class),
                            member == null ? null : Role.of(rs.getString(10)), member, rs.getLong(12));
                })
                .list();
        return rows.stream().findFirst();
    }
}
