package io.adplane.users;

import org.jspecify.annotations.Nullable;

/** An organization the caller may act for ({@code user/allowed-organizations}). */
public record AllowedOrganization(long owId, String organizationName, @Nullable String ownerUserEmail,
        String workspaceDomain, String customerType, @Nullable String logoUrl, @Nullable String dateOfJoining,
        @Nullable String title, String status, int statusId, @Nullable String contactPersonName,
        String workspaceOwnerOrganizationName) {
}
