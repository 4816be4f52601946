package io.adplane.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.adplane.support.IntegrationTestSupport;
import io.adplane.support.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's commands run against the same database as the running server and their effect is visible
 * through the API at once: a new workspace, organization, user and client can log in; hold, release,
 * disable and set-password act on logins.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminCliIntegrationTest extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void pointTheCliAtTheTestDatabase() {
        System.clearProperty("adplane.passwords.cost");
        System.setProperty("spring.datasource.url", TestDatabase.url());
        System.setProperty("spring.datasource.username", TestDatabase.user());
        System.setProperty("spring.datasource.password", TestDatabase.password());
    }

    @AfterAll
    static void forget() {
        System.clearProperty("spring.datasource.url");
        System.clearProperty("spring.datasource.username");
        System.clearProperty("spring.datasource.password");
    }

    /** Runs a command that must succeed; its standard output (kept apart from the test's log) as JSON. */
    private static JsonNode run(CapturedOutput output, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = AdminCli.run(System.in, new PrintStream(out, true, StandardCharsets.UTF_8), System.err, args);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as("exit code of %s; printed %s", String.join(" ", args), printed).isZero();
        return JSON.readTree(printed);
    }

    private void login(String domain, String clientId, String secret, String email, String password, int status) {
        given().header("Authentication", basic(clientId, secret)).header("X-IAA-HOST", domain)
                .body(Map.of("grantType", "password", "email", email, "password", password))
                .post("/api/v3/ua/login").then().statusCode(status);
    }

    @Test
    void aWorkspaceMadeWithTheCliCanLogIn(CapturedOutput output) {
        String domain = "cli-" + System.nanoTime() + ".example";
        JsonNode ws = run(output, "create-workspace", "--domain", domain, "--name", "CLI Agency");
        long ownerOwId = ws.get("owId").asLong();
        assertThat(ws.get("domain").asString()).isEqualTo(domain);

        JsonNode org = run(output, "create-organization", "--name", "CLI Advertiser", "--parent", Long.toString(ownerOwId));
        long owId = org.get("owId").asLong();
        assertThat(org.get("parentOwId").asLong()).isEqualTo(ownerOwId);

        JsonNode user = run(output, "create-user", "--email", "Buyer@" + domain, "--password", "buyer-password-1",
                "--owid", Long.toString(owId), "--role", "editor");
        assertThat(user.get("email").asString()).isEqualTo("buyer@" + domain);
        assertThat(user.get("role").asString()).isEqualTo("editor");

        JsonNode client = run(output, "create-client", "--domain", domain);
        String clientId = client.get("clientId").asString();
        String secret = client.get("clientSecret").asString();

        given().header("Authentication", basic(clientId, secret)).header("X-IAA-HOST", domain)
                .body(Map.of("grantType", "password", "email", "buyer@" + domain, "password", "buyer-password-1"))
                .post("/api/v3/ua/login").then().statusCode(200).body("data.owId", equalTo((int) owId));
        // The bootstrapped workspace's client is not this workspace's client.
        login(domain, CLIENT_ID, CLIENT_SECRET, "buyer@" + domain, "buyer-password-1", 401);

        JsonNode auto = run(output, "set-auto-approve", "--owid", Long.toString(owId), "--enabled", "true");
        assertThat(auto.get("autoApprove").asBoolean()).isTrue();
        assertThat(tenancyRepository.organization(owId).orElseThrow().autoApprove()).isTrue();

        JsonNode held = run(output, "hold-organization", "--owid", Long.toString(owId), "--reason", "Unpaid");
        assertThat(held.get("status").asString()).isEqualTo("on_hold");
        login(domain, clientId, secret, "buyer@" + domain, "buyer-password-1", 400);
        run(output, "release-organization", "--owid", Long.toString(owId));
        login(domain, clientId, secret, "buyer@" + domain, "buyer-password-1", 200);

        run(output, "set-password", "--email", "buyer@" + domain, "--password", "another-password-2");
        login(domain, clientId, secret, "buyer@" + domain, "buyer-password-1", 403);
        login(domain, clientId, secret, "buyer@" + domain, "another-password-2", 200);

        JsonNode disabled = run(output, "disable-user", "--email", "buyer@" + domain);
        assertThat(disabled.get("disabled").asBoolean()).isTrue();
        login(domain, clientId, secret, "buyer@" + domain, "another-password-2", 403);
    }

    @Test
    void theClockCommandsShowAndMoveTheServersSimulationClock(CapturedOutput output) {
        long before = run(output, "clock", "show").get("offsetMillis").asLong();
        JsonNode moved = run(output, "clock", "advance", "1m");
        assertThat(moved.get("offsetMillis").asLong() - before).isEqualTo(60_000);
        assertThat(moved.get("nowUtc").asString()).endsWith("Z");
        assertThat(run(output, "clock", "show").get("offsetMillis").asLong()).isEqualTo(before + 60_000);

        // The running server follows the offset the command stored (it re-reads it within a second).
        Login admin = loginAdmin();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(as(admin).get("/api/v3/adplane/clock").then().statusCode(200).extract().jsonPath()
                        .getLong("data.offsetMillis")).isEqualTo(before + 60_000));

        // Time moves only forward, by a duration the command can read; nothing moves on a refusal.
        for (String bad : new String[] {"0d", "soon", "400d"}) {
            assertThat(AdminCli.run("clock", "advance", bad)).as(bad).isEqualTo(1);
        }
        assertThat(AdminCli.run("clock", "advance", "-1h")).as("read as an unknown option: a usage error").isEqualTo(2);
        assertThat(output.getErr()).contains("duration");
        assertThat(run(output, "clock", "show").get("offsetMillis").asLong()).isEqualTo(before + 60_000);
    }

    @Test
    void withoutParentAnOrganizationGoesUnderTheBootstrappedOwner(CapturedOutput output) {
        JsonNode org = run(output, "create-organization", "--name", "Default Parent Co");
        assertThat(org.get("parentOwId").asLong()).isEqualTo(workspaceOwnerOwId());
    }

    @Test
    void errorsExitNonZeroWithAClearMessage(CapturedOutput output) {
        assertThat(AdminCli.run("hold-organization", "--owid", "999999999", "--reason", "x"))
                .isEqualTo(1);
        assertThat(output.getErr()).contains("error: no organization with owId 999999999");

        assertThat(AdminCli.run("create-user", "--email", "x@example.com", "--password",
                "long-enough-1", "--owid", Long.toString(workspaceOwnerOwId()), "--role", "owner")).isEqualTo(1);
        assertThat(output.getErr()).contains("error: role must be one of admin, approver, editor, viewer");

        assertThat(AdminCli.run("create-user", "--email", "y@example.com", "--password",
                "short", "--owid", Long.toString(workspaceOwnerOwId()), "--role", "viewer")).isEqualTo(1);
        assertThat(output.getErr()).contains("error: password must have at least 8 characters");

        assertThat(AdminCli.run("create-workspace", "--domain", "x.example")).isEqualTo(2);
        assertThat(output.getErr()).contains("Missing required option: '--name=<name>'");

        assertThat(AdminCli.run("create-workspace", "--domain", HOST, "--name", "dup"))
                .isEqualTo(1);
        assertThat(output.getErr()).contains("error: a workspace with domain 'localhost' already exists");

        assertThat(AdminCli.run("create-workspace", "--domain", "not a domain!", "--name", "x")).isEqualTo(1);
        assertThat(output.getErr()).contains("error: domain 'not a domain!' is not a host name");
    }

    @Test
    void argumentsAreCheckedBeforeTheDatabaseIsOpened(CapturedOutput output) {
        // A database that does not exist: each command must refuse its arguments without getting that far.
        System.setProperty("spring.datasource.url", "jdbc:h2:file:" + System.getProperty("java.io.tmpdir")
                + "/adplane-absent-" + System.nanoTime() + "/adplane");
        try {
            assertThat(AdminCli.run("create-workspace", "--domain", "bad_domain!.example", "--name", "x")).isEqualTo(1);
            assertThat(AdminCli.run("create-user", "--email", "someone@example.com", "--password", "short",
                    "--owid", "1", "--role", "viewer")).isEqualTo(1);
            assertThat(AdminCli.run("create-user", "--email", "not-an-email", "--owid", "1", "--role", "viewer")).isEqualTo(1);
            assertThat(AdminCli.run("create-user", "--email", "a@example.com", "--owid", "1", "--role", "owner")).isEqualTo(1);
            assertThat(AdminCli.run("set-password", "--email", "a@example.com")).isEqualTo(1);
            assertThat(AdminCli.run("create-organization", "--name", "   ")).isEqualTo(1);
            assertThat(AdminCli.run("hold-organization", "--owid", "1", "--reason", " ")).isEqualTo(1);
            assertThat(AdminCli.run("list-clients", "--domain", "bad domain")).isEqualTo(1);
            assertThat(AdminCli.run("disable-user", "--email", "nope")).isEqualTo(1);
        } finally {
            System.setProperty("spring.datasource.url", TestDatabase.url());
        }
        assertThat(output.getErr())
                .contains("error: domain 'bad_domain!.example' is not a host name")
                .contains("error: password must have at least 8 characters")
                .contains("error: email must look like name@example.com")
                .contains("error: role must be one of admin, approver, editor, viewer")
                .contains("error: --password or --password-stdin is required")
                .contains("error: name is required")
                .contains("error: reason is required")
                .contains("error: domain 'bad domain' is not a host name")
                .doesNotContain("adplane admin: database")
                .doesNotContain("no adplane database");
    }

    @Test
    void itNamesTheDatabaseAndNeverCreatesOne(CapturedOutput output) throws Exception {
        Path dir = Files.createTempDirectory("adplane-admin-");
        String url = "jdbc:h2:file:" + dir + "/adplane;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE";
        System.setProperty("spring.datasource.url", url);
        try {
            assertThat(AdminCli.run("list-organizations")).isEqualTo(1);
        } finally {
            System.setProperty("spring.datasource.url", TestDatabase.url());
        }
        assertThat(output.getErr()).contains("adplane admin: database H2 database " + dir.resolve("adplane.mv.db"))
                .contains("error: no adplane database at " + dir.resolve("adplane.mv.db") + ": set ADPLANE_DATA_DIR");
        try (var files = Files.list(dir)) {
            assertThat(files).as("nothing created in %s", dir).isEmpty();
        }

        run(output, "list-organizations");
        assertThat(output.getErr()).contains("adplane admin: database "
                + (TestDatabase.isPostgres() ? "PostgreSQL jdbc:postgresql://" : "H2 in-memory database adplane-"));
    }

    @Test
    void anInMemoryDatabaseOfAnotherProcessIsNotCreatedAnew(CapturedOutput output) {
        System.setProperty("spring.datasource.url", "jdbc:h2:mem:nobody-" + System.nanoTime());
        try {
            assertThat(AdminCli.run("list-users")).isEqualTo(1);
        } finally {
            System.setProperty("spring.datasource.url", TestDatabase.url());
        }
        assertThat(output.getErr()).contains("an in-memory database lives only inside the server process that made it");
    }

    @Test
    void aSchemaBehindThisBuildIsRefusedUnlessMigrateIsGiven(CapturedOutput output) throws Exception {
        Path dir = Files.createTempDirectory("adplane-admin-old-");
        String url = "jdbc:h2:file:" + dir + "/adplane;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        // A database an older adplane made: migrated up to V31 only.
        org.flywaydb.core.Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
                .target("31").load().migrate();
        System.setProperty("spring.datasource.url", url);
        System.setProperty("spring.datasource.username", "sa");
        System.setProperty("spring.datasource.password", "");
        try {
            assertThat(AdminCli.run("list-organizations")).isEqualTo(1);
            assertThat(output.getErr()).contains("is at version 31, behind this adplane's "
                    + version() + ": start './adplane serve' once to upgrade it, or run the command with --migrate");

            assertThat(run(output, "--migrate", "list-organizations").size()).isZero();
            assertThat(output.getErr()).contains("adplane admin: upgraded the schema from version 31 to " + version());
            assertThat(AdminCli.run("list-organizations")).isZero();
        } finally {
            pointTheCliAtTheTestDatabase();
        }
    }

    private static String version() {
        return String.join(".", AdminDatabase.latestMigration().stream().map(String::valueOf).toList());
    }

    @Test
    void enableUserUndoesDisableUser(CapturedOutput output) {
        Tenant t = newTenant("editor");
        Login first = login(t);
        run(output, "disable-user", "--email", t.email());
        as(first).get("/api/v3/ua/profile").then().statusCode(401);
        login(HOST, CLIENT_ID, CLIENT_SECRET, t.email(), t.password(), 403);

        JsonNode enabled = run(output, "enable-user", "--email", t.email().toUpperCase());
        assertThat(enabled.get("disabled").asBoolean()).isFalse();
        assertThat(enabled.get("email").asString()).isEqualTo(t.email());
        login(HOST, CLIENT_ID, CLIENT_SECRET, t.email(), t.password(), 200);
        // The sessions that disable-user ended stay ended.
        as(first).get("/api/v3/ua/profile").then().statusCode(401);
    }

    @Test
    void passwordsCanComeFromStandardInput(CapturedOutput output) {
        Tenant t = newTenant("viewer");
        String email = "stdin-" + System.nanoTime() + "@example.com";
        assertThat(runWithInput(output, "stdin-password-1\n", "create-user", "--email", email, "--password-stdin",
                "--owid", Long.toString(t.owId()), "--role", "viewer")).isZero();
        login(HOST, CLIENT_ID, CLIENT_SECRET, email, "stdin-password-1", 200);

        assertThat(runWithInput(output, "stdin-password-2\r\n", "set-password", "--email", email, "--password-stdin")).isZero();
        login(HOST, CLIENT_ID, CLIENT_SECRET, email, "stdin-password-2", 200);

        assertThat(runWithInput(output, "short\n", "set-password", "--email", email, "--password-stdin")).isEqualTo(1);
        assertThat(output.getErr()).contains("error: password must have at least 8 characters");
        assertThat(runWithInput(output, "x", "set-password", "--email", email, "--password", "whatever-1",
                "--password-stdin")).isEqualTo(1);
        assertThat(output.getErr()).contains("error: give either --password or --password-stdin, not both");
    }

    private static int runWithInput(CapturedOutput output, String input, String... args) {
        return AdminCli.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), System.out, System.err, args);
    }

    @Test
    void rotateClientSecretReplacesTheSecret(CapturedOutput output) {
        String domain = "rotate-" + System.nanoTime() + ".example";
        long owId = run(output, "create-workspace", "--domain", domain, "--name", "Rotating").get("owId").asLong();
        String email = "admin@" + domain;
        run(output, "create-user", "--email", email, "--password", "rotate-password-1", "--owid", Long.toString(owId),
                "--role", "admin");
        JsonNode client = run(output, "create-client", "--domain", domain);
        String clientId = client.get("clientId").asString();
        String oldSecret = client.get("clientSecret").asString();
        login(domain, clientId, oldSecret, email, "rotate-password-1", 200);

        JsonNode rotated = run(output, "rotate-client-secret", "--client-id", clientId);
        assertThat(rotated.get("clientId").asString()).isEqualTo(clientId);
        assertThat(rotated.get("domain").asString()).isEqualTo(domain);
        String newSecret = rotated.get("clientSecret").asString();
        assertThat(newSecret).isNotEqualTo(oldSecret).hasSizeGreaterThanOrEqualTo(43);
        login(domain, clientId, oldSecret, email, "rotate-password-1", 401);
        login(domain, clientId, newSecret, email, "rotate-password-1", 200);

        assertThat(AdminCli.run("rotate-client-secret", "--client-id", "no-such-client")).isEqualTo(1);
        assertThat(output.getErr()).contains("error: no OAuth client with id 'no-such-client'");
    }

    @Test
    void listsShowOrganizationsUsersAndClientsButNoSecrets(CapturedOutput output) {
        String domain = "lists-" + System.nanoTime() + ".example";
        long owner = run(output, "create-workspace", "--domain", domain, "--name", "Listed Agency").get("owId").asLong();
        long child = run(output, "create-organization", "--name", "Listed Advertiser", "--parent", Long.toString(owner))
                .get("owId").asLong();
        run(output, "hold-organization", "--owid", Long.toString(child), "--reason", "Unpaid");
        String email = "lister-" + System.nanoTime() + "@example.com";
        run(output, "create-user", "--email", email, "--password", "list-password-1", "--owid", Long.toString(owner),
                "--role", "admin");
        run(output, "create-user", "--email", email, "--owid", Long.toString(child), "--role", "viewer");
        JsonNode client = run(output, "create-client", "--domain", domain);

        JsonNode orgs = run(output, "list-organizations", "--domain", domain);
        assertThat(orgs.size()).isEqualTo(2);
        assertThat(orgs.get(0).get("owId").asLong()).isEqualTo(owner);
        assertThat(orgs.get(0).get("domain").asString()).isEqualTo(domain);
        assertThat(orgs.get(1).get("parentOwId").asLong()).isEqualTo(owner);
        assertThat(orgs.get(1).get("status").asString()).isEqualTo("on_hold");
        assertThat(orgs.get(1).get("reason").asString()).isEqualTo("Unpaid");
        assertThat(run(output, "list-organizations").size()).isGreaterThan(2);

        JsonNode users = run(output, "list-users", "--owid", Long.toString(child));
        assertThat(users.size()).isEqualTo(1);
        assertThat(users.get(0).get("email").asString()).isEqualTo(email);
        assertThat(users.get(0).get("memberships").size()).isEqualTo(2);
        assertThat(users.get(0).get("memberships").get(1).get("role").asString()).isEqualTo("viewer");
        assertThat(users.get(0).has("passwordHash")).isFalse();

        JsonNode clients = run(output, "list-clients", "--domain", domain);
        assertThat(clients.size()).isEqualTo(1);
        assertThat(clients.get(0).get("clientId").asString()).isEqualTo(client.get("clientId").asString());
        assertThat(clients.toString()).doesNotContain(client.get("clientSecret").asString()).doesNotContain("secret");

        assertThat(AdminCli.run("list-users", "--owid", "999999999")).isEqualTo(1);
        assertThat(output.getErr()).contains("error: no organization with owId 999999999");
    }

    @Test
    void passwordsAreHashedAtTheStandardCostByDefault(CapturedOutput output) {
        // The CLI sets no adplane.passwords.cost: Argon2id at m = 19 MiB, t = 2 (what production uses).
        String email = "cost-" + System.nanoTime() + "@example.com";
        run(output, "create-user", "--email", email, "--password", "cost-password-1", "--owid",
                Long.toString(workspaceOwnerOwId()), "--role", "viewer");
        assertThat(tenancyRepository.userByEmail(email).orElseThrow().passwordHash()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void listOutboxShowsUnsentMessagesWithTheirLinks(CapturedOutput output) {
        String email = "outbox-" + System.nanoTime() + "@example.com";
        run(output, "create-user", "--email", email, "--password", "outbox-password-1", "--owid",
                Long.toString(workspaceOwnerOwId()), "--role", "viewer");
        given().body(Map.of("email", email)).post("/api/v3/ua/user/reset-password").then().statusCode(200);
        JsonNode messages = run(output, "list-outbox", "--limit", "5");
        JsonNode mine = null;
        for (JsonNode m : messages) {
            if (m.get("recipient").asString().equals(email)) {
                mine = m;
            }
        }
        assertThat(mine).as("the reset message in %s", messages).isNotNull();
        assertThat(mine.get("kind").asString()).isEqualTo("password-reset");
        assertThat(mine.get("body").asString()).contains("/api/v3/ua/user/reset-password/complete?inviteHash=rs_");
        assertThat(mine.get("sentAt").isNull()).isTrue();
        assertThat(AdminCli.run("list-outbox", "--limit", "0")).isEqualTo(1);
    }
}
