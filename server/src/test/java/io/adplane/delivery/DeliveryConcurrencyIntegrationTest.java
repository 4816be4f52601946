package io.adplane.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
        setStatus(tenant.owId(), ids, "running");
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
        assertRollupsHoldTheirFacts(tenant.owId());
        assertThat(rows("SELECT io_id FROM delivery_io_total WHERE ow_id = ? AND impressions > 0", tenant.owId()))
                .as("IOs delivered").hasSize(2);
    }
}
