package io.adplane.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.adplane.AdplaneApplication;
import io.adplane.support.TestDatabase;
import io.adplane.tenancy.TenancyService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Faults of a real PostgreSQL (issue 18), on a server of its own that reaches the database through a TCP proxy
 * this test can cut: a row locked from psql's side, connections killed under load, the database gone and back.
 * Every wait is bounded; what can't be served answers 503 with {@code Retry-After}, never 500; other tenants go
 * on; readiness follows the database. Runs only in the PostgreSQL tier (the faults are PostgreSQL's).
 */
class DatabaseFaultPostgresTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "correct-horse-9";
    private static final String APP = "adplane-fault-test";

    private static TcpProxy proxy;
    private static ConfigurableApplicationContext server;
    private static int port;
    private static TenancyService tenancy;
    private static String domain;
    private static TenancyService.CreatedClient client;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        TestDatabase.assumeAvailable();
        URI pg = URI.create(TestDatabase.url().substring("jdbc:".length()));
        proxy = new TcpProxy(pg.getHost(), pg.getPort());
        String url = TestDatabase.url().replace(pg.getHost() + ":" + pg.getPort(), "127.0.0.1:" + proxy.port())
                + "&ApplicationName=" + APP;
        server = new SpringApplicationBuilder(AdplaneApplication.class)
                .run("--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + TestDatabase.user(),
                        "--spring.datasource.password=" + TestDatabase.password(),
                        "--adplane.bootstrap.enabled=false",
                        "--adplane.jobs.enabled=false",
                        "--adplane.db.pool-size=6",
                        "--adplane.mode=emulator",
                        "--adplane.passwords.cost=low");
        port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
        tenancy = server.getBean(TenancyService.class);
        var ws = tenancy.createWorkspace("fault-" + UUID.randomUUID().toString().substring(0, 8) + ".example", "Fault");
        domain = ws.domain();
        client = tenancy.createClient(domain);
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    /** A customer organization with an admin user, logged in. */
    private record Tenant(long owId, String email, String token) {
    }

    private Tenant tenant() throws Exception {
        long owner = server.getBean(io.adplane.tenancy.TenancyRepository.class).workspaceByDomain(domain).orElseThrow()
                .ownerOwId();
        var org = tenancy.createOrganization("Org " + UUID.randomUUID().toString().substring(0, 6), owner);
        String email = "fault-" + UUID.randomUUID().toString().substring(0, 10) + "@example.com";
        tenancy.createUser(email, PASSWORD, org.owId(), "admin");
        return new Tenant(org.owId(), email, login(email).get("data").get("access_token").asString());
    }

    private JsonNode login(String email) throws Exception {
        HttpResponse<String> r = send("POST", "/api/v3/ua/login", null, 0,
                "{\"grantType\":\"password\",\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> send(String method, String path, String token, long owId, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json");
        if (token == null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (client.clientId() + ":" + client.clientSecret()).getBytes())).header("X-IAA-HOST", domain);
        } else {
            b.header("Authorization", "Bearer " + token).header("X-IAA-OW-ID", String.valueOf(owId));
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long newIo(Tenant t) throws Exception {
        long start = System.currentTimeMillis() - 3_600_000;
        HttpResponse<String> r = send("POST", "/api/v3/cmp/io/add", t.token(), t.owId(), "{\"ioName\":\"IO\",\"ioStartTime\":"
                + start + ",\"ioEndTime\":" + (start + 30L * 86_400_000) + ",\"ioTimeZoneId\":29,\"ioBudgetTypeId\":1}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("data").get("ioId").asLong();
    }

    private static Connection psql() throws Exception {
        return DriverManager.getConnection(TestDatabase.url(), TestDatabase.user(), TestDatabase.password());
    }

    @Test
    void aLockedIoStallsOnlyItsOwnWritesAndTheyAnswer503() throws Exception {
        Tenant stuck = tenant();
        Tenant other = tenant();
        long io = newIo(stuck);
        long otherIo = newIo(other);
        try (Connection lock = psql()) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("SELECT io_id FROM insertion_order WHERE io_id = " + io + " FOR UPDATE");
            ExecutorService pool = Executors.newFixedThreadPool(40);
            try {
                List<Future<HttpResponse<String>>> blocked = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    blocked.add(pool.submit(() -> send("PATCH", "/api/v3/cmp/io/" + io, stuck.token(), stuck.owId(),
                            "{\"ioName\":\"Renamed\"}")));
                }
                Thread.sleep(300);
                // Meanwhile another tenant reads, writes and logs in, each within a few seconds.
                List<Future<Long>> others = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    others.add(pool.submit(() -> timed(() -> send("GET", "/api/v3/cmp/io/" + otherIo, other.token(),
                            other.owId(), null))));
                }
                // Four users of that tenant (one account's parallel logins are its throttle's business).
                for (int i = 0; i < 4; i++) {
                    String email = "fault-" + UUID.randomUUID().toString().substring(0, 10) + "@example.com";
                    tenancy.createUser(email, PASSWORD, other.owId(), "admin");
                    others.add(pool.submit(() -> timed(() -> send("POST", "/api/v3/ua/login", null, 0,
                            "{\"grantType\":\"password\",\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"))));
                }
                for (Future<Long> f : others) {
                    assertThat(f.get()).as("another tenant's request took (ms)").isLessThan(5_000);
                }
                for (Future<HttpResponse<String>> f : blocked) {
                    HttpResponse<String> r = f.get();
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
                    assertThat(r.headers().firstValue("Retry-After")).isPresent();
                    assertThat(JSON.readTree(r.body()).get("success").asBoolean()).isFalse();
                }
            } finally {
                pool.shutdownNow();
                lock.rollback();
            }
        }
        // The lock gone, the write goes through.
        assertThat(send("PATCH", "/api/v3/cmp/io/" + io, stuck.token(), stuck.owId(), "{\"ioName\":\"Renamed\"}").statusCode())
                .isEqualTo(200);
    }

    private static long timed(java.util.concurrent.Callable<HttpResponse<String>> request) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = request.call();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void connectionsKilledUnderLoadAre503sThenItRecovers() throws Exception {
        Tenant t = tenant();
        long io = newIo(t);
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long until = System.currentTimeMillis() + 4_000;
        try {
            for (int i = 0; i < 4; i++) {
                pool.submit(() -> {
                    while (System.currentTimeMillis() < until) {
                        statuses.add(send("GET", "/api/v3/cmp/io/" + io, t.token(), t.owId(), null).statusCode());
                    }
                    return null;
                });
            }
            Thread.sleep(1_000);
            try (Connection admin = psql(); Statement s = admin.createStatement()) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '" + APP + "'");
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(statuses).isNotEmpty().allMatch(s -> s == 200 || s == 503);
        // Without a restart, it serves again.
        assertThat(send("GET", "/api/v3/cmp/io/" + io, t.token(), t.owId(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void readinessFollowsTheDatabase() throws Exception {
        Tenant t = tenant();
        assertThat(send("GET", "/actuator/health/readiness", null, 0, null).statusCode()).isEqualTo(200);
        proxy.cut();
        try {
            HttpResponse<String> ready = send("GET", "/actuator/health/readiness", null, 0, null);
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(ready.body()).get("status").asString()).isEqualTo("DOWN");
            HttpResponse<String> api = send("GET", "/api/v3/ua/profile", t.token(), t.owId(), null);
            assertThat(api.statusCode()).as(api.body()).isIn(503);
            assertThat(api.headers().firstValue("Retry-After")).isPresent();
        } finally {
            proxy.restore();
        }
        long deadline = System.currentTimeMillis() + 15_000;
        int status = 0;
        while (System.currentTimeMillis() < deadline && status != 200) {
            status = send("GET", "/actuator/health/readiness", null, 0, null).statusCode();
            Thread.sleep(200);
        }
        assertThat(status).as("readiness is UP again by itself").isEqualTo(200);
        assertThat(send("GET", "/api/v3/ua/profile", t.token(), t.owId(), null).statusCode()).isEqualTo(200);
    }

    /** A TCP proxy to PostgreSQL that can be cut (every connection closed, new ones refused) and restored. */
    static final class TcpProxy implements AutoCloseable {
        private final String host;
        private final int target;
        private final int port;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private volatile ServerSocket listener;

        TcpProxy(String host, int target) throws IOException {
            this.host = host;
            this.target = target;
            ServerSocket probe = new ServerSocket(0);
            this.port = probe.getLocalPort();
            probe.close();
            restore();
        }

        int port() {
            return port;
        }

        synchronized void restore() throws IOException {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", port));
            listener = s;
            Thread accept = new Thread(() -> {
                while (!s.isClosed()) {
                    try {
                        Socket in = s.accept();
                        Socket out = new Socket(host, target);
                        sockets.add(in);
                        sockets.add(out);
                        pipe(in, out);
                        pipe(out, in);
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            accept.setDaemon(true);
            accept.start();
        }

        synchronized void cut() throws IOException {
            listener.close();
            for (Socket s : sockets) {
                s.close();
            }
            sockets.clear();
        }

        private static void pipe(Socket from, Socket to) {
            Thread t = new Thread(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException ignored) {
                    // the other side closed
                } finally {
                    try {
                        to.close();
                    } catch (IOException ignored) {
                        // already closed
                    }
                }
            });
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() throws IOException {
            cut();
        }
    }
}
