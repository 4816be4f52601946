package io.adplane.auth;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.adplane.api.Secrets;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The security events of logins (OWASP: log every failure and every lockout; ASVS 16.3): one log line each,
 * naming the account only by a SHA-256 prefix of its normalised email (the log never holds who tried which
 * address), with the OAuth client and the client address, and the counters {@code adplane.logins} (tag
 * {@code outcome}) and {@code adplane.lockouts}.
 */
@Component
class LoginEvents {

    /** What became of a login attempt: the {@code outcome} tag of {@code adplane.logins}. */
    enum Outcome {
        SUCCESS, FAILURE, INVALID_CLIENT, LOCKED, BUDGET, BUSY, ON_HOLD;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Logger log = LoggerFactory.getLogger("io.adplane.auth.events");

    private final MeterRegistry meters;
    private final Counter lockouts;

    LoginEvents(MeterRegistry meters) {
        this.meters = meters;
        this.lockouts = Counter.builder("adplane.lockouts").description("Failed logins that locked their account")
                .register(meters);
    }

    void login(Outcome outcome, String email, String clientId, String address) {
        Counter.builder("adplane.logins").description("Login attempts by outcome").tag("outcome", outcome.tag())
                .register(meters).increment();
        if (outcome == Outcome.SUCCESS) {
            log.info("login outcome={} account={} client={} address={}", outcome.tag(), account(email), clientId, address);
        } else {
            log.warn("login outcome={} account={} client={} address={}", outcome.tag(), account(email), clientId, address);
        }
    }

    /** The failure that starts (or lengthens) the account's lock. */
    void lockout(String email, String clientId, String address) {
        lockouts.increment();
        log.warn("login lockout account={} client={} address={}", account(email), clientId, address);
    }

    /** The first 12 hex digits of SHA-256 of the normalised email: enough to follow one account in the log. */
    static String account(String email) {
        return email == null ? "-" : Secrets.sha256(email).substring(0, 12);
    }
}
