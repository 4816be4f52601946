package io.adplane.users;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.jspecify.annotations.Nullable;

/** What a login page of a workspace shows ({@code init}), found by {@code X-IAA-HOST} or {@code Host}. */
public record InitDetails(long wsId, long orgId, long owId, String organizationName, @Nullable String largeLogoUrl,
        @Nullable String smallLogoUrl, String supportEmail, boolean ihpOwner, String workspaceURLSuffix, Pages pages,
        boolean isIncludeOrganizationName, String passwordNote) {

    /** The workspace's pages and links. */
    public record Pages(List<String> landingPages, @JsonProperty("help_url") List<WhiteLabelSettings.Link> helpUrl,
            List<WhiteLabelSettings.Link> header, List<WhiteLabelSettings.Link> footer) {
    }
}
