package io.adplane.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema snapshot the build wrote (O1): restored into an empty database it gives exactly the schema, the rows,
 * the identities' next values and Flyway's history that migrating gives, and Flyway then has nothing to apply.
 */
class H2SchemaSnapshotTest {

    private static JdbcDataSource h2(String url) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }

    private static JdbcDataSource inMemory(String settings) {
        return h2("jdbc:h2:mem:snapshot-test-" + UUID.randomUUID() + ";" + settings + ";DB_CLOSE_DELAY=-1");
    }

    private static Flyway flyway(JdbcDataSource ds) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/migration").load();
    }

    /** The database as the snapshot scripts it, but for Flyway's history (its times differ). */
    private static List<String> script(JdbcDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return H2SchemaSnapshot.script(c).stream().filter(line -> !line.contains("flyway_schema_history")).toList();
        }
    }

    /** Each row of a query as its values joined by spaces. */
    private static List<String> rows(JdbcDataSource ds, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " " : "").append(rs.getObject(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static List<String> history(JdbcDataSource ds) throws SQLException {
        return rows(ds, "SELECT installed_rank, version, description, type, script, checksum, success"
                + " FROM flyway_schema_history ORDER BY installed_rank");
    }

    private static List<String> identities(JdbcDataSource ds) throws SQLException {
        return rows(ds, "SELECT TABLE_NAME, COLUMN_NAME, 'start', IDENTITY_START, 'next', IDENTITY_BASE FROM"
                + " INFORMATION_SCHEMA.COLUMNS WHERE IS_IDENTITY = 'YES' ORDER BY TABLE_NAME, COLUMN_NAME");
    }

    @Test
    void anEmptyDatabaseRestoredFromTheSnapshotIsTheMigratedOne() throws SQLException {
        JdbcDataSource migrated = inMemory(H2SchemaSnapshot.SETTINGS);
        flyway(migrated).migrate();

        JdbcDataSource restored = inMemory(H2SchemaSnapshot.SETTINGS);
        assertThat(H2SchemaSnapshot.restoreIfEmpty(restored)).as("restored").isTrue();
        MigrateResult after = flyway(restored).migrate();

        assertThat(after.migrationsExecuted).as("migrations left after the snapshot").isZero();
        assertThat(script(restored)).as("schema and rows").isEqualTo(script(migrated)).isNotEmpty();
        assertThat(history(restored)).as("Flyway's history").isEqualTo(history(migrated));
        assertThat(identities(restored)).as("identities").isEqualTo(identities(migrated))
                .anyMatch(line -> line.startsWith("organization ow_id start 200001 "));
    }

    @Test
    void aFileDatabaseGetsTablesOnDiskAndIdsContinueAsAfterMigrating(@TempDir Path dir) throws SQLException {
        JdbcDataSource migrated = inMemory(H2SchemaSnapshot.SETTINGS);
        flyway(migrated).migrate();
        JdbcDataSource file = h2("jdbc:h2:file:" + dir.resolve("adplane") + ";" + H2SchemaSnapshot.SETTINGS);
        assertThat(H2SchemaSnapshot.restoreIfEmpty(file)).isTrue();

        try (Connection c = file.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'public'"
                        + " AND STORAGE_TYPE <> 'CACHED'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("tables held in memory in a file database").isZero();
        }
        String insert = "INSERT INTO workspace (domain, name, support_email, created_at)"
                + " VALUES ('w.example', 'W', 'support@w.example', 0)";
        assertThat(newId(file, insert)).as("first workspace id").isEqualTo(newId(migrated, insert));
    }

    private static long newId(JdbcDataSource ds, String insert) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(insert, Statement.RETURN_GENERATED_KEYS);
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    @Test
    void aDatabaseWithTablesOrInOtherSettingsIsLeftToFlyway() throws SQLException {
        JdbcDataSource migrated = inMemory(H2SchemaSnapshot.SETTINGS);
        flyway(migrated).migrate();
        assertThat(H2SchemaSnapshot.restoreIfEmpty(migrated)).as("a database with tables").isFalse();

        JdbcDataSource other = inMemory("MODE=PostgreSQL");
        assertThat(H2SchemaSnapshot.restoreIfEmpty(other)).as("other settings").isFalse();
        try (Connection c = other.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'public'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("tables written into it").isZero();
        }
    }

    @Test
    void aDatabaseTheSnapshotCannotBeWrittenToIsNamedAndLeftEmpty(@TempDir Path dir) throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("adplane") + ";" + H2SchemaSnapshot.SETTINGS;
        try (Connection created = h2(url).getConnection()) {
            assertThat(created.isValid(1)).as("an empty database file").isTrue();
        }
        JdbcDataSource readOnly = h2(url + ";ACCESS_MODE_DATA=r");
        assertThatThrownBy(() -> H2SchemaSnapshot.restoreIfEmpty(readOnly)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot restore the schema snapshot " + H2SchemaSnapshot.RESOURCE + ": ")
                .hasMessageContaining("read only");
        assertThat(rows(h2(url), "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'public'"))
                .as("tables left behind").containsExactly("0");
    }

    @Test
    void theSnapshotHoldsNoUserAndNoSetting() throws IOException {
        Path snapshot = Path.of("target/classes", H2SchemaSnapshot.RESOURCE);
        String text = Files.readString(snapshot, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("CREATE USER").doesNotContain("PASSWORD").doesNotContainPattern("(?m)^SET ")
                .doesNotContain("CREATE MEMORY TABLE").contains("CREATE TABLE \"public\".\"campaign\"");
    }
}
