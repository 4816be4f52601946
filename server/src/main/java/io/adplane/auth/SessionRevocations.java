package io.adplane.auth;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.adplane.tenancy.UserSessionsRevoked;

/**
 * Ends every login of a user at once when tenancy says so ({@link UserSessionsRevoked}: disabled, new password;
 * D3), in the transaction that said so: one statement on the user's sessions. In the server this instance's
 * bearer-gate cache forgets at once; other instances' within its TTL (D20). The admin commands, which run
 * without a web server, register this same bean.
 */
@Component
public class SessionRevocations {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<TokenAuthenticationProvider> gate;

    SessionRevocations(JdbcClient jdbc, Clock clock, ObjectProvider<TokenAuthenticationProvider> gate) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.gate = gate;
    }

    @EventListener
    void on(UserSessionsRevoked event) {
        jdbc.sql("UPDATE auth_session SET revoked_at = ?, revoke_reason = ? WHERE user_id = ? AND revoked_at IS NULL")
                .params(clock.millis(), event.reason(), event.userId()).update();
        gate.ifAvailable(TokenAuthenticationProvider::forgetAll);
    }

    /** Makes this instance's bearer gate forget what it cached, after sessions went away by other means (a reset). */
    public void forgetCached() {
        gate.ifAvailable(TokenAuthenticationProvider::forgetAll);
    }
}
