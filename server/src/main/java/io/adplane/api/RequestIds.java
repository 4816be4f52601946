package io.adplane.api;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter: gives every request an id and writes one access-log line per request.
 * <ul>
 * <li>The id is the client's {@code X-Request-Id} when it is 1 to 128 visible ASCII characters, else a new
 * random one. It is answered as {@code X-Request-Id} on every answer (errors included) and lies in the SLF4J
 * MDC under {@value #MDC_KEY} while the request runs, before any security filter, so every log line and
 * every change recorded for the request can carry it.</li>
 * <li>The access log ({@code io.adplane.access}, INFO) has the method, the path without its query, the status,
 * the duration and the id; never headers, tokens or bodies.</li>
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
        FilterRegistrationBean<RequestIds> requestIds() {
            FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            registration.addUrlPatterns("/*");
            return registration;
        }
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
            if (access.isInfoEnabled()) {
                access.info("{} {} {} {} ms", request.getMethod(), clean(request.getRequestURI()), response.getStatus(),
                        String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e6));
            }
            MDC.remove(MDC_KEY);
        }
    }

    /** The path as logged: control characters (a forged log line) replaced, at most 512 characters. */
    private static String clean(String path) {
        String p = path == null ? "" : path.replaceAll("[\\x00-\\x1f\\x7f]", "?");
        return p.length() > 512 ? p.substring(0, 512) + "..." : p;
    }
}
