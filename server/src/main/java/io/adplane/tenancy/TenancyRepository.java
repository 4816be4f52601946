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

    /** The workspace whose domain, or white-label domain, is {@code domain}. */
    public Optional<Workspace> workspaceByDomain(String domain) {
        return jdbc.sql("""
                SELECT id, domain, name, owner_ow_id, support_email FROM workspace
                WHERE domain = :d OR whitelabel_domain = :d
                ORDER BY CASE WHEN domain = :d THEN 0 ELSE 1 END""")
                .param("d", domain).query(TenancyRepository::workspace).list().stream().findFirst();
    }

    public Optional<Workspace> workspace(long id) {
        return jdbc.sql("SELECT id, domain, name, owner_ow_id, support_email FROM workspace WHERE id = ?")
                .param(id).query(TenancyRepository::workspace).optional();
    }

    /** The first workspace created, the one {@code serve} bootstraps (D11). */
    public Optional<Workspace> firstWorkspace() {
        return jdbc.sql("SELECT id, domain, name, owner_ow_id, support_email FROM workspace ORDER BY id LIMIT 1")
                .query(TenancyRepository::workspace).list().stream().findFirst();
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

    boolean moveStatus(long owId, java.util.Set<OrganizationStatus> from, OrganizationStatus to, String reason,
            Long approvedByUserId, long now) {
        return jdbc.sql("""
                UPDATE organization SET status = :to, hold_reason = :reason, modified_at = :now,
                       approved_by_user_id = COALESCE(CAST(:approver AS BIGINT), approved_by_user_id)
                WHERE ow_id = :owId AND status IN (:from)""")
                .param("to", to.code()).param("reason", reason).param("now", now).param("approver", approvedByUserId)
                .param("owId", owId).param("from", from.stream().map(OrganizationStatus::code).toList())
                .update() == 1;
    }

    /** A membership awaiting its user's acceptance of an invitation. */
    Membership insertInvitedMembership(long userId, long owId, Role role, Long invitedBy, long now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO membership (user_id, ow_id, role, created_at, status, invited_by_user_id)
                VALUES (?, ?, ?, ?, 'invited', ?)""")
                .params(userId, owId, role.code(), now, invitedBy).update(keys, "uow_id");
        return new Membership(keys.getKey().longValue(), userId, owId, role);
    }

    /**
     * Moves a membership between statuses (compare-and-set); false when it was not in {@code from}. Its live
     * assignments (U13) follow it to the same status.
     */
    boolean moveMembership(long uowId, java.util.Set<String> from, String to) {
        boolean moved = jdbc.sql("UPDATE membership SET status = :to WHERE uow_id = :uowId AND status IN (:from)")
                .param("to", to).param("uowId", uowId).param("from", List.copyOf(from)).update() == 1;
        if (moved) {
            jdbc.sql("UPDATE membership SET status = ? WHERE assigned_from_uow_id = ? AND status <> 'removed'")
                    .params(to, uowId).update();
        }
        return moved;
    }

    /** A membership's status and the membership it was assigned from (null for the user's own). */
    public record MembershipState(Membership membership, String status, Long assignedFromUowId) {
    }

    public Optional<MembershipState> membershipState(long uowId) {
        return jdbc.sql("SELECT uow_id, user_id, ow_id, role, status, assigned_from_uow_id FROM membership WHERE uow_id = ?")
                .param(uowId).query((rs, n) -> new MembershipState(membership(rs, n), rs.getString("status"),
                        rs.getObject("assigned_from_uow_id", Long.class))).optional();
    }

    Optional<MembershipState> membershipState(long userId, long owId) {
        return jdbc.sql("""
                SELECT uow_id, user_id, ow_id, role, status, assigned_from_uow_id FROM membership
                WHERE user_id = ? AND ow_id = ?""")
                .params(userId, owId).query((rs, n) -> new MembershipState(membership(rs, n), rs.getString("status"),
                        rs.getObject("assigned_from_uow_id", Long.class))).optional();
    }

    /** A new assignment: the source's user in {@code owId}, with the source's role and status. */
    void insertAssignment(MembershipState source, long owId, Long invitedBy, long now) {
        jdbc.sql("""
                INSERT INTO membership (user_id, ow_id, role, created_at, status, invited_by_user_id, assigned_from_uow_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(source.membership().userId(), owId, source.membership().role().code(), now, source.status(),
                        invitedBy, source.membership().uowId()).update();
    }

    /** A removed assignment made live again, with its source's role and status now. */
    void reviveAssignment(long uowId, MembershipState source) {
        jdbc.sql("UPDATE membership SET status = ?, role = ? WHERE uow_id = ? AND status = 'removed'")
                .params(source.status(), source.membership().role().code(), uowId).update();
    }

    /** Removes a live assignment of {@code sourceUowId} to {@code owId}; false when there was none. */
    boolean removeAssignment(long sourceUowId, long owId) {
        return jdbc.sql("""
                UPDATE membership SET status = 'removed'
                WHERE assigned_from_uow_id = ? AND ow_id = ? AND status <> 'removed'""")
                .params(sourceUowId, owId).update() == 1;
    }

    void setAccountType(long owId, String accountType) {
        jdbc.sql("UPDATE organization SET account_type = ? WHERE ow_id = ?").params(accountType, owId).update();
    }

    /** A user's TOTP settings: on or off, its secret, the newest step a code was used for. */
    public record Mfa(boolean enabled, String secret, Long lastStep) {
    }

    public Mfa mfa(long userId) {
        return jdbc.sql("SELECT mfa_enabled, mfa_secret, mfa_last_step FROM app_user WHERE id = ?").param(userId)
                .query((rs, n) -> new Mfa(rs.getBoolean(1), rs.getString(2), rs.getObject(3, Long.class))).single();
    }

    /** Uses the code of {@code step} (compare-and-set): false when it, or a later one, was used already. */
    public boolean useMfaStep(long userId, long step) {
        return jdbc.sql("""
                UPDATE app_user SET mfa_last_step = ?
                WHERE id = ? AND (mfa_last_step IS NULL OR mfa_last_step < ?)""")
                .params(step, userId, step).update() == 1;
    }

    /** Turns TOTP on with {@code secret}, or off (secret null). */
    public void setMfa(long userId, boolean enabled, String secret) {
        jdbc.sql("UPDATE app_user SET mfa_enabled = ?, mfa_secret = ?, mfa_last_step = NULL WHERE id = ?")
                .params(enabled, secret, userId).update();
    }

    /** Makes the user the organization's owner (its contact person) unless it has one. */
    void claimOwner(long owId, long userId) {
        jdbc.sql("UPDATE organization SET owner_user_id = ? WHERE ow_id = ? AND owner_user_id IS NULL")
                .params(userId, owId).update();
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
                              WHERE m.user_id = ? AND m.status = 'active' AND o.path LIKE mo.path || '%')
                ORDER BY o.ow_id""")
                .params(workspaceId, userId).query(Long.class).list();
    }

    /** The workspace made with invitation {@code invitationId} (U16), if any. */
    public Optional<Long> workspaceFromInvitation(long invitationId) {
        return jdbc.sql("SELECT id FROM workspace WHERE created_from_invitation_id = ?").param(invitationId)
                .query(Long.class).optional();
    }

    void markWorkspaceInvitation(long workspaceId, long invitationId) {
        jdbc.sql("UPDATE workspace SET created_from_invitation_id = ? WHERE id = ?").params(invitationId, workspaceId)
                .update();
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

    /** The user's live memberships in a workspace: its own first (the highest first), then its assignments (U13). */
    public List<Membership> memberships(long userId, long workspaceId) {
        return jdbc.sql("""
                SELECT m.uow_id, m.user_id, m.ow_id, m.role FROM membership m
                JOIN organization o ON o.ow_id = m.ow_id
                WHERE m.user_id = ? AND o.workspace_id = ? AND m.status = 'active'
                ORDER BY CASE WHEN m.assigned_from_uow_id IS NULL THEN 0 ELSE 1 END, LENGTH(o.path), o.ow_id""")
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
