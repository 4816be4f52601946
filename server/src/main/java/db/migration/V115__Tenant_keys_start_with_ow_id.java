package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Every per-organization table gets a primary key that starts with {@code ow_id}, and the foreign keys between
 * them name {@code (ow_id, ...)}, so the schema can be distributed by organization with Citus (docs/scaling.md,
 * P2). Rows are kept as they are: only keys, foreign keys and indexes change.
 *
 * <p>A Java migration because the keys being replaced were declared without names: PostgreSQL calls them
 * {@code <table>_pkey} and {@code <table>_<column>_fkey}, H2 {@code constraint_<n>}, and neither accepts the
 * other's way of dropping an unnamed key. The names are read from {@code information_schema}, which both
 * databases have; every statement run is portable SQL. The new keys are named, so later migrations need no
 * lookup.
 */
public class V115__Tenant_keys_start_with_ow_id extends BaseJavaMigration {

    /** A foreign key from {@code table (columns)} to {@code target (targetColumns)}, in the new form. */
    private record ForeignKey(String name, String table, String columns, String target, String targetColumns,
            String onDelete) {
    }

    private static final List<ForeignKey> FOREIGN_KEYS = List.of(
            new ForeignKey("campaign_io_fk", "campaign", "ow_id, io_id", "insertion_order", "ow_id, io_id", ""),
            new ForeignKey("campaign_status_change_campaign_fk", "campaign_status_change", "ow_id, campaign_id",
                    "campaign", "ow_id, id", ""),
            new ForeignKey("campaign_creative_campaign_fk", "campaign_creative", "ow_id, campaign_id", "campaign",
                    "ow_id, id", ""),
            new ForeignKey("campaign_audience_campaign_fk", "campaign_audience", "ow_id, campaign_id", "campaign",
                    "ow_id, id", ""),
            new ForeignKey("creative_group_creative_group_fk", "creative_group_creative", "ow_id, creative_group_id",
                    "creative_group", "ow_id, creative_group_id", ""),
            new ForeignKey("creative_group_creative_creative_fk", "creative_group_creative", "ow_id, creative_id",
                    "creative", "ow_id, creative_id", ""),
            new ForeignKey("report_schedule_report_fk", "report_schedule", "ow_id, report_id", "saved_report",
                    "ow_id, id", " ON DELETE CASCADE"),
            new ForeignKey("report_run_report_fk", "report_run", "ow_id, report_id", "saved_report", "ow_id, id",
                    " ON DELETE CASCADE"));

    /** Each table and its new primary key. */
    private static final String[][] KEYS = {
        {"insertion_order", "ow_id, io_id"},
        {"campaign", "ow_id, id"},
        {"creative", "ow_id, creative_id"},
        {"campaign_creative", "ow_id, campaign_id, creative_id"},
        {"campaign_audience", "ow_id, campaign_id, audience_id"},
        {"campaign_status_change", "ow_id, id"},
        {"change_log", "ow_id, id"},
        {"delivery_fact", "ow_id, campaign_id, hour_start, creative_id, exchange_id, device_type_id, country_id"},
        {"delivery_day", "ow_id, campaign_id, local_day"},
        {"delivery_total", "ow_id, campaign_id"},
        {"delivery_io_total", "ow_id, io_id"},
        {"delivery_cursor", "ow_id, campaign_id"},
        {"saved_report", "ow_id, id"},
        {"report_schedule", "ow_id, id"},
        {"report_run", "ow_id, id"},
        {"creative_group", "ow_id, creative_group_id"},
        {"creative_group_creative", "ow_id, creative_group_id, creative_id"},
        {"deal", "ow_id, id"},
        {"audience", "ow_id, id"},
        {"inventory_group", "ow_id, id"},
        {"advertiser_profile", "ow_id, id"},
    };

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        String schema = c.getSchema();
        List<String> sql = new ArrayList<>();
        // Foreign keys first: neither database drops a key another table's foreign key depends on.
        for (ForeignKey fk : FOREIGN_KEYS) {
            for (String name : foreignKeysOn(c, schema, fk.table(), fk.target())) {
                sql.add("ALTER TABLE " + fk.table() + " DROP CONSTRAINT \"" + name + "\"");
            }
        }
        // Unique keys that the new primary keys make redundant, or that must name the organization to be kept by a
        // distributed table (a unique key there includes the distribution column).
        sql.add("ALTER TABLE insertion_order DROP CONSTRAINT insertion_order_ow_io_uq");
        sql.add("ALTER TABLE creative_group DROP CONSTRAINT creative_group_ow_uk");
        sql.add("ALTER TABLE report_schedule DROP CONSTRAINT report_schedule_report_uq");
        sql.add("ALTER TABLE report_run DROP CONSTRAINT report_run_token_uq");
        for (String[] key : KEYS) {
            sql.add("ALTER TABLE " + key[0] + " DROP CONSTRAINT \"" + primaryKey(c, schema, key[0]) + "\"");
            sql.add("ALTER TABLE " + key[0] + " ADD CONSTRAINT " + key[0] + "_pkey PRIMARY KEY (" + key[1] + ")");
        }
        sql.add("ALTER TABLE report_schedule ADD CONSTRAINT report_schedule_report_uq UNIQUE (ow_id, report_id)");
        sql.add("ALTER TABLE report_run ADD CONSTRAINT report_run_token_uq UNIQUE (ow_id, token)");
        for (ForeignKey fk : FOREIGN_KEYS) {
            sql.add("ALTER TABLE " + fk.table() + " ADD CONSTRAINT " + fk.name() + " FOREIGN KEY (" + fk.columns()
                    + ") REFERENCES " + fk.target() + " (" + fk.targetColumns() + ")" + fk.onDelete());
        }
        // Lookups by id alone that remain (jobs over every organization and the emulator's import, E7): an index
        // each, no longer unique; the identity columns still hand out each id once.
        sql.add("CREATE INDEX campaign_id_ix ON campaign (id)");
        sql.add("CREATE INDEX insertion_order_id_ix ON insertion_order (io_id)");
        sql.add("CREATE INDEX creative_id_ix ON creative (creative_id)");
        // Served by the new primary keys, which start with the same columns.
        sql.add("DROP INDEX saved_report_ow_ix");
        sql.add("DROP INDEX audience_ow_ix");
        sql.add("DROP INDEX inventory_group_ow_ix");
        sql.add("DROP INDEX advertiser_profile_ow_ix");
        // The status history of a campaign is read with its organization.
        sql.add("DROP INDEX campaign_status_change_campaign_ix");
        sql.add("CREATE INDEX campaign_status_change_campaign_ix ON campaign_status_change (ow_id, campaign_id, id)");
        try (Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    private static String primaryKey(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT constraint_name FROM information_schema.table_constraints
                WHERE table_schema = ? AND table_name = ? AND constraint_type = 'PRIMARY KEY'""")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("table " + table + " has no primary key");
                }
                return rs.getString(1);
            }
        }
    }

    /** The names of the foreign keys of {@code table} that reference {@code target}. */
    private static List<String> foreignKeysOn(Connection c, String schema, String table, String target)
            throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT DISTINCT tc.constraint_name FROM information_schema.table_constraints tc
                JOIN information_schema.referential_constraints rc
                  ON rc.constraint_schema = tc.constraint_schema AND rc.constraint_name = tc.constraint_name
                JOIN information_schema.table_constraints uc
                  ON uc.constraint_schema = rc.unique_constraint_schema AND uc.constraint_name = rc.unique_constraint_name
                WHERE tc.table_schema = ? AND tc.table_name = ? AND tc.constraint_type = 'FOREIGN KEY'
                  AND uc.table_name = ?""")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            ps.setString(3, target);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}
