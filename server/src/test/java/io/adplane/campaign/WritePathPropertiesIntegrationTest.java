package io.adplane.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.adplane.AdplaneApplication;
import io.adplane.support.TestClockConfig;
import io.adplane.support.TestDatabase;
import io.adplane.tenancy.Membership;
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
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Random sequences of creates, edits, bulk edits, status moves, IO edits and deletes (issue 11), over HTTP against
 * a server of its own (jqwik runs outside Spring's test context), on H2 or PostgreSQL like the other integration
 * tests. After every step: each IO's total equals the sum of its campaigns' budgets, every submitted campaign's
 * flight lies inside its IO's, every recorded status path is one the state machine allows, and the change
 * history replays to each campaign's and IO's current values.
 */
class WritePathPropertiesIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "correct-horse-9";
    private static final long HOUR = 3600;

    private static ConfigurableApplicationContext server;
    private static int port;
    private static JdbcClient jdbc;
    private static TenancyService tenancy;

    @BeforeContainer
    static void start() {
        TestDatabase.assumeAvailable();
        server = new SpringApplicationBuilder(AdplaneApplication.class, TestClockConfig.class)
                .run("--server.port=0",
                        "--spring.main.allow-bean-definition-overriding=true",
                        "--spring.datasource.url=" + TestDatabase.url(),
                        "--spring.datasource.username=" + TestDatabase.user(),
                        "--spring.datasource.password=" + TestDatabase.password(),
                        "--adplane.bootstrap.enabled=false",
                        "--adplane.jobs.enabled=false");
        port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
        jdbc = server.getBean(JdbcClient.class);
        tenancy = server.getBean(TenancyService.class);
    }

    @AfterContainer
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** One step a client can take. */
    sealed interface Action permits Create, Patch, Budget, EndDate, Move, IoEnd, IoRename, DeleteIo, Step {
    }

    record Create(int io, int budget, boolean withEnd) implements Action {
    }

    record Patch(int campaign, String field, int value) implements Action {
    }

    record Budget(List<Integer> campaigns, String type, int amount) implements Action {
    }

    record EndDate(int campaign, int hours) implements Action {
    }

    record Move(int campaign, String status, boolean asApprover) implements Action {
    }

    record IoEnd(int io, int hours) implements Action {
    }

    record IoRename(int io) implements Action {
    }

    record DeleteIo(int io) implements Action {
    }

    @Provide
    Arbitrary<List<Action>> sequences() {
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 7);
        Arbitrary<Action> action = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Combinators.combine(Arbitraries.integers().between(0, 1),
                        Arbitraries.integers().between(1, 5000), Arbitraries.of(true, false)).as(Create::new)),
                net.jqwik.api.Tuple.of(3, Combinators.combine(index, Arbitraries.of("maxBid", "budgetTotal", "campaignName",
                        "budgetDay"), Arbitraries.integers().between(1, 6000)).as(Patch::new)),
                net.jqwik.api.Tuple.of(3, Combinators.combine(index.list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.of("change", "addition", "distribution"), Arbitraries.integers().between(1, 3000))
                        .as(Budget::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(index, Arbitraries.integers().between(-2, 900)).as(EndDate::new)),
                net.jqwik.api.Tuple.of(4, Combinators.combine(index, Arbitraries.of("running", "paused", "rejected", "deleted"),
                        Arbitraries.of(true, false)).as(Move::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(Arbitraries.integers().between(0, 1),
                        Arbitraries.integers().between(1, 1000)).as(IoEnd::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 1).map(IoRename::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 1).map(DeleteIo::new)));
        // Each step is one to three actions sent at the same time.
        return action.list().ofMinSize(1).ofMaxSize(3).list().ofMinSize(4).ofMaxSize(10)
                .map(steps -> steps.stream().<Action>map(Step::new).toList());
    }

    /** Actions sent at the same time, each on its own connection. */
    record Step(List<Action> actions) implements Action {
    }

    @Property(tries = 8, seed = "20261201")
    void theInvariantsHoldAfterEveryStep(@ForAll("sequences") List<Action> steps) {
        World w = new World();
        for (Action step : steps) {
            List<Action> actions = ((Step) step).actions();
            if (actions.size() == 1) {
                w.apply(actions.get(0));
                assertThat(w.failures).as("answer of %s", actions).isEmpty();
            } else {
                List<Thread> threads = actions.stream().map(a -> new Thread(() -> w.apply(a))).toList();
                threads.forEach(Thread::start);
                for (Thread t : threads) {
                    try {
                        t.join(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                assertThat(w.failures).as("answers of the concurrent actions %s", actions).isEmpty();
            }
            w.checkInvariants(step);
        }
    }

    /** One tenant, an approver above it, two IOs, and the campaigns the steps made. */
    private static final class World {
        final long owId;
        final String editorToken;
        final String approverToken;
        final List<Long> ios = new ArrayList<>();
        final List<Long> campaigns = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        final long creative;
        final long now = System.currentTimeMillis() / 1000;

        World() {
            var ws = tenancy.createWorkspace("prop-" + UUID.randomUUID().toString().substring(0, 8) + ".example", "Prop");
            var client = tenancy.createClient(ws.domain());
            Organization customer = tenancy.createOrganization("Customer", ws.owId());
            owId = customer.owId();
            String editor = user(customer.owId(), "editor");
            String approver = user(ws.owId(), "approver");
            editorToken = login(ws.domain(), client, editor);
            approverToken = login(ws.domain(), client, approver);
            for (int i = 0; i < 2; i++) {
                long start = (now - HOUR) * 1000;
                ios.add(as(editorToken).body("{\"ioName\":\"IO " + i + "\",\"ioStartTime\":" + start + ",\"ioEndTime\":"
                        + (start + 40L * 24 * HOUR * 1000) + ",\"ioTimeZoneId\":29,\"ioBudgetTypeId\":1}")
                        .post("/api/v3/cmp/io/add").then().statusCode(200).extract().jsonPath().getLong("data.ioId"));
            }
            String request = "{\"C1\":{\"creativeName\":\"Banner\",\"platformCreativeTypeId\":11,\"creativeSourceType\":\"URL\","
                    + "\"creativeSource\":\"https://cdn.example.com/a.png\",\"clickUrl\":\"https://iqm.com\"}}";
            creative = Long.parseLong(as(editorToken).contentType("multipart/form-data")
                    .multiPart("creativeRequest", request, "application/json").post("/api/v3/crt/creatives")
                    .then().statusCode(200).extract().jsonPath().getString("data.successData.C1"));
            as(approverToken).body("{\"creativeIds\":[" + creative + "],\"creativeStatusId\":2}")
                    .patch("/api/v3/crt/creatives/update-status").then().statusCode(200);
        }

        private String user(long org, String role) {
            String email = "prop-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
            Membership m = tenancy.createUser(email, PASSWORD, org, role);
            assertThat(m.uowId()).isPositive();
            return email;
        }

        private String login(String domain, TenancyService.CreatedClient client, String email) {
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

        Long campaign(int index) {
            synchronized (campaigns) {
                return campaigns.isEmpty() ? null : campaigns.get(index % campaigns.size());
            }
        }

        void apply(Action a) {
            Response r = null;
            if (a instanceof Create c) {
                long start = now + HOUR;
                String body = "{\"campaignName\":\"C\",\"maxBid\":5,\"budgetTotal\":" + c.budget() + ",\"startTime\":" + start
                        + (c.withEnd() ? ",\"endTime\":" + (start + 48 * HOUR) : "") + ",\"timezone\":29,\"budgetDay\":1,"
                        + "\"creativeType\":11,\"isAgreementChecked\":true,\"ioId\":" + ios.get(c.io()) + ",\"countryId\":\"30100001\","
                        + "\"creativeIds\":\"" + creative + "\",\"advertiserDomain\":\"https://iqm.com\",\"totalBudgetPacing\":false,"
                        + "\"publisherAdCategory\":\"\",\"exchanges\":\"\",\"budgetTypeId\":1}";
                r = as(editorToken).body(body).post("/api/v2/cmp/campaigns/add");
                if (r.statusCode() == 200) {
                    campaigns.add(r.jsonPath().getLong("responseObject.data"));
                }
            } else if (a instanceof Patch p && campaign(p.campaign()) != null) {
                r = as(editorToken).body(p.field().equals("campaignName") ? "{\"campaignName\":\"N" + p.value() + "\"}"
                        : "{\"" + p.field() + "\":" + p.value() + "}").patch("/api/v2/cmp/campaign/" + campaign(p.campaign()));
            } else if (a instanceof Budget b && campaign(0) != null) {
                r = as(editorToken).body("{\"campaignIds\":\""
                        + String.join(",", b.campaigns().stream().map(i -> String.valueOf(campaign(i))).toList())
                        + "\",\"totalBudget\":" + b.amount() + ",\"totalBudgetUpdateType\":\"" + b.type() + "\"}")
                        .put("/api/v2/cmp/campaigns/update-budget");
            } else if (a instanceof EndDate e && campaign(e.campaign()) != null) {
                r = as(editorToken).body("{\"campaignIds\":\"" + campaign(e.campaign()) + "\",\"endDate\":"
                        + (now + e.hours() * HOUR) + "}").put("/api/v2/cmp/campaigns/update-end-date");
            } else if (a instanceof Move m && campaign(m.campaign()) != null) {
                r = as(m.asApprover() ? approverToken : editorToken)
                        .body("{\"campaignIds\":\"" + campaign(m.campaign()) + "\",\"status\":\"" + m.status() + "\""
                                + (m.status().equals("rejected") ? ",\"rejectionReason\":\"No\"" : "") + "}")
                        .put("/api/v2/cmp/campaigns/update-status");
            } else if (a instanceof IoEnd e) {
                r = as(editorToken).body("{\"ioIdsList\":[" + ios.get(e.io()) + "],\"ioEndTime\":"
                        + (now + e.hours() * HOUR) * 1000 + "}").patch("/api/v3/cmp/io/update-end-date");
            } else if (a instanceof IoRename n) {
                r = as(editorToken).body("{\"ioName\":\"Renamed " + UUID.randomUUID() + "\"}")
                        .patch("/api/v3/cmp/io/" + ios.get(n.io()));
            } else if (a instanceof DeleteIo d) {
                r = as(editorToken).body("{\"ioIdsList\":[" + ios.get(d.io()) + "]}").post("/api/v3/cmp/io/delete");
            }
            if (r != null && r.statusCode() >= 500) {
                failures.add(a + " answered " + r.statusCode() + " " + r.asString());
            }
        }

        void checkInvariants(Action after) {
            for (long io : ios) {
                Map<String, Object> row = jdbc.sql("""
                        SELECT io_total_budget, allocated_budget, io_start_time, io_end_time, io_status_id
                        FROM insertion_order WHERE io_id = ?""").param(io).query().singleRow();
                BigDecimal sum = jdbc.sql("SELECT COALESCE(SUM(budget_total), 0) FROM campaign WHERE io_id = ? AND status <> 'deleted'")
                        .param(io).query(BigDecimal.class).single();
                assertThat((BigDecimal) row.get("allocated_budget")).as("allocation of IO %d after %s", io, after)
                        .isEqualByComparingTo(sum);
                assertThat((BigDecimal) row.get("io_total_budget")).as("total of IO %d after %s", io, after)
                        .isEqualByComparingTo(sum);
                long ioStart = ((Number) row.get("io_start_time")).longValue() / 1000;
                Long ioEnd = row.get("io_end_time") == null ? null : ((Number) row.get("io_end_time")).longValue() / 1000;
                for (Map<String, Object> c : jdbc.sql("""
                        SELECT id, start_time, end_time FROM campaign WHERE io_id = ? AND status NOT IN ('deleted', 'draft')""")
                        .param(io).query().listOfRows()) {
                    long start = ((Number) c.get("start_time")).longValue();
                    assertThat(start).as("start of campaign %s after %s", c.get("id"), after).isGreaterThanOrEqualTo(ioStart);
                    if (ioEnd != null && c.get("end_time") != null) {
                        assertThat(((Number) c.get("end_time")).longValue()).as("end of campaign %s after %s", c.get("id"), after)
                                .isLessThanOrEqualTo(ioEnd);
                    }
                }
                replayMatches("io", io, Map.of("ioName", "io_name", "ioEndTime", "io_end_time", "ioStatusId", "io_status_id"),
                        "insertion_order", "io_id", after);
            }
            // The counts the lists answer with equal a recount (issue 17).
            Map<String, Long> recount = new HashMap<>();
            jdbc.sql("SELECT status, COUNT(*) FROM campaign WHERE ow_id = ? GROUP BY status").param(owId)
                    .query((rs, n) -> recount.put(rs.getString(1), rs.getLong(2))).list();
            Map<String, Long> counted = new HashMap<>();
            jdbc.sql("SELECT status, SUM(n) FROM campaign_count WHERE ow_id = ? GROUP BY status HAVING SUM(n) <> 0")
                    .param(owId).query((rs, n) -> counted.put(rs.getString(1), rs.getLong(2))).list();
            assertThat(counted).as("counts by status after %s", after).isEqualTo(recount);
            for (long id : List.copyOf(campaigns)) {
                List<String[]> path = jdbc.sql("SELECT from_status, to_status FROM campaign_status_change WHERE campaign_id = ? ORDER BY id")
                        .param(id).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
                String current = null;
                for (String[] step : path) {
                    assertThat(step[0]).as("status path of %d after %s", id, after).isEqualTo(current);
                    if (current != null) {
                        CampaignStatus.of(current).moveTo(CampaignStatus.of(step[1]));
                    }
                    current = step[1];
                }
                String stored = jdbc.sql("SELECT status FROM campaign WHERE id = ?").param(id).query(String.class).single();
                assertThat(stored).as("status of %d after %s", id, after).isEqualTo(current);
                replayMatches("campaign", id, Map.of("budgetTotal", "budget_total", "maxBid", "max_bid", "budgetDay", "budget_day",
                        "endTime", "end_time", "campaignName", "campaign_name", "status", "status"), "campaign", "id", after);
            }
        }

        /** The change history, replayed from the first entry, gives every listed field its stored value. */
        private void replayMatches(String type, long id, Map<String, String> fields, String table, String key, Action after) {
            Map<String, JsonNode> replayed = new HashMap<>();
            for (String changes : jdbc.sql("SELECT changes FROM change_log WHERE entity_type = ? AND entity_id = ? ORDER BY id")
                    .params(type, id).query(String.class).list()) {
                for (JsonNode change : JSON.readTree(changes)) {
                    JsonNode value = change.get("newValue");
                    if (value == null) {
                        replayed.remove(change.get("field").asString());
                    } else {
                        replayed.put(change.get("field").asString(), value);
                    }
                }
            }
            Map<String, Object> row = jdbc.sql("SELECT * FROM " + table + " WHERE " + key + " = ?").param(id).query().singleRow();
            for (Map.Entry<String, String> f : fields.entrySet()) {
                Object stored = row.get(f.getValue());
                JsonNode value = replayed.get(f.getKey());
                String description = type + " " + id + " field " + f.getKey() + " after " + after;
                if (stored == null) {
                    assertThat(value).as(description).isNull();
                } else if (stored instanceof Number n) {
                    assertThat(value).as(description).isNotNull();
                    assertThat(value.decimalValue()).as(description).isEqualByComparingTo(new BigDecimal(n.toString()));
                } else {
                    assertThat(value).as(description).isNotNull();
                    assertThat(value.asString()).as(description).isEqualTo(stored.toString());
                }
            }
        }
    }
}
