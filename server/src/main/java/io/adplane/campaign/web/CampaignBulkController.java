package io.adplane.campaign.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.Idempotency;
import io.adplane.api.V2Response;
import io.adplane.api.V3Response;
import io.adplane.auth.Caller;
import io.adplane.campaign.CampaignBulkEdits;
import io.adplane.campaign.CampaignBulkEdits.BudgetUpdate;
import io.adplane.campaign.CampaignBulkEdits.Failure;

/** Bulk budget, end date, name, duplicate and creative assignment (iqm-reference §4.7, §4.9, §4.11). */
@RestController
class CampaignBulkController {

    private final CampaignBulkEdits edits;
    private final Idempotency idempotency;

    CampaignBulkController(CampaignBulkEdits edits, Idempotency idempotency) {
        this.edits = edits;
        this.idempotency = idempotency;
    }

    @PutMapping("/api/v2/cmp/campaigns/update-budget")
    V2Response<Map<String, Object>> updateBudget(Caller caller, @RequestBody BudgetUpdate body) {
        var result = edits.updateBudget(caller, body);
        Map<String, Object> answer = new LinkedHashMap<>();
        if (!result.modified().isEmpty()) {
            answer.put("modified_data", result.modified());
        }
        if (!result.failures().isEmpty()) {
            answer.put("reason", result.failures());
        }
        answer.put("status", result.failures().isEmpty());
        return V2Response.ok(answer);
    }

    record EndDateRequest(Long endDate, String campaignIds) {
    }

    @PutMapping("/api/v2/cmp/campaigns/update-end-date")
    V2Response<Map<String, Object>> updateEndDate(Caller caller, @RequestBody EndDateRequest body) {
        List<Failure> failures = edits.updateEndDate(caller, body.campaignIds(), body.endDate());
        return V2Response.ok(failures.isEmpty() ? Map.of("status", true)
                : Map.of("reason", failures, "status", false));
    }

    record NameRequest(String campaignName) {
    }

    @PatchMapping("/api/v3/cmp/campaign/update-name/{campaignId}")
    V3Response<Map<String, String>> rename(Caller caller, @PathVariable long campaignId, @RequestBody NameRequest body) {
        edits.rename(caller, campaignId, body.campaignName());
        return V3Response.ok(Map.of("message", "campaignName updated successfully"));
    }

    record DuplicateRequest(String existingCampaignIds, Long ioId, Long startDate, Long endDate, Integer timeZoneId,
            Integer campaignTypeId, List<Long> pgDealIds) {
    }

    @PostMapping("/api/v2/cmp/campaigns/duplicate")
    ResponseEntity<?> duplicate(Caller caller, @RequestBody DuplicateRequest body,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        if (body.campaignTypeId() != null && body.campaignTypeId() != 1) {
            throw io.adplane.api.ApiException.badRequest("campaignTypeId", "Invalid campaign Type provided");
        }
        if (body.pgDealIds() != null && !body.pgDealIds().isEmpty()) {
            // A1: duplicate makes advanced campaigns; PG campaigns have their own operations (F6).
            throw io.adplane.api.ApiException.badRequest("pgDealIds", "Duplicating into PG campaigns (campaignTypeId 2) "
                    + "is not supported; create them with POST /api/v3/cmp/pg/campaigns/add.");
        }
        return idempotency.once(caller.owId(), caller.userId(), key, Map.of("campaignDuplicate", body), () -> {
            var result = edits.duplicate(caller, body.existingCampaignIds(), body.ioId(), body.startDate(),
                    body.endDate(), body.timeZoneId());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("duplicatedCampaignIds", result.duplicatedCampaignIds());
            if (!result.failures().isEmpty()) {
                answer.put("reason", result.failures());
            }
            answer.put("status", result.failures().isEmpty());
            return V2Response.ok(answer);
        });
    }

    record TargetCreativeRequest(List<Long> creativeIds, List<Long> assignedCampaignIds, List<Long> removedCampaignIds) {
    }

    @PatchMapping("/api/v3/cmp/target/creative")
    V3Response<Map<String, String>> targetCreative(Caller caller, @RequestBody TargetCreativeRequest body) {
        edits.targetCreatives(caller, body.creativeIds(), body.assignedCampaignIds(), body.removedCampaignIds());
        return V3Response.ok(Map.of("message", "Creatives assigned/un-assigned successfully."));
    }

}
