package io.adplane.users;

import org.jspecify.annotations.Nullable;

/** An advertiser profile of a customer ({@code customers/advertisers/list}); adplane verifies none (U9). */
public record CustomerAdvertiser(@Nullable String advertiserName, @Nullable String website, @Nullable String chiefName,
        @Nullable String contactNumber, @Nullable String address, String politicalIdentifier, long id,
        @Nullable String legalInfo, String links, String uuid, String organizationName, @Nullable String logoUrl,
        boolean isVerified) {
}
