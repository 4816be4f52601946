package io.adplane.controls.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.V3Response;
import io.adplane.auth.Caller;
import io.adplane.controls.Controls;
import io.adplane.controls.FaultRequest;
import io.adplane.controls.Fixture;
import io.adplane.controls.FixtureLoaded;
import io.adplane.controls.FaultRule;
import io.adplane.controls.FaultRules;
import io.adplane.controls.JournalPage;
import io.adplane.controls.Reset;

/**
 * {@code /api/v3/adplane/...}: the emulator controls over HTTP. Without {@code adplane.controls.enabled} these routes
 * do not exist and answer 404 like any unknown path (E2).
 */
@RestController
@ConditionalOnProperty(name = "adplane.controls.enabled", havingValue = "true")
class ControlsController {

    private final Controls controls;

    ControlsController(Controls controls) {
        this.controls = controls;
    }

    @PostMapping("/api/v3/adplane/reset")
    V3Response<Reset.Kept> reset(Caller caller) {
        return V3Response.ok(controls.reset(caller));
    }

    @GetMapping("/api/v3/adplane/faults")
    V3Response<FaultRules> faults(Caller caller) {
        return V3Response.ok(controls.faults(caller));
    }

    @PostMapping("/api/v3/adplane/faults")
    V3Response<FaultRule> addFault(Caller caller, @RequestBody FaultRequest request) {
        return V3Response.ok(controls.addFault(caller, request));
    }

    @DeleteMapping("/api/v3/adplane/faults")
    V3Response<FaultRules> clearFaults(Caller caller) {
        return V3Response.ok(controls.clearFaults(caller));
    }

    @DeleteMapping("/api/v3/adplane/faults/{id}")
    V3Response<FaultRules> removeFault(Caller caller, @PathVariable int id) {
        return V3Response.ok(controls.removeFault(caller, id));
    }

    @GetMapping("/api/v3/adplane/journal")
    V3Response<JournalPage> journal(Caller caller, @RequestParam(required = false) String path,
            @RequestParam(required = false) String method, @RequestParam(required = false) Integer status,
            @RequestParam(required = false) Long since, @RequestParam(required = false) Integer limit) {
        return V3Response.ok(controls.journal(caller, path, method, status, since, limit));
    }

    @DeleteMapping("/api/v3/adplane/journal")
    V3Response<JournalPage> clearJournal(Caller caller) {
        return V3Response.ok(controls.clearJournal(caller));
    }

    /** The body is the fixture itself, YAML or JSON (JSON is YAML too), whatever its content type. */
    @PostMapping("/api/v3/adplane/fixtures")
    V3Response<FixtureLoaded> loadFixture(Caller caller, @RequestBody String fixture) {
        return V3Response.ok(controls.loadFixture(caller, fixture));
    }

    @GetMapping("/api/v3/adplane/fixtures")
    V3Response<Fixture> exportFixture(Caller caller) {
        return V3Response.ok(controls.exportFixture(caller));
    }
}
