package io.adplane.auth;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A checked token acting for one organization: its principal is the {@link Caller} that controllers receive.
 * {@link #getName()} is the user's id, which is what scopes per-user state such as idempotency keys.
 */
final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;

    CallerAuthentication(Caller caller) {
        super(List.of());
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return Long.toString(caller.userId());
    }
}
