package io.adplane.users;

/**
 * Whether an email may be invited into the workspace ({@code user/email/validate}): {@code owId} is the
 * organization it already belongs to there (0 when none).
 */
public record EmailValidity(long owId, boolean workspaceAllowed, boolean valid) {
}
