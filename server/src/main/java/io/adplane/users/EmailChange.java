package io.adplane.users;

/** The organization's email after {@code organization/update-email}. */
public record EmailChange(String email, String message) {
}
