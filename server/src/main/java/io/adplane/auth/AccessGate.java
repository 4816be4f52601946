package io.adplane.auth;

import java.io.IOException;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.adplane.api.ApiException;
import io.adplane.api.ErrorRenderer;
import io.adplane.api.Secrets;

/**
 * The bearer gate (D1, D5, D6): authenticates every {@code /api/**} call but the login endpoints, checks
 * {@code X-IAA-OW-ID} against the organizations the caller may act for, and binds the resulting
 * {@link Caller} to the request. A token check costs one SHA-256 and at most one indexed query; answers are
 * cached for {@code adplane.auth.gate-cache-ttl} (1 s), so a revocation made by another instance takes
 * effect within that time (D20), and at once on this one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class AccessGate extends OncePerRequestFilter {

    static final String CALLER = AccessGate.class.getName() + ".caller";
    public static final String OW_HEADER = "X-IAA-OW-ID";

    private static final Set<String> PUBLIC = Set.of("/api/v3/ua/login", "/api/v3/ua/oauth/token");
    /** Endpoints about the login itself; without the header they act for the organization logged in for. */
    private static final Set<String> OW_OPTIONAL = Set.of("/api/v3/ua/logout", "/api/v3/ua/profile",
            "/api/v3/ua/user/allowed-organizations", "/api/v3/ua/allowed-customers-ids");
    private static final Pattern OW_ID = Pattern.compile("[1-9][0-9]{0,15}");

    private final TokenRepository tokens;
    private final ErrorRenderer renderer;
    private final Clock clock;
    private final Cache<String, TokenRepository.GateRow> cache;

    AccessGate(TokenRepository tokens, ErrorRenderer renderer, Clock clock, AuthSettings settings) {
        this.tokens = tokens;
        this.renderer = renderer;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().expireAfterWrite(settings.gateCacheTtl()).maximumSize(100_000).build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/") || PUBLIC.contains(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.setAttribute(CALLER, authenticate(request));
        } catch (ApiException e) {
            renderer.write(request, response, e);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Forgets every cached answer; called after this instance revokes a session. */
    void forgetAll() {
        cache.invalidateAll();
    }

    private Caller authenticate(HttpServletRequest request) {
        String token = bearerToken(request);
        Long owId = owId(request);
        String hash = Secrets.sha256(token);
        String key = hash + ":" + owId;
        // One lookup per key at a time: requests that arrive while it runs wait for its answer.
        TokenRepository.GateRow row = cache.get(key, k -> tokens.gate(hash, owId).orElse(null));
        if (row == null) {
            throw ApiException.invalidToken("Invalid token");
        }
        if (row.expiresAt() <= clock.millis()) {
            cache.invalidate(key);
            throw ApiException.invalidToken("Invalid token").withReason("The access token has expired.");
        }
        if (row.actingOwId() == null || row.memberOwId() == null) {
            throw ApiException.forbidden("You may not act for organization " + owId + ".");
        }
        if (!"active".equals(row.actingStatus())) {
            throw ApiException.forbidden("Organization " + row.actingOwId() + " is not active.");
        }
        return new Caller(row.sessionId(), row.userId(), row.email(), row.workspaceId(), row.workspaceOwnerOwId(),
                row.actingOwId(), row.uowId(), row.role(), row.memberOwId());
    }

    /** The token from {@code Authorization} or its alias {@code Authentication} (D1). */
    static String bearerToken(HttpServletRequest request) {
        String value = singleHeader(request, "Authorization");
        if (value == null) {
            value = singleHeader(request, "Authentication");
        }
        if (value == null) {
            throw ApiException.invalidToken("Invalid token")
                    .withReason("Send 'Authorization: Bearer <access_token>'.");
        }
        String trimmed = value.trim();
        if (!trimmed.toLowerCase(Locale.ROOT).startsWith("bearer ") || trimmed.substring(7).isBlank()) {
            throw ApiException.invalidToken("Invalid token")
                    .withReason("Send 'Authorization: Bearer <access_token>'.");
        }
        return trimmed.substring(7).trim();
    }

    private static Long owId(HttpServletRequest request) {
        List<String> values = Collections.list(request.getHeaders(OW_HEADER));
        if (values.isEmpty()) {
            if (OW_OPTIONAL.contains(request.getRequestURI())) {
                return null;
            }
            throw ApiException.badRequest(OW_HEADER, "Header '" + OW_HEADER + "' is required.");
        }
        if (values.size() > 1 || !OW_ID.matcher(values.get(0).trim()).matches()) {
            throw ApiException.badRequest(OW_HEADER,
                    "Header '" + OW_HEADER + "' must be one organization id, a positive integer.");
        }
        return Long.valueOf(values.get(0).trim());
    }

    private static String singleHeader(HttpServletRequest request, String name) {
        List<String> values = Collections.list(request.getHeaders(name));
        if (values.size() > 1) {
            throw ApiException.invalidToken("Invalid token").withReason("Send one '" + name + "' header.");
        }
        return values.isEmpty() ? null : values.get(0);
    }
}
