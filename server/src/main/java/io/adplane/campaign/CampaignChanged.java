package io.adplane.campaign;

import java.util.List;

/**
 * Published by the campaign write path for every change, in the changing transaction, and kept in the event
 * publication registry until each listener has handled it (Spring Modulith): what later features (delivery,
 * webhooks, the console) listen to.
 *
 * @param fromStatus the status before the change, null for a new campaign
 * @param fields the request fields the change set (and {@code status} when it moved)
 * @param uowId who made it, null for the server itself
 */
public record CampaignChanged(long owId, long campaignId, long ioId, String fromStatus, String toStatus,
        List<String> fields, Long uowId, long changedAt) {
}
