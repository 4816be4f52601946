package io.adplane.users;

/** An organization the caller may select ({@code user/accessible-organizations}). */
public record AccessibleOrganization(long owId, String organizationName, String workspaceDomain, String customerType) {
}
