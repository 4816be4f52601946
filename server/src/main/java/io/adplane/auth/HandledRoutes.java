package io.adplane.auth;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

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
        return routes().anyPatternMatches(pathOf(request));
    }

    /**
     * The path within the application, as Spring Security's own path matchers read it: parsed once per request
     * by the {@code ServletRequestPathFilter} ahead of the security chains, else parsed here.
     */
    private static PathContainer pathOf(HttpServletRequest request) {
        RequestPath path = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request)
                : RequestPath.parse(request.getRequestURI(), request.getContextPath());
        return path.pathWithinApplication();
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
