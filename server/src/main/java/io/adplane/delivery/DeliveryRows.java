package io.adplane.delivery;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code POST /api/v3/adplane/delivery}: hourly delivery rows a bidder or ad server reports (S12). {@code hour}
 * is the epoch second the hour starts at (UTC, a whole hour); money is dollars; ids default to 0 (unknown).
 */
public record DeliveryRows(List<Row> rows) {

    public record Row(Long campaignId, Long hour, Long creativeId, Long exchangeId, Long deviceTypeId, Long countryId,
            Long bidRequests, Long bidImpressions, Long impressions, Long clicks, BigDecimal mediaSpent,
            BigDecimal dataCost, Long startCount, Long firstCount, Long midCount, Long thirdCount, Long completeCount,
            Long conversions) {
    }

    /** What an ingestion did: rows received, recorded, and already recorded before (ignored). */
    public record Recorded(int received, int recorded, int duplicates) {
    }
}
