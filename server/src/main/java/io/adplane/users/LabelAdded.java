package io.adplane.users;

/** A new label. */
public record LabelAdded(long labelId, String message) {
}
