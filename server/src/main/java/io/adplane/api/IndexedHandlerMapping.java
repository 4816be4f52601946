package io.adplane.api;

import java.lang.reflect.Method;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Spring MVC's handler mapping, trying a request only against the routes its {@link RouteIndex} finds for its
 * path (H1): Spring's own lookup otherwise evaluates every route's conditions on every request. Everything else
 * is Spring's: the best match among the candidates, its path variables, and the 404, 405 and 415 answers,
 * which are still worked out over all routes. The index is rebuilt after a route is registered or removed.
 */
class IndexedHandlerMapping extends RequestMappingHandlerMapping {

    /** The candidates of the lookup running on this thread, or {@code null} outside one. */
    private static final ThreadLocal<Set<RequestMappingInfo>> CANDIDATES = new ThreadLocal<>();

    private volatile RouteIndex index;

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        WebMvcRegistrations indexedHandlerMapping() {
            return new WebMvcRegistrations() {
                @Override
                public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                    return new IndexedHandlerMapping();
                }
            };
        }
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        Set<RequestMappingInfo> outer = CANDIDATES.get();
        CANDIDATES.set(index().candidates(ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication()));
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            if (outer == null) {
                CANDIDATES.remove();
            } else {
                CANDIDATES.set(outer);
            }
        }
    }

    /** A route the index did not find for the path can't match it: refused before its conditions are evaluated. */
    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        Set<RequestMappingInfo> candidates = CANDIDATES.get();
        if (candidates != null && !candidates.contains(info)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    /**
     * Built on the first lookup, under the registry's read lock (lookups run under it): a registration waits for
     * the lock, then discards the index, so an index never misses a route.
     */
    private RouteIndex index() {
        RouteIndex known = index;
        if (known == null) {
            known = RouteIndex.of(getHandlerMethods().keySet());
            index = known;
        }
        return known;
    }

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        index = null;
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        index = null;
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        index = null;
    }
}
