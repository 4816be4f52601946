package io.adplane.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers in real time when nobody moves the clock: every {@code adplane.simulation.interval} each instance
 * catches up to the last whole hour (nothing to do between hours; instances share the work through the
 * watermarks, S5).
 */
@Component
@ConditionalOnProperty(name = "adplane.jobs.enabled", havingValue = "true", matchIfMissing = true)
class DeliveryJob {

    private static final Logger log = LoggerFactory.getLogger(DeliveryJob.class);

    private final DeliverySimulator simulator;

    DeliveryJob(DeliverySimulator simulator) {
        this.simulator = simulator;
    }

    @Scheduled(initialDelayString = "${adplane.simulation.interval:60s}", fixedDelayString = "${adplane.simulation.interval:60s}")
    void run() {
        long hours = simulator.catchUp();
        if (hours > 0) {
            log.info("Delivered {} campaign-hours", hours);
        }
    }
}
