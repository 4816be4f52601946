package io.adplane.delivery;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.adplane.api.ApiException;
import io.adplane.api.Limits;
import io.adplane.auth.Caller;
import io.adplane.campaign.CampaignDelivery;
import io.adplane.campaign.CampaignDelivery.Described;
import io.adplane.master.Timezones;

/**
 * Real delivery for a back office (S12): hourly rows posted by a bidder or ad server become the same facts the
 * simulator writes. The batch is checked whole before anything is stored: each campaign is the acting
 * organization's, each hour a whole, elapsed hour inside the campaign's flight, no number negative. Rows already
 * recorded are ignored (idempotent); an ingested campaign is never simulated.
 */
@Service
public class DeliveryIngestion {

    /** Rows per request, at most. */
    public static final int MAX_ROWS = 1000;

    private final CampaignDelivery campaigns;
    private final DeliveryFacts facts;
    private final DeliveryCursors cursors;
    private final Timezones timezones;
    private final Clock clock;

    DeliveryIngestion(CampaignDelivery campaigns, DeliveryFacts facts, DeliveryCursors cursors, Timezones timezones,
            Clock clock) {
        this.campaigns = campaigns;
        this.facts = facts;
        this.cursors = cursors;
        this.timezones = timezones;
        this.clock = clock;
    }

    @Transactional
    public DeliveryRows.Recorded ingest(Caller caller, DeliveryRows request) {
        caller.requireWrite();
        List<DeliveryRows.Row> rows = request.rows() == null ? List.of() : request.rows();
        if (rows.isEmpty() || rows.size() > MAX_ROWS) {
            throw ApiException.badRequest("rows", "rows must hold 1 to " + MAX_ROWS + " hourly rows.");
        }
        long now = clock.millis();
        LinkedHashSet<Long> ids = new LinkedHashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) == null || rows.get(i).campaignId() == null) {
                throw ApiException.badRequest("rows[" + i + "].campaignId", "campaignId is required.");
            }
            ids.add(rows.get(i).campaignId());
        }
        Map<Long, Described> known = campaigns.describe(List.of(caller.owId()), ids, now / 1000);
        List<Fact> batch = new ArrayList<>();
        Map<Long, Long> ioOf = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            DeliveryRows.Row r = rows.get(i);
            String at = "rows[" + i + "].";
            Described c = known.get(r.campaignId());
            if (c == null) {
                throw ApiException.unprocessable(at + "campaignId", "Campaign " + r.campaignId() + " not found.");
            }
            Long hour = r.hour();
            if (hour == null || hour % 3600 != 0) {
                throw ApiException.badRequest(at + "hour", "hour must be the epoch second a whole hour starts at.");
            }
            if (hour + 3600 > now / 1000) {
                throw ApiException.unprocessable(at + "hour", "Only elapsed hours can be reported.");
            }
            Long end = c.endTime() != null ? c.endTime() : c.ioEndSeconds();
            if ((c.startTime() != null && hour + 3600 <= c.startTime()) || (end != null && hour >= end)) {
                throw ApiException.unprocessable(at + "hour", "The hour lies outside the campaign's flight.");
            }
            long media = money(at + "mediaSpent", r.mediaSpent());
            long data = money(at + "dataCost", r.dataCost());
            Metrics m = new Metrics(count(at + "bidRequests", r.bidRequests()), count(at + "bidImpressions", r.bidImpressions()),
                    count(at + "impressions", r.impressions()), count(at + "clicks", r.clicks()), media, data,
                    Math.addExact(media, data), count(at + "startCount", r.startCount()),
                    count(at + "firstCount", r.firstCount()), count(at + "midCount", r.midCount()),
                    count(at + "thirdCount", r.thirdCount()), count(at + "completeCount", r.completeCount()),
                    count(at + "conversions", r.conversions()));
            ZoneId zone = timezones.find(c.timezoneId() != null ? c.timezoneId() : c.ioTimezoneId())
                    .map(Timezones.Timezone::zoneId).orElse(ZoneId.of("UTC"));
            batch.add(new Fact(c.id(), c.owId(), c.ioId(), hour, MarketModel.localDay(hour, zone),
                    id(at + "creativeId", r.creativeId()), id(at + "exchangeId", r.exchangeId()),
                    id(at + "deviceTypeId", r.deviceTypeId()), id(at + "countryId", r.countryId()), m));
            ioOf.put(c.id(), c.ioId());
        }
        cursors.ingested(caller.owId(), ioOf);
        int recorded = facts.record(batch, "ingestion", now).size();
        return new DeliveryRows.Recorded(rows.size(), recorded, rows.size() - recorded);
    }

    private static long count(String field, Long v) {
        if (v != null && v < 0) {
            throw ApiException.badRequest(field, "Field '" + field + "' must not be negative.");
        }
        return v == null ? 0 : v;
    }

    private static long id(String field, Long v) {
        return count(field, v);
    }

    private static long money(String field, BigDecimal v) {
        if (v == null) {
            return 0;
        }
        if (v.signum() < 0 || v.compareTo(Limits.MAX_MONEY) > 0 || v.stripTrailingZeros().scale() > 6) {
            throw ApiException.badRequest(field, "Field '" + field + "' must be dollars from 0 to "
                    + Limits.MAX_MONEY.toPlainString() + " with at most 6 decimals.");
        }
        return Metrics.micros(v);
    }
}
