package io.adplane.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.adplane.api.Paging;
import io.adplane.tenancy.Names;

/** The SQL of users as members of organizations, and of the emailed tokens (invitations and resets). */
@Repository
class UserRepository {

    private static final String MEMBER_FROM = """
            FROM membership m
            JOIN app_user u ON u.id = m.user_id
            JOIN organization o ON o.ow_id = m.ow_id
            LEFT JOIN app_user ib ON ib.id = m.invited_by_user_id
            """;

    /** A user's display name in SQL: its own, else first and last name, else its email. */
    static final String DISPLAY = "LOWER(COALESCE(u.display_name, NULLIF(TRIM(COALESCE(u.first_name, '') || ' ' "
            + "|| COALESCE(u.last_name, '')), ''), u.email))";

    static final Map<String, String> SORTS = ListArgs.columns("displayName", DISPLAY, "email", "u.email",
            "status", "m.status", "userId", "u.id", "userid", "u.id", "createdAt", "u.created_at", "uowId", "m.uow_id");

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A membership with its user, organization and inviter. */
    record Member(long userId, String firstName, String lastName, String email, String displayName, String avatarUrl,
            String contactNumber, long createdAt, boolean disabled, long uowId, String status, long invitedOn,
            String role, long owId, String organizationName, Long ownerUserId, String inviterName,
            String inviterEmail, long customersCount, boolean mfaEnabled) {

        /** IQM's user status: 1 active, 3 invited, 4 suspended (a disabled user too). */
        int statusId() {
            if (disabled || status.equals("suspended")) {
                return 4;
            }
            return status.equals("invited") ? 3 : 1;
        }

        String statusName() {
            return switch (statusId()) {
                case 3 -> "invited";
                case 4 -> "suspended";
                default -> "active";
            };
        }
    }

    /** Which members a list shows: those of {@code owId}, optionally only some statuses, roles or a search. */
    record Filter(long owId, List<String> statuses, String role, String search, Boolean mfa) {

        Filter(long owId, List<String> statuses, String role, String search) {
            this(owId, statuses, role, search, null);
        }
    }

    List<Member> members(Filter f, String orderBy, int limit, long offset) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(f, params);
        var spec = jdbc.sql("""
                SELECT u.id, u.first_name, u.last_name, u.email, u.display_name, u.avatar_url, u.contact_number,
                       u.created_at, u.disabled, m.uow_id, m.status, m.created_at AS invited_on, m.role, o.ow_id,
                       o.name, o.owner_user_id, ib.email AS ib_email, ib.first_name AS ib_first, ib.last_name AS ib_last,
                       u.mfa_enabled,
                       (SELECT COUNT(*) FROM membership m2 JOIN organization o2 ON o2.ow_id = m2.ow_id
                        WHERE m2.user_id = u.id AND m2.status <> 'removed' AND o2.ow_id <> o.ow_id
                          AND o2.path LIKE o.path || '%') AS customers
                """ + MEMBER_FROM + where + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset");
        params.forEach(spec::param);
        return spec.param("limit", limit).param("offset", offset).query(UserRepository::member).list();
    }

    long count(Filter f) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(f, params);
        var spec = jdbc.sql("SELECT COUNT(*) " + MEMBER_FROM + where);
        params.forEach(spec::param);
        return spec.query(Long.class).single();
    }

    Optional<Member> member(long uowId) {
        return jdbc.sql("""
                SELECT u.id, u.first_name, u.last_name, u.email, u.display_name, u.avatar_url, u.contact_number,
                       u.created_at, u.disabled, m.uow_id, m.status, m.created_at AS invited_on, m.role, o.ow_id,
                       o.name, o.owner_user_id, ib.email AS ib_email, ib.first_name AS ib_first, ib.last_name AS ib_last,
                       u.mfa_enabled,
                       0 AS customers
                """ + MEMBER_FROM + " WHERE m.uow_id = ?")
                .param(uowId).query(UserRepository::member).optional();
    }

    /** Every membership of a user (a few). */
    List<Member> membershipsOf(long userId) {
        return jdbc.sql("""
                SELECT u.id, u.first_name, u.last_name, u.email, u.display_name, u.avatar_url, u.contact_number,
                       u.created_at, u.disabled, m.uow_id, m.status, m.created_at AS invited_on, m.role, o.ow_id,
                       o.name, o.owner_user_id, ib.email AS ib_email, ib.first_name AS ib_first, ib.last_name AS ib_last,
                       u.mfa_enabled,
                       0 AS customers
                """ + MEMBER_FROM + " WHERE m.user_id = ? AND m.status <> 'removed' ORDER BY m.uow_id LIMIT 1000")
                .param(userId).query(UserRepository::member).list();
    }

    /** Raises unless the caller manages the member (U7): 404 outside the acting subtree, 403 above its reach. */
    void checkManaged(io.adplane.auth.Caller caller, Member member, io.adplane.tenancy.TenancyRepository tenancy) {
        io.adplane.tenancy.Organization acting = tenancy.organization(caller.owId()).orElseThrow();
        boolean visible = tenancy.organization(member.owId())
                .filter(o -> o.workspaceId() == caller.workspaceId() && acting.covers(o)).isPresent();
        if (!visible) {
            throw io.adplane.api.ApiException.notFound("uowId", UserAdmin.USER_NOT_FOUND);
        }
        if (member.userId() == caller.userId()) {
            throw io.adplane.api.ApiException.forbidden("Nobody manages their own membership.");
        }
        if (member.owId() == caller.memberOwId() && member.role().equals("admin")) {
            throw io.adplane.api.ApiException.forbidden("An admin manages the admins of organizations below its own only.");
        }
    }

    private static String where(Filter f, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE m.ow_id = :ow AND m.status <> 'removed'");
        params.put("ow", f.owId());
        if (!f.statuses().isEmpty()) {
            where.append(" AND m.status IN (:statuses)");
            params.put("statuses", f.statuses());
        }
        if (f.mfa() != null) {
            where.append(" AND u.mfa_enabled = :mfa");
            params.put("mfa", f.mfa());
        }
        if (f.role() != null) {
            where.append(" AND m.role = :role");
            params.put("role", f.role());
        }
        if (f.search() != null && !f.search().isBlank()) {
            where.append(" AND (" + DISPLAY + " LIKE :search ESCAPE '\\' OR LOWER(u.email) LIKE :search ESCAPE '\\'"
                    + " OR CAST(u.id AS VARCHAR(20)) = :searchExact)");
            params.put("search", Paging.likePattern(f.search()));
            params.put("searchExact", f.search().strip());
        }
        return where.toString();
    }

    private static Member member(ResultSet rs, int n) throws SQLException {
        String inviter = rs.getString("ib_email");
        return new Member(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getLong(8), rs.getBoolean(9), rs.getLong(10), rs.getString(11),
                rs.getLong(12), rs.getString(13), rs.getLong(14), rs.getString(15),
                rs.getObject(16, Long.class), inviter == null ? null
                        : Names.displayName(rs.getString("ib_first"), rs.getString("ib_last"), inviter),
                inviter, rs.getLong("customers"), rs.getBoolean("mfa_enabled"));
    }

    void updateProfile(long userId, String displayName, String avatarUrl, boolean removeAvatar) {
        jdbc.sql("""
                UPDATE app_user SET display_name = COALESCE(CAST(:name AS VARCHAR(255)), display_name),
                       avatar_url = CASE WHEN :remove THEN NULL ELSE COALESCE(CAST(:avatar AS VARCHAR(2048)), avatar_url) END
                WHERE id = :id""")
                .param("name", displayName).param("avatar", avatarUrl).param("remove", removeAvatar)
                .param("id", userId).update();
    }

    void setNames(long userId, String firstName, String lastName) {
        jdbc.sql("""
                UPDATE app_user SET first_name = COALESCE(CAST(? AS VARCHAR(255)), first_name),
                       last_name = COALESCE(CAST(? AS VARCHAR(255)), last_name) WHERE id = ?""")
                .params(firstName, lastName, userId).update();
    }

    /** An invited customer's vertical and logo. */
    void setProfile(long owId, Integer verticalId, String logoUrl) {
        jdbc.sql("UPDATE organization SET vertical_id = ?, logo_url = ? WHERE ow_id = ?")
                .params(verticalId, logoUrl, owId).update();
    }

    // --- tokens

    /** An emailed token with what its validation answers. */
    record Token(long id, String kind, long userId, Long uowId, long createdAt, long expiresAt, Long usedAt,
            Long cancelledAt, String email, Long owId, String organizationName, String organizationStatus,
            String workspaceDomain, String workspaceName, String membershipStatus) {
    }

    void insertToken(String hash, String kind, long userId, Long uowId, Long invitedBy, long now, long expiresAt) {
        jdbc.sql("""
                INSERT INTO invitation (token_hash, kind, user_id, uow_id, invited_by, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(hash, kind, userId, uowId, invitedBy, now, expiresAt).update();
    }

    Optional<Token> token(String hash) {
        return jdbc.sql("""
                SELECT i.id, i.kind, i.user_id, i.uow_id, i.created_at, i.expires_at, i.used_at, i.cancelled_at,
                       u.email, o.ow_id, o.name, o.status, w.domain, w.name, m.status
                FROM invitation i
                JOIN app_user u ON u.id = i.user_id
                LEFT JOIN membership m ON m.uow_id = i.uow_id
                LEFT JOIN organization o ON o.ow_id = m.ow_id
                LEFT JOIN workspace w ON w.id = o.workspace_id
                WHERE i.token_hash = ?""")
                .param(hash)
                .query((rs, n) -> new Token(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, Long.class),
                        rs.getLong(5), rs.getLong(6), rs.getObject(7, Long.class), rs.getObject(8, Long.class),
                        rs.getString(9), rs.getObject(10, Long.class), rs.getString(11), rs.getString(12),
                        rs.getString(13), rs.getString(14), rs.getString(15)))
                .optional();
    }

    /** Uses the token once (compare-and-set): false when it was used, cancelled or expired meanwhile. */
    boolean useToken(long id, long now) {
        return jdbc.sql("""
                UPDATE invitation SET used_at = ?
                WHERE id = ? AND used_at IS NULL AND cancelled_at IS NULL AND expires_at > ?""")
                .params(now, id, now).update() == 1;
    }

    /** Cancels the open tokens of a membership (a re-sent or cancelled invitation). */
    void cancelTokens(long uowId, long now) {
        jdbc.sql("UPDATE invitation SET cancelled_at = ? WHERE uow_id = ? AND used_at IS NULL AND cancelled_at IS NULL")
                .params(now, uowId).update();
    }

    /** Cancels a user's open reset tokens. */
    void cancelResets(long userId, long now) {
        jdbc.sql("""
                UPDATE invitation SET cancelled_at = ?
                WHERE user_id = ? AND kind = 'reset' AND used_at IS NULL AND cancelled_at IS NULL""")
                .params(now, userId).update();
    }

    /** When the user's newest reset token was made, if any. */
    Optional<Long> lastReset(long userId) {
        return jdbc.sql("SELECT MAX(created_at) FROM invitation WHERE user_id = ? AND kind = 'reset'")
                .param(userId).query(Long.class).optional();
    }

    /** True when the user has an active membership anywhere: it has a password of its own. */
    boolean hasActiveMembership(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM membership WHERE user_id = ? AND status = 'active'")
                .param(userId).query(Long.class).single() > 0;
    }

    /** The owner's membership of an invited organization. */
    Optional<Long> ownerMembership(long owId) {
        return jdbc.sql("""
                SELECT m.uow_id FROM membership m JOIN organization o ON o.ow_id = m.ow_id
                WHERE o.ow_id = ? AND m.user_id = o.owner_user_id""")
                .param(owId).query(Long.class).optional();
    }

    /** The workspace domains where the email has an active membership. */
    List<String> workspaceDomains(long userId) {
        return jdbc.sql("""
                SELECT DISTINCT w.domain FROM membership m JOIN organization o ON o.ow_id = m.ow_id
                JOIN workspace w ON w.id = o.workspace_id WHERE m.user_id = ? AND m.status = 'active'
                ORDER BY w.domain""")
                .param(userId).query(String.class).list();
    }
}
