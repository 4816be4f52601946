package io.adplane.tenancy;

/** A user's place in an organization: {@code uowId} and role (D9). */
public record Membership(long uowId, long userId, long owId, Role role) {
}
