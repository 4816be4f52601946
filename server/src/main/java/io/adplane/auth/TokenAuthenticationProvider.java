package io.adplane.auth;

import java.time.Clock;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.adplane.api.ApiException;
import io.adplane.api.DatabaseErrors;
import org.springframework.dao.DataAccessException;
import io.adplane.api.Secrets;

/**
 * Authenticates adplane's opaque access tokens (D3, D5, D6): a {@link BearerToken} becomes the
 * {@link Caller} acting for the requested organization, or a {@link GateRejection}. A check costs one
 * SHA-256 and at most one indexed query; answers are cached for {@code adplane.auth.gate-cache-ttl} (1 s)
 * per token and organization, so a revocation or hold made by another instance takes effect within that
 * time (D20), and a revocation made here at once ({@link #forgetAll()}).
 */
@Component
class TokenAuthenticationProvider implements AuthenticationProvider {

    private final TokenRepository tokens;
    private final Clock clock;
    private final Cache<String, TokenRepository.GateRow> cache;

    TokenAuthenticationProvider(TokenRepository tokens, Clock clock, AuthSettings settings) {
        this.tokens = tokens;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().expireAfterWrite(settings.gateCacheTtl()).maximumSize(100_000).build();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        BearerToken presented = (BearerToken) authentication;
        Long owId = presented.owId();
        String hash = Secrets.sha256(presented.getCredentials());
        String key = hash + ":" + owId;
        // One lookup per key at a time: requests that arrive while it runs wait for its answer.
        TokenRepository.GateRow row;
        try {
            row = cache.get(key, k -> tokens.gate(hash, owId).orElse(null));
        } catch (DataAccessException | org.springframework.transaction.TransactionException e) {
            // The token can't be checked now: 503, not 401 (the client keeps its token) and never 500.
            throw new GateRejection(DatabaseErrors.UNAVAILABLE);
        }
        if (row == null) {
            throw new GateRejection(ApiException.invalidToken("Invalid token"));
        }
        if (row.expiresAt() <= clock.millis()) {
            cache.invalidate(key);
            throw new GateRejection(ApiException.invalidToken("Invalid token").withReason("The access token has expired."));
        }
        if (row.actingOwId() == null || row.memberOwId() == null) {
            throw new GateRejection(ApiException.forbidden("You may not act for organization " + owId + "."));
        }
        if (!"active".equals(row.actingStatus())) {
            throw new GateRejection(ApiException.forbidden("Organization " + row.actingOwId() + " is not active."));
        }
        if (row.inactiveOnTheWay() > 0) {
            // Acting through a membership above: every organization down to this one must be active.
            throw new GateRejection(ApiException.forbidden(
                    "An organization above " + row.actingOwId() + " is on hold or suspended."));
        }
        return new CallerAuthentication(new Caller(row.sessionId(), row.userId(), row.email(), row.workspaceId(),
                row.workspaceOwnerOwId(), row.actingOwId(), row.uowId(), row.role(), row.memberOwId()));
    }

    /** Forgets every cached answer; called after this instance revokes a session. */
    void forgetAll() {
        cache.invalidateAll();
    }
}
