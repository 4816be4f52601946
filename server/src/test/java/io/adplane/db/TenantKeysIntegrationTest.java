package io.adplane.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.adplane.support.IntegrationTestSupport;

/**
 * The schema the server runs on can be distributed by organization (P2, docs/scaling.md): every table with an
 * {@code ow_id} column has a primary key that starts with it, and every foreign key from one such table to
 * another names {@code ow_id} first, except for the reference tables the document names. Read from
 * {@code information_schema}, so a new table or key that breaks the rule fails here on H2 and on PostgreSQL.
 */
class TenantKeysIntegrationTest extends IntegrationTestSupport {

    /**
     * Tables with an {@code ow_id} that stay whole on every node or on the coordinator (docs/scaling.md):
     * memberships are read by every login before the organization is known, a session by its token's hash.
     */
    private static final Set<String> REFERENCE_TABLES = Set.of("organization", "membership", "auth_session");

    @Test
    void everyTenantTableIsKeyedByOrganizationFirst() {
        List<String> tenantTables = tenantTables();
        assertThat(tenantTables).contains("campaign", "insertion_order", "creative", "change_log", "delivery_fact",
                "report_run", "deal");
        Map<String, List<String>> keys = keyColumns("PRIMARY KEY");
        List<String> wrong = new ArrayList<>();
        for (String table : tenantTables) {
            List<String> key = keys.getOrDefault(table, List.of());
            if (!REFERENCE_TABLES.contains(table) && (key.isEmpty() || !key.get(0).equals("ow_id"))) {
                wrong.add(table + " " + key);
            }
        }
        assertThat(wrong).as("tenant tables whose primary key does not start with ow_id").isEmpty();
    }

    @Test
    void foreignKeysBetweenTenantTablesNameTheOrganization() {
        List<String> tenantTables = tenantTables();
        List<String> wrong = new ArrayList<>();
        int between = 0;
        for (String[] fk : foreignKeys()) {
            String table = fk[0];
            String target = fk[1];
            String columns = fk[2];
            if (tenantTables.contains(table) && tenantTables.contains(target) && !REFERENCE_TABLES.contains(table)
                    && !REFERENCE_TABLES.contains(target)) {
                between++;
                if (!columns.startsWith("ow_id,")) {
                    wrong.add(table + " (" + columns + ") -> " + target);
                }
            }
        }
        assertThat(between).as("foreign keys between tenant tables").isGreaterThanOrEqualTo(8);
        assertThat(wrong).as("foreign keys between tenant tables that do not start with ow_id").isEmpty();
    }

    private List<String> tenantTables() {
        return jdbc.sql("""
                SELECT c.table_name FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = CURRENT_SCHEMA AND c.column_name = 'ow_id' AND t.table_type = 'BASE TABLE'
                ORDER BY c.table_name""").query(String.class).list();
    }

    /** Each table's columns of its constraint of this type, in key order (one constraint per table). */
    private Map<String, List<String>> keyColumns(String type) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT k.table_name, k.column_name FROM information_schema.table_constraints tc
                JOIN information_schema.key_column_usage k
                  ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name
                  AND k.table_name = tc.table_name
                WHERE tc.table_schema = CURRENT_SCHEMA AND tc.constraint_type = ?
                ORDER BY k.table_name, k.ordinal_position""").param(type)
                .query(rs -> {
                    out.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
                });
        return out;
    }

    /** Every foreign key as (table, referenced table, its columns in order, comma-separated). */
    private List<String[]> foreignKeys() {
        Map<String, String[]> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT tc.constraint_name, tc.table_name, uc.table_name, k.column_name
                FROM information_schema.table_constraints tc
                JOIN information_schema.referential_constraints rc
                  ON rc.constraint_schema = tc.constraint_schema AND rc.constraint_name = tc.constraint_name
                JOIN information_schema.table_constraints uc
                  ON uc.constraint_schema = rc.unique_constraint_schema AND uc.constraint_name = rc.unique_constraint_name
                JOIN information_schema.key_column_usage k
                  ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name
                  AND k.table_name = tc.table_name
                WHERE tc.table_schema = CURRENT_SCHEMA AND tc.constraint_type = 'FOREIGN KEY'
                ORDER BY tc.constraint_name, k.ordinal_position""")
                .query(rs -> {
                    String table = rs.getString(2);
                    String target = rs.getString(3);
                    String column = rs.getString(4);
                    String[] fk = out.computeIfAbsent(rs.getString(1), n -> new String[] {table, target, null});
                    fk[2] = fk[2] == null ? column : fk[2] + "," + column;
                });
        return List.copyOf(out.values());
    }
}
