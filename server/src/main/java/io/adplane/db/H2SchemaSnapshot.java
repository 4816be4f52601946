package io.adplane.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.tools.RunScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

import io.adplane.ops.AdplaneEnvironment;

/**
 * An empty embedded database starts from a snapshot of the migrated schema (O1 in api.md): the build migrates an
 * empty H2 database with the same migrations and keeps the result as one script ({@value #RESOURCE}), and a start
 * on an empty H2 database with adplane's settings runs that script instead of every migration. Flyway then runs as
 * always: it finds each migration applied (the script holds Flyway's history) and checks their checksums, so a
 * snapshot that no longer matches the migrations stops the start, as a changed migration would. A database with
 * tables, PostgreSQL, or an H2 database in other settings is migrated as before.
 */
@Component
class H2SchemaSnapshot implements FlywayMigrationStrategy {

    static final String RESOURCE = "db/h2-schema.sql";
    /** The settings adplane's H2 URLs give; a snapshot made in them reads back only in them. */
    static final String SETTINGS = AdplaneEnvironment.H2_SETTINGS;
    /** {@link #SETTINGS} by name. */
    private static final Map<String, String> EXPECTED = Arrays.stream(SETTINGS.split(";"))
            .map(setting -> setting.split("=", 2)).collect(Collectors.toUnmodifiableMap(kv -> kv[0], kv -> kv[1]));
    private static final Logger log = LoggerFactory.getLogger(H2SchemaSnapshot.class);

    @Override
    public void migrate(Flyway flyway) {
        restoreIfEmpty(flyway.getConfiguration().getDataSource());
        flyway.migrate();
    }

    /** Runs the snapshot on an empty H2 database in adplane's settings; true when it did. */
    static boolean restoreIfEmpty(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            if (!"H2".equals(c.getMetaData().getDatabaseProductName()) || !inAdplaneSettings(c) || hasTables(c)) {
                return false;
            }
            try (InputStream in = H2SchemaSnapshot.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    return false;
                }
                long start = System.nanoTime();
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(false);
                try (Reader script = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    RunScript.execute(c, script);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(autoCommit);
                }
                log.info("Empty database: schema restored from the build's snapshot in {} ms",
                        (System.nanoTime() - start) / 1_000_000);
                return true;
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot restore the schema snapshot " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static boolean inAdplaneSettings(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                        + " WHERE SETTING_NAME IN ('" + String.join("', '", EXPECTED.keySet()) + "')")) {
            int matching = 0;
            while (rs.next()) {
                if (EXPECTED.get(rs.getString(1)).equalsIgnoreCase(rs.getString(2))) {
                    matching++;
                }
            }
            return matching == EXPECTED.size();
        }
    }

    private static boolean hasTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'public'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    /**
     * The database as H2 scripts it, as the snapshot holds it: without settings or users (the database's own user
     * stays the one that opened it) and with plain {@code CREATE TABLE}s (an in-memory database makes memory
     * tables; a restoring file database makes them on disk).
     */
    static List<String> script(Connection c) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SCRIPT NOPASSWORDS NOSETTINGS")) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!line.startsWith("CREATE USER ")) {
                    lines.add(line.startsWith("CREATE MEMORY TABLE ") ? "CREATE TABLE " + line.substring(20) : line);
                }
            }
        }
        return lines;
    }

    /**
     * Writes the snapshot: every migration applied to an empty in-memory database in adplane's settings, then its
     * {@link #script}. The build runs this after compiling ({@code exec-maven-plugin}, {@code process-classes}).
     */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String url = "jdbc:h2:mem:snapshot-" + UUID.randomUUID() + ";" + SETTINGS + ";DB_CLOSE_DELAY=-1";
        try (Connection keep = DriverManager.getConnection(url, "sa", "")) {
            Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
            Files.createDirectories(out.getParent());
            Files.write(out, script(keep), StandardCharsets.UTF_8);
        }
    }
}
