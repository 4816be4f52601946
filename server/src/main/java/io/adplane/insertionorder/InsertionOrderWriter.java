package io.adplane.insertionorder;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import io.adplane.api.ApiException;
import io.adplane.api.Limits;
import io.adplane.history.Actor;
import io.adplane.history.ChangeLog;
import io.adplane.history.EntityType;
import io.adplane.history.FieldChange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The one write path of insertion orders, in the caller's transaction: every change locks the IO's row first
 * (the lock campaign writes take too), checks a moved flight against the IO's campaigns (D13), records the
 * changed fields (change history) and publishes {@link InsertionOrderChanged}. The allocation (what the
 * campaigns add up to, D12) changes only by {@link #addAllocation}, a delta the campaign write path adds.
 */
@Component
class InsertionOrderWriter {

    private final InsertionOrderRepository repository;
    private final IoCampaigns campaigns;
    private final ChangeLog history;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InsertionOrderWriter(InsertionOrderRepository repository, @Lazy IoCampaigns campaigns, ChangeLog history,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.campaigns = campaigns;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    InsertionOrder create(Actor actor, InsertionOrder io) {
        long id = repository.insert(io);
        InsertionOrder created = repository.find(io.owId(), id, false, false).orElseThrow();
        finish(actor, null, created);
        return created;
    }

    /**
     * Changes a non-deleted IO of {@code owId} as {@code edit} asks; {@code missing} is the error for an IO that
     * is not there (IQM's message differs per endpoint).
     */
    InsertionOrder change(Actor actor, long owId, long ioId, UnaryOperator<InsertionOrder> edit,
            java.util.function.Supplier<ApiException> missing) {
        InsertionOrder io = repository.find(owId, ioId, true, false).orElseThrow(missing);
        InsertionOrder edited = edit.apply(io);
        long now = clock.millis();
        InsertionOrder after = new InsertionOrder(io.ioId(), io.owId(), edited.ioName(), edited.ioStartTime(),
                edited.ioEndTime(), edited.sumsCampaigns() ? io.allocatedBudget() : edited.ioTotalBudget(),
                edited.ioTotalImpressions(), edited.ioTimeZoneId(), edited.isAutoSumIoTotalBudget(),
                edited.ioBudgetDistributionMethodId(), io.ioBudgetTypeId(), edited.ioStatusId(), io.createdByUowId(),
                actor.uowId() == null ? io.modifiedByUowId() : actor.uowId(), io.createdAt(), now,
                io.allocatedBudget(), io.allocatedImpressions());
        if (after.ioStatusId() != InsertionOrder.DELETED
                && (after.ioStartTime() != io.ioStartTime() || !java.util.Objects.equals(after.ioEndTime(), io.ioEndTime()))) {
            checkCampaignFlights(after);
        }
        if (FieldChange.diff(input(io), input(after)).isEmpty()) {
            return io;
        }
        repository.update(after);
        if (!java.util.Objects.equals(after.ioEndTime(), io.ioEndTime())) {
            campaigns.endMoved(io.owId(), io.ioId(), after.ioEndTime());
        }
        finish(actor, io, after);
        return after;
    }

    /** D13: the IO's flight still holds every campaign's flight. */
    private void checkCampaignFlights(InsertionOrder io) {
        IoCampaigns.Flights f = campaigns.flights(io.owId(), io.ioId());
        if (f.earliestStart() != null && io.ioStartTime() / 1000 > f.earliestStart()) {
            throw ApiException.unprocessable("ioStartTime", "IO start time can't be after the start of its campaigns");
        }
        if (io.ioEndTime() != null && f.latestEnd() != null && io.ioEndTime() / 1000 < f.latestEnd()) {
            throw ApiException.unprocessable("ioEndTime", "IO end time can't be before the end of its campaigns");
        }
        if (io.ioEndTime() != null && f.latestStart() != null && io.ioEndTime() / 1000 <= f.latestStart()) {
            throw ApiException.unprocessable("ioEndTime", "IO end time can't be before the start of its campaigns");
        }
    }

    /**
     * Adds a campaign write's difference to the (locked) IO's allocation and count of campaigns; 400 when the sum
     * would pass the bound.
     */
    void addAllocation(long owId, long ioId, BigDecimal budget, long impressions, int campaigns) {
        if (!repository.addAllocation(owId, ioId, budget, impressions, campaigns, Limits.MAX_MONEY)) {
            throw ApiException.badRequest("budgetTotal", "The campaigns of IO " + ioId + " would have a total budget above "
                    + Limits.MAX_MONEY.toPlainString() + ".");
        }
    }

    private void finish(Actor actor, InsertionOrder before, InsertionOrder after) {
        List<FieldChange> changes = FieldChange.diff(before == null ? Map.of() : input(before), input(after));
        ChangeLog.Action action = before == null ? ChangeLog.Action.CREATED
                : after.ioStatusId() == InsertionOrder.DELETED ? ChangeLog.Action.DELETED : ChangeLog.Action.UPDATED;
        history.record(after.owId(), EntityType.IO, after.ioId(), action, actor, changes, after.modifiedAt());
        events.publishEvent(new InsertionOrderChanged(after.owId(), after.ioId(),
                changes.stream().map(FieldChange::field).toList(), actor.uowId(), after.modifiedAt()));
    }

    /**
     * An IO in the request's field names. An auto-sum IO's total is left out: it follows its campaigns, whose
     * own history shows each change.
     */
    private static Map<String, JsonNode> input(InsertionOrder io) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Map<String, JsonNode> m = new LinkedHashMap<>();
        m.put("ioName", f.stringNode(io.ioName()));
        m.put("ioStartTime", f.numberNode(io.ioStartTime()));
        m.put("ioEndTime", io.ioEndTime() == null ? null : f.numberNode(io.ioEndTime()));
        m.put("ioTotalBudget", io.sumsCampaigns() || io.ioTotalBudget() == null ? null : f.numberNode(io.ioTotalBudget()));
        m.put("ioTotalImpressions", io.ioTotalImpressions() == null ? null : f.numberNode(io.ioTotalImpressions()));
        m.put("ioTimeZoneId", f.numberNode(io.ioTimeZoneId()));
        m.put("isAutoSumIoTotalBudget", f.booleanNode(io.isAutoSumIoTotalBudget()));
        m.put("ioBudgetTypeId", f.numberNode(io.ioBudgetTypeId()));
        m.put("ioBudgetDistributionMethodId", f.numberNode(io.ioBudgetDistributionMethodId()));
        m.put("ioStatusId", f.numberNode(io.ioStatusId()));
        return m;
    }
}
