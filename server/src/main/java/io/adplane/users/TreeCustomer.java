package io.adplane.users;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A customer with its own customers nested ({@code customers/list/multi-level}). */
public record TreeCustomer(long owId, String organizationName, boolean isAccess, @Nullable String logoUrl,
        String status, int statusId, long activeCampaignsCount, @Nullable String ownerUserName,
        @Nullable String ownerUserEmail, @Nullable Integer verticalId, List<TreeCustomer> customers) {
}
