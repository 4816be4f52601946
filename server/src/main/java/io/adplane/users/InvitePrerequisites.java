package io.adplane.users;

import org.jspecify.annotations.Nullable;

/** What a customer invitation will use: the workspace's domains and support email. */
public record InvitePrerequisites(String workspaceDomain, @Nullable String whiteLabelDomain, boolean isVerified,
        String supportEmail, boolean isSupportEmailVerified, boolean organizationAppAccessible) {
}
