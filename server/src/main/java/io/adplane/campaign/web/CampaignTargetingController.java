package io.adplane.campaign.web;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.V3Response;
import io.adplane.auth.Caller;
import io.adplane.campaign.CampaignTargeting;
import io.adplane.campaign.CampaignTargeting.DealStep;
import io.adplane.targeting.Targets.DealKind;

/** IQM's campaign targeting of audiences, inventory groups and deals (F4, F5). */
@RestController
class CampaignTargetingController {

    private final CampaignTargeting targeting;

    CampaignTargetingController(CampaignTargeting targeting) {
        this.targeting = targeting;
    }

    /** Keyed by campaign id; {@code success} is false when a campaign failed, with why in {@code failedCampaigns}. */
    @PostMapping("/api/v3/cmp/target/audience")
    V3Response<CampaignTargeting.AudienceResult> audiences(Caller caller,
            @RequestBody Map<String, CampaignTargeting.AudienceChange> body) {
        CampaignTargeting.AudienceResult result = targeting.targetAudiences(caller, body);
        return new V3Response<>(result.failedCampaigns().isEmpty(), result, null);
    }

    @PostMapping("/api/v3/cmp/inventorygroup/includeExclude")
    V3Response<Message> inventoryGroups(Caller caller, @RequestBody CampaignTargeting.InventoryGroupChange body) {
        return V3Response.ok(new Message(targeting.includeExclude(caller, body)));
    }

    record Message(String message) {
    }

    record PmpOperation(String action, List<Long> campaignIds, List<Long> pmpDealIds) {
    }

    record PmpMappings(List<PmpOperation> operations) {
    }

    record PgOperation(String action, List<Long> campaignIds, List<Long> pgDealIds) {
    }

    record PgMappings(List<PgOperation> operations) {
    }

    @PatchMapping("/api/v3/cmp/pmp/campaigns/mappings")
    V3Response<String> pmpMappings(Caller caller, @RequestBody PmpMappings body) {
        return V3Response.ok(targeting.mapDeals(caller, DealKind.PMP, body.operations() == null ? null
                : body.operations().stream().map(o -> o == null ? new DealStep(null, null, null, "pmpDealIds")
                        : new DealStep(o.action(), o.campaignIds(), o.pmpDealIds(), "pmpDealIds")).toList()));
    }

    @PatchMapping("/api/v3/cmp/pg/campaigns/mappings")
    V3Response<String> pgMappings(Caller caller, @RequestBody PgMappings body) {
        return V3Response.ok(targeting.mapDeals(caller, DealKind.PG, body.operations() == null ? null
                : body.operations().stream().map(o -> o == null ? new DealStep(null, null, null, "pgDealIds")
                        : new DealStep(o.action(), o.campaignIds(), o.pgDealIds(), "pgDealIds")).toList()));
    }
}
