package io.adplane.controls;

import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;

import io.adplane.api.RequestIds;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every API request of a known workspace and its answer in the {@link Journal} (E4), the gate's refusals
 * and injected faults included; the controls' own requests are left out. Runs before the gate; the workspace is
 * the one {@link RequestWorkspace} told while the request ran, else the one its {@code X-IAA-HOST} names.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2) // after RequestIds and RequestLimits, before the gate
@ConditionalOnProperty(name = "adplane.controls.enabled", havingValue = "true")
class JournalFilter extends OncePerRequestFilter {

    /** The most bytes of a body the journal keeps. */
    static final int BODY_LIMIT = 8 * 1024;

    private final Journal journal;
    private final RequestWorkspace workspace;
    private final Clock clock;
    private final JsonMapper json;

    JournalFilter(Journal journal, RequestWorkspace workspace, Clock clock, JsonMapper json) {
        this.journal = journal;
        this.workspace = workspace;
        this.clock = clock;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/") || path.startsWith("/api/v3/adplane/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long time = clock.millis();
        long started = System.nanoTime();
        ContentCachingRequestWrapper req = new ContentCachingRequestWrapper(request, BODY_LIMIT);
        ContentCachingResponseWrapper res = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(req, res);
        } finally {
            try {
                Optional<Long> ws = workspace.of(req);
                if (ws.isPresent()) {
                    journal.record(ws.get(), entry(req, res, time, (System.nanoTime() - started) / 1_000_000));
                }
            } finally {
                res.copyBodyToResponse();
            }
        }
    }

    private Journal.Recorded entry(ContentCachingRequestWrapper req, ContentCachingResponseWrapper res, long time,
            long millis) {
        byte[] in = req.getContentAsByteArray();
        long length = req.getContentLengthLong();
        if (in.length == 0 && length > 0 && length <= BODY_LIMIT && req.getContentType() != null
                && req.getContentType().toLowerCase(java.util.Locale.ROOT).contains("json")) {
            // A request answered before its body was read (a fault, the gate's 401): read it now, for the journal.
            try {
                req.getInputStream().readNBytes(BODY_LIMIT);
            } catch (IOException | RuntimeException e) {
                // kept without its body
            }
            in = req.getContentAsByteArray();
        }
        boolean inComplete = req.getContentLengthLong() <= in.length;
        byte[] out = res.getContentAsByteArray();
        boolean outComplete = out.length <= BODY_LIMIT;
        if (!outComplete) {
            out = Arrays.copyOf(out, BODY_LIMIT);
        }
        return new Journal.Recorded(time, req.getMethod(), req.getRequestURI(), Redaction.query(req.getQueryString()),
                res.getStatus(), millis, res.getHeader(RequestIds.HEADER), Redaction.headers(req),
                Redaction.body(in, inComplete, req.getContentType(), json),
                Redaction.body(out, outComplete, res.getContentType(), json), !inComplete || !outComplete);
    }
}
