package io.adplane.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.adplane.client.AdplaneClient;
import io.adplane.client.Model.InsertionOrder;
import io.adplane.client.Model.NewInsertionOrder;

@AdplaneTest
class InsertionOrderExampleTest {

    @Test
    void createsAnInsertionOrder(AdplaneClient adplane) {
        long start = System.currentTimeMillis() + 3_600_000;
        InsertionOrder io = adplane.addInsertionOrder(
                NewInsertionOrder.autoSum("Spring flight", start, start + 30L * 86_400_000, 29));

        assertThat(adplane.insertionOrder(io.ioId()).ioName()).isEqualTo("Spring flight");
        assertThat(adplane.insertionOrders(Map.of()).totalRecords()).isEqualTo(1);
    }

    @Test
    void everyTestStartsFromTheBootstrap(AdplaneClient adplane) {
        assertThat(adplane.insertionOrders(Map.of()).totalRecords()).isZero();
    }
}
