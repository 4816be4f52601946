package io.adplane.users;

import org.jspecify.annotations.Nullable;

/** A row of {@code POST customer/basic/list}; {@code runningCampaigns} is counted only when asked for. */
public record BasicCustomer(long owId, String organizationName, @Nullable String organizationLogo, String owStatus,
        int owStatusId, long wsId, long runningCampaigns, @Nullable String ownerUserName,
        @Nullable String ownerUserEmail) {
}
