package io.adplane.users;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A user of a customer ({@code customers/users/list}); adplane is one application, so {@code apps} is empty. */
public record CustomerUser(long userId, String displayName, @Nullable String userAvatar, String email,
        @Nullable String userTitle, long orgId, String organizationName, boolean isOwnerUser, List<App> apps) {

    /** An IQM application the user may open. */
    public record App(long appId, String appName, String appIcon, String appUrl) {
    }
}
