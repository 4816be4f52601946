package io.adplane.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import io.adplane.support.IntegrationTestSupport;

/**
 * The route index (H1, H2) changes nothing but the cost: for sample paths of every registered route (the route's
 * own path with sample values, with a trailing slash, with its last segment changed, its literal start alone) and
 * every method, the server's handler mapping chooses what Spring's full scan over the same routes chooses: the same
 * handler, pattern and path variables, or the same 404, 405 or 415.
 */
class RouteIndexIntegrationTest extends IntegrationTestSupport {

    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void theIndexedMappingChoosesWhatTheFullScanChooses() {
        assertThat(mapping).isInstanceOf(IndexedHandlerMapping.class);
        Map<RequestMappingInfo, HandlerMethod> routes = mapping.getHandlerMethods();
        assertThat(routes).hasSizeGreaterThan(200);
        RequestMappingHandlerMapping fullScan = new RequestMappingHandlerMapping();
        fullScan.setPatternParser(mapping.getPatternParser());
        routes.forEach((info, method) -> fullScan.registerMapping(info, method.createWithResolvedBean().getBean(),
                method.getMethod()));

        Set<String> paths = samplePaths(routes.keySet());
        int compared = 0;
        for (String path : paths) {
            for (String method : METHODS) {
                for (String contentType : new String[] {null, "application/json"}) {
                    assertThat(outcome(mapping, path, method, contentType))
                            .as("%s %s (%s)", method, path, contentType)
                            .isEqualTo(outcome(fullScan, path, method, contentType));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(routes.size() * METHODS.size());
    }

    @Test
    void theIndexFindsAPatternWhereAFullScanDoes() {
        Set<RequestMappingInfo> routes = mapping.getHandlerMethods().keySet();
        RouteIndex index = RouteIndex.of(routes);
        List<PathPattern> patterns = routes.stream().flatMap(info -> info.getPathPatternsCondition().getPatterns().stream())
                .toList();
        for (String path : samplePaths(routes)) {
            PathContainer parsed = PathContainer.parsePath(path);
            boolean scanned = patterns.stream().anyMatch(pattern -> pattern.matches(parsed));
            assertThat(index.anyPatternMatches(parsed)).as(path).isEqualTo(scanned);
        }
    }

    /** What a handler mapping answers for the request: the handler and what it extracted, or the refusal. */
    private static String outcome(RequestMappingHandlerMapping mapping, String path, String method, String contentType) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader("Accept", "application/json");
        if (contentType != null) {
            request.setContentType(contentType);
            request.setContent("{}".getBytes());
        }
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            if (chain == null) {
                return "none";
            }
            HandlerMethod handler = (HandlerMethod) chain.getHandler();
            return handler.getBeanType().getName() + "#" + handler.getMethod().getName()
                    + " " + handler.getMethod().toGenericString()
                    + " pattern=" + request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)
                    + " variables=" + request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
                    + " produces=" + request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
        } catch (HttpRequestMethodNotSupportedException e) {
            return e.getClass().getName() + " " + e.getMessage() + " " + e.getSupportedHttpMethods();
        } catch (Exception e) {
            return e.getClass().getName() + " " + e.getMessage();
        }
    }

    private static Set<String> samplePaths(Set<RequestMappingInfo> routes) {
        Set<String> paths = new LinkedHashSet<>(List.of("/", "/api", "/api/", "/nope", "/api/v2/nope/1", "/api/v3/cmp"));
        for (RequestMappingInfo info : routes) {
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String path = samplePath(pattern.getPatternString());
                paths.add(path);
                paths.add(path + "/");
                int lastSlash = path.lastIndexOf('/');
                paths.add(path.substring(0, lastSlash + 1) + "nope");
                paths.add(lastSlash > 0 ? path.substring(0, lastSlash) : "/");
                String start = literalStart(pattern.getPatternString());
                paths.add(start);
                paths.add(start.length() > 1 && start.endsWith("/") ? start.substring(0, start.length() - 1) : start);
            }
        }
        paths.removeIf(Objects::isNull);
        return paths;
    }

    /** The pattern with a sample value for each variable and wildcard. */
    private static String samplePath(String pattern) {
        List<String> segments = new ArrayList<>();
        for (String segment : pattern.split("/", -1)) {
            if (segment.startsWith("{*") || segment.equals("**")) {
                segments.add("a/b");
            } else {
                segments.add(segment.replaceAll("\\{[^}]*}", "1").replace("*", "x").replace("?", "x"));
            }
        }
        return String.join("/", segments);
    }

    private static String literalStart(String pattern) {
        int wild = pattern.length();
        for (char c : new char[] {'{', '*', '?'}) {
            int at = pattern.indexOf(c);
            if (at >= 0) {
                wild = Math.min(wild, at);
            }
        }
        String start = pattern.substring(0, wild);
        return start.isEmpty() ? "/" : start;
    }
}
