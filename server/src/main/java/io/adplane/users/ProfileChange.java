package io.adplane.users;

import org.jspecify.annotations.Nullable;

/** An organization's profile after {@code organization/update-profile}. */
public record ProfileChange(long organizationId, String organizationName, @Nullable String email,
        @Nullable String organizationLogo, String message) {
}
