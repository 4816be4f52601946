package io.adplane.users;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A political advertiser's profile kept by an organization ({@code organization/advertisers/list}). */
public record AdvertiserProfile(long owId, @Nullable String advertiserName, @Nullable String website,
        @Nullable String chiefName, @Nullable String contactNumber, @Nullable String address,
        String politicalIdentifier, long id, @Nullable String legalInfo, List<String> links) {
}
