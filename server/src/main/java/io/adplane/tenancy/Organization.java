package io.adplane.tenancy;

/** An organization workspace (owId), part of a workspace's organization tree (D9). */
public record Organization(long owId, long workspaceId, Long parentOwId, String path, String name,
        OrganizationStatus status, String holdReason, int timezoneId, boolean autoApprove) {

    /** True when {@code other} is this organization or lies below it. */
    public boolean covers(Organization other) {
        return other.path.startsWith(path);
    }
}
