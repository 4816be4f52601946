package io.adplane.console;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import io.adplane.auth.Caller;

/**
 * Where the console reads delivery from, once a delivery feature is on the server: implement it as a bean
 * (reading the delivery feature's own queries, scoped to {@code caller.owId()}) and the campaign page draws
 * its chart. Without a bean the page says delivery is not enabled.
 */
public interface ConsoleDelivery {

    /** One campaign's delivery per period (a day or an hour), oldest first; empty when the campaign has none. */
    Optional<Series> campaign(Caller caller, long campaignId, Grain grain);

    /** Per day or per hour. */
    enum Grain { DAY, HOUR }

    /** Delivery per period: each list has one value per label. */
    record Series(List<String> labels, List<Long> impressions, List<BigDecimal> spend) {
    }
}
