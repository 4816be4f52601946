package io.adplane.users;

import org.jspecify.annotations.Nullable;

/** A row of {@code users/basic/list}. */
public record BasicUser(long userId, @Nullable String firstName, @Nullable String lastName, String email,
        String displayName, int statusId, @Nullable String userProfileUrl, String createdAt, boolean mfaEnabled,
        boolean canToggleMfa) {
}
