package io.adplane.controls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.adplane.api.ApiException;
import io.adplane.api.Limits;
import io.adplane.api.Secrets;
import io.adplane.campaign.CampaignService;
import io.adplane.creative.CreativeService;
import io.adplane.insertionorder.InsertionOrders;
import io.adplane.insertionorder.IoRequest;
import io.adplane.tenancy.Passwords;
import io.adplane.tenancy.TenancyService;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
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

    private final ObjectProvider<InsertionOrders> insertionOrders;
    private final ObjectProvider<CampaignService> campaigns;
    private final ObjectProvider<CreativeService> creatives;

    Fixtures(JdbcClient jdbc, Passwords passwords, Reset reset, Clock clock, PlatformTransactionManager transactions,
            ObjectProvider<InsertionOrders> insertionOrders, ObjectProvider<CampaignService> campaigns,
            ObjectProvider<CreativeService> creatives) {
        this.insertionOrders = insertionOrders;
        this.campaigns = campaigns;
        this.creatives = creatives;
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

    /** Writes a fixture that came without a file (over HTTP): its creatives' files are given as {@code fileBase64}. */
    public FixtureLoaded load(Fixture fixture) {
        return load(fixture, null);
    }

    /**
     * Writes the fixture, merging by id, in one transaction; then restarts the identities past its ids. A creative's
     * {@code file} is read relative to {@code folder}, the fixture file's (null when it came over HTTP: E7).
     */
    public FixtureLoaded load(Fixture fixture, @Nullable Path folder) {
        FixtureLoaded loaded = tx.execute(status -> merge(fixture, folder));
        reset.restartIdentities();
        return loaded;
    }

    private FixtureLoaded merge(Fixture fixture, Path folder) {
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
        int[] content = content(fixture, folder);
        return new FixtureLoaded(workspaces.size(), organizations, users.size(), clients, content[0], content[1],
                content[2]);
    }

    /**
     * Restores the creatives, IOs and campaigns through their write paths (E7), creatives and IOs first, in the order
     * the rules need: campaigns name running creatives and IOs that are not deleted, so a creative's and an IO's own
     * status is applied once the campaigns are in. An id that exists in the entry's organization is kept as it is;
     * in another organization it is a 409. Answers how many of each were added.
     */
    private int[] content(Fixture fixture, Path folder) {
        List<Fixture.Creative> creativeEntries = list(fixture.creatives());
        List<Fixture.InsertionOrder> ioEntries = list(fixture.insertionOrders());
        List<Fixture.Campaign> campaignEntries = list(fixture.campaigns());
        if (!fixture.hasContent()) {
            return new int[] {0, 0, 0};
        }
        CreativeService creativeService = server(creatives);
        InsertionOrders ioService = server(insertionOrders);
        CampaignService campaignService = server(campaigns);
        int[] added = {0, 0, 0};
        List<Runnable> settle = new ArrayList<>();
        for (int i = 0; i < creativeEntries.size(); i++) {
            Fixture.Creative c = creativeEntries.get(i);
            String at = "creatives[" + i + "].";
            long id = required(at + "creativeId", c.creativeId());
            long owId = required(at + "owId", c.owId());
            long uowId = member(at, c.uowId(), owId);
            if (kept(at + "creativeId", "Creative " + id, creativeService.ownerOf(id), owId)) {
                continue;
            }
            var restorable = new CreativeService.Restorable(id, owId, uowId,
                    c.creativeStatusId() == null ? 1 : c.creativeStatusId(), c.rejectionReason(), c.remarks(),
                    object(c.request()), file(at, c, folder));
            entry(at, () -> creativeService.restore(restorable));
            settle.add(() -> entry(at, () -> creativeService.settleRestored(restorable)));
            added[0]++;
        }
        for (int i = 0; i < ioEntries.size(); i++) {
            Fixture.InsertionOrder io = ioEntries.get(i);
            String at = "insertionOrders[" + i + "].";
            long id = required(at + "ioId", io.ioId());
            long owId = required(at + "owId", io.owId());
            long uowId = member(at, io.uowId(), owId);
            if (kept(at + "ioId", "IO " + id, ioService.ownerOf(id), owId)) {
                continue;
            }
            entry(at, () -> ioService.restore(id, owId, uowId, new IoRequest(io.ioName(), io.ioStartTime(),
                    io.ioEndTime(), io.ioTotalBudget(), io.ioTimeZoneId(), io.isAutoSumIoTotalBudget(),
                    io.ioBudgetTypeId(), io.ioBudgetDistributionMethodId(), io.ioTotalImpressions(), io.ioStatusId())));
            int status = io.ioStatusId() == null ? 1 : io.ioStatusId();
            settle.add(() -> entry(at, () -> ioService.settleRestored(owId, id, uowId, status)));
            added[1]++;
        }
        for (int i = 0; i < campaignEntries.size(); i++) {
            Fixture.Campaign c = campaignEntries.get(i);
            String at = "campaigns[" + i + "].";
            long id = required(at + "campaignId", c.campaignId());
            long owId = required(at + "owId", c.owId());
            long uowId = member(at, c.uowId(), owId);
            if (kept(at + "campaignId", "Campaign " + id, campaignService.ownerOf(id), owId)) {
                continue;
            }
            entry(at, () -> campaignService.restore(new CampaignService.Restorable(id, owId, uowId, c.status(),
                    c.rejectionReason(), c.fields() == null ? Map.of() : c.fields())));
            added[2]++;
        }
        settle.forEach(Runnable::run);
        return added;
    }

    /** A feature service only the running server has; the admin commands load and export tenancy only (E8). */
    private static <T> T server(ObjectProvider<T> provider) {
        T service = provider.getIfAvailable();
        if (service == null) {
            throw ApiException.badRequest("fixture", "Creatives, insertion orders and campaigns are loaded by the"
                    + " running server only: POST the fixture to /api/v3/adplane/fixtures or start with ADPLANE_FIXTURES.");
        }
        return service;
    }

    /** The member {@code uowId} of {@code owId} that made an entry. */
    private long member(String at, Long uowId, long owId) {
        long id = required(at + "uowId", uowId);
        if (!exists("SELECT COUNT(*) FROM membership WHERE uow_id = ? AND ow_id = " + owId, id)) {
            throw ApiException.badRequest(at + "uowId", at + "uowId " + id + " is not a member of organization " + owId + ".");
        }
        return id;
    }

    /** Whether an entry's id exists (and is kept as it is); a 409 when it belongs to another organization. */
    private static boolean kept(String field, String what, java.util.Optional<Long> owner, long owId) {
        if (owner.isPresent() && owner.get() != owId) {
            throw ApiException.conflict(field, what + " exists in another organization.");
        }
        return owner.isPresent();
    }

    /** Runs an entry's restore; its errors name the entry ({@code campaigns[0].budgetTotal}). */
    private static void entry(String at, Runnable restore) {
        try {
            restore.run();
        } catch (ApiException e) {
            String field = at + (e.field() == null ? "" : e.field());
            throw new ApiException(e.status(), field + ": " + e.getMessage(), field, e.reason(), null, null);
        }
    }

    private static ObjectNode object(Map<String, JsonNode> fields) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (fields != null) {
            node.setAll(fields);
        }
        return node;
    }

    /** A creative's file: {@code fileBase64}, or {@code file} relative to the fixture file's folder (E7). */
    private static byte[] file(String at, Fixture.Creative c, Path folder) {
        if (c.file() != null && c.fileBase64() != null) {
            throw ApiException.badRequest(at + "file", "Give " + at + "file or fileBase64, not both.");
        }
        if (c.fileBase64() != null) {
            try {
                return Base64.getMimeDecoder().decode(c.fileBase64());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(at + "fileBase64", at + "fileBase64 is not Base64: " + e.getMessage());
            }
        }
        if (c.file() == null) {
            return null;
        }
        if (folder == null) {
            throw ApiException.badRequest(at + "file", "A fixture sent over HTTP gives its files as fileBase64; " + at
                    + "file names a path, which only a fixture file (ADPLANE_FIXTURES, load-fixtures) may.");
        }
        Path path = folder.resolve(c.file());
        try {
            return Files.readAllBytes(path);
        } catch (java.io.IOException e) {
            throw ApiException.badRequest(at + "file", "Cannot read " + at + "file " + path + ": " + e.getMessage());
        }
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
        CreativeService creativeService = creatives.getIfAvailable();
        if (creativeService == null) {
            if (holdsContent()) {
                throw new IllegalArgumentException("this database holds creatives, insertion orders or campaigns, which"
                        + " only the running server exports: GET /api/v3/adplane/fixtures");
            }
            return new Fixture(VERSION, workspaces, organizations, users, null, null, null);
        }
        List<Fixture.Creative> creativeList = creativeService.exportAll().stream().map(c -> new Fixture.Creative(
                c.creativeId(), c.owId(), c.uowId(), c.creativeStatusId(), c.rejectionReason(), c.remarks(), null,
                c.file() == null ? null : Base64.getEncoder().encodeToString(c.file()), map(c.request()))).toList();
        List<Fixture.InsertionOrder> ios = server(insertionOrders).exportAll().stream().map(io -> new Fixture.InsertionOrder(
                io.ioId(), io.owId(), io.createdByUowId(), io.ioName(), io.ioStartTime(), io.ioEndTime(),
                io.isAutoSumIoTotalBudget() ? null : io.ioTotalBudget(), io.ioTotalImpressions(), io.ioTimeZoneId(),
                io.isAutoSumIoTotalBudget(), io.ioBudgetTypeId(), io.ioBudgetDistributionMethodId(), io.ioStatusId()))
                .toList();
        List<Fixture.Campaign> campaignList = server(campaigns).exportAll().stream().map(c -> new Fixture.Campaign(
                c.campaignId(), c.owId(), c.uowId(), c.status(), c.rejectionReason(), new LinkedHashMap<>(c.fields())))
                .toList();
        return new Fixture(VERSION, workspaces, organizations, users, creativeList, ios, campaignList);
    }

    private boolean holdsContent() {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 AS x FROM creative FETCH FIRST 1 ROWS ONLY) c").query(Long.class)
                .single() + jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 AS x FROM insertion_order FETCH FIRST 1 ROWS ONLY) i")
                .query(Long.class).single() > 0;
    }

    private static Map<String, JsonNode> map(ObjectNode node) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        node.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
        return fields;
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
