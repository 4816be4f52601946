package io.adplane.campaign;

import org.jspecify.annotations.Nullable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.adplane.api.ApiException;
import io.adplane.auth.Caller;
import io.adplane.campaign.CampaignWriter.Edit;
import io.adplane.history.Actor;
import io.adplane.history.ChangeLog;
import io.adplane.history.EntityType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Campaigns: create, edit, approve and run them (D13–D17). Each request runs in one transaction per campaign;
 * every write goes through {@link CampaignWriter}.
 */
@Service
public class CampaignService {

    private final CampaignWriter writer;
    private final CampaignRepository campaigns;
    private final CampaignViews views;
    private final ChangeLog history;
    private final TransactionTemplate tx;
    private final Clock clock;

    CampaignService(CampaignWriter writer, CampaignRepository campaigns, CampaignViews views, ChangeLog history,
            TransactionTemplate tx, Clock clock) {
        this.writer = writer;
        this.campaigns = campaigns;
        this.views = views;
        this.history = history;
        this.tx = tx;
        this.clock = clock;
    }

    /** What a create or edit answers: the campaign id and its status. */
    public record Saved(long id, CampaignStatus status) {
    }

    private static Saved saved(Campaign c) {
        return new Saved(c.id(), c.status());
    }

    long nowSeconds() {
        return clock.millis() / 1000;
    }

    /** {@code POST /api/v2/cmp/campaigns/add} (pending) and {@code .../draft/add} (draft). */
    public Saved create(Caller caller, JsonNode body, boolean draft) {
        caller.requireWrite();
        CampaignInput in = CampaignInput.parse(body);
        for (String field : List.of("campaignType", "campaignTypeId")) {
            if (Integer.valueOf(CampaignRules.PG).equals(in.smallInteger(field))) {
                // PG campaigns have their own operations (F6).
                throw ApiException.badRequest(field, "Invalid campaign Type provided");
            }
        }
        return tx.execute(status -> saved(writer.create(Actor.of(caller), caller.owId(), in, draft)));
    }

    /**
     * A campaign as a fixture holds it (E7): its id, organization, creator ({@code uowId}), the status a reader sees,
     * the rejection reason of a rejected one, and its fields as IQM's create request names them.
     */
    public record Restorable(long campaignId, long owId, long uowId, String status, @Nullable String rejectionReason,
            Map<String, JsonNode> fields) {
    }

    /**
     * Restores a fixture's campaign (E7) through the write path: created with its id by its creator as a create
     * request would, then moved to its status; the IO's totals, the counts and the history follow as for any write.
     * Field errors name the request field ({@code budgetTotal}); an unknown status is a 400 on {@code status}.
     */
    public void restore(Restorable r) {
        CampaignStatus target;
        try {
            target = CampaignStatus.of(r.status() == null ? "pending" : r.status().strip().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status", "status must be one of draft, pending, running, paused, expired,"
                    + " rejected, deleted.");
        }
        CampaignInput in = CampaignInput.parse(tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .setAll(r.fields()));
        Actor actor = new Actor(r.uowId(), org.slf4j.MDC.get(Actor.REQUEST_ID), true);
        tx.executeWithoutResult(s -> writer.restore(actor, r.owId(), r.campaignId(), in, target, r.rejectionReason()));
    }

    /** The organization of the campaign with this id, whichever it is; empty when there is none. */
    public java.util.Optional<Long> ownerOf(long campaignId) {
        return campaigns.ownerOf(campaignId);
    }

    /** Every campaign as a fixture holds it (E7), by id: for the emulator's export only. */
    public List<Restorable> exportAll() {
        return campaigns.everyCampaign(nowSeconds()).stream().map(s -> {
            Campaign c = s.campaign();
            return new Restorable(c.id(), c.owId(), c.uowId(), s.effective().code(),
                    s.effective() == CampaignStatus.REJECTED ? c.rejectionReason() : null, c.spec().asInput());
        }).toList();
    }

    /** {@code PATCH /api/v2/cmp/campaign/{id}}: a partial edit; a draft or rejected campaign is (re-)submitted. */
    public Saved patch(Caller caller, long id, JsonNode body) {
        caller.requireWrite();
        CampaignInput patch = CampaignInput.parse(body);
        return tx.execute(status -> saved(writer.change(Actor.of(caller), caller.owId(), id, Edit.patch(patch.all()))));
    }

    /** {@code GET /api/v2/cmp/campaign/{id}}: the seed's Step 4 answer. */
    public CampaignAnswer get(Caller caller, long id, boolean withSpent) {
        return views.get(caller, id, withSpent, nowSeconds());
    }

    /** {@code PUT /api/v2/cmp/campaign/draft/{id}}: replaces a draft; it stays a draft. */
    public Saved replaceDraft(Caller caller, long id, JsonNode body) {
        caller.requireWrite();
        CampaignInput in = CampaignInput.parse(body);
        return tx.execute(status -> saved(writer.change(Actor.of(caller), caller.owId(), id, Edit.replaceDraft(in.all()))));
    }

    /** One campaign's result in a bulk status change. */
    public record StatusResult(long campaignId, String status, String errorMsg) {
    }

    /**
     * {@code PUT /api/v2/cmp/campaigns/update-status}: each id moves in its own transaction through the write path,
     * so of concurrent moves on one campaign exactly one wins (D15, D16). An approval may set the campaign's IAB
     * ad categories ({@code adCategoryIds}, or per campaign {@code campaignAdCategories}), A3. When every id fails,
     * the first failure is the answer; otherwise the answer lists each id's result.
     */
    public List<StatusResult> updateStatus(Caller caller, List<Long> ids, CampaignStatus target, String reason,
            Long endDate, Map<Long, String> adCategoryIds) {
        caller.requireWrite();
        if (target == CampaignStatus.REJECTED && (reason == null || reason.isBlank())) {
            throw ApiException.badRequest("rejectionReason", "A rejection reason is required.");
        }
        io.adplane.api.Limits.text("rejectionReason", reason, io.adplane.api.Limits.NOTE);
        if (endDate != null) {
            CampaignRules.requireFutureEnd("endDate", endDate, nowSeconds());
        }
        if (!adCategoryIds.isEmpty() && target != CampaignStatus.RUNNING) {
            throw ApiException.badRequest("adCategoryIds", "adCategoryIds apply when approving (status running).");
        }
        if (!adCategoryIds.isEmpty()) {
            caller.requireApprove();
        }
        String rejection = target == CampaignStatus.REJECTED ? reason.strip() : null;
        List<StatusResult> results = new ArrayList<>();
        ApiException firstFailure = null;
        for (Long id : ids) {
            Map<String, JsonNode> fields = new java.util.LinkedHashMap<>();
            if (endDate != null) {
                fields.put("endTime", JsonNodeFactory.instance.numberNode(endDate));
            }
            String categories = adCategoryIds.get(id);
            if (categories != null) {
                fields.put("campaignIabCategoryIds", JsonNodeFactory.instance.stringNode(categories));
            }
            try {
                tx.executeWithoutResult(s -> writer.change(Actor.of(caller), caller.owId(), id,
                        Edit.move(target, rejection, rejection, fields)));
                results.add(new StatusResult(id, target.code(), null));
            } catch (ApiException e) {
                firstFailure = firstFailure == null ? e : firstFailure;
                results.add(new StatusResult(id, null, e.getMessage()));
            }
        }
        if (firstFailure != null && results.stream().allMatch(r -> r.errorMsg() != null)) {
            throw firstFailure;
        }
        return results;
    }

    /** One recorded status change. */
    @JsonPropertyOrder({"fromStatus", "toStatus", "reason", "uowId", "changedAt"})
    public record StatusChange(@Nullable String fromStatus, String toStatus, @Nullable String reason, @Nullable Long uowId,
            long changedAt) {
    }

    /** The recorded status changes of one campaign, oldest first. */
    public List<StatusChange> statusHistory(Caller caller, long id) {
        require(caller.owId(), id);
        return campaigns.statusHistory(caller.owId(), id).stream()
                .map(c -> new StatusChange(c.fromStatus(), c.toStatus(), c.reason(), c.uowId(), c.changedAt()))
                .toList();
    }

    /** {@code GET /api/v3/cmp/campaign/{id}/changes}: the campaign's change history, newest first. */
    public ChangeLog.Page changes(Caller caller, long id, Integer pageNo, Integer noOfEntries) {
        require(caller.owId(), id);
        return history.page(caller.owId(), EntityType.CAMPAIGN, id, pageNo, noOfEntries);
    }

    Campaign require(long owId, long id) {
        return campaigns.find(owId, id).orElseThrow(CampaignWriter::notFound);
    }
}
