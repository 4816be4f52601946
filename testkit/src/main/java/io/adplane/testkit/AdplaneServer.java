package io.adplane.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import io.adplane.AdplaneApplication;
import io.adplane.client.AdplaneClient;
import io.adplane.ops.AdplaneEnvironment;

/**
 * adplane running in this JVM for tests: an in-memory database, a random port, cheap password hashes, emulator
 * controls on, and bootstrap credentials fixed in advance ({@link #HOST}, {@link #CLIENT_ID}, ...). Start one with
 * {@link #start(Map)}, or let {@link AdplaneTest} do it.
 */
public final class AdplaneServer implements AutoCloseable {

    public static final String HOST = "localhost";
    public static final String ADMIN_EMAIL = "admin@adplane.test";
    public static final String ADMIN_PASSWORD = "testkit-admin-password";
    public static final String CLIENT_ID = "testkit-client";
    public static final String CLIENT_SECRET = "testkit-client-secret-0123456789";

    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern OW_ID = Pattern.compile("\"owId\"\\s*:\\s*([0-9]+)");

    private final ConfigurableApplicationContext context;
    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private AdplaneServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.url = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** Starts adplane with the testkit's settings, then {@code properties} (which win). */
    public static AdplaneServer start(Map<String, String> properties) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", "0");
        settings.put("adplane.in-memory", "true");
        settings.put("adplane.mode", "emulator");
        settings.put(AdplaneEnvironment.CONTROLS, "true");
        settings.put("adplane.passwords.cost", "low");
        settings.put("adplane.bootstrap.domain", HOST);
        settings.put("adplane.bootstrap.email", ADMIN_EMAIL);
        settings.put("adplane.bootstrap.password", ADMIN_PASSWORD);
        settings.put("adplane.bootstrap.client-id", CLIENT_ID);
        settings.put("adplane.bootstrap.client-secret", CLIENT_SECRET);
        settings.put("adplane.bootstrap.credentials-file", "");
        settings.putAll(properties);
        List<String> args = new ArrayList<>();
        settings.forEach((k, v) -> args.add("--" + k + "=" + v));
        SpringApplication application = new SpringApplication(AdplaneApplication.class);
        application.setRegisterShutdownHook(false);
        return new AdplaneServer(application.run(args.toArray(String[]::new)));
    }

    /** The base URL, {@code http://localhost:<port>}. */
    public String url() {
        return url;
    }

    /** A bean of the running server, for what the API does not show. */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A client for this server's bootstrapped workspace, not logged in. */
    public AdplaneClient newClient() {
        return AdplaneClient.builder().baseUrl(url).host(HOST).clientCredentials(CLIENT_ID, CLIENT_SECRET).build();
    }

    /** A client logged in as the bootstrapped admin, acting for the workspace's owner organization. */
    public AdplaneClient adminClient() {
        AdplaneClient client = newClient();
        client.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        return client;
    }

    /** Back to the bootstrap state: {@code POST /api/v3/adplane/reset} as the bootstrapped admin. */
    public void reset() {
        control("/api/v3/adplane/reset", HttpRequest.BodyPublishers.noBody());
    }

    /** Loads a fixture (YAML or JSON text): {@code POST /api/v3/adplane/fixtures} as the bootstrapped admin. */
    public void loadFixture(String fixture) {
        control("/api/v3/adplane/fixtures", HttpRequest.BodyPublishers.ofString(fixture));
    }

    private void control(String path, HttpRequest.BodyPublisher body) {
        String login = send(HttpRequest.newBuilder(URI.create(url + "/api/v3/ua/login"))
                .header("Content-Type", "application/json")
                .header("Authentication", "Basic " + Base64.getEncoder()
                        .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)))
                .header("X-IAA-HOST", HOST)
                .POST(HttpRequest.BodyPublishers.ofString("{\"grantType\":\"password\",\"email\":\"" + ADMIN_EMAIL
                        + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}")).build());
        send(HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", "Bearer " + find(TOKEN, login))
                .header("X-IAA-OW-ID", find(OW_ID, login))
                .header("Content-Type", "application/yaml")
                .POST(body).build());
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                        + answer.statusCode() + ": " + answer.body());
            }
            return answer.body();
        } catch (IOException e) {
            throw new IllegalStateException("adplane at " + url + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("unexpected login answer: " + text);
        }
        return m.group(1);
    }

    /** Stops the server and drops its in-memory database, so the next start begins empty. */
    @Override
    public void close() {
        String database = context.getEnvironment().getProperty("spring.datasource.url");
        context.close();
        if (database != null && database.startsWith("jdbc:h2:mem:")) {
            try (Connection c = DriverManager.getConnection(database, "sa", "")) {
                c.createStatement().execute("SHUTDOWN");
            } catch (SQLException e) {
                // already gone
            }
        }
    }
}
