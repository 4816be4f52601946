package io.adplane.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;


/**
 * What an operator sees when {@code serve} cannot start: exactly one line on standard error,
 * {@code adplane: cannot start: ...}, naming the setting, before anything else is printed, and exit code 1.
 * And what a successful first start shows: no credentials on a standard output that is not a terminal, but a
 * file only its owner may read. Each case runs the server as its own process, on the embedded database; the
 * PostgreSQL cases are {@link StartupFailuresPostgresTest}.
 */
class StartupFailuresTest {

    private static final Duration EXIT = Duration.ofSeconds(60);

    static String onlyLine(ServerProcess server) throws InterruptedException {
        assertThat(server.exitCode(EXIT)).as("exit code; stderr %s", server.stderr()).isEqualTo(1);
        assertThat(server.stdout()).as("nothing before the failure").isEmpty();
        String err = server.stderr();
        assertThat(err.lines()).as("one line on stderr: %s", err).hasSize(1);
        assertThat(err).startsWith("adplane: cannot start: ").doesNotContain("Exception").doesNotContain("\tat ");
        return err.strip();
    }

    private static Map<String, String> h2In(Path dir) {
        Map<String, String> env = new HashMap<>();
        env.put("ADPLANE_DATA_DIR", dir.toString());
        return env;
    }

    @Test
    void aDataDirectoryThatCannotBeWritten() throws Exception {
        // /proc refuses new entries even to root, like a read-only mount.
        try (ServerProcess server = ServerProcess.start(h2In(Path.of("/proc/adplane-data")))) {
            assertThat(onlyLine(server)).isEqualTo("adplane: cannot start: the data directory /proc/adplane-data"
                    + " (ADPLANE_DATA_DIR) is not writable: it cannot be created there; point ADPLANE_DATA_DIR at a writable directory");
        }
        Path file = Files.createTempFile("adplane-not-a-dir", ".txt");
        try (ServerProcess server = ServerProcess.start(h2In(file))) {
            assertThat(onlyLine(server)).isEqualTo("adplane: cannot start: the data directory " + file
                    + " (ADPLANE_DATA_DIR) is not a directory");
        }
    }

    @Test
    void aDatabaseUrlAdplaneDoesNotSpeak() throws Exception {
        try (ServerProcess server = ServerProcess.start(Map.of("ADPLANE_DB_URL", "mysql://root:secret@db.example/ads"))) {
            assertThat(onlyLine(server)).isEqualTo("adplane: cannot start: ADPLANE_DB_URL 'mysql://root:***@db.example/ads'"
                    + " is not a database URL adplane supports: use jdbc:postgresql://host:5432/database"
                    + " (or postgres://user:password@host:5432/database)");
        }
    }

    @Test
    void wrongCredentialsOfTheEmbeddedDatabase() throws Exception {
        Path dir = Files.createTempDirectory("adplane-creds");
        DriverManager.getConnection("jdbc:h2:file:" + dir + "/adplane", "sa", "the-right-one").close();
        Map<String, String> env = h2In(dir);
        env.put("ADPLANE_DB_PASSWORD", "a-wrong-one");
        try (ServerProcess server = ServerProcess.start(env)) {
            assertThat(onlyLine(server)).startsWith("adplane: cannot start: the database refused user 'sa'"
                    + " (ADPLANE_DB_USER, ADPLANE_DB_PASSWORD) at jdbc:h2:file:" + dir + "/adplane;")
                    .contains("Wrong user name or password");
        }
    }

    @Test
    void aPortInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Map<String, String> env = new HashMap<>();
            env.put("ADPLANE_IN_MEMORY", "true");
            env.put("ADPLANE_DATA_DIR", Files.createTempDirectory("adplane-port").toString());
            env.put("SERVER_PORT", Integer.toString(taken.getLocalPort()));
            try (ServerProcess server = ServerProcess.start(env)) {
                assertThat(onlyLine(server)).isEqualTo("adplane: cannot start: port " + taken.getLocalPort()
                        + " is in use (another adplane, or another program, listens there): stop it, or set SERVER_PORT to a free port");
            }
        }
    }

    @Test
    void productionModeRefusesTheCheapPasswordHash() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("ADPLANE_IN_MEMORY", "true");
        env.put("ADPLANE_MODE", "production");
        env.put("ADPLANE_PASSWORDS_COST", "low");
        try (ServerProcess server = ServerProcess.start(env)) {
            assertThat(onlyLine(server)).isEqualTo("adplane: cannot start: adplane.passwords.cost=low is for tests and"
                    + " development and is refused in production mode; remove it, or set ADPLANE_MODE=emulator");
        }
        env.put("ADPLANE_MODE", "staging");
        try (ServerProcess server = ServerProcess.start(env)) {
            assertThat(onlyLine(server)).isEqualTo("adplane: cannot start: adplane.mode (ADPLANE_MODE) must be 'emulator'"
                    + " or 'production', not 'staging'");
        }
    }

    @Test
    void generatedCredentialsGoToAnOwnerOnlyFileNotToTheLog() throws Exception {
        Path dir = Files.createTempDirectory("adplane-first-start");
        try (ServerProcess server = ServerProcess.start(h2In(dir), "--in-memory")) {
            assertThat(server.awaitReady(Duration.ofSeconds(120))).as("ready; stderr %s", server.stderr()).isTrue();
            Path file = dir.resolve("bootstrap-credentials.env");
            assertThat(file).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            String credentials = Files.readString(file);
            assertThat(credentials).contains("export ADPLANE_URL=" + server.url() + "\n", "export ADPLANE_HOST=localhost\n",
                    "export ADPLANE_EMAIL=admin@localhost.test\n");
            String password = credentials.lines().filter(l -> l.startsWith("export ADPLANE_PASSWORD=")).findFirst()
                    .orElseThrow().substring("export ADPLANE_PASSWORD=".length());
            String secret = credentials.lines().filter(l -> l.startsWith("export ADPLANE_CLIENT_SECRET=")).findFirst()
                    .orElseThrow().substring("export ADPLANE_CLIENT_SECRET=".length());
            String log = server.stdout() + server.stderr();
            assertThat(log).contains("generated credentials are in " + file).doesNotContain(password).doesNotContain(secret);
            // The generated password, hashed while the server started (O2), logs in.
            String clientId = credentials.lines().filter(l -> l.startsWith("export ADPLANE_CLIENT_ID=")).findFirst()
                    .orElseThrow().substring("export ADPLANE_CLIENT_ID=".length());
            HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.url() + "/api/v3/ua/login"))
                    .header("Content-Type", "application/json")
                    .header("X-IAA-HOST", "localhost")
                    .header("Authentication", "Basic " + Base64.getEncoder().encodeToString(
                            (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"grantType\":\"password\",\"email\":"
                            + "\"admin@localhost.test\",\"password\":\"" + password + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            // --in-memory: no database file in the data directory.
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("bootstrap-credentials.env");
            }
        }
    }

    @Test
    void aBootstrapPasswordTooShortIsNamed() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("ADPLANE_IN_MEMORY", "true");
        env.put("ADPLANE_BOOTSTRAP_PASSWORD", "short");
        try (ServerProcess server = ServerProcess.start(env)) {
            assertThat(onlyLine(server)).isEqualTo("adplane: cannot start: adplane.bootstrap.password"
                    + " (ADPLANE_BOOTSTRAP_PASSWORD) is refused: password must have at least 8 characters");
        }
    }

    /** No PostgreSQL 14 runs here; the check is the one {@code serve} makes on its one connection. */
    @Test
    void aPostgresqlTooOldForMergeIsNamed() {
        assertThatThrownBy(() -> StartupChecks.checkVersion("jdbc:postgresql://db:5432/adplane", "PostgreSQL", 14))
                .isInstanceOf(StartupProblem.class)
                .hasMessage("the database at jdbc:postgresql://db:5432/adplane is PostgreSQL 14; adplane needs PostgreSQL 15 or"
                        + " newer (it writes with MERGE): upgrade it, or point ADPLANE_DB_URL at a newer one");
        StartupChecks.checkVersion("jdbc:postgresql://db:5432/adplane", "PostgreSQL", 15);
        StartupChecks.checkVersion("jdbc:h2:mem:x", "H2", 2);
    }
}
