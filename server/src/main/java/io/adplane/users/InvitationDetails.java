package io.adplane.users;

/** What an invitation link is ({@code invite/validate}, and the link itself). */
public record InvitationDetails(boolean isExpired, String inviteEmail, String invitedToWorkspace,
        boolean isIHPCustomer, String organizationName, boolean isNewUser, String workspaceDomain,
        boolean isInviteProcessed, boolean isInviteProcessing, boolean isInviteCancelled, boolean isInviteDeleted) {
}
