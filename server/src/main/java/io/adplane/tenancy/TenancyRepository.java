package io.adplane.tenancy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of workspaces, organizations, users, memberships and OAuth clients. */
@Repository
public class TenancyRepository {

    private static final String ORG_COLUMNS =
            "ow_id, workspace_id, parent_ow_id, path, name, status, hold_reason, timezone_id, auto_approve";

    private final JdbcClient jdbc;

    TenancyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- workspaces

    public boolean anyWorkspace() {
        return jdbc.sql("SELECT COUNT(*) FROM workspace").query(Long.class).single() > 0;
    }

    public Optional<Workspace> workspaceByDomain(String domain) {
        return jdbc.sql("SELECT id, domain, name, owner_ow_id, support_email FROM workspace WHERE domain = ?")
                .param(domain).query(TenancyRepository::workspace).optional();
    }

    public Optional<Workspace> workspace(long id) {
        return jdbc.sql("SELECT id, domain, name, owner_ow_id, support_email FROM workspace WHERE id = ?")
                .param(id).query(TenancyRepository::workspace).optional();
    }

    /** The first workspace created, the one {@code serve} bootstraps (D11). */
    public Optional<Workspace> firstWorkspace() {
        // optional(), not stream(): an unclosed stream keeps its connection from the pool.
        return jdbc.sql("SELECT id, domain, name, owner_ow_id, support_email FROM workspace ORDER BY id"
                + " FETCH FIRST 1 ROWS ONLY").query(TenancyRepository::workspace).optional();
    }

    long insertWorkspace(String domain, String name, String supportEmail, long now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO workspace (domain, name, support_email, created_at) VALUES (?, ?, ?, ?)")
                .params(domain, name, supportEmail, now).update(keys, "id");
        return keys.getKey().longValue();
    }

    void setWorkspaceOwner(long workspaceId, long owId) {
        jdbc.sql("UPDATE workspace SET owner_ow_id = ? WHERE id = ?").params(owId, workspaceId).update();
    }

    // --- organizations

    Organization insertOrganization(long workspaceId, Organization parent, String name, int timezoneId, long now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO organization (workspace_id, parent_ow_id, path, name, timezone_id, created_at)
                VALUES (?, ?, '/', ?, ?, ?)""")
                .params(workspaceId, parent == null ? null : parent.owId(), name, timezoneId, now)
                .update(keys, "ow_id");
        long owId = keys.getKey().longValue();
        String path = (parent == null ? "/" : parent.path()) + owId + "/";
        jdbc.sql("UPDATE organization SET path = ? WHERE ow_id = ?").params(path, owId).update();
        return organization(owId).orElseThrow();
    }

    public Optional<Organization> organization(long owId) {
        return jdbc.sql("SELECT " + ORG_COLUMNS + " FROM organization WHERE ow_id = ?")
                .param(owId).query(TenancyRepository::organization).optional();
    }

    /** The organization and every one above it, top first. */
    public List<Organization> lineage(Organization org) {
        List<Long> ids = java.util.Arrays.stream(org.path().split("/")).filter(s -> !s.isEmpty())
                .map(Long::valueOf).toList();
        return jdbc.sql("SELECT " + ORG_COLUMNS + " FROM organization WHERE ow_id IN (:ids) ORDER BY LENGTH(path)")
                .param("ids", ids).query(TenancyRepository::organization).list();
    }

    boolean setStatus(long owId, OrganizationStatus status, String reason) {
        return jdbc.sql("UPDATE organization SET status = ?, hold_reason = ? WHERE ow_id = ?")
                .params(status.code(), reason, owId).update() == 1;
    }

    boolean setAutoApprove(long owId, boolean enabled) {
        return jdbc.sql("UPDATE organization SET auto_approve = ? WHERE ow_id = ?").params(enabled, owId).update() == 1;
    }

    /** Every owId in the workspace that one of the user's memberships covers (D9), ascending. */
    public List<Long> allowedOwIds(long userId, long workspaceId) {
        return jdbc.sql("""
                SELECT o.ow_id FROM organization o
                WHERE o.workspace_id = ?
                  AND EXISTS (SELECT 1 FROM membership m JOIN organization mo ON mo.ow_id = m.ow_id
                              WHERE m.user_id = ? AND o.path LIKE mo.path || '%')
                ORDER BY o.ow_id""")
                .params(workspaceId, userId).query(Long.class).list();
    }

    // --- users and memberships

    public Optional<User> userByEmail(String normalisedEmail) {
        return jdbc.sql("SELECT id, email, first_name, last_name, password_hash, disabled FROM app_user WHERE email = ?")
                .param(normalisedEmail).query(TenancyRepository::user).optional();
    }

    public Optional<User> user(long id) {
        return jdbc.sql("SELECT id, email, first_name, last_name, password_hash, disabled FROM app_user WHERE id = ?")
                .param(id).query(TenancyRepository::user).optional();
    }

    long insertUser(String email, String firstName, String lastName, String passwordHash, long now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO app_user (email, first_name, last_name, password_hash, created_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(email, firstName, lastName, passwordHash, now).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void setPasswordHash(long userId, String passwordHash) {
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE id = ?").params(passwordHash, userId).update();
    }

    void setDisabled(long userId, boolean disabled) {
        jdbc.sql("UPDATE app_user SET disabled = ? WHERE id = ?").params(disabled, userId).update();
    }

    Membership insertMembership(long userId, long owId, Role role, long now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO membership (user_id, ow_id, role, created_at) VALUES (?, ?, ?, ?)")
                .params(userId, owId, role.code(), now).update(keys, "uow_id");
        return new Membership(keys.getKey().longValue(), userId, owId, role);
    }

    Optional<Membership> membership(long userId, long owId) {
        return jdbc.sql("SELECT uow_id, user_id, ow_id, role FROM membership WHERE user_id = ? AND ow_id = ?")
                .params(userId, owId).query(TenancyRepository::membership).optional();
    }

    /** The user's memberships in a workspace, the highest organization first. */
    public List<Membership> memberships(long userId, long workspaceId) {
        return jdbc.sql("""
                SELECT m.uow_id, m.user_id, m.ow_id, m.role FROM membership m
                JOIN organization o ON o.ow_id = m.ow_id
                WHERE m.user_id = ? AND o.workspace_id = ?
                ORDER BY LENGTH(o.path), o.ow_id""")
                .params(userId, workspaceId).query(TenancyRepository::membership).list();
    }

    // --- OAuth clients

    void insertClient(String clientId, long workspaceId, String secretHash, long now) {
        jdbc.sql("INSERT INTO oauth_client (client_id, workspace_id, secret_hash, created_at) VALUES (?, ?, ?, ?)")
                .params(clientId, workspaceId, secretHash, now).update();
    }

    /** The client's workspace id and secret hash. */
    public Optional<OAuthClient> client(String clientId) {
        return jdbc.sql("SELECT client_id, workspace_id, secret_hash FROM oauth_client WHERE client_id = ?")
                .param(clientId)
                .query((rs, n) -> new OAuthClient(rs.getString(1), rs.getLong(2), rs.getString(3)))
                .optional();
    }

    /** An OAuth client registered for one workspace; only the SHA-256 of its secret is kept. */
    public record OAuthClient(String clientId, long workspaceId, String secretHash) {
    }

    // --- row mappers

    private static Workspace workspace(ResultSet rs, int n) throws SQLException {
        return new Workspace(rs.getLong("id"), rs.getString("domain"), rs.getString("name"),
                rs.getObject("owner_ow_id", Long.class), rs.getString("support_email"));
    }

    private static Organization organization(ResultSet rs, int n) throws SQLException {
        return new Organization(rs.getLong("ow_id"), rs.getLong("workspace_id"),
                rs.getObject("parent_ow_id", Long.class), rs.getString("path"), rs.getString("name"),
                OrganizationStatus.of(rs.getString("status")), rs.getString("hold_reason"),
                rs.getInt("timezone_id"), rs.getBoolean("auto_approve"));
    }

    private static User user(ResultSet rs, int n) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("email"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("password_hash"), rs.getBoolean("disabled"));
    }

    private static Membership membership(ResultSet rs, int n) throws SQLException {
        return new Membership(rs.getLong("uow_id"), rs.getLong("user_id"), rs.getLong("ow_id"),
                Role.of(rs.getString("role")));
    }
}
