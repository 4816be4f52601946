package io.adplane.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The controller routes by the literal start of their path patterns, so a request's path is tried only against
 * the routes that can match it instead of all of them (issue 17, H1).
 *
 * <p>A pattern's key is its literal segments before the first segment with a variable or a wildcard
 * ({@code /api/v2/cmp/campaign/{campaignId}} is filed under {@code api, v2, cmp, campaign}, {@code /**} at the
 * root). A pattern can only match a path whose segments start with its key, compared as Spring compares them
 * ({@link PathContainer.PathSegment#valueToMatch()}); separators are not compared, which can only add
 * candidates. So the routes found for a path are a superset of those whose patterns match it, and Spring's own
 * matching decides among them.</p>
 */
public final class RouteIndex {

    private final Node root = new Node();

    private RouteIndex() {
    }

    /**
     * The index of the given routes.
     *
     * @throws IllegalStateException if a route has no parsed path patterns (it could not be indexed, so it
     *         would be missed)
     */
    public static RouteIndex of(Collection<RequestMappingInfo> routes) {
        RouteIndex index = new RouteIndex();
        for (RequestMappingInfo route : routes) {
            if (route.getPathPatternsCondition() == null) {
                throw new IllegalStateException("Route " + route + " is not mapped with parsed path patterns");
            }
            for (PathPattern pattern : route.getPathPatternsCondition().getPatterns()) {
                index.add(route, pattern);
            }
        }
        index.root.complete(Set.of(), List.of());
        return index;
    }

    private void add(RequestMappingInfo route, PathPattern pattern) {
        Node node = root;
        for (String key : keyOf(pattern)) {
            node = node.children.computeIfAbsent(key, k -> new Node());
        }
        node.ownRoutes.add(route);
        node.ownPatterns.add(pattern);
    }

    /** The segments of the pattern's literal start, as {@link #deepest} compares them with a path's. */
    private static List<String> keyOf(PathPattern pattern) {
        String text = pattern.getPatternString();
        int literalEnd = 0;
        int segmentStart = 0;
        while (segmentStart < text.length()) {
            int slash = text.indexOf('/', segmentStart);
            int segmentEnd = slash < 0 ? text.length() : slash;
            if (segmentEnd > segmentStart) {
                if (!isLiteral(text.substring(segmentStart, segmentEnd))) {
                    break;
                }
                literalEnd = segmentEnd;
            }
            segmentStart = segmentEnd + 1;
        }
        List<String> key = new ArrayList<>();
        for (PathContainer.Element element : PathContainer.parsePath(text.substring(0, literalEnd)).elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                key.add(segment.valueToMatch());
            }
        }
        return key;
    }

    private static boolean isLiteral(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '{' || c == '}' || c == '*' || c == '?' || c == '\\' || c == ';' || c == '%') {
                return false;
            }
        }
        return true;
    }

    /** Every route with a pattern that may match the path (and perhaps some that don't), compared by identity. */
    public Set<RequestMappingInfo> candidates(PathContainer path) {
        return deepest(path).routes;
    }

    /** Whether a route's pattern matches the path, with any method. */
    public boolean anyPatternMatches(PathContainer path) {
        for (PathPattern pattern : deepest(path).patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private Node deepest(PathContainer path) {
        Node node = root;
        for (PathContainer.Element element : path.elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                Node next = node.children.get(segment.valueToMatch());
                if (next == null) {
                    break;
                }
                node = next;
            }
        }
        return node;
    }

    /** A key segment; what it holds for itself and, once complete, with every node above it. */
    private static final class Node {

        final Map<String, Node> children = new HashMap<>();
        final Set<RequestMappingInfo> ownRoutes = Collections.newSetFromMap(new IdentityHashMap<>());
        final Set<PathPattern> ownPatterns = new LinkedHashSet<>();
        Set<RequestMappingInfo> routes;
        List<PathPattern> patterns;

        void complete(Set<RequestMappingInfo> above, List<PathPattern> patternsAbove) {
            Set<RequestMappingInfo> all = Collections.newSetFromMap(new IdentityHashMap<>());
            all.addAll(above);
            all.addAll(ownRoutes);
            routes = Collections.unmodifiableSet(all);
            LinkedHashSet<PathPattern> allPatterns = new LinkedHashSet<>(patternsAbove);
            allPatterns.addAll(ownPatterns);
            patterns = List.copyOf(allPatterns);
            for (Node child : children.values()) {
                child.complete(routes, patterns);
            }
        }
    }
}
