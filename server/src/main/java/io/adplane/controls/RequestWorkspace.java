package io.adplane.controls;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.adplane.auth.Caller;
import io.adplane.tenancy.TenancyRepository;

/**
 * The workspace a request belongs to, for the journal and the fault rules: the authenticated caller's, else the
 * one its {@code X-IAA-HOST} names (a login). Domains are looked up once per 30 seconds at most.
 */
@Component
@ConditionalOnProperty(name = "adplane.controls.enabled", havingValue = "true")
class RequestWorkspace {

    /** The request attribute the workspace id is kept in once known, so an outer filter sees it after the gate. */
    static final String ATTRIBUTE = RequestWorkspace.class.getName();

    private final TenancyRepository tenancy;
    private final Cache<String, Optional<Long>> domains = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30)).maximumSize(10_000).build();

    RequestWorkspace(TenancyRepository tenancy) {
        this.tenancy = tenancy;
    }

    /** The request's workspace, or empty when neither a caller nor a known {@code X-IAA-HOST} tells it. */
    Optional<Long> of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Long known) {
            return Optional.of(known);
        }
        Optional<Long> id = Caller.current().map(Caller::workspaceId);
        if (id.isEmpty()) {
            String host = request.getHeader("X-IAA-HOST");
            if (host != null && !host.isBlank() && host.length() <= 253) {
                id = domains.get(host.strip().toLowerCase(java.util.Locale.ROOT),
                        d -> tenancy.workspaceByDomain(d).map(w -> w.id()));
            }
        }
        id.ifPresent(w -> request.setAttribute(ATTRIBUTE, w));
        return id;
    }

    /** Forgets the domains looked up (after a reset or a fixture load changed the workspaces). */
    void forget() {
        domains.invalidateAll();
    }
}
