package io.adplane.tenancy;

/** Published when a user's every login must end at once: disabled, or a new password (D3). */
public record UserSessionsRevoked(long userId, String reason) {
}
