package io.adplane.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Service;

import io.adplane.auth.Caller;

/**
 * Shows and moves the simulation clock (S3) for a workspace owner's admin. Moving it adds to the stored
 * offset, moves this instance's clock at once (others follow within a second), then catches delivery up to the
 * new time before answering.
 */
@Service
public class SimulationTime {

    /** The clock as {@code GET /api/v3/adplane/clock} answers it. */
    public record ClockView(long now, String nowUtc, long offsetMillis) {
    }

    /** What an advance did: the clock afterwards and the campaign-hours of delivery it simulated. */
    public record ClockAdvanced(long now, String nowUtc, long offsetMillis, long simulatedCampaignHours) {
    }

    private final Clock clock;
    private final ClockOffsets offsets;
    private final DeliverySimulator simulator;

    SimulationTime(Clock clock, ClockOffsets offsets, DeliverySimulator simulator) {
        this.clock = clock;
        this.offsets = offsets;
        this.simulator = simulator;
    }

    public ClockView show(Caller caller) {
        caller.requireWorkspaceOwnerAdmin();
        return view();
    }

    public ClockAdvanced advance(Caller caller, String duration) {
        caller.requireWorkspaceOwnerAdmin();
        Duration d = ClockDurations.parse("duration", duration);
        long offset = offsets.advance(d.toMillis(), System.currentTimeMillis());
        if (clock instanceof ClockOffset movable) {
            movable.simulationOffset(offset);
        }
        long hours = simulator.catchUp();
        ClockView v = view();
        return new ClockAdvanced(v.now(), v.nowUtc(), v.offsetMillis(), hours);
    }

    private ClockView view() {
        long now = clock.millis();
        return new ClockView(now, Instant.ofEpochMilli(now).toString(), offsets.offsetMillis());
    }
}
