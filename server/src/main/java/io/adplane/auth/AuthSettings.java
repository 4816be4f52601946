package io.adplane.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code adplane.auth.*}: token lifetimes (D3), the bearer gate's cache (D20) and login throttling (D10).
 *
 * @param throttleFreeFailures failed logins per account before back-off starts
 * @param throttleBaseDelay the first lock; each further failure doubles it, up to {@code throttleMaxDelay}
 * @param throttleWindow failures older than this are forgotten
 * @param refreshGrace how long a retry with a just-rotated refresh token answers the same successor; 0 turns
 *        the grace off (every reuse revokes the family)
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
        @DefaultValue("10s") Duration refreshGrace) {
}
