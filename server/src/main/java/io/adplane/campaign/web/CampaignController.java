package io.adplane.campaign.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.ApiException;
import io.adplane.api.Idempotency;
import io.adplane.api.V2Response;
import io.adplane.api.V3Response;
import io.adplane.auth.Caller;
import io.adplane.campaign.CampaignAnswer;
import io.adplane.campaign.CampaignService;
import io.adplane.campaign.CampaignService.Saved;
import io.adplane.campaign.CampaignStatus;
import io.adplane.campaign.CampaignIds;
import io.adplane.history.ChangeLog;
import tools.jackson.databind.JsonNode;

/** IQM's campaign endpoints: create (seed Step 3), read (Step 4), edit, drafts and the lifecycle. */
@RestController
class CampaignController {

    private final CampaignService campaigns;
    private final Idempotency idempotency;

    CampaignController(CampaignService campaigns, Idempotency idempotency) {
        this.campaigns = campaigns;
        this.idempotency = idempotency;
    }

    /** {@code {data, message, status}} as the seed shows it. */
    record SaveAnswer(long data, String message, String status) {
        static SaveAnswer of(Saved saved, String message) {
            return new SaveAnswer(saved.id(), message, saved.status().code());
        }
    }

    @PostMapping("/api/v2/cmp/campaigns/add")
    ResponseEntity<?> add(Caller caller, @RequestBody JsonNode body,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.once(caller.owId(), caller.userId(), key, Map.of("add", body), () ->
                V2Response.created(SaveAnswer.of(campaigns.create(caller, body, false), "Campaign saved successfully.")));
    }

    @PostMapping("/api/v2/cmp/campaigns/draft/add")
    ResponseEntity<?> addDraft(Caller caller, @RequestBody JsonNode body,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.once(caller.owId(), caller.userId(), key, Map.of("draft", body), () ->
                V2Response.created(SaveAnswer.of(campaigns.create(caller, body, true), "Campaign saved successfully.")));
    }

    @GetMapping("/api/v2/cmp/campaign/{campaignId}")
    V2Response<CampaignAnswer> get(Caller caller, @PathVariable long campaignId,
            @RequestParam(defaultValue = "false") boolean isSpentRequired) {
        return V2Response.ok(campaigns.get(caller, campaignId, isSpentRequired));
    }

    @PatchMapping("/api/v2/cmp/campaign/{campaignId}")
    V2Response<SaveAnswer> patch(Caller caller, @PathVariable long campaignId, @RequestBody JsonNode body) {
        return V2Response.created(SaveAnswer.of(campaigns.patch(caller, campaignId, body), "Campaign saved successfully."));
    }

    @PutMapping("/api/v2/cmp/campaign/draft/{campaignId}")
    V2Response<SaveAnswer> replaceDraft(Caller caller, @PathVariable long campaignId, @RequestBody JsonNode body) {
        return V2Response.ok(SaveAnswer.of(campaigns.replaceDraft(caller, campaignId, body), "Campaign updated successfully."));
    }

    /** The body of update-status (iqm-reference §4.8). */
    record UpdateStatusRequest(String campaignIds, String status, String rejectionReason, Long endDate,
            String adCategoryIds, Map<String, AdCategories> campaignAdCategories) {
    }

    /** One campaign's ad categories in {@code campaignAdCategories}, which wins over {@code adCategoryIds}. */
    record AdCategories(String adCategoryIds) {
    }

    @PutMapping("/api/v2/cmp/campaigns/update-status")
    V2Response<Map<String, Object>> updateStatus(Caller caller, @RequestBody UpdateStatusRequest body) {
        List<Long> ids = CampaignIds.parse("campaignIds", body.campaignIds());
        if (body.status() == null) {
            throw ApiException.badRequest("status", "Field 'status' is required.");
        }
        CampaignStatus target = switch (body.status()) {
            case "running" -> CampaignStatus.RUNNING;
            case "rejected" -> CampaignStatus.REJECTED;
            case "paused" -> CampaignStatus.PAUSED;
            case "deleted" -> CampaignStatus.DELETED;
            default -> throw ApiException.badRequest("status", "Invalid status: use running, rejected, paused or deleted.");
        };
        Map<Long, String> categories = new LinkedHashMap<>();
        if (body.adCategoryIds() != null && !body.adCategoryIds().isBlank()) {
            CampaignIds.parse("adCategoryIds", body.adCategoryIds());
            ids.forEach(id -> categories.put(id, body.adCategoryIds()));
        }
        if (body.campaignAdCategories() != null) {
            body.campaignAdCategories().forEach((key, value) -> {
                long id = CampaignIds.parse("campaignAdCategories", key).get(0);
                if (!ids.contains(id)) {
                    throw ApiException.badRequest("campaignAdCategories",
                            "campaignAdCategories names campaign " + key + ", which campaignIds does not list.");
                }
                if (value == null || value.adCategoryIds() == null) {
                    throw ApiException.badRequest("campaignAdCategories", "Each entry needs adCategoryIds.");
                }
                CampaignIds.parse("adCategoryIds", value.adCategoryIds());
                categories.put(id, value.adCategoryIds());
            });
        }
        var results = campaigns.updateStatus(caller, ids, target, body.rejectionReason(), body.endDate(), categories);
        List<Map<String, Object>> updated = results.stream().filter(r -> r.errorMsg() == null)
                .map(r -> Map.<String, Object>of("campaignId", r.campaignId(), "status", r.status())).toList();
        List<Map<String, Object>> failed = results.stream().filter(r -> r.errorMsg() != null)
                .map(r -> Map.<String, Object>of("campaignId", r.campaignId(), "errorMsg", r.errorMsg())).toList();
        return V2Response.ok(failed.isEmpty()
                ? Map.of("updatedData", updated, "status", true)
                : Map.of("updatedData", updated, "failedData", failed, "status", false));
    }

    @GetMapping("/api/v3/cmp/campaign/{campaignId}/status-history")
    V3Response<List<CampaignService.StatusChange>> statusHistory(Caller caller, @PathVariable long campaignId) {
        return V3Response.ok(campaigns.statusHistory(caller, campaignId));
    }

    /** The campaign's change history (beyond IQM): who changed which fields when, newest first. */
    @GetMapping("/api/v3/cmp/campaign/{campaignId}/changes")
    V3Response<ChangeLog.Page> changes(Caller caller, @PathVariable long campaignId,
            @RequestParam(required = false) Integer pageNo, @RequestParam(required = false) Integer noOfEntries) {
        return V3Response.ok(campaigns.changes(caller, campaignId, pageNo, noOfEntries));
    }
}
