package io.adplane.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The index's candidates for a path include every route whose pattern matches it, for the pattern shapes Spring
 * accepts (wildcards, captures, catch-alls that also match their bare start), beyond those adplane's controllers
 * use today ({@link RouteIndexIntegrationTest} covers those).
 */
class RouteIndexTest {

    private static final List<String> PATTERNS = List.of("/", "/**", "/a", "/a/b", "/a/b/", "/a/**", "/a/{*rest}",
            "/a/{x}", "/a/{x}/c", "/a/x*", "/a/?b", "/a/{x:\\d+}.json", "/a/b/{y}/d/**", "/c//d", "/e/{x}");

    private static final List<String> PATHS = List.of("", "/", "//", "/a", "/a/", "/a/b", "/a/b/", "/a//b", "/a/b/c",
            "/a/1/c", "/a/xyz", "/a/zb", "/a/12.json", "/a/b/1/d", "/a/b/1/d/e/f", "/c/d", "/c//d", "/e", "/e/",
            "/e/1", "/f", "a/b", "/a;p=1/b", "/a/b;p=1");

    @Test
    void everyRouteWhosePatternMatchesIsACandidate() {
        PathPatternParser parser = new PathPatternParser();
        RequestMappingInfo.BuilderConfiguration config = new RequestMappingInfo.BuilderConfiguration();
        config.setPatternParser(parser);
        List<RequestMappingInfo> routes = PATTERNS.stream()
                .map(pattern -> RequestMappingInfo.paths(pattern).options(config).build()).toList();
        RouteIndex index = RouteIndex.of(routes);
        for (String text : PATHS) {
            PathContainer path = PathContainer.parsePath(text);
            boolean anyMatches = false;
            for (RequestMappingInfo route : routes) {
                PathPattern pattern = route.getPathPatternsCondition().getFirstPattern();
                if (pattern.matches(path)) {
                    anyMatches = true;
                    assertThat(index.candidates(path)).as("%s for %s", pattern, text).contains(route);
                }
            }
            assertThat(index.anyPatternMatches(path)).as(text).isEqualTo(anyMatches);
        }
    }

    @Test
    void aPathIsTriedOnlyAgainstTheRoutesUnderItsLiteralStart() {
        PathPatternParser parser = new PathPatternParser();
        RequestMappingInfo.BuilderConfiguration config = new RequestMappingInfo.BuilderConfiguration();
        config.setPatternParser(parser);
        RequestMappingInfo campaign = RequestMappingInfo.paths("/api/v2/cmp/campaign/{id}").options(config).build();
        RequestMappingInfo io = RequestMappingInfo.paths("/api/v3/cmp/io/{ioId}").options(config).build();
        RouteIndex index = RouteIndex.of(List.of(campaign, io));
        assertThat(index.candidates(PathContainer.parsePath("/api/v2/cmp/campaign/7"))).containsExactly(campaign);
        assertThat(index.candidates(PathContainer.parsePath("/api/v3/nope"))).isEmpty();
    }
}
