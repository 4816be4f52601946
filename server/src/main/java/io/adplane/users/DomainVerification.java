package io.adplane.users;

/** The workspace's white-label domain and whether adplane serves it ({@code organization/verify-whitelabel-domain}). */
public record DomainVerification(boolean verified, String domain, String message) {
}
