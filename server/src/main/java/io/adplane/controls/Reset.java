package io.adplane.controls;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.adplane.delivery.ClockOffsets;

/**
 * Returns the database to the state of a fresh bootstrap (E1): every table of adplane's schema is emptied, except
 * Flyway's history and the bootstrap's own rows: the first workspace, its owner organization, that organization's
 * first member (the bootstrap admin) and the workspace's first OAuth client, with the admin's sessions through
 * that client (its tokens keep working). The tables come from the schema itself, so a table a later migration
 * adds is emptied too; rows are deleted children first (foreign keys read from the database), after the
 * nullable references of the rows that go are cleared, which breaks every cycle. Identity columns restart past
 * the largest id left (or at their first value), so the ids after a reset are the ids after a bootstrap. The
 * simulation clock goes back to real time (E9); its delivery facts and rollups are emptied with everything else.
 */
@Component
public class Reset {

    /** What survived a reset: the bootstrap's workspace, organization, admin and client; nulls when there was none. */
    @JsonPropertyOrder({"workspaceId", "domain", "owId", "userId", "email", "clientId", "tablesEmptied"})
    public record Kept(@Nullable Long workspaceId, @Nullable String domain, @Nullable Long owId, @Nullable Long userId,
            @Nullable String email, @Nullable String clientId, List<String> tablesEmptied) {
    }

    private static final String HISTORY = "flyway_schema_history";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;

    private final ClockOffsets clockOffsets;

    Reset(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions, ClockOffsets clockOffsets) {
        this.clockOffsets = clockOffsets;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Empties the database but for the bootstrap's rows, in one transaction, then restarts the identities in
     * another (H2 commits at DDL; kept apart, no transaction is ever cut in two); what was kept.
     */
    public Kept reset() {
        Kept kept = tx.execute(status -> empty());
        restartIdentities();
        return kept;
    }

    private Kept empty() {
        Bootstrapped kept = bootstrapped().orElse(null);
        Map<String, String> keep = keepRules(kept);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Schema schema = Schema.read(connection);
        List<String> emptied = new ArrayList<>();
        for (Schema.Reference ref : schema.nullableReferences()) {
            String rule = keep.get(ref.table());
            jdbc.sql("UPDATE " + ref.table() + " SET " + ref.column() + " = NULL WHERE " + ref.column() + " IS NOT NULL"
                    + (rule == null ? "" : " AND NOT (" + rule + ")")).update();
        }
        for (String table : schema.childrenFirst()) {
            String rule = keep.get(table);
            jdbc.sql("DELETE FROM " + table + (rule == null ? "" : " WHERE NOT (" + rule + ")")).update();
            if (rule == null) {
                emptied.add(table);
            }
        }
        // The simulation clock's row stays, back at real time, counting the reset so every instance follows (E9).
        clockOffsets.backToRealTime(System.currentTimeMillis());
        return kept == null ? new Kept(null, null, null, null, null, null, List.copyOf(emptied))
                : new Kept(kept.workspaceId(), kept.domain(), kept.owId(), kept.userId(), kept.email(), kept.clientId(),
                        List.copyOf(emptied));
    }

    /**
     * Restarts every identity column past the largest id its table holds (or at its first value), after rows were
     * written with ids of their own (a fixture) or deleted; in a transaction of its own, after theirs.
     */
    public void restartIdentities() {
        tx.executeWithoutResult(status -> restartIdentities(Schema.read(DataSourceUtils.getConnection(dataSource))));
    }

    private void restartIdentities(Schema schema) {
        for (Schema.Identity identity : schema.identities()) {
            long max = jdbc.sql("SELECT COALESCE(MAX(" + identity.column() + "), 0) FROM " + identity.table())
                    .query(Long.class).single();
            long next = Math.max(max + 1, identity.start());
            jdbc.sql("ALTER TABLE " + identity.table() + " ALTER COLUMN " + identity.column() + " RESTART WITH " + next)
                    .update();
        }
    }

    private record Bootstrapped(long workspaceId, String domain, long owId, Long userId, String email, Long uowId,
            String clientId) {
    }

    /** The bootstrap's rows: the first workspace, its owner, the owner's first member, the first client. */
    private Optional<Bootstrapped> bootstrapped() {
        var ws = jdbc.sql("SELECT id, domain, owner_ow_id FROM workspace WHERE owner_ow_id IS NOT NULL ORDER BY id"
                + " FETCH FIRST 1 ROWS ONLY")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3)}).optional();
        if (ws.isEmpty()) {
            return Optional.empty();
        }
        long workspaceId = (Long) ws.get()[0];
        long owId = (Long) ws.get()[2];
        var member = jdbc.sql("""
                SELECT m.uow_id, u.id, u.email FROM membership m JOIN app_user u ON u.id = m.user_id
                WHERE m.ow_id = ? ORDER BY m.uow_id FETCH FIRST 1 ROWS ONLY""").param(owId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)}).optional();
        String clientId = jdbc.sql("SELECT client_id FROM oauth_client WHERE workspace_id = ? ORDER BY created_at, client_id"
                + " FETCH FIRST 1 ROWS ONLY").param(workspaceId).query(String.class).optional().orElse(null);
        return Optional.of(new Bootstrapped(workspaceId, (String) ws.get()[1], owId,
                member.map(m -> (Long) m[1]).orElse(null), member.map(m -> (String) m[2]).orElse(null),
                member.map(m -> (Long) m[0]).orElse(null), clientId));
    }

    /** Per table, the SQL condition of the rows a reset keeps (ids are numbers or a quoted client id). */
    private static Map<String, String> keepRules(Bootstrapped kept) {
        Map<String, String> keep = new HashMap<>();
        keep.put("simulation_clock", "id = 1");
        if (kept == null) {
            return keep;
        }
        long user = kept.userId() == null ? -1 : kept.userId();
        long uow = kept.uowId() == null ? -1 : kept.uowId();
        String client = kept.clientId() == null ? "NULL" : "'" + kept.clientId().replace("'", "''") + "'";
        String sessions = "user_id = " + user + " AND client_id = " + client + " AND workspace_id = " + kept.workspaceId()
                + " AND ow_id = " + kept.owId();
        keep.put("workspace", "id = " + kept.workspaceId());
        keep.put("organization", "ow_id = " + kept.owId());
        keep.put("app_user", "id = " + user);
        keep.put("membership", "uow_id = " + uow);
        keep.put("oauth_client", "client_id = " + client);
        keep.put("auth_session", sessions);
        String ofSessions = "session_id IN (SELECT id FROM auth_session WHERE " + sessions + ")";
        keep.put("access_token", ofSessions);
        keep.put("refresh_token", ofSessions);
        return keep;
    }

    /** The tables of the current schema, their foreign keys and identity columns, from the database's catalog. */
    record Schema(List<String> childrenFirst, List<Reference> nullableReferences, List<Identity> identities) {

        record Reference(String table, String column) {
        }

        record Identity(String table, String column, long start) {
        }

        static Schema read(Connection c) {
            try {
                String schema;
                try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT CURRENT_SCHEMA")) {
                    rs.next();
                    schema = rs.getString(1);
                }
                Set<String> tables = new LinkedHashSet<>();
                try (var st = c.prepareStatement("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                    st.setString(1, schema);
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            String name = rs.getString(1).toLowerCase(Locale.ROOT);
                            if (!name.equals(HISTORY)) {
                                tables.add(name);
                            }
                        }
                    }
                }
                Map<String, Boolean> nullable = new HashMap<>();
                List<Identity> identities = new ArrayList<>();
                try (var st = c.prepareStatement("SELECT table_name, column_name, is_nullable, is_identity, identity_start"
                        + " FROM information_schema.columns WHERE table_schema = ?")) {
                    st.setString(1, schema);
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            String table = rs.getString(1).toLowerCase(Locale.ROOT);
                            String column = rs.getString(2).toLowerCase(Locale.ROOT);
                            if (!tables.contains(table)) {
                                continue;
                            }
                            nullable.put(table + "." + column, "YES".equalsIgnoreCase(rs.getString(3)));
                            if ("YES".equalsIgnoreCase(rs.getString(4))) {
                                String start = rs.getString(5);
                                identities.add(new Identity(table, column, start == null ? 1 : Long.parseLong(start.trim())));
                            }
                        }
                    }
                }
                DatabaseMetaData meta = c.getMetaData();
                Map<String, Set<String>> parents = new LinkedHashMap<>();
                List<Reference> references = new ArrayList<>();
                for (String table : tables) {
                    Set<String> mine = new HashSet<>();
                    for (String spelling : List.of(table, table.toUpperCase(Locale.ROOT))) {
                        try (ResultSet rs = meta.getImportedKeys(null, schema, spelling)) {
                            while (rs.next()) {
                                String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                                String column = rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT);
                                if (nullable.getOrDefault(table + "." + column, false)) {
                                    references.add(new Reference(table, column));
                                } else if (!parent.equals(table)) {
                                    mine.add(parent);
                                }
                            }
                        }
                    }
                    parents.put(table, mine);
                }
                return new Schema(childrenFirst(tables, parents), references.stream().distinct().toList(), identities);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the schema: " + e.getMessage(), e);
            }
        }

        /** Tables ordered so that every table comes before the tables it references (non-nullable keys). */
        private static List<String> childrenFirst(Set<String> tables, Map<String, Set<String>> parents) {
            List<String> parentsFirst = new ArrayList<>();
            Set<String> done = new HashSet<>();
            Set<String> visiting = new HashSet<>();
            for (String table : tables) {
                visit(table, parents, done, visiting, parentsFirst);
            }
            List<String> order = new ArrayList<>(parentsFirst);
            java.util.Collections.reverse(order);
            return order;
        }

        private static void visit(String table, Map<String, Set<String>> parents, Set<String> done, Set<String> visiting,
                List<String> out) {
            if (done.contains(table) || !visiting.add(table)) {
                return;
            }
            for (String parent : parents.getOrDefault(table, Set.of())) {
                if (parents.containsKey(parent)) {
                    visit(parent, parents, done, visiting, out);
                }
            }
            visiting.remove(table);
            done.add(table);
            out.add(table);
        }
    }
}
