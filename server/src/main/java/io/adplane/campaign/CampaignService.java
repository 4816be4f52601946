package io.adplane.campaign;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.adplane.api.ApiException;
import io.adplane.auth.Caller;
import io.adplane.campaign.CampaignStatus.Move;
import io.adplane.tenancy.TenancyRepository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Campaigns: create, edit, approve and run them (D13–D17). Every write runs in one transaction that first
 * locks the campaign's IO, so an auto-sum IO's total always equals the sum of its campaigns (D12).
 */
@Service
public class CampaignService {

    static final String NOT_FOUND = "Campaign not found.";

    /** Fields that can't change once a campaign has run (IQM: optimization type and conversions lock). */
    private static final Set<String> LOCKED_ONCE_RUNNING = Set.of("creativeType", "campaignOptimizationType",
            "conversionTypeId", "conversionIds");
    /** Fields that never change after creation. */
    private static final Set<String> IMMUTABLE = Set.of("ioId", "campaignType", "campaignTypeId", "budgetTypeId");

    private final CampaignRepository campaigns;
    private final CampaignReferences references;
    private final CampaignViews views;
    private final TenancyRepository tenancy;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;

    CampaignService(CampaignRepository campaigns, CampaignReferences references, CampaignViews views,
            TenancyRepository tenancy, TransactionTemplate tx, JsonMapper json, Clock clock) {
        this.campaigns = campaigns;
        this.references = references;
        this.views = views;
        this.tenancy = tenancy;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    /** What a create or edit answers: the campaign id and its status. */
    public record Saved(long id, CampaignStatus status) {
    }

    long nowSeconds() {
        return clock.millis() / 1000;
    }

    /** {@code POST /api/v2/cmp/campaigns/add} (pending) and {@code .../draft/add} (draft). */
    public Saved create(Caller caller, JsonNode body, boolean draft) {
        caller.requireWrite();
        CampaignInput in = CampaignInput.parse(body);
        CampaignSpec spec = draft ? CampaignRules.forDraft(in, nowSeconds()) : CampaignRules.forSubmission(in, nowSeconds());
        return tx.execute(status -> insert(caller, spec, draft));
    }

    /**
     * Checks {@code spec} against its IO, master data and creatives and stores it, in the caller's transaction;
     * the IO is locked first and its auto-sum total follows (D12, D13).
     */
    Saved insert(Caller caller, CampaignSpec spec, boolean draft) {
        IoFacts io = references.lockIo(caller.owId(), spec.ioId());
        int budgetTypeId = checkAgainstIo(spec, io, draft);
        references.checkMasterIds(spec);
        references.checkCreatives(caller.owId(), spec, !draft);
        long now = clock.millis();
        CampaignStatus initial = draft ? CampaignStatus.DRAFT : CampaignStatus.PENDING;
        long id = campaigns.insert(caller.owId(), caller.uowId(), initial, spec, budgetTypeId, now);
        campaigns.recordStatusChange(id, caller.owId(), null, initial, null, caller.uowId(), now);
        CampaignStatus result = autoApprove(caller.owId(), id, initial, now);
        references.syncIoBudget(caller.owId(), io.ioId());
        return new Saved(id, result);
    }

    /** With auto-approval on for the organization (D16), a new pending campaign runs at once. */
    private CampaignStatus autoApprove(long owId, long id, CampaignStatus status, long now) {
        if (status != CampaignStatus.PENDING || !tenancy.organization(owId).orElseThrow().autoApprove()) {
            return status;
        }
        campaigns.setStatus(owId, id, CampaignStatus.PENDING, CampaignStatus.RUNNING, null, null, null, now);
        campaigns.recordStatusChange(id, owId, CampaignStatus.PENDING, CampaignStatus.RUNNING, "auto-approved", null, now);
        return CampaignStatus.RUNNING;
    }

    /** D13: budget type equals the IO's, flight inside the IO's. Returns the campaign's budget type. */
    private static int checkAgainstIo(CampaignSpec spec, IoFacts io, boolean draft) {
        int budgetTypeId = spec.budgetTypeId() == null ? io.ioBudgetTypeId() : spec.budgetTypeId();
        if (budgetTypeId != io.ioBudgetTypeId()) {
            throw ApiException.badRequest("budgetTypeId", "IO and campaign budget type should be same");
        }
        if (draft) {
            return budgetTypeId;
        }
        long ioStart = io.ioStartTime() / 1000;
        if (spec.startTime() != null && spec.startTime() < ioStart) {
            throw ApiException.unprocessable("startTime", "Campaign start time can't be before IO start time");
        }
        Long ioEnd = io.endSeconds();
        if (ioEnd != null && spec.startTime() != null && spec.startTime() >= ioEnd) {
            throw ApiException.unprocessable("startTime", "Campaign start time can't be after IO end time");
        }
        if (ioEnd != null && spec.endTime() != null && spec.endTime() > ioEnd) {
            throw ApiException.unprocessable("endTime", "Campaign end time can't be after IO end time");
        }
        return budgetTypeId;
    }

    /** {@code PATCH /api/v2/cmp/campaign/{id}}: a partial edit; a draft or rejected campaign is (re-)submitted. */
    public Saved patch(Caller caller, long id, JsonNode body) {
        caller.requireWrite();
        CampaignInput patch = CampaignInput.parse(body);
        return tx.execute(status -> {
            Campaign c = require(caller.owId(), id);
            CampaignStatus current = c.effectiveStatus(nowSeconds());
            if (current == CampaignStatus.DELETED) {
                throw ApiException.conflict("status", "A deleted campaign can't be changed; duplicate it instead.");
            }
            for (String field : patch.all().keySet()) {
                if (IMMUTABLE.contains(field) && !same(patch.node(field), currentValue(c, field))) {
                    throw ApiException.badRequest(field, "Field '" + field + "' can't be changed after creation.");
                }
                if (LOCKED_ONCE_RUNNING.contains(field) && hasRun(current)
                        && !same(patch.node(field), currentValue(c, field))) {
                    throw ApiException.badRequest(field,
                            "Field '" + field + "' can't be changed once the campaign has run.");
                }
            }
            boolean startChanged = patch.has("startTime") && !same(patch.node("startTime"), currentValue(c, "startTime"));
            if (startChanged && hasRun(current) && c.startTime() != null && c.startTime() <= nowSeconds()) {
                throw ApiException.badRequest("startTime", "The start of a campaign that has started can't be changed.");
            }
            CampaignStatus next = switch (current) {
                case DRAFT, REJECTED -> CampaignStatus.PENDING;
                default -> current == CampaignStatus.EXPIRED ? c.status() : current;
            };
            CampaignInput merged = merge(c, patch);
            // The start may lie in the past when it is not being changed (a running campaign's edit).
            long rulesNow = startChanged || current == CampaignStatus.DRAFT ? nowSeconds()
                    : Math.min(nowSeconds(), c.startTime() == null ? nowSeconds() : c.startTime());
            CampaignSpec spec = CampaignRules.forSubmission(merged, rulesNow);
            IoFacts io = references.lockIo(caller.owId(), c.ioId());
            checkAgainstIo(spec, io, false);
            references.checkMasterIds(spec);
            references.checkCreatives(caller.owId(), spec, true);
            long now = clock.millis();
            if (!campaigns.update(caller.owId(), id, c.version(), caller.uowId(), next, spec, now)) {
                throw concurrent();
            }
            if (next != c.status()) {
                campaigns.recordStatusChange(id, caller.owId(), c.status(), next, null, caller.uowId(), now);
                next = autoApprove(caller.owId(), id, next, now);
            }
            references.syncIoBudget(caller.owId(), c.ioId());
            return new Saved(id, next);
        });
    }

    /** {@code GET /api/v2/cmp/campaign/{id}}: the seed's Step 4 answer. */
    public Map<String, Object> get(Caller caller, long id, boolean withSpent) {
        return views.get(caller, id, withSpent, nowSeconds());
    }

    /** {@code PUT /api/v2/cmp/campaign/draft/{id}}: replaces a draft; it stays a draft. */
    public Saved replaceDraft(Caller caller, long id, JsonNode body) {
        caller.requireWrite();
        CampaignInput in = CampaignInput.parse(body);
        CampaignSpec spec = CampaignRules.forDraft(in, nowSeconds());
        return tx.execute(status -> {
            Campaign c = require(caller.owId(), id);
            if (c.status() != CampaignStatus.DRAFT) {
                throw ApiException.conflict("status", "Only a draft can be replaced; this campaign is '"
                        + c.effectiveStatus(nowSeconds()).code() + "'.");
            }
            if (spec.ioId() != c.ioId()) {
                throw ApiException.badRequest("ioId", "Field 'ioId' can't be changed after creation.");
            }
            IoFacts io = references.lockIo(caller.owId(), c.ioId());
            checkAgainstIo(spec, io, true);
            references.checkMasterIds(spec);
            references.checkCreatives(caller.owId(), spec, false);
            if (!campaigns.update(caller.owId(), id, c.version(), caller.uowId(), CampaignStatus.DRAFT, spec, clock.millis())) {
                throw concurrent();
            }
            references.syncIoBudget(caller.owId(), c.ioId());
            return new Saved(id, CampaignStatus.DRAFT);
        });
    }

    /** One campaign's result in a bulk status change. */
    public record StatusResult(long campaignId, String status, String errorMsg) {
    }

    /**
     * {@code PUT /api/v2/cmp/campaigns/update-status}: each id moves in its own transaction, by compare-and-set
     * on its status, so of concurrent moves on one campaign exactly one wins (D15, D16). When every id fails,
     * the first failure is the answer; otherwise the answer lists each id's result.
     */
    public List<StatusResult> updateStatus(Caller caller, List<Long> ids, CampaignStatus target, String reason,
            Long endDate) {
        caller.requireWrite();
        if (target == CampaignStatus.REJECTED && (reason == null || reason.isBlank())) {
            throw ApiException.badRequest("rejectionReason", "A rejection reason is required.");
        }
        List<StatusResult> results = new ArrayList<>();
        ApiException firstFailure = null;
        for (Long id : ids) {
            try {
                tx.executeWithoutResult(s -> move(caller, id, target, reason, endDate));
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

    private void move(Caller caller, long id, CampaignStatus target, String reason, Long endDate) {
        Campaign c = require(caller.owId(), id);
        long nowSec = nowSeconds();
        CampaignStatus from = c.effectiveStatus(nowSec);
        Move move = from.moveTo(target);
        switch (move) {
            case APPROVE, REJECT -> caller.requireApprove();
            case RERUN -> {
                Long end = endDate != null ? endDate : c.endTime();
                if (end == null || end <= nowSec) {
                    throw ApiException.conflict("endDate",
                            "An expired campaign can run again only after its end date is moved into the future.");
                }
            }
            default -> {
            }
        }
        if (endDate != null && endDate <= nowSec) {
            throw ApiException.badRequest("endDate", "End date can not be less than current time.");
        }
        if (target == CampaignStatus.DELETED) {
            // The IO first, then the campaign row: the order every budget write takes, so they can't deadlock.
            references.lockIo(caller.owId(), c.ioId());
        }
        long now = clock.millis();
        String rejection = target == CampaignStatus.REJECTED ? reason.strip() : null;
        if (!campaigns.setStatus(caller.owId(), id, c.status(), target, rejection, endDate, caller.uowId(), now)) {
            throw concurrent();
        }
        campaigns.recordStatusChange(id, caller.owId(), from, target, rejection, caller.uowId(), now);
        if (target == CampaignStatus.DELETED) {
            references.syncIoBudget(caller.owId(), c.ioId());
        }
    }

    /** The recorded status changes of one campaign, oldest first. */
    public List<Map<String, Object>> statusHistory(Caller caller, long id) {
        require(caller.owId(), id);
        List<Map<String, Object>> out = new ArrayList<>();
        for (var change : campaigns.statusHistory(caller.owId(), id)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fromStatus", change.fromStatus());
            m.put("toStatus", change.toStatus());
            m.put("reason", change.reason());
            m.put("uowId", change.uowId());
            m.put("changedAt", change.changedAt());
            out.add(m);
        }
        return out;
    }

    Campaign require(long owId, long id) {
        return campaigns.find(owId, id).orElseThrow(() -> ApiException.notFound("campaignId", NOT_FOUND));
    }

    private static boolean hasRun(CampaignStatus status) {
        return status == CampaignStatus.RUNNING || status == CampaignStatus.PAUSED || status == CampaignStatus.EXPIRED;
    }

    static ApiException concurrent() {
        return new ApiException(HttpStatus.CONFLICT,
                "The campaign was changed by another request at the same time; reload it and retry.");
    }

    /** The stored campaign as a request body, with {@code patch} laid over it. */
    CampaignInput merge(Campaign c, CampaignInput patch) {
        Map<String, JsonNode> values = new LinkedHashMap<>(asInput(c));
        values.putAll(patch.all());
        return CampaignInput.of(values);
    }

    /** Equal as IQM compares them: 100 and 100.0 alike, 17994 and "17994" alike (D7). */
    static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if ((a.isNumber() || a.isString()) && (b.isNumber() || b.isString())) {
            return a.asString().equals(b.asString());
        }
        return a.equals(b);
    }

    private JsonNode currentValue(Campaign c, String field) {
        return asInput(c).get(field);
    }

    /** A stored campaign in the request's own field names and types. */
    Map<String, JsonNode> asInput(Campaign c) {
        ObjectNode o = json.createObjectNode();
        o.put("campaignName", c.campaignName());
        o.put("isAgreementChecked", c.isAgreementChecked());
        o.put("ioId", c.ioId());
        if (c.countryId() != null) {
            o.put("countryId", c.countryId());
        }
        if (c.advertiserDomain() != null) {
            o.put("advertiserDomain", c.advertiserDomain());
        }
        if (c.creativeType() != null) {
            o.put("creativeType", c.creativeType());
        }
        o.put("campaignType", c.campaignTypeId());
        o.put("creativeIds", CampaignRepository.join(c.creativeIds()));
        if (c.startTime() != null) {
            o.put("startTime", c.startTime());
        }
        if (c.endTime() != null) {
            o.put("endTime", c.endTime());
        }
        if (c.timezone() != null) {
            o.put("timezone", c.timezone());
        }
        o.put("totalBudgetPacing", c.totalBudgetPacing());
        if (c.budgetDay() != null) {
            o.put("budgetDay", c.budgetDay());
        }
        if (c.budgetTotal() != null) {
            o.put("budgetTotal", c.budgetTotal());
        }
        o.put("budgetTypeId", c.budgetTypeId());
        if (c.maxBid() != null) {
            o.put("maxBid", c.maxBid());
        }
        o.put("exchanges", CampaignRepository.join(c.exchanges()));
        o.put("publisherAdCategory", CampaignRepository.join(c.publisherAdCategory()));
        o.put("deviceType", CampaignRepository.join(c.deviceType()));
        o.put("trafficType", CampaignRepository.join(c.trafficType()));
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            values.put(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, JsonNode> e : c.settings().properties()) {
            values.put(e.getKey(), e.getValue());
        }
        return values;
    }
}
