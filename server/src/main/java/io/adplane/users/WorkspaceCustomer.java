package io.adplane.users;

import org.jspecify.annotations.Nullable;

/** A customer of account type workspace ({@code customers/workspaces/list}). */
public record WorkspaceCustomer(long owId, String workspaceName, @Nullable String logoUrl, int statusId,
        String status, @Nullable String ownerUserName, @Nullable String ownerUserEmail) {
}
