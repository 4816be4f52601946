package io.adplane.users;

/** Whether a workspace domain is free ({@code organization/available-domain}). */
public record DomainAvailability(boolean available, String domain) {
}
