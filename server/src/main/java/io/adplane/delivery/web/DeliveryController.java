package io.adplane.delivery.web;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.V3Response;
import io.adplane.auth.Caller;
import io.adplane.delivery.DeliveryIngestion;
import io.adplane.delivery.DeliveryRows;

/** Ingestion of real delivery (S12): hourly rows from a bidder or ad server. */
@RestController
class DeliveryController {

    private final DeliveryIngestion ingestion;

    DeliveryController(DeliveryIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @PostMapping("/api/v3/adplane/delivery")
    V3Response<DeliveryRows.Recorded> ingest(Caller caller, @RequestBody DeliveryRows rows) {
        return V3Response.ok(ingestion.ingest(caller, rows));
    }
}
