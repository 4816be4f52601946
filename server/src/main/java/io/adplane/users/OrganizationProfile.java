package io.adplane.users;

import org.jspecify.annotations.Nullable;

/** The acting organization's profile ({@code organization/view-profile}). */
public record OrganizationProfile(String organizationName, @Nullable String email, @Nullable String website,
        @Nullable String contactNumber, @Nullable String address, @Nullable String city, @Nullable Long state,
        @Nullable Long country, @Nullable String zipcode, @Nullable String organizationLogo,
        @Nullable Integer industry, @Nullable Integer companySize, @Nullable String companyId,
        @Nullable String taxId, @Nullable String currency, @Nullable String dateFormat, @Nullable String description,
        @Nullable String expertize, int timezone, @Nullable Integer verticalId, boolean isAvatarUrl) {
}
