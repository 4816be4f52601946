package io.adplane.users;

/** IQM's answer that is only a message. */
public record Message(String message) {
}
