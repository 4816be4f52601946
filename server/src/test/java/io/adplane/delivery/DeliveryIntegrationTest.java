package io.adplane.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DeliveryIntegrationTest extends DeliveryTestSupport {

    @Autowired
    DeliverySimulator simulator;

    record Row(long hour, int day, long impressions, long spend) {
    }

    List<Row> facts(long campaignId) {
        return jdbc.sql("SELECT hour_start, local_day, impressions, total_spend_micros FROM delivery_fact "
                + "WHERE campaign_id = ? ORDER BY hour_start, creative_id, exchange_id, device_type_id")
                .param(campaignId).query((rs, n) -> new Row(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    @Test
    void aRunningCampaignDeliversItsHoursWithinItsDailyBudgetAndRerunsAreIdentical() {
        Tenant tenant = newTenant("admin");
        Login login = login(tenant);
        long io = newIo(login);
        long creative = runningCreative(login, 11);
        long id = newCampaign(login, io, creative, "\"budgetDay\":20,\"budgetTotal\":100,\"totalBudgetPacing\":false", 3);
        long paused = newCampaign(login, io, creative, "\"budgetDay\":20,\"budgetTotal\":100,\"totalBudgetPacing\":false", 3);
        setStatus(tenant.owId(), id, "running");
        // Never approved: a pending campaign delivers nothing.
        long start = (nowSeconds() / HOUR + 1) * HOUR;

        for (int i = 0; i < 30; i++) {
            advance("1h");
        }
        advance("2d");

        List<Row> rows = facts(id);
        assertThat(rows).isNotEmpty();
        assertThat(facts(paused)).isEmpty();
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.hour()).isGreaterThanOrEqualTo(start).isLessThan(start + 3 * DAY);
            assertThat(r.spend()).isNotNegative();
        });
        Map<Integer, Long> byDay = new java.util.TreeMap<>();
        rows.forEach(r -> byDay.merge(r.day(), r.spend(), Long::sum));
        assertThat(byDay.values()).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(20_000_000L));
        long spent = rows.stream().mapToLong(Row::spend).sum();
        assertThat(spent).isPositive().isLessThanOrEqualTo(100_000_000L);
        Metrics total = jdbc.sql("SELECT " + String.join(", ", Metrics.COLUMNS) + " FROM delivery_total WHERE campaign_id = ?")
                .param(id).query(DeliveryFacts::metrics).single();
        assertThat(total.totalSpendMicros()).isEqualTo(spent);
        assertThat(total.impressions()).isEqualTo(rows.stream().mapToLong(Row::impressions).sum());
        assertThat(total.spent()).isLessThanOrEqualTo(new BigDecimal("100"));

        // The hour-by-hour run, redone in one step from nothing, gives exactly the same facts.
        jdbc.sql("DELETE FROM delivery_fact WHERE campaign_id = ?").param(id).update();
        jdbc.sql("DELETE FROM delivery_day WHERE campaign_id = ?").param(id).update();
        jdbc.sql("DELETE FROM delivery_total WHERE campaign_id = ?").param(id).update();
        jdbc.sql("DELETE FROM delivery_io_total WHERE io_id = ?").param(io).update();
        jdbc.sql("UPDATE delivery_cursor SET next_hour = ?, is_open = TRUE WHERE campaign_id = ?").params(start, id).update();
        simulator.catchUp();
        assertThat(facts(id)).isEqualTo(rows);
    }
}
