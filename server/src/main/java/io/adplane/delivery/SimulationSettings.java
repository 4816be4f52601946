package io.adplane.delivery;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code adplane.simulation.*}: the delivery simulator and its market model (docs/simulation.md).
 *
 * @param enabled whether the simulator delivers; unset: on exactly when {@code adplane.controls.enabled} is (the
 *        emulator), off in production, where delivery is ingested (S7)
 * @param seed the model's seed: the same seed and campaign give the same delivery on every machine (S4)
 * @param interval how often each instance catches delivery up to the clock (a no-op between whole hours)
 * @param bidRequestsPerHour bid requests an hour for an untargeted campaign at an average hour of the day
 * @param bidRate the share of matching bid requests a campaign bids on ({@code bidImpressions})
 * @param clearingCpm the median competing price (CPM, dollars); competing prices spread log-uniformly over
 *        {@code clearingCpm / e^clearingSpread .. clearingCpm * e^clearingSpread}
 * @param bidShading the share of the second price a campaign with {@code isBidShading} saves
 * @param dataCpm data cost per thousand impressions, dollars
 * @param slicesPerHour how many creative × exchange × device combinations one campaign-hour is spread over
 * @param hoursPerBatch campaign-hours of one IO simulated in one transaction, at most
 * @param iosPerBatch IOs taken per round of a catch-up
 * @param workers IOs one instance delivers at once, each on a connection of its own (IOs are independent: S4)
 */
@ConfigurationProperties("adplane.simulation")
public record SimulationSettings(
        Boolean enabled,
        @DefaultValue("13") long seed,
        @DefaultValue("60s") Duration interval,
        @DefaultValue("60000") long bidRequestsPerHour,
        @DefaultValue("0.5") double bidRate,
        @DefaultValue("2.5") double clearingCpm,
        @DefaultValue("1.2") double clearingSpread,
        @DefaultValue("0.15") double bidShading,
        @DefaultValue("0") BigDecimal dataCpm,
        @DefaultValue("3") int slicesPerHour,
        @DefaultValue("744") int hoursPerBatch,
        @DefaultValue("50") int iosPerBatch,
        @DefaultValue("2") int workers) {
}
