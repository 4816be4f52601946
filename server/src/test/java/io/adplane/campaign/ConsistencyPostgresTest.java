package io.adplane.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import io.adplane.AdplaneApplication;
import io.adplane.admin.ConsistencyCheck;
import io.adplane.support.TestDatabase;
import io.adplane.tenancy.Organization;
import io.adplane.tenancy.TenancyService;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The figures the write paths keep incrementally (each IO's allocation and auto-sum total, the organization's
 * campaign counts by status, each campaign's stored end) equal a full recount ({@link ConsistencyCheck}) after
 * random writes sent by several threads at once: creates, budget edits one by one and in bulk, status moves
 * and deletes, over three IOs (two auto-sum, one with a fixed budget). On PostgreSQL, whose row locks and
 * snapshots are what production runs on; a server of its own, since jqwik runs outside Spring's test context.
 */
class ConsistencyPostgresTest {

    private static final String PASSWORD = "correct-horse-9";
    private static final long HOUR = 3600;
    private static final int THREADS = 4;

    private static ConfigurableApplicationContext server;
    private static int port;
    private static TenancyService tenancy;
    private static ConsistencyCheck check;

    @BeforeContainer
    static void start() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabase.isPostgres(),
                "runs on PostgreSQL only (-Dadplane.test.database=postgres, the postgres-integration execution)");
        TestDatabase.assumeAvailable();
        server = new SpringApplicationBuilder(AdplaneApplication.class)
                .run("--server.port=0",
                        "--spring.datasource.url=" + TestDatabase.url(),
                        "--spring.datasource.username=" + TestDatabase.user(),
                        "--spring.datasource.password=" + TestDatabase.password(),
                        "--adplane.bootstrap.enabled=false",
                        "--adplane.jobs.enabled=false");
        port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
        tenancy = server.getBean(TenancyService.class);
        check = new ConsistencyCheck(server.getBean(JdbcClient.class), server.getBean(PlatformTransactionManager.class));
    }

    @AfterContainer
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** One write a client can send. */
    sealed interface Write permits Create, Budget, BulkBudget, Move {
    }

    record Create(int io, int budget) implements Write {
    }

    record Budget(int campaign, int budget) implements Write {
    }

    record BulkBudget(int first, int second, String type, int amount) implements Write {
    }

    record Move(int campaign, String status) implements Write {
    }

    @Provide
    Arbitrary<List<List<Write>>> runs() {
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 40);
        Arbitrary<Write> write = Arbitraries.frequencyOf(
                Tuple.of(5, Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(1, 4000))
                        .as(Create::new)),
                Tuple.of(3, Combinators.combine(index, Arbitraries.integers().between(1, 4000)).as(Budget::new)),
                Tuple.of(2, Combinators.combine(index, index, Arbitraries.of("change", "addition", "distribution"),
                        Arbitraries.integers().between(1, 3000)).as(BulkBudget::new)),
                Tuple.of(4, Combinators.combine(index, Arbitraries.of("running", "paused", "running", "deleted"))
                        .as(Move::new)));
        // One list of writes per thread; the threads run at the same time.
        return write.list().ofMinSize(4).ofMaxSize(12).list().ofSize(THREADS);
    }

    @Property(tries = 6, seed = "20261202")
    void countersAndTotalsEqualAFullRecountAfterConcurrentWrites(@ForAll("runs") List<List<Write>> perThread)
            throws InterruptedException {
        World w = new World();
        for (int i = 0; i < 3; i++) {
            w.create(new Create(i, 100 + i));
        }
        List<Thread> threads = new ArrayList<>();
        for (List<Write> writes : perThread) {
            Thread t = new Thread(() -> writes.forEach(w::apply));
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join(120_000);
        }
        assertThat(w.failures).as("answers of %s", perThread).isEmpty();

        ConsistencyCheck.Report report = check.run(List.of(w.owId));
        assertThat(report.differences()).as("differences after %s", perThread).isEmpty();
        assertThat(report.consistent()).isTrue();
        assertThat(report.insertionOrders()).isEqualTo(3);
        assertThat(report.campaigns()).isEqualTo(w.campaigns.size());
    }

    /** One organization with an editor, an approver above it, three IOs, an approved creative. */
    private static final class World {
        final long owId;
        final String editor;
        final String approver;
        final List<Long> ios = new ArrayList<>();
        final List<Long> campaigns = Collections.synchronizedList(new ArrayList<>());
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        final long creative;
        final long now = System.currentTimeMillis() / 1000;

        World() {
            var ws = tenancy.createWorkspace("cons-" + UUID.randomUUID().toString().substring(0, 8) + ".example", "Cons");
            var client = tenancy.createClient(ws.domain());
            Organization customer = tenancy.createOrganization("Customer", ws.owId());
            owId = customer.owId();
            editor = login(ws.domain(), client, user(owId, "editor"));
            approver = login(ws.domain(), client, user(ws.owId(), "approver"));
            long start = (now - HOUR) * 1000;
            for (String budget : List.of("\"isAutoSumIoTotalBudget\":true", "\"isAutoSumIoTotalBudget\":true",
                    "\"isAutoSumIoTotalBudget\":false,\"ioTotalBudget\":10000000")) {
                ios.add(as(editor).body("{\"ioName\":\"IO " + ios.size() + "\",\"ioStartTime\":" + start + ",\"ioEndTime\":"
                        + (start + 40L * 24 * HOUR * 1000) + ",\"ioTimeZoneId\":29,\"ioBudgetTypeId\":1,"
                        + "\"ioBudgetDistributionMethodId\":1," + budget + "}")
                        .post("/api/v3/cmp/io/add").then().statusCode(200).extract().jsonPath().getLong("data.ioId"));
            }
            String request = "{\"C1\":{\"creativeName\":\"Banner\",\"platformCreativeTypeId\":11,\"creativeSourceType\":\"URL\","
                    + "\"creativeSource\":\"https://cdn.example.com/a.png\",\"clickUrl\":\"https://iqm.com\"}}";
            creative = Long.parseLong(as(editor).contentType("multipart/form-data")
                    .multiPart("creativeRequest", request, "application/json").post("/api/v3/crt/creatives")
                    .then().statusCode(200).extract().jsonPath().getString("data.successData.C1"));
            as(approver).body("{\"creativeIds\":[" + creative + "],\"creativeStatusId\":2}")
                    .patch("/api/v3/crt/creatives/update-status").then().statusCode(200);
        }

        private static String user(long org, String role) {
            String email = "cons-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
            tenancy.createUser(email, PASSWORD, org, role);
            return email;
        }

        private static String login(String domain, TenancyService.CreatedClient client, String email) {
            String basic = "Basic " + Base64.getEncoder().encodeToString((client.clientId() + ":" + client.clientSecret())
                    .getBytes(StandardCharsets.UTF_8));
            return RestAssured.given().port(port).contentType("application/json").header("Authorization", basic)
                    .header("X-IAA-HOST", domain)
                    .body("{\"grantType\":\"password\",\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                    .post("/api/v3/ua/login").then().statusCode(200).extract().jsonPath().getString("data.access_token");
        }

        RequestSpecification as(String token) {
            return RestAssured.given().port(port).contentType("application/json")
                    .header("Authorization", "Bearer " + token).header("X-IAA-OW-ID", owId);
        }

        long campaign(int index) {
            synchronized (campaigns) {
                return campaigns.get(index % campaigns.size());
            }
        }

        void create(Create c) {
            long start = now + HOUR;
            Response r = as(editor).body("{\"campaignName\":\"C\",\"maxBid\":5,\"budgetTotal\":" + c.budget()
                    + ",\"startTime\":" + start + ",\"endTime\":" + (start + 48 * HOUR) + ",\"timezone\":29,\"budgetDay\":1,"
                    + "\"creativeType\":11,\"isAgreementChecked\":true,\"ioId\":" + ios.get(c.io())
                    + ",\"countryId\":\"30100001\",\"creativeIds\":\"" + creative + "\",\"advertiserDomain\":\"https://iqm.com\","
                    + "\"totalBudgetPacing\":false,\"publisherAdCategory\":\"\",\"exchanges\":\"\",\"budgetTypeId\":1}")
                    .post("/api/v2/cmp/campaigns/add");
            if (r.statusCode() == 200) {
                campaigns.add(r.jsonPath().getLong("responseObject.data"));
            }
            record(c, r);
        }

        void apply(Write w) {
            Response r;
            if (w instanceof Create c) {
                create(c);
                return;
            } else if (w instanceof Budget b) {
                r = as(editor).body("{\"budgetTotal\":" + b.budget() + "}").patch("/api/v2/cmp/campaign/" + campaign(b.campaign()));
            } else if (w instanceof BulkBudget b) {
                r = as(editor).body("{\"campaignIds\":\"" + campaign(b.first()) + "," + campaign(b.second())
                        + "\",\"totalBudget\":" + b.amount() + ",\"totalBudgetUpdateType\":\"" + b.type() + "\"}")
                        .put("/api/v2/cmp/campaigns/update-budget");
            } else {
                Move m = (Move) w;
                // Approving a pending campaign is the approver's move; pausing, resuming and deleting the editor's.
                r = as(m.status().equals("running") && m.campaign() % 2 == 0 ? approver : editor)
                        .body("{\"campaignIds\":\"" + campaign(m.campaign()) + "\",\"status\":\"" + m.status() + "\"}")
                        .put("/api/v2/cmp/campaigns/update-status");
            }
            record(w, r);
        }

        /** Refusals (a move the state machine forbids, a deleted campaign) are fine; a fault is not. */
        private void record(Write w, Response r) {
            if (r.statusCode() >= 500) {
                failures.add(w + " answered " + r.statusCode() + " " + r.asString());
            }
        }
    }
}
