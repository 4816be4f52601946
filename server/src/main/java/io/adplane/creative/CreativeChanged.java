package io.adplane.creative;

import java.util.List;

/**
 * Published by the creative write path for every change, in the changing transaction, and kept in the event
 * publication registry until each listener has handled it (Spring Modulith).
 *
 * @param fields the fields the change set ({@code creativeStatusId} when the status moved)
 * @param uowId who made it, null for the server itself
 */
public record CreativeChanged(long owId, long creativeId, List<String> fields, Long uowId, long changedAt) {
}
