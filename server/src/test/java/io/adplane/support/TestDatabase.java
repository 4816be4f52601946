package io.adplane.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Chooses the database the integration tier runs on, from the system property {@code adplane.test.database}
 * ({@code h2}, the default, or {@code postgres}; Maven's surefire executions set it). PostgreSQL runs in a
 * schema of its own, made for this test run and dropped after it, on {@code ADPLANE_TEST_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code ADPLANE_TEST_PG_USER}, default {@code postgres}).
 * Where PostgreSQL is unreachable its tests are skipped and say so, unless {@code ADPLANE_REQUIRE_POSTGRES=true}
 * (set in CI), which makes them fail instead.
 */
public final class TestDatabase {

    public static final String KIND = System.getProperty("adplane.test.database", "h2");
    private static final String PG_URL = env("ADPLANE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = env("ADPLANE_TEST_PG_USER", "postgres");
    private static final String PG_PASSWORD = env("ADPLANE_TEST_PG_PASSWORD", "");
    private static final String H2_URL = "jdbc:h2:mem:adplane-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    private static String schema;
    private static String unreachable;

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        return "postgres".equals(KIND);
    }

    /** Skips (or, in CI, fails) the calling test class when its database can't be reached. */
    public static synchronized void assumeAvailable() {
        if (!isPostgres()) {
            return;
        }
        if (schema == null && unreachable == null) {
            createSchema();
        }
        if (unreachable != null) {
            String message = "PostgreSQL is not reachable at " + PG_URL + " (" + unreachable + ")";
            if ("true".equalsIgnoreCase(System.getenv("ADPLANE_REQUIRE_POSTGRES"))) {
                Assertions.fail(message + "; ADPLANE_REQUIRE_POSTGRES=true makes this a failure");
            }
            System.err.println("SKIPPED on PostgreSQL: " + message);
            Assumptions.abort(message);
        }
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::url);
        registry.add("spring.datasource.username", () -> isPostgres() ? PG_USER : "sa");
        registry.add("spring.datasource.password", () -> isPostgres() ? PG_PASSWORD : "");
    }

    public static String url() {
        if (!isPostgres()) {
            return H2_URL;
        }
        assumeAvailable();
        return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static String user() {
        return isPostgres() ? PG_USER : "sa";
    }

    public static String password() {
        return isPostgres() ? PG_PASSWORD : "";
    }

    private static void createSchema() {
        String name = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
            c.createStatement().execute("CREATE SCHEMA " + name);
            schema = name;
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropSchema));
        } catch (SQLException e) {
            unreachable = e.getMessage();
        }
    }

    private static void dropSchema() {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
            c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("Could not drop test schema " + schema + ": " + e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static final java.util.Map<String, String> SEPARATE = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A database of its own, for tests that wipe or reload everything (the emulator controls): a new in-memory H2
     * database, or a new PostgreSQL schema dropped at the end of the run; one per {@code name}.
     */
    public static String separateUrl(String name) {

        return SEPARATE.computeIfAbsent(name, n -> {
            if (!isPostgres()) {
                return "jdbc:h2:mem:adplane-" + n + "-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
            }
            assumeAvailable();
            String own = "it_" + n + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
                c.createStatement().execute("CREATE SCHEMA " + own);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create schema " + own + ": " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
                    c.createStatement().execute("DROP SCHEMA " + own + " CASCADE");
                } catch (SQLException e) {
                    System.err.println("Could not drop test schema " + own + ": " + e.getMessage());
                }
            }));
            return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + own;
        });
    }
}
