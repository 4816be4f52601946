package io.adplane.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.adplane.support.IntegrationTestSupport;

/**
 * The console's pages with 10,000 campaigns in the organization: each answers, with the right counts and
 * pages, as lists page and count in SQL. Each page's time (the best of three) is logged; the target
 * is 300 ms, which the pages that list campaigns do not meet yet on H2 (see docs/console.md). The campaigns
 * are written straight to the tables (with the per-status counts the write path keeps) to set the test up in
 * seconds.
 */
class ConsoleScaleIntegrationTest extends IntegrationTestSupport {

    static final int CAMPAIGNS = 10_000;

    @Autowired
    JdbcTemplate template;

    @Test
    void everyPageRendersInUnder300MillisecondsWithTenThousandCampaigns() {
        Tenant tenant = newTenant("admin");
        ConsoleClient browser = new ConsoleClient(port);
        browser.login(tenant.email(), tenant.password());
        long ioId = ConsoleInsertionOrderIntegrationTest.createIo(browser, clock, "Big IO");
        long now = clock.millis();
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < CAMPAIGNS; i++) {
            rows.add(new Object[] {tenant.owId(), ioId, tenant.uowId(), tenant.uowId(), "Bulk campaign " + i, now + i, now + i});
        }
        template.batchUpdate("""
                INSERT INTO campaign (ow_id, io_id, uow_id, modified_by_uow_id, campaign_name, campaign_type_id,
                    creative_type_id, status, budget_type_id, budget_total, budget_day, max_bid, total_budget_pacing,
                    start_time, end_time, timezone_id, country_id, advertiser_domain, creative_ids, exchanges,
                    publisher_ad_category, device_type, traffic_type, is_agreement_checked, settings, created_at,
                    modified_at)
                VALUES (?, ?, ?, ?, ?, 1, 11, 'pending', 1, 100, 10, 5, FALSE, NULL, NULL, 29, 30100001,
                    'https://example.com', '1', '', '', '', '', TRUE, '{}', ?, ?)""", rows);
        jdbc.sql("INSERT INTO campaign_count (ow_id, status, shard, n) VALUES (?, 'pending', 9999, ?)")
                .params(tenant.owId(), CAMPAIGNS).update();

        assertThat(browser.get("/console").body()).contains("<td class=\"num\">" + CAMPAIGNS + "</td>");
        java.util.Map<String, Long> took = new java.util.LinkedHashMap<>();
        for (String page : List.of("/console", "/console/campaigns", "/console/campaigns?status=pending&page=400",
                "/console/campaigns?search=campaign%209999", "/console/insertion-orders",
                "/console/insertion-orders/" + ioId, "/console/insertion-orders/" + ioId + "?page=250",
                "/console/approvals", "/console/approvals?page=300", "/console/creatives")) {
            long best = Long.MAX_VALUE;
            for (int attempt = 0; attempt < 3; attempt++) {
                long start = System.nanoTime();
                HttpResponse<String> r = browser.get(page);
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertThat(r.statusCode()).as(page).isEqualTo(200);
                best = Math.min(best, millis);
            }
            took.put(page, best);
        }
        org.slf4j.LoggerFactory.getLogger(ConsoleScaleIntegrationTest.class)
                .info("Console pages with {} campaigns, best of three in ms: {}", CAMPAIGNS, took);
        // The page queries alone, as the campaign lists run them (ids first), with the database's plan.
        // (:now differs each time, so the database's result cache does not answer.)
        for (String sql : List.of(
                "SELECT c.id FROM campaign c WHERE c.ow_id IN (:ow) AND c.status <> 'deleted' AND c.created_at < :now ORDER BY c.created_at DESC, c.id DESC LIMIT 20 OFFSET 0",
                "SELECT c.id FROM campaign c WHERE c.ow_id IN (:ow) AND c.status = 'pending' AND c.created_at < :now ORDER BY c.created_at ASC, c.id ASC LIMIT 20 OFFSET 5980",
                "SELECT c.id FROM campaign c WHERE c.ow_id IN (:ow) AND c.io_id IN (:io) AND c.status <> 'deleted' AND c.created_at < :now ORDER BY c.created_at DESC, c.id DESC LIMIT 20 OFFSET 4980",
                "SELECT c.id, c.campaign_name, o.name, i.io_name FROM campaign c JOIN insertion_order i ON i.io_id = c.io_id "
                        + "AND i.ow_id = c.ow_id JOIN organization o ON o.ow_id = c.ow_id JOIN (SELECT c.id FROM campaign c "
                        + "WHERE c.ow_id IN (:ow) AND c.status <> 'deleted' AND c.created_at < :now ORDER BY c.created_at DESC, "
                        + "c.id DESC LIMIT 20 OFFSET 0) page_ids ON page_ids.id = c.id ORDER BY c.created_at DESC, c.id DESC")) {
            long best = Long.MAX_VALUE;
            for (int attempt = 0; attempt < 3; attempt++) {
                long start = System.nanoTime();
                jdbc.sql(sql).param("ow", List.of(tenant.owId())).param("io", List.of(ioId))
                        .param("now", Long.MAX_VALUE - attempt).query().listOfRows();
                best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
            }
            String plan = String.join(" ", jdbc.sql("EXPLAIN " + sql).param("ow", List.of(tenant.owId()))
                    .param("io", List.of(ioId)).param("now", Long.MAX_VALUE).query(String.class).list()).replaceAll("\\s+", " ");
            org.slf4j.LoggerFactory.getLogger(ConsoleScaleIntegrationTest.class).info("{} ms: {}", best, plan);
        }
        long ws = tenancyRepository.workspaceByDomain(HOST).orElseThrow().id();
        long best = Long.MAX_VALUE;
        int organizations = 0;
        for (int attempt = 0; attempt < 3; attempt++) {
            long start = System.nanoTime();
            organizations = tenancyRepository.allowedOwIds(tenancyRepository.userByEmail(ADMIN_EMAIL).orElseThrow().id(), ws).size();
            best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
        }
        org.slf4j.LoggerFactory.getLogger(ConsoleScaleIntegrationTest.class)
                .info("The organizations the workspace's admin may act for ({}): {} ms", organizations, best);
        assertThat(browser.get("/console/campaigns?status=pending&page=400").body())
                .contains("<span>" + CAMPAIGNS + "</span> of <span>" + CAMPAIGNS + "</span> campaigns", "Page <span>400</span> of <span>500</span>");
        assertThat(browser.get("/console/campaigns?search=campaign%209999").body()).contains("Bulk campaign 9999");
    }
}
