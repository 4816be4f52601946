package io.adplane.client;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real adplane server for the client's tests: the server's executable jar, started as a process on a free
 * port, on H2 in memory or on PostgreSQL in a schema of its own (system property
 * {@code adplane.test.database}, as in the server's tests), with known bootstrap credentials and a short
 * access-token lifetime so that automatic refresh is exercised. Its emulator controls are off (as in production
 * mode), so its clock is real time; {@link #simulated()} is a server of its own with them on.
 */
final class TestServer {

    static final String HOST = "localhost";
    static final String CLIENT_ID = "sdk-client";
    static final String CLIENT_SECRET = "sdk-client-secret-0123456789";
    static final String EMAIL = "admin@sdk.test";
    static final String PASSWORD = "sdk-admin-password";
    static final Duration ACCESS_TOKEN_TTL = Duration.ofSeconds(4);

    private static TestServer instance;
    private static TestServer simulated;

    final String url;
    private final Process process;

    private TestServer(String url, Process process) {
        this.url = url;
        this.process = process;
    }

    static synchronized TestServer get() {
        if (instance == null) {
            instance = start(false);
        }
        return instance;
    }

    /**
     * A second server, of its own, with the emulator controls on whatever the database: tests that move its
     * simulation clock forward leave the shared server's time alone.
     */
    static synchronized TestServer simulated() {
        if (simulated == null) {
            simulated = start(true);
        }
        return simulated;
    }

    AdplaneClient client() {
        return AdplaneClient.builder().baseUrl(url).host(HOST).clientCredentials(CLIENT_ID, CLIENT_SECRET)
                .timeout(Duration.ofSeconds(20)).build();
    }

    private static TestServer start(boolean controls) {
        String jar = System.getProperty("adplane.server.jar", "../server/target/adplane-server.jar");
        Assertions.assertTrue(new File(jar).isFile(), "the server jar " + jar + " must be built first (mvn verify builds it)");
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar, "serve");
        Map<String, String> env = pb.environment();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("ADPLANE_DB_URL", databaseUrl());
        env.put("ADPLANE_DB_USER", isPostgres() ? env("ADPLANE_TEST_PG_USER", "postgres") : "sa");
        env.put("ADPLANE_DB_PASSWORD", isPostgres() ? env("ADPLANE_TEST_PG_PASSWORD", "") : "");
        env.put("ADPLANE_BOOTSTRAP_DOMAIN", HOST);
        env.put("ADPLANE_BOOTSTRAP_EMAIL", EMAIL);
        env.put("ADPLANE_BOOTSTRAP_PASSWORD", PASSWORD);
        env.put("ADPLANE_BOOTSTRAP_CLIENT_ID", CLIENT_ID);
        env.put("ADPLANE_BOOTSTRAP_CLIENT_SECRET", CLIENT_SECRET);
        env.put("ADPLANE_AUTH_ACCESS_TOKEN_TTL", ACCESS_TOKEN_TTL.toSeconds() + "s");
        env.put("ADPLANE_CONTROLS_ENABLED", Boolean.toString(controls));
        pb.redirectErrorStream(true);
        pb.redirectOutput(new File("target/test-server-" + port + ".log"));
        try {
            Process process = pb.start();
            String url = "http://localhost:" + port;
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            waitUntilUp(url, process);
            return new TestServer(url, process);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the server", e);
        }
    }

    private static void waitUntilUp(String url, Process process) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                Assertions.fail("the server exited; see client/target/test-server-*.log");
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroy();
        Assertions.fail("the server did not come up within 180 s");
    }

    private static boolean isPostgres() {
        return "postgres".equals(System.getProperty("adplane.test.database", "h2"));
    }

    private static String databaseUrl() {
        if (!isPostgres()) {
            return "jdbc:h2:mem:sdk-" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        }
        String pg = env("ADPLANE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String schema = "sdk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(pg, env("ADPLANE_TEST_PG_USER", "postgres"),
                env("ADPLANE_TEST_PG_PASSWORD", ""))) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + pg + " (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("ADPLANE_REQUIRE_POSTGRES"))) {
                Assertions.fail(message + "; ADPLANE_REQUIRE_POSTGRES=true makes this a failure");
            }
            System.err.println("SKIPPED on PostgreSQL: " + message);
            Assumptions.abort(message);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(pg, env("ADPLANE_TEST_PG_USER", "postgres"),
                    env("ADPLANE_TEST_PG_PASSWORD", ""))) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                System.err.println("could not drop " + schema + ": " + e.getMessage());
            }
        }));
        return pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
