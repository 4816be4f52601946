package io.adplane.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * One IO's delivery failing while another IO is delivered beside it (the simulator's workers): the catch-up
 * reports the failure, the other IO's hours are recorded whole, the failed IO's step leaves nothing behind, and
 * the next catch-up delivers its hours once the cause is gone.
 */
class DeliveryFailureIntegrationTest extends DeliveryTestSupport {

    private static final int HOURS = 12;

    @Autowired
    private DeliverySimulator simulator;

    @Test
    void aFailedIoIsReportedLeavesNothingAndIsDeliveredLater() {
        Tenant tenant = newTenant("admin");
        Login login = login(tenant);
        long creative = runningCreative(login, 11);
        long good = newIo(login);
        long failing = newIo(login);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(newCampaign(login, i % 2 == 0 ? good : failing, creative,
                    "\"budgetDay\":500,\"budgetTotal\":5000,\"totalBudgetPacing\":false", 5));
        }
        setStatus(tenant.owId(), ids, "running");
        simulator.catchUp();
        clock.freeze();
        List<String> failingBefore = watermarks(failing);

        // The database refuses the failing IO's facts, as it would refuse a write for any reason of its own.
        jdbc.sql("ALTER TABLE delivery_fact ADD CONSTRAINT test_refuses_io CHECK (io_id <> " + failing + ")").update();
        try {
            clock.advance(Duration.ofHours(HOURS));
            long target = clock.millis() / 1000 / HOUR * HOUR;
            assertThatThrownBy(simulator::catchUp).isInstanceOf(DataIntegrityViolationException.class)
                    .satisfies(e -> assertThat(e.getMessage().toLowerCase()).contains("test_refuses_io"));
            assertThat(watermarks(good)).as("the other IO's watermarks").containsOnly(target + "");
            assertThat(watermarks(failing)).as("the failed IO's watermarks").isEqualTo(failingBefore);
            assertThat(facts(failing)).as("the failed IO's facts").isZero();
            assertRollupsHoldTheirFacts(tenant.owId());
        } finally {
            jdbc.sql("ALTER TABLE delivery_fact DROP CONSTRAINT test_refuses_io").update();
        }

        simulator.catchUp();
        long target = clock.millis() / 1000 / HOUR * HOUR;
        assertThat(watermarks(failing)).as("the failed IO's watermarks, delivered later").containsOnly(target + "");
        assertThat(facts(failing)).as("the failed IO's facts, delivered later").isPositive();
        assertRollupsHoldTheirFacts(tenant.owId());
    }

    private List<String> watermarks(long ioId) {
        return jdbc.sql("SELECT next_hour FROM delivery_cursor WHERE io_id = ? AND is_open = TRUE ORDER BY campaign_id")
                .param(ioId).query((rs, n) -> Long.toString(rs.getLong(1))).list();
    }

    private long facts(long ioId) {
        return jdbc.sql("SELECT COUNT(*) FROM delivery_fact WHERE io_id = ?").param(ioId).query(Long.class).single();
    }
}
