package io.adplane.tenancy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind the operator's lists ({@code ./adplane admin list-*}) and client secret rotation: reads across
 * workspaces that no API caller may make, so they live apart from {@link TenancyRepository}'s per-tenant ones.
 */
@Repository
public class OperatorRepository {

    private final JdbcClient jdbc;

    OperatorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An organization as the operator sees it, with its workspace's domain. */
    public record OrganizationRow(long owId, String domain, Long parentOwId, String name, String status, String reason,
            boolean autoApprove, long createdAt) {
    }

    /** A user and every one of its memberships. */
    public record UserRow(long userId, String email, boolean disabled, long createdAt, List<MembershipRow> memberships) {
    }

    /** One membership of a user: the organization, its workspace, the role. */
    public record MembershipRow(long uowId, long owId, String domain, String role) {
    }

    /** An OAuth client: its id, workspace and creation time; the secret's hash is never shown. */
    public record ClientRow(String clientId, String domain, long createdAt) {
    }

    List<OrganizationRow> organizations(Long workspaceId) {
        return jdbc.sql("""
                SELECT o.ow_id, w.domain, o.parent_ow_id, o.name, o.status, o.hold_reason, o.auto_approve, o.created_at
                FROM organization o JOIN workspace w ON w.id = o.workspace_id
                WHERE (CAST(:ws AS BIGINT) IS NULL OR o.workspace_id = :ws)
                ORDER BY o.ow_id""")
                .param("ws", workspaceId)
                .query((rs, n) -> new OrganizationRow(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getLong(8)))
                .list();
    }

    List<UserRow> users(Long owId) {
        Map<Long, UserRow> users = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT u.id, u.email, u.disabled, u.created_at, m.uow_id, m.ow_id, w.domain, m.role
                FROM app_user u
                LEFT JOIN membership m ON m.user_id = u.id
                LEFT JOIN organization o ON o.ow_id = m.ow_id
                LEFT JOIN workspace w ON w.id = o.workspace_id
                WHERE CAST(:ow AS BIGINT) IS NULL
                   OR u.id IN (SELECT user_id FROM membership WHERE ow_id = :ow)
                ORDER BY u.id, m.uow_id""")
                .param("ow", owId)
                .query(rs -> {
                    UserRow user = users.get(rs.getLong(1));
                    if (user == null) {
                        user = new UserRow(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4), new ArrayList<>());
                        users.put(user.userId(), user);
                    }
                    long uowId = rs.getLong(5);
                    if (!rs.wasNull()) {
                        user.memberships().add(new MembershipRow(uowId, rs.getLong(6), rs.getString(7), rs.getString(8)));
                    }
                });
        return List.copyOf(users.values());
    }

    List<ClientRow> clients(Long workspaceId) {
        return jdbc.sql("""
                SELECT c.client_id, w.domain, c.created_at
                FROM oauth_client c JOIN workspace w ON w.id = c.workspace_id
                WHERE (CAST(:ws AS BIGINT) IS NULL OR c.workspace_id = :ws)
                ORDER BY c.created_at, c.client_id""")
                .param("ws", workspaceId)
                .query((rs, n) -> new ClientRow(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    void setClientSecretHash(String clientId, String secretHash) {
        jdbc.sql("UPDATE oauth_client SET secret_hash = ? WHERE client_id = ?").params(secretHash, clientId).update();
    }
}
