package io.adplane.users;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

/** The page of {@code user/allowed-organizations}; {@code currentOrganization} only with {@code isOrganizationAccess=false}. */
public record AllowedPage(List<AllowedOrganization> data, long totalRecords, long filteredRecords,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable AllowedOrganization currentOrganization) {
}
