package io.adplane.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code adplane.auth.*}: token lifetimes (D3), the bearer gate's cache (D20), login throttling (D10) and the
 * login budget (issue 18).
 *
 * @param throttleFreeFailures failed logins per account before back-off starts
 * @param throttleBaseDelay the first lock; each further failure doubles it, up to {@code throttleMaxDelay}
 * @param throttleWindow failures older than this are forgotten
 * @param refreshGrace how long a retry with a just-rotated refresh token answers the same successor; 0 turns
 *        the grace off (every reuse revokes the family)
 * @param loginConcurrency logins (token requests, and other password checks) running at once; 0 means one per
 *        core
 * @param loginQueue logins that may wait, parked, for their turn; one more answers 429 at once. A waiting login
 *        holds a request thread (on Java 17 Tomcat has 200; on Java 21+ they are virtual)
 * @param loginQueueTimeout how long a queued login waits before it answers 429
 * @param addressFailureBudget failed logins from one client address per {@code budgetWindow}
 * @param clientFailureBudget failed logins through one OAuth client per {@code budgetWindow}
 */
@ConfigurationProperties("adplane.auth")
public record AuthSettings(
        @DefaultValue("35999s") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue("1s") Duration gateCacheTtl,
        @DefaultValue("5") int throttleFreeFailures,
        @DefaultValue("1s") Duration throttleBaseDelay,
        @DefaultValue("15m") Duration throttleMaxDelay,
        @DefaultValue("15m") Duration throttleWindow,
        @DefaultValue("10s") Duration refreshGrace,
        @DefaultValue("0") int loginConcurrency,
        @DefaultValue("100") int loginQueue,
        @DefaultValue("2s") Duration loginQueueTimeout,
        @DefaultValue("100") int addressFailureBudget,
        @DefaultValue("1000") int clientFailureBudget,
        @DefaultValue("1m") Duration budgetWindow) {
}
