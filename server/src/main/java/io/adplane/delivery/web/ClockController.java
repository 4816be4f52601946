package io.adplane.delivery.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.V3Response;
import io.adplane.auth.Caller;
import io.adplane.delivery.SimulationTime;
import io.adplane.delivery.SimulationTime.ClockAdvanced;
import io.adplane.delivery.SimulationTime.ClockView;

/** The simulation clock (S3): an emulator control, absent (404) unless {@code adplane.controls.enabled}. */
@RestController
@ConditionalOnProperty(name = "adplane.controls.enabled", havingValue = "true")
class ClockController {

    /** {@code POST /api/v3/adplane/clock/advance}: how far to move the clock, e.g. {@code {"duration":"7d"}}. */
    record AdvanceRequest(String duration) {
    }

    private final SimulationTime time;

    ClockController(SimulationTime time) {
        this.time = time;
    }

    @GetMapping("/api/v3/adplane/clock")
    V3Response<ClockView> show(Caller caller) {
        return V3Response.ok(time.show(caller));
    }

    @PostMapping("/api/v3/adplane/clock/advance")
    V3Response<ClockAdvanced> advance(Caller caller, @RequestBody AdvanceRequest request) {
        return V3Response.ok(time.advance(caller, request.duration()));
    }
}
