package io.adplane.users;

import org.jspecify.annotations.Nullable;

/** A member of an organization as {@code users/list} shows it; times in epoch milliseconds. */
public record UserView(long userId, @Nullable String firstName, @Nullable String lastName, String email,
        String displayName, String status, int statusId, @Nullable String userAvatar, @Nullable String contactNumber,
        long createdAt, long uowId, long customersCount, String organizationName, long invitedOn,
        boolean isOrganizationOwnerUser, boolean isModificationAllowed, long owId, @Nullable String invitedByUserName,
        @Nullable String invitedByUserEmail, boolean isAssignActionAllowed, String role) {
}
