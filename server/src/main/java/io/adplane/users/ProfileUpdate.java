package io.adplane.users;

import org.jspecify.annotations.Nullable;

/** The caller's profile after {@code user/update-profile}. */
public record ProfileUpdate(long userId, String displayName, @Nullable String userAvatar, String message) {
}
