package io.adplane.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import io.adplane.support.TestDatabase;

/**
 * Every statement the campaign lists and counts run is an index scan, never a sequential scan of
 * {@code campaign} (issue 17), on PostgreSQL with planner statistics of a table that holds 50,000 campaigns of
 * the organization that lists and 10,000 of another, seeded in SQL from a row the API created. The statements
 * are the server's own: captured, with their parameters, from Spring's JDBC log while the requests are served,
 * then explained with those values ({@code enable_seqscan} as configured, on). On a database of its own: the
 * tens of thousands of running campaigns it seeds would otherwise be delivered by every later test's clock advance.
 */
@Import(CampaignListPlansPostgresTest.SeparateDatabase.class)
class CampaignListPlansPostgresTest extends CampaignTestSupport {

    private static final String DATABASE = "plans";

    /** The database of this test ({@link TestDatabase#separateUrl}), in place of the shared one. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SeparateDatabase {
        @Bean
        DataSource dataSource() {
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(TestDatabase.separateUrl(DATABASE));
            pool.setUsername(TestDatabase.user());
            pool.setPassword(TestDatabase.password());
            pool.setMaximumPoolSize(8);
            return pool;
        }
    }

    private static final Pattern SEQ_SCAN_OF_CAMPAIGN = Pattern.compile("Seq Scan on campaign(?![_a-z])");
    private static final Pattern PARAMETER = Pattern.compile(
            "column index (\\d+), parameter value \\[(.*)\\], value class \\[([^\\]]*)\\]", Pattern.DOTALL);

    @Test
    void listAndCountStatementsAreIndexScansAtSize() {
        Assumptions.assumeTrue(TestDatabase.isPostgres(), "plans are PostgreSQL's");
        Tenant tenant = newTenant("editor");
        Login login = login(tenant);
        long io = newIo(login);
        long creative = runningCreative(login, 11);
        long template = newCampaign(login, io, creative);
        seed(template, 50_000);
        Tenant other = newTenant("editor");
        Login otherLogin = login(other);
        seed(newCampaign(otherLogin, newIo(otherLogin), runningCreative(otherLogin, 11)), 10_000);
        jdbc.sql("ANALYZE campaign").update();
        jdbc.sql("ANALYZE campaign_count").update();
        jdbc.sql("ANALYZE insertion_order").update();

        List<String> statements = captured(() -> {
            as(login).body("{}").post("/api/v3/cmp/basic/list").then().statusCode(200);
            as(login).body("{\"status\":[\"running\"]}").post("/api/v3/cmp/basic/list").then().statusCode(200);
            as(login).body("{\"status\":[\"paused\"],\"pageNo\":3,\"noOfEntries\":50}").post("/api/v3/cmp/basic/list")
                    .then().statusCode(200);
            as(login).body("{\"status\":[\"pending\",\"draft\"],\"sortBy\":\"-created\"}").post("/api/v3/cmp/basic/list")
                    .then().statusCode(200);
            as(login).get("/api/v2/cmp/campaigns/data?status=running&limit=20").then().statusCode(200);
            as(login).get("/api/v2/cmp/campaigns/data").then().statusCode(200);
            as(login).body("{}").post("/api/v3/cmp/campaigns/count").then().statusCode(200);
            as(login).get("/api/v2/cmp/campaigns/count").then().statusCode(200);
            as(login).body("{}").post("/api/v3/cmp/io/campaign/basic/list").then().statusCode(200);
        });

        List<String> onCampaigns = statements.stream()
                .filter(s -> s.matches("(?is).*\\b(from|join)\\s+campaign(_count)?\\b.*")).toList();
        assertThat(onCampaigns).as("campaign statements captured").hasSizeGreaterThanOrEqualTo(9);
        Map<String, String> plans = new LinkedHashMap<>();
        for (String sql : onCampaigns) {
            plans.put(sql, String.join("\n", jdbc.sql("EXPLAIN " + sql).query(String.class).list()));
        }
        List<String> scans = plans.entrySet().stream().filter(p -> SEQ_SCAN_OF_CAMPAIGN.matcher(p.getValue()).find())
                .map(p -> p.getKey() + "\n" + p.getValue()).toList();
        assertThat(scans).as("statements that scan campaign").isEmpty();
    }

    /** {@code n} copies of the API's campaign {@code template}, older and in every status, and their counts. */
    private void seed(long template, int n) {
        long nowSec = nowSeconds();
        // On a connection of its own, without the server's statement timeout: seeding is not a request.
        org.springframework.jdbc.datasource.SingleConnectionDataSource seeding =
                new org.springframework.jdbc.datasource.SingleConnectionDataSource(TestDatabase.separateUrl(DATABASE), TestDatabase.user(),
                        TestDatabase.password(), true);
        JdbcClient jdbc = JdbcClient.create(seeding);
        jdbc.sql("""
                INSERT INTO campaign (ow_id, io_id, uow_id, modified_by_uow_id, campaign_name, campaign_type_id,
                    creative_type_id, status, budget_type_id, budget_total, budget_day, max_bid, total_budget_pacing,
                    start_time, end_time, timezone_id, country_id, advertiser_domain, creative_ids, exchanges,
                    publisher_ad_category, device_type, traffic_type, is_agreement_checked, settings, created_at,
                    modified_at, expires_at)
                SELECT ow_id, io_id, uow_id, modified_by_uow_id, campaign_name || ' ' || g, campaign_type_id,
                    creative_type_id,
                    CASE WHEN g % 10 = 0 THEN 'deleted' WHEN g % 10 < 5 THEN 'running' WHEN g % 10 = 5 THEN 'paused'
                         WHEN g % 10 = 6 THEN 'draft' WHEN g % 10 = 7 THEN 'pending' WHEN g % 10 = 8 THEN 'expired'
                         ELSE 'rejected' END,
                    budget_type_id, 1, budget_day, max_bid, total_budget_pacing,
                    start_time, end_time, timezone_id, country_id, advertiser_domain, creative_ids, exchanges,
                    publisher_ad_category, device_type, traffic_type, is_agreement_checked, settings,
                    created_at - g * 1000, modified_at - g * 1000,
                    CASE WHEN g % 10 = 8 THEN :past WHEN g % 2500 = 1 THEN :past ELSE expires_at END
                FROM campaign, generate_series(1, :n) AS g WHERE id = :template""")
                .param("n", n).param("template", template).param("past", nowSec - 3600).update();
        // The seeded rows join the counts and the IO's allocation as the write path would have kept them.
        jdbc.sql("""
                INSERT INTO campaign_count (ow_id, status, shard, n)
                SELECT c.ow_id, c.status, 7, COUNT(*) FROM campaign c
                WHERE c.ow_id = (SELECT ow_id FROM campaign WHERE id = :template) AND c.id > :template GROUP BY c.ow_id, c.status
                ON CONFLICT (ow_id, status, shard) DO UPDATE SET n = campaign_count.n + EXCLUDED.n""")
                .param("template", template).update();
        jdbc.sql("""
                UPDATE insertion_order SET allocated_budget = allocated_budget + :added, io_total_budget = io_total_budget + :added,
                    allocated_campaigns = allocated_campaigns + :added
                WHERE io_id = (SELECT io_id FROM campaign WHERE id = :template)""")
                .param("added", (long) (n - n / 10)).param("template", template).update();
        seeding.destroy();
    }

    /** The statements (parameters filled in) run while {@code requests} are served. */
    private static List<String> captured(Runnable requests) {
        Logger statements = (Logger) LoggerFactory.getLogger("org.springframework.jdbc.core.JdbcTemplate");
        Logger parameters = (Logger) LoggerFactory.getLogger("org.springframework.jdbc.core.StatementCreatorUtils");
        Level statementLevel = statements.getLevel();
        Level parameterLevel = parameters.getLevel();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        statements.addAppender(log);
        parameters.addAppender(log);
        statements.setLevel(Level.DEBUG);
        parameters.setLevel(Level.TRACE);
        try {
            requests.run();
        } finally {
            statements.setLevel(statementLevel);
            parameters.setLevel(parameterLevel);
            statements.detachAppender(log);
            parameters.detachAppender(log);
        }
        // Per thread: a statement, then its parameters in order.
        Map<String, List<Object[]>> open = new LinkedHashMap<>();
        List<Object[]> all = new ArrayList<>();
        for (ILoggingEvent e : List.copyOf(log.list)) {
            String message = e.getFormattedMessage();
            int bracket = message.indexOf('[');
            if (message.startsWith("Executing") && bracket > 0 && message.endsWith("]")) {
                Object[] statement = {message.substring(bracket + 1, message.length() - 1), new ArrayList<String>()};
                open.computeIfAbsent(e.getThreadName(), t -> new ArrayList<>()).add(statement);
                all.add(statement);
            } else if (message.startsWith("Setting SQL statement parameter value")) {
                List<Object[]> mine = open.get(e.getThreadName());
                Matcher m = PARAMETER.matcher(message);
                if (mine != null && m.find()) {
                    @SuppressWarnings("unchecked")
                    List<String> values = (List<String>) mine.get(mine.size() - 1)[1];
                    values.add(literal(m.group(2), m.group(3)));
                }
            }
        }
        List<String> sql = new ArrayList<>();
        for (Object[] s : all) {
            @SuppressWarnings("unchecked")
            List<String> values = (List<String>) s[1];
            sql.add(bind((String) s[0], values));
        }
        return sql;
    }

    private static String literal(String value, String type) {
        if (value.equals("null")) {
            return "NULL";
        }
        return switch (type) {
            case "java.lang.Long", "java.lang.Integer", "java.math.BigDecimal", "java.lang.Short" -> value;
            case "java.lang.Boolean" -> value.toUpperCase();
            default -> "'" + value.replace("'", "''") + "'";
        };
    }

    /** The statement with each {@code ?} outside a quoted literal replaced by the next value. */
    private static String bind(String sql, List<String> values) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        int next = 0;
        for (char ch : sql.toCharArray()) {
            if (ch == '\'') {
                quoted = !quoted;
            }
            if (ch == '?' && !quoted && next < values.size()) {
                out.append(values.get(next++));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
