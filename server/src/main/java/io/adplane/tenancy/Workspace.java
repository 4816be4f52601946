package io.adplane.tenancy;

/** A white-label domain ({@code X-IAA-HOST}) owned by one organization (D9). */
public record Workspace(long id, String domain, String name, Long ownerOwId, String supportEmail) {
}
