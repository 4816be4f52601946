package io.adplane.users;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The workspace's branding ({@code organization/whitelabel-settings}). */
public record WhiteLabelSettings(FavIcons favIcons, boolean isIncludeOrganizationName, @Nullable String landingPage,
        List<Link> headerUrls, List<Link> footerUrls) {

    /** The favicon URLs. */
    public record FavIcons(@Nullable String smallFavIcon, @Nullable String largeFavIcon) {
    }

    /** A header or footer link. */
    public record Link(@Nullable String label, String url) {
    }
}
