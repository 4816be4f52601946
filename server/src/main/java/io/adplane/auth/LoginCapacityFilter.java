package io.adplane.auth;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.adplane.api.ErrorRenderer;

/**
 * The token endpoints run under the login capacity ({@link PasswordCapacity}) from before their body is read
 * to their answer (issue 18). A login refused by a budget or the throttle costs little of adplane's own code,
 * but clients that send logins back to back turn every quick refusal into the next request: capping only the
 * password check still let 64 of them keep a core busy with request handling. Holding the permit for the whole
 * request parks the others (no CPU) until their turn, so a login storm takes at most the permits' share of the
 * CPU, whatever its size; a login beyond the queue answers 429 here, before anything else runs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3) // after the request id, the body limits and the journal; before the gate
class LoginCapacityFilter extends OncePerRequestFilter {

    private static final Set<String> TOKEN_ENDPOINTS = Set.of("/api/v3/ua/login", "/api/v3/ua/oauth/token");

    private final PasswordCapacity capacity;
    private final LoginEvents events;
    private final ErrorRenderer renderer;

    LoginCapacityFilter(PasswordCapacity capacity, LoginEvents events, ErrorRenderer renderer) {
        this.capacity = capacity;
        this.events = events;
        this.renderer = renderer;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !TOKEN_ENDPOINTS.contains(request.getServletPath());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        PasswordCapacity.Permit permit;
        try {
            permit = capacity.enter();
        } catch (PasswordCapacity.Busy busy) {
            events.login(LoginEvents.Outcome.BUSY, null, null, request.getRemoteAddr());
            renderer.write(request, response, busy);
            return;
        }
        try (permit) {
            chain.doFilter(request, response);
        }
    }
}
