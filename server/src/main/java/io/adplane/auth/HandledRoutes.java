package io.adplane.auth;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.adplane.api.RouteIndex;

/**
 * Matches a request whose path is the path of a controller route, with any method: the same path patterns
 * Spring MVC dispatches by, so a request this does not match reaches no controller and answers 404. Read
 * from the handler mapping on first use, when every controller is registered, into a {@link RouteIndex}, so a
 * request is tried against the patterns under its path's literal start only (H2).
 */
final class HandledRoutes implements RequestMatcher {

    private final RequestMappingHandlerMapping mapping;
    private volatile RouteIndex routes;

    HandledRoutes(RequestMappingHandlerMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        PathContainer path = RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication();
        return routes().anyPatternMatches(path);
    }

    private RouteIndex routes() {
        RouteIndex known = routes;
        if (known == null) {
            // Fails closed: a route without parsed path patterns could not be indexed, so the gate would miss it.
            known = RouteIndex.of(mapping.getHandlerMethods().keySet());
            routes = known;
        }
        return known;
    }

    @Override
    public String toString() {
        return "HandledRoutes";
    }
}
