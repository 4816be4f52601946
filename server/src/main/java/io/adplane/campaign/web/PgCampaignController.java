package io.adplane.campaign.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.Idempotency;
import io.adplane.api.V3Response;
import io.adplane.auth.Caller;
import io.adplane.campaign.PgCampaigns;
import tools.jackson.databind.JsonNode;

/** IQM's PG campaigns (F6); each answers HTTP 201 as IQM documents. */
@RestController
class PgCampaignController {

    private final PgCampaigns pg;
    private final Idempotency idempotency;

    PgCampaignController(PgCampaigns pg, Idempotency idempotency) {
        this.pg = pg;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/v3/cmp/pg/campaigns/add")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<V3Response<PgCampaigns.Saved>> add(Caller caller, @RequestBody JsonNode body,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return created(idempotency.once(caller.owId(), caller.userId(), key, Map.of("pg", body),
                () -> V3Response.ok(pg.create(caller, body, false))));
    }

    @PostMapping("/api/v3/cmp/pg/campaigns/draft/add")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<V3Response<PgCampaigns.Saved>> addDraft(Caller caller, @RequestBody JsonNode body,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return created(idempotency.once(caller.owId(), caller.userId(), key, Map.of("pgDraft", body),
                () -> V3Response.ok(pg.create(caller, body, true))));
    }

    @PatchMapping("/api/v3/cmp/pg/campaigns/{campaignId}")
    @ResponseStatus(HttpStatus.CREATED)
    V3Response<PgCampaigns.Saved> edit(Caller caller, @PathVariable long campaignId, @RequestBody JsonNode body) {
        return V3Response.ok(pg.edit(caller, campaignId, body, false));
    }

    @PatchMapping("/api/v3/cmp/pg/campaigns/draft/{campaignId}")
    @ResponseStatus(HttpStatus.CREATED)
    V3Response<PgCampaigns.Saved> editDraft(Caller caller, @PathVariable long campaignId, @RequestBody JsonNode body) {
        return V3Response.ok(pg.edit(caller, campaignId, body, true));
    }

    /** The idempotent answer (first or replayed) with IQM's status. */
    @SuppressWarnings("unchecked")
    private static ResponseEntity<V3Response<PgCampaigns.Saved>> created(ResponseEntity<?> answer) {
        return (ResponseEntity<V3Response<PgCampaigns.Saved>>) (ResponseEntity<?>) ResponseEntity
                .status(HttpStatus.CREATED).body(answer.getBody());
    }
}
