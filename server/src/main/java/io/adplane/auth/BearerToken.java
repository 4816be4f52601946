package io.adplane.auth;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * What a call presents before the gate has checked it: the bearer token and the organization it wants to act
 * for ({@code X-IAA-OW-ID}, {@code null} where the endpoint may go without it). Never authenticated itself;
 * {@link TokenAuthenticationProvider} turns it into a {@link CallerAuthentication}.
 */
final class BearerToken extends AbstractAuthenticationToken {

    private final String token;
    private final Long owId;

    BearerToken(String token, Long owId) {
        super(List.of());
        this.token = token;
        this.owId = owId;
    }

    Long owId() {
        return owId;
    }

    @Override
    public String getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return null;
    }

    @Override
    public String getName() {
        return "";
    }

    @Override
    public String toString() {
        // Never the token: this object can end up in a log line.
        return "BearerToken[owId=" + owId + "]";
    }
}
