package io.adplane.controls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.adplane.api.ApiException;
import io.adplane.api.Limits;
import io.adplane.api.Secrets;
import io.adplane.tenancy.Passwords;
import io.adplane.tenancy.TenancyService;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads and exports fixtures (E5, E6). A load merges by id: a row whose id exists is updated to the fixture's
 * values, any other is inserted with its id; identity columns then restart past the largest id. Every value obeys
 * the rules the API and the admin commands apply (domain, names, emails, roles, passwords); a violation is a 400
 * naming the entry ({@code users[2].email}) and nothing is written. An export writes the same shape, with hashes in
 * place of passwords and client secrets, so export, reset and load give back the same state.
 */
@Component
public class Fixtures {

    /** The fixture format this adplane writes and reads. */
    public static final int VERSION = 1;
    private static final Set<String> STATUSES = Set.of("active", "on_hold", "suspended");
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final JdbcClient jdbc;
    private final Passwords passwords;
    private final Reset reset;
    private final Clock clock;
    private final TransactionTemplate tx;

    Fixtures(JdbcClient jdbc, Passwords passwords, Reset reset, Clock clock, PlatformTransactionManager transactions) {
        this.tx = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.reset = reset;
        this.clock = clock;
    }

    /** A fixture from YAML (or JSON) text; a 400 naming {@code fixture} and the place when it does not parse. */
    public static Fixture parse(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("fixture", "The fixture is empty.");
        }
        try {
            Fixture fixture = YAML.readValue(text, Fixture.class);
            if (fixture == null) {
                throw ApiException.badRequest("fixture", "The fixture is empty.");
            }
            if (fixture.version() != null && fixture.version() != VERSION) {
                throw ApiException.badRequest("version", "Fixture version " + fixture.version() + " is not "
                        + VERSION + ", the one this adplane reads.");
            }
            return fixture;
        } catch (JacksonException e) {
            throw ApiException.badRequest("fixture", "The fixture is not valid: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
    }

    /** A fixture file; an {@link IllegalArgumentException} saying which file when it can't be read. */
    public static Fixture read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot read the fixture " + file + ": " + e.getMessage());
        } catch (ApiException e) {
            throw new IllegalArgumentException("fixture " + file + ": " + (e.field() == null ? "" : e.field() + ": ")
                    + e.getMessage());
        }
    }

    /** The fixture as YAML text, as an export writes it. */
    public static String yaml(Fixture fixture) {
        return YAML.writeValueAsString(fixture);
    }

    /** Writes the fixture, merging by id, in one transaction; then restarts the identities past its ids. */
    public FixtureLoaded load(Fixture fixture) {
        FixtureLoaded loaded = tx.execute(status -> merge(fixture));
        reset.restartIdentities();
        return loaded;
    }

    private FixtureLoaded merge(Fixture fixture) {
        long now = clock.millis();
        Map<Long, String> paths = new HashMap<>();
        int organizations = 0;
        int clients = 0;
        List<Fixture.Workspace> workspaces = list(fixture.workspaces());
        for (int i = 0; i < workspaces.size(); i++) {
            Fixture.Workspace w = workspaces.get(i);
            String at = "workspaces[" + i + "].";
            long id = required(at + "id", w.id());
            long owId = required(at + "owId", w.owId());
            String domain = rule(at + "domain", () -> TenancyService.requireDomain(w.domain()));
            String name = rule(at + "name", () -> TenancyService.requireName(w.name()));
            String support = w.supportEmail() == null ? "support@" + domain
                    : rule(at + "supportEmail", () -> TenancyService.requireEmail(w.supportEmail()));
            unique(at + "domain", "SELECT id FROM workspace WHERE domain = ?", domain, id);
            if (exists("SELECT COUNT(*) FROM workspace WHERE id = ?", id)) {
                jdbc.sql("UPDATE workspace SET domain = ?, name = ?, support_email = ? WHERE id = ?")
                        .params(domain, name, support, id).update();
            } else {
                jdbc.sql("INSERT INTO workspace (id, domain, name, support_email, created_at) VALUES (?, ?, ?, ?, ?)")
                        .params(id, domain, name, support, now).update();
            }
            upsertOrganization(at + "owId", owId, id, null, "/" + owId + "/", name, "active", null, 29, false, now);
            paths.put(owId, "/" + owId + "/");
            jdbc.sql("UPDATE workspace SET owner_ow_id = ? WHERE id = ?").params(owId, id).update();
            organizations++;
            List<Fixture.Client> mine = list(w.clients());
            for (int j = 0; j < mine.size(); j++) {
                Fixture.Client c = mine.get(j);
                String cat = at + "clients[" + j + "].";
                String clientId = Limits.text(cat + "clientId", c.clientId(), 128);
                if (clientId == null || clientId.isBlank()) {
                    throw ApiException.badRequest(cat + "clientId", cat + "clientId is required.");
                }
                String hash = secretHash(cat, c);
                if (exists("SELECT COUNT(*) FROM oauth_client WHERE client_id = ?", clientId)) {
                    jdbc.sql("UPDATE oauth_client SET workspace_id = ?, secret_hash = ? WHERE client_id = ?")
                            .params(id, hash, clientId).update();
                } else {
                    jdbc.sql("INSERT INTO oauth_client (client_id, workspace_id, secret_hash, created_at) VALUES (?, ?, ?, ?)")
                            .params(clientId, id, hash, now).update();
                }
                clients++;
            }
        }
        List<Fixture.Organization> orgs = list(fixture.organizations());
        for (int i = 0; i < orgs.size(); i++) {
            Fixture.Organization o = orgs.get(i);
            String at = "organizations[" + i + "].";
            long owId = required(at + "owId", o.owId());
            long parent = required(at + "parentOwId", o.parentOwId());
            String name = rule(at + "name", () -> TenancyService.requireName(o.name()));
            String status = o.status() == null ? "active" : o.status().strip().toLowerCase(Locale.ROOT);
            if (!STATUSES.contains(status)) {
                throw ApiException.badRequest(at + "status", at + "status must be one of active, on_hold, suspended.");
            }
            String reason = Limits.text(at + "holdReason", o.holdReason(), Limits.NOTE);
            int timezone = o.timezoneId() == null ? 29 : o.timezoneId();
            var parentRow = jdbc.sql("SELECT workspace_id, path FROM organization WHERE ow_id = ?").param(parent)
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).optional()
                    .orElseThrow(() -> ApiException.badRequest(at + "parentOwId", at + "parentOwId " + parent
                            + " is neither a workspace owner nor an organization listed before this one."));
            String path = parentRow[1] + Long.toString(owId) + "/";
            upsertOrganization(at + "owId", owId, (Long) parentRow[0], parent, path, name, status, reason, timezone,
                    Boolean.TRUE.equals(o.autoApprove()), now);
            paths.put(owId, path);
            organizations++;
        }
        List<Fixture.User> users = list(fixture.users());
        for (int i = 0; i < users.size(); i++) {
            Fixture.User u = users.get(i);
            String at = "users[" + i + "].";
            long id = required(at + "id", u.id());
            String email = rule(at + "email", () -> TenancyService.requireEmail(u.email()));
            String first = Limits.text(at + "firstName", u.firstName(), Limits.NAME);
            String last = Limits.text(at + "lastName", u.lastName(), Limits.NAME);
            String hash = passwordHash(at, u);
            unique(at + "email", "SELECT id FROM app_user WHERE email = ?", email, id);
            if (exists("SELECT COUNT(*) FROM app_user WHERE id = ?", id)) {
                jdbc.sql("UPDATE app_user SET email = ?, first_name = ?, last_name = ?, password_hash = ?, disabled = ?"
                        + " WHERE id = ?").params(email, first, last, hash, Boolean.TRUE.equals(u.disabled()), id).update();
            } else {
                jdbc.sql("INSERT INTO app_user (id, email, first_name, last_name, password_hash, disabled, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .params(id, email, first, last, hash, Boolean.TRUE.equals(u.disabled()), now).update();
            }
            List<Fixture.Membership> memberships = list(u.memberships());
            for (int j = 0; j < memberships.size(); j++) {
                Fixture.Membership m = memberships.get(j);
                String mat = at + "memberships[" + j + "].";
                long uowId = required(mat + "uowId", m.uowId());
                long owId = required(mat + "owId", m.owId());
                String role = rule(mat + "role", () -> TenancyService.requireRole(m.role()).code());
                if (!exists("SELECT COUNT(*) FROM organization WHERE ow_id = ?", owId)) {
                    throw ApiException.badRequest(mat + "owId", mat + "owId " + owId + " is not an organization.");
                }
                var other = jdbc.sql("SELECT uow_id FROM membership WHERE user_id = ? AND ow_id = ?").params(id, owId)
                        .query(Long.class).optional();
                if (other.isPresent() && other.get() != uowId) {
                    throw ApiException.conflict(mat + "owId", "User " + id + " is already a member of " + owId
                            + " as uowId " + other.get() + ".");
                }
                if (exists("SELECT COUNT(*) FROM membership WHERE uow_id = ?", uowId)) {
                    jdbc.sql("UPDATE membership SET user_id = ?, ow_id = ?, role = ? WHERE uow_id = ?")
                            .params(id, owId, role, uowId).update();
                } else {
                    jdbc.sql("INSERT INTO membership (uow_id, user_id, ow_id, role, created_at) VALUES (?, ?, ?, ?, ?)")
                            .params(uowId, id, owId, role, now).update();
                }
            }
        }
        return new FixtureLoaded(workspaces.size(), organizations, users.size(), clients);
    }

    /** The whole tenancy state as a fixture: every workspace, organization, user and client, by id. */
    @Transactional(readOnly = true)
    public Fixture export() {
        Map<Long, List<Fixture.Client>> clients = new HashMap<>();
        jdbc.sql("SELECT client_id, workspace_id, secret_hash FROM oauth_client ORDER BY created_at, client_id")
                .query((rs, n) -> {
                    clients.computeIfAbsent(rs.getLong(2), w -> new ArrayList<>())
                            .add(new Fixture.Client(rs.getString(1), null, rs.getString(3).strip()));
                    return null;
                }).list();
        List<Fixture.Workspace> workspaces = jdbc.sql("""
                SELECT w.id, w.domain, w.owner_ow_id, o.name, w.support_email FROM workspace w
                JOIN organization o ON o.ow_id = w.owner_ow_id ORDER BY w.id""")
                .query((rs, n) -> new Fixture.Workspace(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), clients.getOrDefault(rs.getLong(1), List.of()))).list();
        List<Fixture.Organization> organizations = jdbc.sql("""
                SELECT ow_id, parent_ow_id, name, status, hold_reason, timezone_id, auto_approve FROM organization
                WHERE parent_ow_id IS NOT NULL ORDER BY LENGTH(path), ow_id""")
                .query((rs, n) -> new Fixture.Organization(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getInt(6), rs.getBoolean(7))).list();
        Map<Long, List<Fixture.Membership>> memberships = new HashMap<>();
        jdbc.sql("SELECT uow_id, user_id, ow_id, role FROM membership ORDER BY uow_id").query((rs, n) -> {
            memberships.computeIfAbsent(rs.getLong(2), u -> new ArrayList<>())
                    .add(new Fixture.Membership(rs.getLong(1), rs.getLong(3), rs.getString(4)));
            return null;
        }).list();
        List<Fixture.User> users = jdbc.sql(
                "SELECT id, email, password_hash, first_name, last_name, disabled FROM app_user ORDER BY id")
                .query((rs, n) -> new Fixture.User(rs.getLong(1), rs.getString(2), null, rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBoolean(6) ? Boolean.TRUE : null,
                        memberships.getOrDefault(rs.getLong(1), List.of()))).list();
        return new Fixture(VERSION, workspaces, organizations, users);
    }

    private void upsertOrganization(String field, long owId, long workspaceId, Long parent, String path, String name,
            String status, String reason, int timezone, boolean autoApprove, long now) {
        var existing = jdbc.sql("SELECT workspace_id, parent_ow_id FROM organization WHERE ow_id = ?").param(owId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getObject(2) == null ? null : rs.getLong(2)}).optional();
        if (existing.isPresent()) {
            if ((Long) existing.get()[0] != workspaceId || !java.util.Objects.equals(existing.get()[1], parent)) {
                throw ApiException.conflict(field, "Organization " + owId + " exists in another place of the tree.");
            }
            jdbc.sql("UPDATE organization SET name = ?, status = ?, hold_reason = ?, timezone_id = ?, auto_approve = ?"
                    + " WHERE ow_id = ?").params(name, status, reason, timezone, autoApprove, owId).update();
        } else {
            jdbc.sql("INSERT INTO organization (ow_id, workspace_id, parent_ow_id, path, name, status, hold_reason,"
                    + " timezone_id, auto_approve, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(owId, workspaceId, parent, path, name, status, reason, timezone, autoApprove, now).update();
        }
    }

    private String secretHash(String at, Fixture.Client c) {
        if (c.clientSecret() != null && c.clientSecretHash() != null) {
            throw ApiException.badRequest(at + "clientSecret", "Give " + at + "clientSecret or clientSecretHash, not both.");
        }
        if (c.clientSecret() != null) {
            if (c.clientSecret().length() < 16 || c.clientSecret().length() > 256) {
                throw ApiException.badRequest(at + "clientSecret", at + "clientSecret must have 16 to 256 characters.");
            }
            return Secrets.sha256(c.clientSecret());
        }
        if (c.clientSecretHash() == null || !c.clientSecretHash().matches("[0-9a-f]{64}")) {
            throw ApiException.badRequest(at + "clientSecret", at + "clientSecret, or clientSecretHash as 64 hex digits,"
                    + " is required.");
        }
        return c.clientSecretHash();
    }

    private String passwordHash(String at, Fixture.User u) {
        if (u.password() != null && u.passwordHash() != null) {
            throw ApiException.badRequest(at + "password", "Give " + at + "password or passwordHash, not both.");
        }
        if (u.password() != null) {
            rule(at + "password", () -> TenancyService.requirePassword(u.password()));
            return passwords.hash(u.password());
        }
        if (u.passwordHash() == null || u.passwordHash().isBlank() || u.passwordHash().length() > 255) {
            throw ApiException.badRequest(at + "password", at + "password (or passwordHash) is required.");
        }
        return u.passwordHash();
    }

    private void unique(String field, String sql, String value, long id) {
        jdbc.sql(sql).param(value).query(Long.class).optional().filter(other -> other != id).ifPresent(other -> {
            throw ApiException.conflict(field, field + " '" + value + "' already belongs to id " + other + ".");
        });
    }

    private boolean exists(String sql, Object id) {
        return jdbc.sql(sql).param(id).query(Long.class).single() > 0;
    }

    private static long required(String field, Long value) {
        if (value == null || value < 1) {
            throw ApiException.badRequest(field, field + " is required (a positive id).");
        }
        return value;
    }

    private static <T> T rule(String field, Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field, field + ": " + e.getMessage());
        }
    }

    private static <T> List<T> list(List<T> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > Limits.MAX_LIST || values.contains(null)) {
            throw ApiException.badRequest("fixture", "A fixture list holds at most " + Limits.MAX_LIST
                    + " entries, none empty.");
        }
        return values;
    }
}
