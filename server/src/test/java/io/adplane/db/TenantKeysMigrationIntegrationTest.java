package io.adplane.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.adplane.support.TestDatabase;

/**
 * V115 (P2) moves every tenant table to a key that starts with {@code ow_id}: a database migrated to the version
 * before with
 * rows in each of those tables keeps every row, and its foreign keys then name the organization.
 */
class TenantKeysMigrationIntegrationTest {

    private static final long OW = 200001;
    private static JdbcClient jdbc;
    private static Flyway flyway;

    @BeforeAll
    static void migrateToTheVersionBeforeAndFill() {
        TestDatabase.assumeAvailable();
        // One connection throughout: H2 evaluates a check constraint in the session that made it.
        var dataSource = new SingleConnectionDataSource(TestDatabase.separateUrl("tenantkeys"), TestDatabase.user(),
                TestDatabase.password(), true);
        flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
        // The newest migration before V115, whichever it is.
        MigrationVersion before = java.util.Arrays.stream(flyway.info().all()).map(m -> m.getVersion())
                .filter(v -> v.compareTo(MigrationVersion.fromVersion("115")) < 0).max(MigrationVersion::compareTo)
                .orElseThrow();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(before).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        fill();
        flyway.migrate();
    }

    private static void run(String sql) {
        jdbc.sql(sql).update();
    }

    /** One row in each table V115 rekeys, linked as the write paths link them. */
    private static void fill() {
        run("INSERT INTO workspace (id, domain, name, support_email, created_at) VALUES (1, 'k.example', 'K', 's@k.example', 0)");
        run("INSERT INTO organization (ow_id, workspace_id, path, name, status, created_at) VALUES (200001, 1, '/200001/', 'Org', 'active', 0)");
        run("INSERT INTO workspace (id, domain, name, support_email, created_at) VALUES (2, 'o.example', 'O', 's@o.example', 0)");
        run("INSERT INTO organization (ow_id, workspace_id, path, name, status, created_at) VALUES (200002, 2, '/200002/', 'Other', 'active', 0)");
        run("INSERT INTO app_user (id, email, password_hash, created_at) VALUES (1, 'u@k.example', 'x', 0)");
        run("INSERT INTO membership (uow_id, user_id, ow_id, role, created_at) VALUES (100001, 1, 200001, 'admin', 0)");
        run("""
                INSERT INTO insertion_order (io_id, ow_id, io_name, io_start_time, io_time_zone_id,
                    is_auto_sum_io_total_budget, io_budget_distribution_method_id, io_budget_type_id, io_status_id,
                    created_by_uow_id, modified_by_uow_id, created_at, modified_at, allocated_budget)
                VALUES (10001, 200001, 'IO', 0, 29, TRUE, 1, 1, 1, 100001, 100001, 0, 0, 12.50)""");
        run("""
                INSERT INTO campaign (id, ow_id, io_id, uow_id, modified_by_uow_id, campaign_name, campaign_type_id,
                    status, budget_type_id, budget_total, total_budget_pacing, creative_ids, exchanges,
                    publisher_ad_category, device_type, traffic_type, is_agreement_checked, settings, created_at,
                    modified_at, expires_at)
                VALUES (500001, 200001, 10001, 100001, 100001, 'Kept', 1, 'running', 1, 12.50, FALSE, '700001', '',
                    '', '', '', TRUE, '{}', 5, 6, 99)""");
        run("""
                INSERT INTO creative (creative_id, ow_id, uow_id, creative_name, platform_creative_type_id,
                    creative_source_type, creative_source, details, creative_status_id, created_at, modified_at)
                VALUES (700001, 200001, 100001, 'Banner', 11, 'url', 'https://k.example/a.png', '{}', 2, 0, 0)""");
        run("INSERT INTO campaign_creative (campaign_id, creative_id, ow_id) VALUES (500001, 700001, 200001)");
        run("INSERT INTO campaign_audience (campaign_id, audience_id, ow_id) VALUES (500001, 1000001, 200001)");
        run("""
                INSERT INTO campaign_status_change (id, campaign_id, ow_id, from_status, to_status, changed_at)
                VALUES (1, 500001, 200001, 'pending', 'running', 7)""");
        run("""
                INSERT INTO change_log (id, ow_id, entity_type, entity_id, action, changed_at, changes)
                VALUES (1, 200001, 'campaign', 500001, 'create', 7, '[]')""");
        String metrics = "bid_requests, bid_impressions, impressions, clicks, media_spend_micros, data_cost_micros, "
                + "total_spend_micros, video_start, video_first_quartile, video_midpoint, video_third_quartile, "
                + "video_complete, conversions";
        run("INSERT INTO delivery_fact (campaign_id, hour_start, creative_id, exchange_id, device_type_id, country_id, "
                + "ow_id, io_id, local_day, source, " + metrics + ", recorded_at) VALUES (500001, 3600, 700001, 1, 2, 3, "
                + "200001, 10001, 0, 'simulator', 10, 9, 8, 1, 2000, 0, 2000, 0, 0, 0, 0, 0, 0, 7)");
        run("INSERT INTO delivery_day (campaign_id, local_day, ow_id, io_id, impressions) VALUES (500001, 0, 200001, 10001, 8)");
        run("INSERT INTO delivery_total (campaign_id, ow_id, io_id, impressions) VALUES (500001, 200001, 10001, 8)");
        run("INSERT INTO delivery_io_total (io_id, ow_id, impressions) VALUES (10001, 200001, 8)");
        run("INSERT INTO delivery_cursor (campaign_id, ow_id, io_id, next_hour, is_open) VALUES (500001, 200001, 10001, 7200, TRUE)");
        run("""
                INSERT INTO saved_report (id, ow_id, uow_id, report_name, definition, created_at, modified_at)
                VALUES (1001, 200001, 100001, 'Daily', '{}', 0, 0)""");
        run("""
                INSERT INTO report_schedule (id, report_id, ow_id, user_id, uow_id, workspace_id, workspace_owner_ow_id,
                    member_ow_id, role, subscriber_emails, file_type, delivery_frequency, running_total_enabled,
                    next_run_at, created_at, modified_at)
                VALUES (101, 1001, 200001, 1, 100001, 1, 200001, 200001, 'admin', '[]', 1, 1, FALSE, 50, 0, 0)""");
        run("INSERT INTO report_run (id, report_id, ow_id, run_at, token, recipients) VALUES (1, 1001, 200001, 9, 'rpt_t', '[]')");
        run("""
                INSERT INTO creative_group (creative_group_id, ow_id, uow_id, creative_group_name, creative_type_id,
                    created_at, modified_at) VALUES (45001, 200001, 100001, 'Group', 11, 0, 0)""");
        run("INSERT INTO creative_group_creative (creative_group_id, creative_id, ow_id) VALUES (45001, 700001, 200001)");
        run("""
                INSERT INTO deal (id, ow_id, uow_id, deal_kind, deal_id, deal_name, exchange_id, created_at)
                VALUES (101, 200001, 100001, 'pmp', 'D-1', 'Deal', 1, 0)""");
        run("""
                INSERT INTO audience (id, ow_id, uow_id, audience_name, audience_type_id, status_id, created_at)
                VALUES (1000001, 200001, 100001, 'Aud', 1, 1, 0)""");
        run("""
                INSERT INTO inventory_group (id, ow_id, uow_id, group_name, group_type_id, created_at)
                VALUES (401, 200001, 100001, 'Inv', 1, 0)""");
        run("""
                INSERT INTO advertiser_profile (id, ow_id, political_identifier, created_at)
                VALUES (1, 200001, 'P-1', 0)""");
    }

    @Test
    void everyRowSurvivesTheNewKeys() {
        assertThat(flyway.info().current().getVersion()).isGreaterThanOrEqualTo(MigrationVersion.fromVersion("115"));
        assertThat(jdbc.sql("SELECT campaign_name, io_id, budget_total, expires_at FROM campaign WHERE ow_id = ? AND id = ?")
                .params(OW, 500001).query().singleRow())
                .containsEntry("campaign_name", "Kept").containsEntry("io_id", 10001L).containsEntry("expires_at", 99L);
        assertThat(jdbc.sql("SELECT allocated_budget FROM insertion_order WHERE ow_id = ? AND io_id = ?")
                .params(OW, 10001).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("12.50");
        Map<String, Long> oneEach = Map.ofEntries(
                Map.entry("creative WHERE creative_id = 700001", 1L),
                Map.entry("campaign_creative WHERE campaign_id = 500001 AND creative_id = 700001", 1L),
                Map.entry("campaign_audience WHERE campaign_id = 500001 AND audience_id = 1000001", 1L),
                Map.entry("campaign_status_change WHERE id = 1 AND to_status = 'running'", 1L),
                Map.entry("change_log WHERE id = 1 AND entity_id = 500001", 1L),
                Map.entry("delivery_fact WHERE campaign_id = 500001 AND impressions = 8", 1L),
                Map.entry("delivery_day WHERE campaign_id = 500001 AND impressions = 8", 1L),
                Map.entry("delivery_total WHERE campaign_id = 500001 AND impressions = 8", 1L),
                Map.entry("delivery_io_total WHERE io_id = 10001 AND impressions = 8", 1L),
                Map.entry("delivery_cursor WHERE campaign_id = 500001 AND next_hour = 7200", 1L),
                Map.entry("saved_report WHERE id = 1001", 1L),
                Map.entry("report_schedule WHERE id = 101 AND report_id = 1001", 1L),
                Map.entry("report_run WHERE id = 1 AND token = 'rpt_t'", 1L),
                Map.entry("creative_group WHERE creative_group_id = 45001", 1L),
                Map.entry("creative_group_creative WHERE creative_group_id = 45001", 1L),
                Map.entry("deal WHERE id = 101", 1L),
                Map.entry("audience WHERE id = 1000001", 1L),
                Map.entry("inventory_group WHERE id = 401", 1L),
                Map.entry("advertiser_profile WHERE id = 1", 1L));
        oneEach.forEach((where, n) -> assertThat(jdbc.sql("SELECT COUNT(*) FROM " + where + " AND ow_id = " + OW)
                .query(Long.class).single()).as(where).isEqualTo(n));
    }

    @Test
    void foreignKeysNameTheOrganization() {
        // The campaign's organization and id together must name a campaign: the same id under another organization
        // does not.
        assertThatThrownBy(() -> run(
                "INSERT INTO campaign_creative (campaign_id, creative_id, ow_id) VALUES (500001, 700002, 200002)"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> run("""
                INSERT INTO campaign_status_change (campaign_id, ow_id, to_status, changed_at)
                VALUES (500001, 200002, 'paused', 8)"""))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> run(
                "INSERT INTO creative_group_creative (creative_group_id, creative_id, ow_id) VALUES (45001, 700001, 200002)"))
                .isInstanceOf(DataIntegrityViolationException.class);
        // Deleting a saved report still takes its schedule and runs with it.
        run("""
                INSERT INTO saved_report (id, ow_id, uow_id, report_name, definition, created_at, modified_at)
                VALUES (1002, 200002, 100001, 'Gone', '{}', 0, 0)""");
        run("""
                INSERT INTO report_schedule (id, report_id, ow_id, user_id, uow_id, workspace_id, workspace_owner_ow_id,
                    member_ow_id, role, subscriber_emails, file_type, delivery_frequency, running_total_enabled,
                    created_at, modified_at)
                VALUES (102, 1002, 200002, 1, 100001, 2, 200002, 200002, 'admin', '[]', 1, 1, FALSE, 0, 0)""");
        run("INSERT INTO report_run (id, report_id, ow_id, run_at, recipients) VALUES (2, 1002, 200002, 9, '[]')");
        run("DELETE FROM saved_report WHERE ow_id = 200002 AND id = 1002");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM report_schedule WHERE ow_id = 200002").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM report_run WHERE ow_id = 200002").query(Long.class).single()).isZero();
    }

    @Test
    void identityColumnsStillHandOutNewIds() {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO change_log (ow_id, entity_type, entity_id, action, changed_at, changes)
                VALUES (200002, 'io', 10001, 'update', 8, '[]')""").update(keys, "id");
        long id = keys.getKey().longValue();
        assertThat(jdbc.sql("SELECT action FROM change_log WHERE ow_id = 200002 AND id = ?").param(id)
                .query(String.class).single()).isEqualTo("update");
    }
}
