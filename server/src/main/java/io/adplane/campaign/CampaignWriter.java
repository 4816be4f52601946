package io.adplane.campaign;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.adplane.api.ApiException;
import io.adplane.campaign.CampaignStatus.Move;
import io.adplane.history.Actor;
import io.adplane.history.ChangeLog;
import io.adplane.history.EntityType;
import io.adplane.history.FieldChange;
import io.adplane.insertionorder.InsertionOrder;
import io.adplane.tenancy.TenancyRepository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The one write path of campaigns: create, edits, drafts, bulk edits, status moves, duplicates, IO deletion and
 * expiry all end here, in the caller's transaction. Each write
 * <ol>
 * <li>locks the campaign's IO, then the campaign's row (always in that order, so writes can't deadlock);</li>
 * <li>first persists an expiry that time has already made (D17), so what a reader saw is what is edited;</li>
 * <li>merges the edit into the stored request fields and runs {@link CampaignRules} on the result, then the
 * IO rules (D13) and the master-data and creative checks (D14) for what changed;</li>
 * <li>moves the status only through {@link CampaignStatus#moveTo}, with the rights of D16, re-approval for
 * approval-relevant edits of a running campaign (A2) and auto-approval (D16);</li>
 * <li>writes the row with a compare-and-set on its version, records each status change and the changed
 * fields (change history), adds the budget difference to the IO (D12) and publishes {@link CampaignChanged}.</li>
 * </ol>
 */
@Component
class CampaignWriter {

    static final String NOT_FOUND = "Campaign not found.";

    /** Fields that never change after creation. */
    private static final Set<String> IMMUTABLE = Set.of("ioId", "campaignType", "campaignTypeId", "budgetTypeId");
    /** Fields that can't change once a campaign has run (IQM: optimization type and conversions lock). */
    private static final Set<String> LOCKED_ONCE_RUNNING = Set.of("creativeType", "campaignOptimizationType",
            "conversionTypeId", "conversionIds");
    /** Fields whose change does not need approval again (A2); every other field does. */
    private static final Set<String> APPROVAL_FREE = Set.of("campaignName");

    private final CampaignRepository campaigns;
    private final CampaignReferences references;
    private final TenancyRepository tenancy;
    private final ChangeLog history;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CampaignWriter(CampaignRepository campaigns, CampaignReferences references, TenancyRepository tenancy,
            ChangeLog history, ApplicationEventPublisher events, Clock clock) {
        this.campaigns = campaigns;
        this.references = references;
        this.tenancy = tenancy;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What a write asks for: request fields to set (merged into the stored ones, or replacing them all), a target
     * status, and the reasons that go with a move. The fields are computed from the campaign as read under its
     * lock, so an edit relative to the current value (a budget addition) never loses a concurrent one.
     *
     * @param submit whether the edit submits a draft or re-submits a rejected campaign (IQM's PATCH does)
     */
    record Edit(Function<CampaignSpec, Map<String, JsonNode>> fields, boolean replace, boolean submit,
            CampaignStatus target, String reason, String rejectionReason) {

        /** IQM's PATCH: the fields change and a draft or rejected campaign is (re-)submitted. */
        static Edit patch(Map<String, JsonNode> fields) {
            return new Edit(c -> fields, false, true, null, null, null);
        }

        /** A bulk edit: the fields change, the status only as the rules say. */
        static Edit set(Function<CampaignSpec, Map<String, JsonNode>> fields) {
            return new Edit(fields, false, false, null, null, null);
        }

        /** A draft replaced as a whole; it stays a draft. */
        static Edit replaceDraft(Map<String, JsonNode> fields) {
            return new Edit(c -> fields, true, false, null, null, null);
        }

        /** A status move, with the fields that go with it (a re-run's new end date). */
        static Edit move(CampaignStatus target, String reason, String rejectionReason, Map<String, JsonNode> fields) {
            return new Edit(c -> fields, false, false, target, reason, rejectionReason);
        }

        /** Nothing but what time has done: persists an expiry that is due. */
        static Edit none() {
            return new Edit(c -> Map.of(), false, false, null, null, null);
        }
    }

    private record Step(CampaignStatus from, CampaignStatus to, String reason, Long uowId) {
    }

    /** Creates a campaign (pending, or a draft) from a request; the IO is locked first and its totals follow. */
    Campaign create(Actor actor, long owId, CampaignInput in, boolean draft) {
        return insert(actor, owId, null, in, draft, clock.millis() / 1000, true);
    }

    /**
     * A fixture's campaign (E7), created with its own id as {@link #create} creates one, by {@code actor} (the member
     * who made it, with approval rights), then moved to {@code target} through the state machine, each move recorded
     * as any move is. Its flight is checked as at its start, so a campaign that has started or ended can be restored;
     * it is not auto-approved, since the fixture names its status. A deleted campaign is restored from a draft.
     */
    Campaign restore(Actor actor, long owId, long id, CampaignInput in, CampaignStatus target, String rejectionReason) {
        long nowSec = clock.millis() / 1000;
        Long start = in.all().containsKey("startTime") && in.all().get("startTime").canConvertToLong()
                ? in.all().get("startTime").longValue() : null;
        boolean draft = target == CampaignStatus.DRAFT || target == CampaignStatus.DELETED;
        Campaign c = insert(actor, owId, id, in, draft, start == null ? nowSec : Math.min(nowSec, start), false);
        List<CampaignStatus> path = switch (target) {
            case DRAFT, PENDING -> List.of();
            case RUNNING -> List.of(CampaignStatus.RUNNING);
            case PAUSED -> List.of(CampaignStatus.RUNNING, CampaignStatus.PAUSED);
            case EXPIRED -> List.of(CampaignStatus.RUNNING);
            case REJECTED -> List.of(CampaignStatus.REJECTED);
            case DELETED -> List.of(CampaignStatus.DELETED);
        };
        if (target == CampaignStatus.REJECTED && (rejectionReason == null || rejectionReason.isBlank())) {
            throw ApiException.badRequest("rejectionReason", "A rejected campaign needs its rejectionReason.");
        }
        for (CampaignStatus step : path) {
            String reason = step == CampaignStatus.REJECTED ? rejectionReason.strip() : null;
            c = change(actor, owId, id, Edit.move(step, reason, reason, Map.of()));
        }
        if (target == CampaignStatus.EXPIRED) {
            c = change(actor, owId, id, Edit.none());
            if (c.status() != CampaignStatus.EXPIRED) {
                throw ApiException.badRequest("status", "An expired campaign needs an end (its own or its IO's) that"
                        + " has passed.");
            }
        }
        return c;
    }

    private Campaign insert(Actor actor, long owId, Long fixedId, CampaignInput in, boolean draft, long rulesNowSec,
            boolean autoApproval) {
        long now = clock.millis();
        CampaignSpec checked = draft ? CampaignRules.forDraft(in, rulesNowSec) : CampaignRules.forSubmission(in, rulesNowSec);
        IoFacts io = references.lockIo(owId, checked.ioId());
        if (io.ioStatusId() == InsertionOrder.DELETED) {
            throw CampaignReferences.notTheOrganizations(io.ioId());
        }
        CampaignSpec spec = checked.withBudgetTypeId(checkAgainstIo(checked, io, draft));
        references.checkMasterIds(spec, null);
        references.checkTargets(owId, spec, null);
        references.checkCreatives(owId, spec, !draft);
        CampaignStatus initial = draft ? CampaignStatus.DRAFT : CampaignStatus.PENDING;
        List<Step> steps = new ArrayList<>(List.of(new Step(null, initial, null, actor.uowId())));
        CampaignStatus status = autoApproval ? autoApprove(owId, initial, steps) : initial;
        long id = campaigns.insert(fixedId, owId, actor.uowId(), status, spec, expiresAt(spec, io), now);
        Campaign created = new Campaign(id, owId, io.ioId(), actor.uowId(), status, spec, null, 0, now, now);
        finish(actor, null, created, steps, List.of(), now);
        return created;
    }

    /** Changes a campaign of {@code owId} as {@code edit} asks and answers it as stored; 404 when there is none. */
    Campaign change(Actor actor, long owId, long id, Edit edit) {
        long ioId = campaigns.ioIdOf(owId, id).orElseThrow(CampaignWriter::notFound);
        IoFacts io = references.lockIo(owId, ioId);
        Campaign c = campaigns.lock(owId, id).orElseThrow(CampaignWriter::notFound);
        long now = clock.millis();
        long nowSec = now / 1000;
        List<Step> steps = new ArrayList<>();
        CampaignStatus current = c.status().effective(c.spec().endTime(), io.endSeconds(), nowSec);
        if (current != c.status()) {
            steps.add(new Step(c.status(), current, "end date passed", null));
        }
        Map<String, JsonNode> requested = edit.fields().apply(c.spec());
        boolean hasFields = !requested.isEmpty() || edit.replace();
        if (current == CampaignStatus.DELETED && hasFields) {
            throw ApiException.conflict("status", "A deleted campaign can't be changed; duplicate it instead.");
        }
        if (edit.replace() && current != CampaignStatus.DRAFT) {
            throw ApiException.conflict("status", "Only a draft can be replaced; this campaign is '" + current.code() + "'.");
        }

        CampaignStatus next = current;
        String reason = edit.reason();
        if (edit.target() != null) {
            next = edit.target();
        } else if (edit.submit() && (current == CampaignStatus.DRAFT || current == CampaignStatus.REJECTED)) {
            next = CampaignStatus.PENDING;
        }

        CampaignSpec spec = c.spec();
        List<FieldChange> changed = List.of();
        // A draft leaving draft is checked by the submission rules, even when no field changes with it.
        if (hasFields || (current == CampaignStatus.DRAFT && next != CampaignStatus.DRAFT && next != CampaignStatus.DELETED)) {
            Map<String, JsonNode> before = c.spec().asInput();
            Map<String, JsonNode> merged = new LinkedHashMap<>(edit.replace() ? requested : before);
            if (!edit.replace()) {
                merged.putAll(requested);
            } else {
                // A replaced draft keeps what can't change when the request leaves it out (IQM's PUT example has no ioId).
                for (String field : IMMUTABLE) {
                    if (!requested.containsKey(field) && before.containsKey(field)
                            && !(field.equals("campaignType") && requested.containsKey("campaignTypeId"))) {
                        merged.put(field, before.get(field));
                    }
                }
            }
            checkLockedFields(before, requested, current, edit.replace());
            boolean startChanged = !FieldChange.same(before.get("startTime"), merged.get("startTime"));
            if (startChanged && current.hasRun() && c.spec().startTime() != null && c.spec().startTime() <= nowSec) {
                throw ApiException.badRequest("startTime", "The start of a campaign that has started can't be changed.");
            }
            // The start may lie in the past when it is not being changed (a running campaign's edit).
            long rulesNow = startChanged || current == CampaignStatus.DRAFT ? nowSec
                    : Math.min(nowSec, c.spec().startTime() == null ? nowSec : c.spec().startTime());
            CampaignInput in = CampaignInput.of(merged);
            spec = (next == CampaignStatus.DRAFT ? CampaignRules.forDraft(in, rulesNow)
                    : CampaignRules.forSubmission(in, rulesNow)).withBudgetTypeId(c.spec().budgetTypeId());
            changed = FieldChange.diff(before, spec.asInput());
            if (changed.stream().anyMatch(f -> f.field().equals("endTime")) && spec.endTime() != null) {
                CampaignRules.requireFutureEnd("endTime", spec.endTime(), nowSec);
            }
            if (edit.target() == null && (current == CampaignStatus.RUNNING || current == CampaignStatus.PAUSED)
                    && !actor.canApprove() && changed.stream().anyMatch(f -> !APPROVAL_FREE.contains(f.field()))) {
                next = CampaignStatus.PENDING;
                String fields = String.join(", ", changed.stream().map(FieldChange::field)
                        .filter(f -> !APPROVAL_FREE.contains(f)).toList());
                reason = "changed without approval: " + (fields.length() > 900 ? fields.substring(0, 900) + " ..." : fields);
            }
        }

        // A requested move is made or refused: moving to the state a campaign is already in is a 409 (D15).
        if (next != current || edit.target() != null) {
            authorize(actor, current.moveTo(next), spec, io, nowSec);
            steps.add(new Step(current, next, reason, actor.uowId()));
        }
        if (hasFields || next == CampaignStatus.PENDING) {
            checkAgainstIo(spec, io, next == CampaignStatus.DRAFT);
            boolean submission = next == CampaignStatus.PENDING
                    && (current == CampaignStatus.DRAFT || current == CampaignStatus.REJECTED);
            List<String> fields = changed.stream().map(FieldChange::field).toList();
            references.checkMasterIds(spec, submission ? null : fields);
            references.checkTargets(owId, spec, submission ? null : fields);
            if (submission || fields.contains("creativeIds") || fields.contains("creativeType")) {
                references.checkCreatives(owId, spec, next != CampaignStatus.DRAFT);
            }
        }
        if (next != current && next == CampaignStatus.PENDING) {
            next = autoApprove(owId, next, steps);
        }
        if (steps.isEmpty() && changed.isEmpty()) {
            return c;
        }
        String rejection = next != CampaignStatus.REJECTED ? null
                : edit.rejectionReason() != null ? edit.rejectionReason() : c.rejectionReason();
        if (!campaigns.update(owId, id, c.version(), actor.uowId(), next, spec, rejection, expiresAt(spec, io), now)) {
            throw concurrent();
        }
        Campaign after = new Campaign(id, owId, ioId, c.uowId(), next, spec, rejection, c.version() + 1, c.createdAt(), now);
        finish(actor, c, after, steps, changed, now);
        return after;
    }

    /** When a campaign stops running by time: its own end, else its IO's (D13, D17); null when neither has one. */
    private static Long expiresAt(CampaignSpec spec, IoFacts io) {
        return spec.endTime() != null ? spec.endTime() : io.endSeconds();
    }

    /**
     * Records the steps and the changed fields, keeps the organization's counts by status, adds the budget
     * difference to the IO, and publishes the event.
     */
    private void finish(Actor actor, Campaign before, Campaign after, List<Step> steps, List<FieldChange> fields,
            long now) {
        if (before == null || before.status() != after.status()) {
            if (before != null) {
                campaigns.count(after.owId(), after.id(), before.status(), -1);
            }
            campaigns.count(after.owId(), after.id(), after.status(), 1);
        }
        for (Step s : steps) {
            campaigns.recordStatusChange(after.id(), after.owId(), s.from(), s.to(), s.reason(), s.uowId(), now);
        }
        List<FieldChange> changes = new ArrayList<>();
        if (before == null) {
            changes.addAll(FieldChange.diff(Map.of(), after.spec().asInput()));
        } else {
            changes.addAll(fields);
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        CampaignStatus from = before == null ? null : before.status();
        if (from != after.status()) {
            changes.add(new FieldChange("status", from == null ? null : f.stringNode(from.code()),
                    f.stringNode(after.status().code())));
        }
        String oldRejection = before == null ? null : before.rejectionReason();
        if (!java.util.Objects.equals(oldRejection, after.rejectionReason())) {
            changes.add(new FieldChange("rejectionReason", oldRejection == null ? null : f.stringNode(oldRejection),
                    after.rejectionReason() == null ? null : f.stringNode(after.rejectionReason())));
        }
        if (before == null || changes.stream().anyMatch(c -> c.field().equals("creativeIds"))) {
            campaigns.linkCreatives(after.owId(), after.id(), after.spec().creativeIds());
        }
        if (before == null || changes.stream().anyMatch(c -> c.field().equals("whiteListedAudienceIds"))) {
            campaigns.linkAudiences(after.owId(), after.id(), CampaignIds.anyShape("whiteListedAudienceIds",
                    after.spec().settings().get("whiteListedAudienceIds")));
        }
        ChangeLog.Action action = before == null ? ChangeLog.Action.CREATED
                : after.status() == CampaignStatus.DELETED && from != CampaignStatus.DELETED ? ChangeLog.Action.DELETED
                : ChangeLog.Action.UPDATED;
        history.record(after.owId(), EntityType.CAMPAIGN, after.id(), action, actor, changes, now);
        BigDecimal budget = after.allocatedBudget().subtract(before == null ? BigDecimal.ZERO : before.allocatedBudget());
        long impressions = after.allocatedImpressions() - (before == null ? 0 : before.allocatedImpressions());
        int counted = (after.status() == CampaignStatus.DELETED ? 0 : 1)
                - (before == null || before.status() == CampaignStatus.DELETED ? 0 : 1);
        references.addToIo(after.owId(), after.ioId(), budget, impressions, counted);
        events.publishEvent(new CampaignChanged(after.owId(), after.id(), after.ioId(),
                from == null ? null : from.code(), after.status().code(),
                changes.stream().map(FieldChange::field).toList(), actor.uowId(), now));
    }

    private void checkLockedFields(Map<String, JsonNode> before, Map<String, JsonNode> edit, CampaignStatus current,
            boolean replace) {
        Set<String> fields = new LinkedHashSet<>(edit.keySet());
        if (replace) {
            fields.addAll(IMMUTABLE);
        }
        for (String field : fields) {
            JsonNode now = edit.get(field);
            if (field.equals("campaignTypeId")) {
                field = "campaignType";
            }
            if (now == null || FieldChange.same(now, before.get(field)) || sameId(now, before.get(field))) {
                continue;
            }
            if (IMMUTABLE.contains(field)) {
                throw ApiException.badRequest(field, "Field '" + field + "' can't be changed after creation.");
            }
            if (LOCKED_ONCE_RUNNING.contains(field) && current.hasRun()) {
                throw ApiException.badRequest(field, "Field '" + field + "' can't be changed once the campaign has run.");
            }
        }
    }

    /** 17994 and "17994" name the same id (D7). */
    private static boolean sameId(JsonNode a, JsonNode b) {
        return a != null && b != null && (a.isNumber() || a.isString()) && (b.isNumber() || b.isString())
                && a.asString().equals(b.asString());
    }

    /** Who may make a move (D16), and what a re-run needs (D15). */
    private static void authorize(Actor actor, Move move, CampaignSpec spec, IoFacts io, long nowSec) {
        switch (move) {
            case APPROVE, REJECT -> {
                if (!actor.canApprove()) {
                    throw ApiException.forbidden("Your role may not approve or reject for this organization.");
                }
            }
            case RERUN -> {
                Long end = spec.endTime() != null ? spec.endTime() : io.endSeconds();
                if (end == null || end <= nowSec) {
                    throw ApiException.conflict("endDate",
                            "An expired campaign can run again only after its end date is moved into the future.");
                }
            }
            default -> {
            }
        }
    }

    /** With auto-approval on for the organization (D16), a campaign entering pending runs at once. */
    private CampaignStatus autoApprove(long owId, CampaignStatus status, List<Step> steps) {
        if (status != CampaignStatus.PENDING || !tenancy.organization(owId).orElseThrow().autoApprove()) {
            return status;
        }
        steps.add(new Step(CampaignStatus.PENDING, CampaignStatus.RUNNING, "auto-approved", null));
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

    static ApiException notFound() {
        return ApiException.notFound("campaignId", NOT_FOUND);
    }

    static ApiException concurrent() {
        return new ApiException(HttpStatus.CONFLICT,
                "The campaign was changed by another request at the same time; reload it and retry.");
    }
}
