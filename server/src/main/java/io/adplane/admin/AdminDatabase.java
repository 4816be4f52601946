package io.adplane.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.adplane.ops.DatabaseProblems;
import io.adplane.ops.DatabaseUrls;

/**
 * The one database connection of an admin command: the database {@code serve} is configured for, opened only
 * when it already exists and holds adplane's schema at the version this build expects. It never creates a
 * database: an H2 file that isn't there, an in-memory database of another process, or a PostgreSQL database
 * without adplane's tables is an error that says where it looked. A schema behind this build is an error too,
 * unless the command is given {@code --migrate}, which upgrades it with the same Flyway migrations as
 * {@code serve}.
 */
final class AdminDatabase implements AutoCloseable {

    /** A Flyway migration: an SQL file or a Java migration's class (V115 is one), both in db/migration. */
    private static final Pattern MIGRATION = Pattern.compile("V([0-9][0-9_.]*)__[^$]*\\.(sql|class)");

    final SingleConnectionDataSource dataSource;
    final String description;

    private AdminDatabase(SingleConnectionDataSource dataSource, String description) {
        this.dataSource = dataSource;
        this.description = description;
    }

    /** Opens the configured database; {@code migrate} allows upgrading a schema that is behind. */
    static AdminDatabase open(Environment env, boolean migrate, java.io.PrintStream err) {
        String url = env.getProperty("spring.datasource.url");
        String user = env.getProperty("spring.datasource.username");
        String password = env.getProperty("spring.datasource.password");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no database configured (spring.datasource.url / ADPLANE_DB_URL)");
        }
        String description;
        if (url.startsWith("jdbc:h2:mem:")) {
            description = "H2 in-memory database " + h2Name(url.substring("jdbc:h2:mem:".length()));
            url = withSetting(url, "IFEXISTS=TRUE");
        } else if (DatabaseUrls.isH2File(url)) {
            Path file = DatabaseUrls.h2File(url);
            description = "H2 database " + file;
            err.println("adplane admin: database " + description);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no adplane database at " + file + ": set ADPLANE_DATA_DIR to the data"
                        + " directory of the server (or ADPLANE_DB_URL); './adplane serve' creates the database on its first start");
            }
            url = withSetting(url, "IFEXISTS=TRUE");
        } else if (url.startsWith("jdbc:postgresql:")) {
            description = "PostgreSQL " + DatabaseUrls.redact(url) + (user == null || user.isBlank() ? "" : " as " + user);
        } else {
            description = DatabaseUrls.redact(url);
        }
        if (!description.startsWith("H2 database ")) {
            err.println("adplane admin: database " + description);
        }

        SingleConnectionDataSource ds = new SingleConnectionDataSource(url, user, password, true);
        try (Connection c = ds.getConnection()) {
            c.isValid(5);
        } catch (SQLException e) {
            ds.destroy();
            throw new IllegalArgumentException(connectProblem(url, user, description, e));
        }
        AdminDatabase db = new AdminDatabase(ds, description);
        try {
            db.checkSchema(migrate, err);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private void checkSchema(boolean migrate, java.io.PrintStream err) {
        List<Integer> expected = latestMigration();
        List<Integer> applied;
        try (Connection c = dataSource.getConnection()) {
            applied = appliedVersion(c);
        } catch (SQLException e) {
            applied = null;
        }
        if (applied == null) {
            throw new IllegalArgumentException(description + " has no adplane schema: './adplane serve' creates it on its"
                    + " first start (admin commands never create a database)");
        }
        int order = compare(applied, expected);
        if (order > 0) {
            throw new IllegalArgumentException("the schema of " + description + " is at version " + version(applied)
                    + ", newer than this adplane's " + version(expected) + ": use the adplane that upgraded it");
        }
        if (order < 0) {
            if (!migrate) {
                throw new IllegalArgumentException("the schema of " + description + " is at version " + version(applied)
                        + ", behind this adplane's " + version(expected) + ": start './adplane serve' once to upgrade it,"
                        + " or run the command with --migrate");
            }
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            err.println("adplane admin: upgraded the schema from version " + version(applied) + " to " + version(expected));
        }
    }

    @Override
    public void close() {
        dataSource.destroy();
    }

    /** The highest version among the migrations this build carries. */
    static List<Integer> latestMigration() {
        try {
            List<Integer> latest = List.of();
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*")) {
                Matcher m = MIGRATION.matcher(r.getFilename() == null ? "" : r.getFilename());
                if (m.matches()) {
                    List<Integer> v = parse(m.group(1));
                    if (compare(v, latest) > 0) {
                        latest = v;
                    }
                }
            }
            return latest;
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the migrations: " + e.getMessage(), e);
        }
    }

    /** The highest successfully applied version in Flyway's history, or {@code null} without one. */
    private static List<Integer> appliedVersion(Connection c) throws SQLException {
        List<Integer> latest = null;
        try (ResultSet rs = c.createStatement()
                .executeQuery("SELECT version FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL")) {
            while (rs.next()) {
                List<Integer> v = parse(rs.getString(1));
                if (latest == null || compare(v, latest) > 0) {
                    latest = v;
                }
            }
        }
        return latest;
    }

    private static List<Integer> parse(String version) {
        List<Integer> parts = new ArrayList<>();
        for (String p : version.split("[._]")) {
            if (!p.isEmpty()) {
                parts.add(Integer.valueOf(p));
            }
        }
        return parts;
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int x = i < a.size() ? a.get(i) : 0;
            int y = i < b.size() ? b.get(i) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    private static String version(List<Integer> v) {
        return String.join(".", v.stream().map(String::valueOf).toList());
    }

    private static String h2Name(String rest) {
        int semicolon = rest.indexOf(';');
        return semicolon < 0 ? rest : rest.substring(0, semicolon);
    }

    private static String withSetting(String url, String setting) {
        String key = setting.substring(0, setting.indexOf('=') + 1).toUpperCase();
        boolean present = Arrays.stream(url.split(";")).skip(1).anyMatch(s -> s.toUpperCase().startsWith(key));
        return present ? url : url + ";" + setting;
    }

    private static String connectProblem(String url, String user, String description, SQLException e) {
        if ("90146".equals(e.getSQLState()) && description.startsWith("H2 in-memory")) {
            return "cannot open " + description + ": an in-memory database lives only inside the server process that"
                    + " made it; admin commands need the server's file database or PostgreSQL";
        }
        return DatabaseProblems.describe(url, user, e);
    }
}
