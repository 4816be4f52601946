package io.adplane.users;

/** An accepted invitation: where the user may now log in. */
public record AcceptedInvitation(long owId, String email, String workspaceDomain, String message) {
}
