package io.adplane.controls;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.adplane.api.ApiException;
import io.adplane.api.ErrorRenderer;

/**
 * Applies injected faults and delays to API requests (E3): the request's own {@code X-Adplane-Fault: 503} and
 * {@code X-Adplane-Delay: 2s} first, else the first matching rule of its workspace. Runs after the gate, so a
 * request it answers was authenticated as usual; the controls' own paths are never faulted. It also tells
 * {@link RequestWorkspace} the request's workspace while the caller is known, for the journal. Only registered when
 * the controls are enabled: otherwise the headers mean nothing.
 */
@Component
@Order(0) // after Spring Security's chain (-100): the caller, and so the workspace, is known
@ConditionalOnProperty(name = "adplane.controls.enabled", havingValue = "true")
class FaultFilter extends OncePerRequestFilter {

    static final String FAULT = "X-Adplane-Fault";
    static final String DELAY = "X-Adplane-Delay";

    private final Faults faults;
    private final RequestWorkspace workspace;
    private final ErrorRenderer renderer;

    FaultFilter(Faults faults, RequestWorkspace workspace, ErrorRenderer renderer) {
        this.faults = faults;
        this.workspace = workspace;
        this.renderer = renderer;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Known here, inside the gate, for the journal outside it too.
        Long workspaceId = workspace.of(request).orElse(null);
        if (request.getRequestURI().startsWith("/api/v3/adplane/")) {
            chain.doFilter(request, response);
            return;
        }
        Faults.Effect effect;
        try {
            effect = asked(request);
            if (effect == null) {
                effect = faults.match(workspaceId, request.getMethod(), request.getRequestURI());
            }
        } catch (ApiException e) {
            renderer.write(request, response, e);
            return;
        }
        if (effect != null) {
            pause(effect.delay());
            if (effect.status() != null) {
                HttpStatus status = HttpStatus.valueOf(effect.status());
                Map<String, String> headers = status == HttpStatus.SERVICE_UNAVAILABLE || status == HttpStatus.TOO_MANY_REQUESTS
                        ? Map.of("Retry-After", "1") : Map.of();
                renderer.write(request, response, new ApiException(status,
                        "Injected fault (" + effect.cause() + "): " + status.getReasonPhrase(), null, null, null, headers));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The effect the request's own headers ask for, or null without them. */
    private static Faults.Effect asked(HttpServletRequest request) {
        String fault = request.getHeader(FAULT);
        String delay = request.getHeader(DELAY);
        if (fault == null && delay == null) {
            return null;
        }
        return new Faults.Effect(delay == null ? Duration.ZERO : Faults.delay(DELAY, delay),
                fault == null ? null : Faults.status(FAULT, fault), FAULT + " header");
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
