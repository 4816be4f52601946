package io.adplane.api;

import java.io.IOException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The outermost filter: gives every request an id and writes one access-log line per request.
 * <ul>
 * <li>The id is the client's {@code X-Request-Id} when it is 1 to 128 visible ASCII characters, else a new
 * random one. It is answered as {@code X-Request-Id} on every answer (errors included) and lies in the SLF4J
 * MDC under {@value #MDC_KEY} while the request runs, before any security filter, so every log line and
 * every change recorded for the request can carry it.</li>
 * <li>The access log ({@code io.adplane.access}, INFO) has the method, the path without its query, the status,
 * the duration and the id; never headers, tokens or bodies.</li>
 * <li>The request timer {@code http.server.requests} (tags {@code method}, {@code uri} as the route's pattern,
 * {@code status}, {@code outcome}), recorded from the same clock reading. It replaces Spring's per-request
 * observation (excluded in application.yml), which cost about 7 % of a campaign GET's CPU (issue 17): one
 * cached timer per route and status, no observation context, no convention lookups.</li>
 * </ul>
 */
public class RequestIds extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7e]{1,128}");
    private static final Logger access = LoggerFactory.getLogger("io.adplane.access");

    /** Registered ahead of every other filter (Spring Security's chain and {@link RequestLimits} included). */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<RequestIds> requestIds(ObjectProvider<MeterRegistry> meters) {
            FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(
                    new RequestIds(meters.getIfAvailable()));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            registration.addUrlPatterns("/*");
            return registration;
        }
    }

    /** The methods a timer is kept for; any other method is timed as {@code UNKNOWN}, so clients can't add series. */
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    /** A timer's tags. */
    private record TimerKey(String method, String uri, int status) {
    }

    private final MeterRegistry meters;
    private final ConcurrentHashMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    RequestIds(MeterRegistry meters) {
        this.meters = meters;
    }

    /** The client's id when it is acceptable, else a new one. */
    static String idFor(String offered) {
        if (offered != null && VALID.matcher(offered).matches()) {
            return offered;
        }
        return UUID.randomUUID().toString();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = idFor(request.getHeader(HEADER));
        long start = System.nanoTime();
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            long nanos = System.nanoTime() - start;
            if (meters != null) {
                time(request, response.getStatus(), nanos);
            }
            if (access.isInfoEnabled()) {
                access.info("{} {} {} {} ms", request.getMethod(), clean(request.getRequestURI()), response.getStatus(),
                        millis(nanos));
            }
            MDC.remove(MDC_KEY);
        }
    }

    private void time(HttpServletRequest request, int status, long nanos) {
        String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "UNKNOWN";
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        // Without a route (refused before one was chosen, or none matched): Spring's own names for the case.
        String uri = pattern != null ? pattern.toString() : status == 404 ? "NOT_FOUND" : status / 100 == 3 ? "REDIRECTION"
                : "UNKNOWN";
        timers.computeIfAbsent(new TimerKey(method, uri, status), k -> Timer.builder("http.server.requests")
                .tag("method", k.method()).tag("uri", k.uri()).tag("status", Integer.toString(k.status()))
                .tag("outcome", outcome(k.status())).register(meters)).record(nanos, TimeUnit.NANOSECONDS);
    }

    private static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }

    /** Milliseconds with one decimal, without {@code String.format}'s parsing on every request. */
    static String millis(long nanos) {
        long tenths = (nanos + 50_000) / 100_000;
        return (tenths / 10) + "." + (tenths % 10);
    }

    /**
     * The path as logged: control characters (a forged log line) replaced, at most 512 characters; one pass
     * without a regular expression, since it runs on every request.
     */
    static String clean(String path) {
        if (path == null) {
            return "";
        }
        int length = Math.min(path.length(), 512);
        char[] chars = null;
        for (int i = 0; i < length; i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (chars == null) {
                    chars = path.substring(0, length).toCharArray();
                }
                chars[i] = '?';
            }
        }
        String p = chars == null ? path.substring(0, length) : new String(chars);
        return path.length() > 512 ? p + "..." : p;
    }
}
