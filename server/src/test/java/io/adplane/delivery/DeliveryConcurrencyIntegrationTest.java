package io.adplane.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.adplane.support.AllAtOnce;

/**
 * Two instances catching up on one database at once (S5, S18): each campaign-hour is decided by one of them, the
 * rollups hold exactly the facts, and neither fails (the cursors, rollup rows and IO totals are locked in one
 * order, so they wait for each other instead of deadlocking).
 */
class DeliveryConcurrencyIntegrationTest extends DeliveryTestSupport {

    private static final int CAMPAIGNS = 40;
    private static final int HOURS = 30;

    @Autowired
    private DeliverySimulator simulator;

    @Test
    void twoInstancesCatchingUpAtOnceDecideEachHourOnce() {
        Tenant tenant = newTenant("admin");
        Login login = login(tenant);
        long creative = runningCreative(login, 11);
        List<Long> ios = List.of(newIo(login), newIo(login));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < CAMPAIGNS; i++) {
            ids.add(newCampaign(login, ios.get(i % 2), creative,
                    "\"budgetDay\":500,\"budgetTotal\":5000,\"totalBudgetPacing\":false", 5));
        }
        Tenant approver = newUserIn(workspaceOwnerOwId(), "approver", "adplane");
        as(login(approver), tenant.owId()).body("{\"campaignIds\":\"" + ids.stream().map(String::valueOf)
                .collect(Collectors.joining(",")) + "\",\"status\":\"running\"}")
                .put("/api/v2/cmp/campaigns/update-status").then().statusCode(200);
        simulator.catchUp();
        long before = jdbc.sql("SELECT COUNT(*) FROM delivery_fact WHERE ow_id = ?").param(tenant.owId())
                .query(Long.class).single();

        // The clock stands still, so the hours due can't grow while the instances run; every running campaign of
        // the server's database has its watermark (the catch-up above opened them).
        clock.freeze();
        clock.advance(Duration.ofHours(HOURS));
        long target = clock.millis() / 1000 / HOUR * HOUR;
        long due = jdbc.sql("SELECT COALESCE(SUM((? - next_hour) / 3600), 0) FROM delivery_cursor WHERE is_open = TRUE"
                + " AND next_hour < ?").params(target, target).query(Long.class).single();
        List<Long> decided = AllAtOnce.run(2, i -> simulator.catchUp());

        assertThat(decided).as("campaign-hours each instance decided").allSatisfy(hours -> assertThat(hours).isNotNegative());
        // An hour decided by both would be counted twice (its second facts are ignored, so only this shows it);
        // the server's own delivery job may take some of the hours too, never more than are due.
        assertThat(decided.get(0) + decided.get(1)).as("campaign-hours decided by the two, of %d due", due)
                .isLessThanOrEqualTo(due);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery_cursor WHERE ow_id = ? AND is_open = TRUE AND next_hour <> ?")
                .params(tenant.owId(), target).query(Long.class).single()).as("watermarks behind the clock").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery_fact WHERE ow_id = ?").param(tenant.owId())
                .query(Long.class).single()).as("facts recorded").isGreaterThan(before);
        String perCampaign = "SELECT f.campaign_id, SUM(f.impressions), SUM(f.media_spend_micros) FROM delivery_fact f"
                + " WHERE f.ow_id = ? GROUP BY f.campaign_id ORDER BY f.campaign_id";
        String rolledUp = "SELECT t.campaign_id, t.impressions, t.media_spend_micros FROM delivery_total t"
                + " WHERE t.ow_id = ? AND t.impressions > 0 ORDER BY t.campaign_id";
        assertThat(rows(rolledUp, tenant.owId())).as("campaign totals = their facts").isEqualTo(rows(perCampaign, tenant.owId()));
        String perDay = "SELECT f.campaign_id, f.local_day, SUM(f.impressions) FROM delivery_fact f WHERE f.ow_id = ?"
                + " GROUP BY f.campaign_id, f.local_day ORDER BY f.campaign_id, f.local_day";
        String days = "SELECT d.campaign_id, d.local_day, d.impressions FROM delivery_day d WHERE d.ow_id = ?"
                + " AND d.impressions > 0 ORDER BY d.campaign_id, d.local_day";
        assertThat(rows(days, tenant.owId())).as("day rollups = their facts").isEqualTo(rows(perDay, tenant.owId()));
        String perIo = "SELECT f.io_id, SUM(f.impressions) FROM delivery_fact f WHERE f.ow_id = ? GROUP BY f.io_id ORDER BY f.io_id";
        String ioTotals = "SELECT t.io_id, t.impressions FROM delivery_io_total t WHERE t.ow_id = ? AND t.impressions > 0"
                + " ORDER BY t.io_id";
        assertThat(rows(ioTotals, tenant.owId())).as("IO totals = their facts").isEqualTo(rows(perIo, tenant.owId()))
                .hasSize(2);
    }

    private List<String> rows(String sql, long owId) {
        return jdbc.sql(sql).param(owId).query((rs, n) -> {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.append(i > 1 ? " " : "").append(rs.getLong(i));
            }
            return row.toString();
        }).list();
    }
}
