package io.adplane.auth;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Matches a request whose path is the path of a controller route, with any method: the same path patterns
 * Spring MVC dispatches by, so a request this does not match reaches no controller and answers 404. Read
 * from the handler mapping on first use, when every controller is registered.
 */
final class HandledRoutes implements RequestMatcher {

    private final RequestMappingHandlerMapping mapping;
    private volatile List<PathPattern> patterns;

    HandledRoutes(RequestMappingHandlerMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        PathContainer path = RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication();
        for (PathPattern pattern : patterns()) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private List<PathPattern> patterns() {
        List<PathPattern> known = patterns;
        if (known == null) {
            known = mapping.getHandlerMethods().keySet().stream()
                    .map(HandledRoutes::patternsOf)
                    .flatMap(List::stream)
                    .distinct().toList();
            patterns = known;
        }
        return known;
    }

    private static List<PathPattern> patternsOf(RequestMappingInfo info) {
        if (info.getPathPatternsCondition() == null) {
            // Fail closed: a route this matcher cannot see would be answered without the gate.
            throw new IllegalStateException("Route " + info + " is not mapped with parsed path patterns");
        }
        return List.copyOf(info.getPathPatternsCondition().getPatterns());
    }

    @Override
    public String toString() {
        return "HandledRoutes";
    }
}
