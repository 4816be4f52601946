package io.adplane.users;

/** A yes or no with IQM's message. */
public record Validity(String message, boolean valid) {
}
