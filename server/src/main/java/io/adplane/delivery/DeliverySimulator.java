package io.adplane.delivery;

import org.springframework.stereotype.Service;

/** Simulates the delivery of running campaigns up to the clock's current hour. */
@Service
public class DeliverySimulator {

    /** Catches every campaign up to the last whole hour; the campaign-hours simulated. */
    public long catchUp() {
        return 0;
    }
}
