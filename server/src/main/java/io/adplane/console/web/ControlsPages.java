package io.adplane.console.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.adplane.api.ApiException;
import io.adplane.auth.Caller;
import io.adplane.controls.Controls;
import io.adplane.delivery.SimulationTime;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The emulator controls (E1–E4), only where {@code adplane.controls.enabled} is true (elsewhere the page does not
 * exist: 404) and for the workspace owner's admins (403 otherwise): the simulation clock and moving it forward,
 * the request journal, and the reset. Each calls the control's own service, so its rights and messages hold.
 */
@Controller
@Hidden
@ConditionalOnProperty(name = "adplane.controls.enabled", havingValue = "true")
class ControlsPages {

    static final int JOURNAL_ROWS = 50;

    private final Controls controls;
    private final SimulationTime time;

    ControlsPages(Controls controls, SimulationTime time) {
        this.controls = controls;
        this.time = time;
    }

    @GetMapping("/console/controls")
    String page(Caller caller, @RequestParam(required = false) String path, @RequestParam(required = false) String done,
            Model model) {
        if ("advanced".equals(done)) {
            model.addAttribute("notice", "The clock moved forward; the skipped hours' delivery was simulated.");
        }
        SimulationTime.ClockView clock = time.show(caller);
        model.addAttribute("clock", clock);
        model.addAttribute("offset", java.time.Duration.ofMillis(clock.offsetMillis()).toString());
        model.addAttribute("journal", controls.journal(caller, Forms.text(path), null, null, null, JOURNAL_ROWS));
        model.addAttribute("path", path == null ? "" : path);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("duration", "1d"));
        }
        return "console/controls";
    }

    /** Moves the clock through {@link SimulationTime#advance}, which delivers the hours it skips before answering. */
    @PostMapping("/console/controls/clock")
    String advance(Caller caller, @RequestParam(required = false) String duration, HttpServletResponse response,
            Model model) {
        try {
            time.advance(caller, duration);
        } catch (ApiException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("form", Map.of("duration", duration == null ? "" : duration));
            model.addAttribute("problems", Pages.problems(e));
            return page(caller, null, null, model);
        }
        return "redirect:/console/controls?done=advanced";
    }

    /**
     * Resets the instance to its bootstrap state through {@link Controls#reset} (its admins only); every session
     * ends, this one too, so the browser goes to the sign-in page. The box must be ticked: a reset can't be undone.
     */
    @PostMapping("/console/controls/reset")
    String reset(Caller caller, @RequestParam(required = false) String confirm, HttpServletResponse response,
            Model model) {
        if (!"true".equals(confirm)) {
            caller.requireWorkspaceOwnerAdmin();
            response.setStatus(400);
            model.addAttribute("problems", Map.of("confirm", "Tick the box to confirm the reset."));
            return page(caller, null, null, model);
        }
        controls.reset(caller);
        return "redirect:/console/login";
    }
}
