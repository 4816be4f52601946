package io.adplane.insertionorder;

import java.util.List;

/**
 * Published by the IO write path for every change of an IO's own fields, in the changing transaction, and kept
 * in the event publication registry until each listener has handled it (Spring Modulith).
 *
 * @param fields the request fields the change set ({@code ioStatusId} when the status moved)
 * @param uowId who made it, null for the server itself
 */
public record InsertionOrderChanged(long owId, long ioId, List<String> fields, Long uowId, long changedAt) {
}
