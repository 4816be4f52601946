package io.adplane.delivery;

/**
 * One hour of one campaign's delivery on one creative, exchange, device type and country: the natural key of a
 * fact, which is recorded at most once (S1). {@code hourStart} is epoch seconds (UTC, a whole hour);
 * {@code localDay} is the epoch day in the campaign's timezone that the hour starts in (S2).
 */
public record Fact(long campaignId, long owId, long ioId, long hourStart, int localDay, long creativeId,
        long exchangeId, long deviceTypeId, long countryId, Metrics metrics) {
}
