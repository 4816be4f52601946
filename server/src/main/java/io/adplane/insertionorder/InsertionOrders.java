package io.adplane.insertionorder;

import org.jspecify.annotations.Nullable;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.adplane.api.ApiException;
import io.adplane.api.Limits;
import io.adplane.api.Money;
import io.adplane.auth.Caller;
import io.adplane.history.Actor;
import io.adplane.history.ChangeLog;
import io.adplane.history.EntityType;
import io.adplane.master.Timezones;
import io.adplane.tenancy.TenancyRepository;

/**
 * Insertion orders (iqm-reference §3): the rules, the transactions, and what campaigns need of their IO.
 * An auto-sum IO's total is the sum of its campaigns' budgets (D12); campaign writes lock the IO row first
 * ({@link #lockForCampaign}) and add their difference ({@link #addAllocation}), so concurrent writes can't leave
 * a total that differs from the sum, and no write re-sums an IO's campaigns. Every change of an IO goes through
 * {@link InsertionOrderWriter}.
 */
@Service
public class InsertionOrders {

    static final String INVALID_ID = "Invalid insertion order id.";

    private final InsertionOrderRepository repository;
    private final InsertionOrderWriter writer;
    private final IoCampaigns campaigns;
    private final IoSpend spend;
    private final Timezones timezones;
    private final TenancyRepository tenancy;
    private final ChangeLog history;
    private final TransactionTemplate tx;
    private final Clock clock;

    InsertionOrders(InsertionOrderRepository repository, InsertionOrderWriter writer, @Lazy IoCampaigns campaigns,
            Timezones timezones, TenancyRepository tenancy, ChangeLog history, TransactionTemplate tx, Clock clock,
            @Lazy IoSpend spend) {
        this.spend = spend;
        this.repository = repository;
        this.writer = writer;
        this.campaigns = campaigns;
        this.timezones = timezones;
        this.tenancy = tenancy;
        this.history = history;
        this.tx = tx;
        this.clock = clock;
    }

    @Transactional
    public InsertionOrder add(Caller caller, IoRequest r) {
        caller.requireWrite();
        return create(Actor.of(caller), caller.owId(), 0, r, clock.millis());
    }

    /**
     * A fixture's IO (E7): created under its own id by the member {@code uowId} with the rules of {@link #add}, its
     * flight checked as at its start (so an IO that has started or ended can be restored). Its status is applied
     * by {@link #settleRestored} once its campaigns are restored: an IO's campaigns are made before it is deleted.
     */
    @Transactional
    public InsertionOrder restore(long ioId, long owId, long uowId, IoRequest r) {
        if (r.ioStatusId() != null && (r.ioStatusId() < InsertionOrder.ACTIVE || r.ioStatusId() > InsertionOrder.DELETED)) {
            throw ApiException.badRequest("ioStatusId", "ioStatusId must be 1 (active), 2 (expired) or 3 (deleted).");
        }
        long now = clock.millis();
        long asAtStart = r.ioStartTime() == null ? now : Math.min(now, r.ioStartTime());
        return create(restorer(uowId), owId, ioId, new IoRequest(r.ioName(), r.ioStartTime(), r.ioEndTime(),
                r.ioTotalBudget(), r.ioTimeZoneId(), r.isAutoSumIoTotalBudget(), r.ioBudgetTypeId(),
                r.ioBudgetDistributionMethodId(), r.ioTotalImpressions(), null), asAtStart);
    }

    /**
     * Moves a restored IO to the fixture's {@code ioStatusId} (E7): 2 needs an end that has passed (the move the
     * expiry job makes), 3 an IO whose campaigns are all deleted (the API deletes them with it).
     */
    @Transactional
    public void settleRestored(long owId, long ioId, long uowId, int ioStatusId) {
        if (ioStatusId == InsertionOrder.ACTIVE) {
            return;
        }
        writer.change(restorer(uowId), owId, ioId, io -> {
            if (ioStatusId == InsertionOrder.EXPIRED && io.effectiveStatusId(clock.millis()) != InsertionOrder.EXPIRED) {
                throw ApiException.badRequest("ioStatusId", "An expired IO needs an ioEndTime that has passed.");
            }
            if (ioStatusId == InsertionOrder.DELETED && repository.allocatedCampaigns(owId, ioId) > 0) {
                throw ApiException.badRequest("ioStatusId", "A deleted IO's campaigns are deleted too.");
            }
            return io.withStatus(ioStatusId);
        }, () -> ApiException.unprocessable("ioId", INVALID_ID));
    }

    /** Every IO, by id, with the status a reader sees: for the emulator's export (E7) only. */
    public List<InsertionOrder> exportAll() {
        long now = clock.millis();
        return repository.everyIo().stream().map(io -> io.withStatus(io.effectiveStatusId(now))).toList();
    }

    /** The organization of the IO with this id, whichever it is; empty when there is none. */
    public Optional<Long> ownerOf(long ioId) {
        return repository.ownerOf(ioId);
    }

    /** The member a fixture names as an IO's creator, acting with approval rights. */
    private static Actor restorer(long uowId) {
        return new Actor(uowId, org.slf4j.MDC.get(Actor.REQUEST_ID), true);
    }

    private InsertionOrder create(Actor actor, long owId, long fixedId, IoRequest r, long flightNow) {
        String name = IoRules.name(r.ioName());
        long now = clock.millis();
        IoRules.flight(r.ioStartTime(), r.ioEndTime(), flightNow);
        int type = IoRules.budgetType(r.ioBudgetTypeId());
        int method = IoRules.distributionMethod(r.ioBudgetDistributionMethodId());
        int timezone = timezone(r.ioTimeZoneId() != null ? r.ioTimeZoneId()
                : tenancy.organization(owId).orElseThrow().timezoneId());
        if (r.ioStatusId() != null && r.ioStatusId() != InsertionOrder.ACTIVE) {
            throw ApiException.badRequest("ioStatusId", "A new IO is active: ioStatusId must be 1.");
        }
        boolean autoSum = r.isAutoSumIoTotalBudget() == null || r.isAutoSumIoTotalBudget();
        BigDecimal budget = Limits.money("ioTotalBudget", r.ioTotalBudget());
        Long impressions = IoRules.impressions(r.ioTotalImpressions());
        if (autoSum) {
            // D12: the total follows the campaigns; a budget sent alongside is ignored, as the quickstart shows.
            budget = type == InsertionOrder.BUDGET ? BigDecimal.ZERO : null;
        } else if (type == InsertionOrder.BUDGET && budget == null) {
            throw ApiException.badRequest("ioTotalBudget", "ioTotalBudget is required when isAutoSumIoTotalBudget is false.");
        } else if (type == InsertionOrder.IMPRESSIONS && impressions == null) {
            throw ApiException.badRequest("ioTotalImpressions", "ioTotalImpressions is required for an impression-based IO.");
        }
        return writer.create(actor, new InsertionOrder(fixedId, owId, name, r.ioStartTime(), r.ioEndTime(),
                budget, impressions, timezone, autoSum, method, type, InsertionOrder.ACTIVE, actor.uowId(),
                actor.uowId(), now, now, BigDecimal.ZERO, 0));
    }

    /** The IO as a reader sees it; 422 {@code Invalid insertion order id.} when missing, deleted or foreign. */
    public InsertionOrder get(Caller caller, long ioId) {
        return repository.find(caller.owId(), ioId, false, false)
                .orElseThrow(() -> ApiException.unprocessable("ioId", INVALID_ID));
    }

    /**
     * A partial update of the editable fields (§3.5); answers the IO's name. With auto-sum on, a total budget
     * sent alongside is ignored, as on create (D12).
     */
    @Transactional
    public String patch(Caller caller, long ioId, IoRequest r) {
        caller.requireWrite();
        long now = clock.millis();
        return writer.change(Actor.of(caller), caller.owId(), ioId, io -> {
            if (r.ioBudgetTypeId() != null && r.ioBudgetTypeId() != io.ioBudgetTypeId()) {
                throw ApiException.badRequest("ioBudgetTypeId", "The budget type of an IO can't be changed.");
            }
            if (r.ioStatusId() != null && r.ioStatusId() != io.ioStatusId()) {
                throw ApiException.badRequest("ioStatusId", "ioStatusId can't be set; delete the IO or move its end date.");
            }
            String name = r.ioName() != null ? IoRules.name(r.ioName()) : io.ioName();
            long start = r.ioStartTime() != null ? r.ioStartTime() : io.ioStartTime();
            Long end = r.ioEndTime() != null ? r.ioEndTime() : io.ioEndTime();
            if (r.ioStartTime() != null || r.ioEndTime() != null) {
                IoRules.flight(start, end, r.ioEndTime() != null ? now : Long.MIN_VALUE);
            }
            boolean autoSum = r.isAutoSumIoTotalBudget() != null ? r.isAutoSumIoTotalBudget() : io.isAutoSumIoTotalBudget();
            BigDecimal budget = io.ioTotalBudget();
            if (r.ioTotalBudget() != null && !autoSum) {
                budget = Limits.money("ioTotalBudget", r.ioTotalBudget());
            } else if (!autoSum && io.isAutoSumIoTotalBudget() && io.ioBudgetTypeId() == InsertionOrder.BUDGET) {
                throw ApiException.badRequest("ioTotalBudget", "ioTotalBudget is required when isAutoSumIoTotalBudget is false.");
            }
            Long impressions = r.ioTotalImpressions() != null ? IoRules.impressions(r.ioTotalImpressions()) : io.ioTotalImpressions();
            int timezone = r.ioTimeZoneId() != null ? timezone(r.ioTimeZoneId()) : io.ioTimeZoneId();
            int method = r.ioBudgetDistributionMethodId() != null ? IoRules.distributionMethod(r.ioBudgetDistributionMethodId())
                    : io.ioBudgetDistributionMethodId();
            int status = io.ioStatusId() == InsertionOrder.EXPIRED && (end == null || end > now)
                    ? InsertionOrder.ACTIVE : io.ioStatusId();
            return io.with(name, start, end, budget, impressions, timezone, autoSum, method, status);
        }, () -> ApiException.unprocessable("ioId", "Invalid ioId.")).ioName();
    }

    /** Deletes IOs and their campaigns; all or nothing: 422 {@code Invalid IO ids.} when any is not the caller's. */
    @Transactional
    public int delete(Caller caller, List<Long> ioIds) {
        caller.requireWrite();
        List<InsertionOrder> found = requireAll(caller, ioIds, "Invalid IO ids.");
        List<Long> ids = found.stream().map(InsertionOrder::ioId).toList();
        campaigns.deleteAll(caller, ids);
        for (long id : ids) {
            writer.change(Actor.of(caller), caller.owId(), id, io -> io.withStatus(InsertionOrder.DELETED), IoRules::invalidIds);
        }
        return found.size();
    }

    /** What duplicating an IO answers. */
    public record Duplicated(List<Long> duplicatedCampaignIds, long duplicatedIoId) {
    }

    @Transactional
    public Duplicated duplicate(Caller caller, Long ioId, Integer ioTimeZoneId, Long ioStartTime, Long ioEndTime,
            List<Long> ioExistingCampaignIds) {
        caller.requireWrite();
        if (ioId == null) {
            throw ApiException.badRequest("ioId", "Field 'ioId' is required.");
        }
        if (ioExistingCampaignIds == null) {
            throw ApiException.badRequest("ioExistingCampaignIds", "Field 'ioExistingCampaignIds' is required (it may be empty).");
        }
        Limits.ids("ioExistingCampaignIds", ioExistingCampaignIds);
        InsertionOrder source = repository.find(caller.owId(), ioId, false, false)
                .orElseThrow(() -> ApiException.unprocessable("ioId", INVALID_ID));
        if (ioStartTime == null) {
            throw ApiException.unprocessable("ioStartTime", "Start date is mandatory ");
        }
        long now = clock.millis();
        if (source.effectiveStatusId(now) == InsertionOrder.EXPIRED && ioEndTime == null) {
            throw ApiException.unprocessable("ioEndTime", "End date is mandatory for expired IO");
        }
        IoRules.flight(ioStartTime, ioEndTime, now);
        int timezone = ioTimeZoneId != null ? timezone(ioTimeZoneId) : source.ioTimeZoneId();
        String name = source.ioName() + " copy";
        boolean autoSum = source.isAutoSumIoTotalBudget();
        BigDecimal budget = !autoSum ? source.ioTotalBudget()
                : source.ioBudgetTypeId() == InsertionOrder.BUDGET ? BigDecimal.ZERO : null;
        InsertionOrder copy = writer.create(Actor.of(caller), new InsertionOrder(0, caller.owId(),
                name.length() > Limits.NAME ? name.substring(0, Limits.NAME) : name, ioStartTime, ioEndTime, budget,
                source.ioTotalImpressions(), timezone, autoSum, source.ioBudgetDistributionMethodId(),
                source.ioBudgetTypeId(), InsertionOrder.ACTIVE, caller.uowId(), caller.uowId(), now, now,
                BigDecimal.ZERO, 0));
        List<Long> copies = ioExistingCampaignIds.isEmpty() ? List.of()
                : campaigns.duplicate(caller, source.ioId(), ioExistingCampaignIds, copy.ioId(), ioStartTime / 1000,
                        ioEndTime == null ? null : ioEndTime / 1000);
        return new Duplicated(copies, copy.ioId());
    }

    /** Sets or adds to the budget (or impressions) of manual IOs (§3.9); all or nothing. */
    @Transactional
    public void updateBudget(Caller caller, List<Long> ioIds, BigDecimal budget, Long impressions, String type) {
        caller.requireWrite();
        String mode = type == null ? "set" : type;
        if (!mode.equals("set") && !mode.equals("add")) {
            throw ApiException.badRequest("budgetUpdateType", "budgetUpdateType must be set or add.");
        }
        if (budget == null && impressions == null) {
            throw ApiException.badRequest("budget", "Send budget or ioTotalImpressions.");
        }
        Limits.money("budget", budget);
        IoRules.impressions(impressions);
        for (InsertionOrder locked : requireAll(caller, ioIds, "IO list can not be empty.")) {
            writer.change(Actor.of(caller), caller.owId(), locked.ioId(), io -> {
                BigDecimal total = io.ioTotalBudget();
                Long imps = io.ioTotalImpressions();
                if (budget != null) {
                    if (io.ioBudgetTypeId() != InsertionOrder.BUDGET || io.isAutoSumIoTotalBudget()) {
                        throw ApiException.unprocessable("ioIdsList", "IO " + io.ioId()
                                + (io.isAutoSumIoTotalBudget() ? " sums its campaigns' budgets (isAutoSumIoTotalBudget); its budget can't be set."
                                        : " is impression-based; send ioTotalImpressions."));
                    }
                    total = mode.equals("add") ? Limits.total("budget", (total == null ? BigDecimal.ZERO : total).add(budget))
                            : budget;
                }
                if (impressions != null) {
                    if (io.ioBudgetTypeId() != InsertionOrder.IMPRESSIONS) {
                        throw ApiException.unprocessable("ioIdsList", "IO " + io.ioId() + " is budget-based; send budget.");
                    }
                    imps = mode.equals("add") ? IoRules.impressions(Math.addExact(imps == null ? 0 : imps, impressions))
                            : impressions;
                }
                return io.with(io.ioName(), io.ioStartTime(), io.ioEndTime(), total, imps, io.ioTimeZoneId(),
                        io.isAutoSumIoTotalBudget(), io.ioBudgetDistributionMethodId(), io.ioStatusId());
            }, IoRules::invalidIds);
        }
    }

    /** Moves the end of IOs (§3.10), not before their campaigns' (D13); an expired IO whose end moves into the future is active again. */
    @Transactional
    public void updateEndDate(Caller caller, List<Long> ioIds, Long ioEndTime, Integer ioTimezoneId) {
        caller.requireWrite();
        if (ioEndTime == null) {
            throw ApiException.badRequest("ioEndTime", "Field 'ioEndTime' is required.");
        }
        Integer timezone = ioTimezoneId == null ? null : timezone(ioTimezoneId);
        long now = clock.millis();
        for (InsertionOrder locked : requireAll(caller, ioIds, "IO Ids list can not be empty.")) {
            writer.change(Actor.of(caller), caller.owId(), locked.ioId(), io -> {
                IoRules.flight(io.ioStartTime(), ioEndTime, now);
                return io.with(io.ioName(), io.ioStartTime(), ioEndTime, io.ioTotalBudget(), io.ioTotalImpressions(),
                        timezone == null ? io.ioTimeZoneId() : timezone, io.isAutoSumIoTotalBudget(),
                        io.ioBudgetDistributionMethodId(), InsertionOrder.ACTIVE);
            }, IoRules::invalidIds);
        }
    }

    /** What {@code GET /api/v3/cmp/io/campaign/budget-impression/info} answers. */
    @JsonPropertyOrder({"totalAllocatedBudget", "totalSpentBudget", "totalAllocatedImpression", "totalSpentImpression",
            "totalImpressions", "totalBudget"})
    public record BudgetInfo(BigDecimal totalAllocatedBudget, BigDecimal totalSpentBudget, long totalAllocatedImpression,
            long totalSpentImpression, @Nullable Long totalImpressions, @Nullable BigDecimal totalBudget) {
    }

    /** {@code GET /api/v3/cmp/io/campaign/budget-impression/info}: from the IO's row and its delivery rollup, O(1). */
    public BudgetInfo budgetInfo(Caller caller, long ioId) {
        InsertionOrder io = get(caller, ioId);
        IoSpend.Spent spent = spend.of(caller.owId(), ioId);
        return new BudgetInfo(Money.plain(io.allocatedBudget()), Money.plain(spent.budget()), io.allocatedImpressions(),
                spent.impressions(), io.ioTotalImpressions(), Money.plain(io.ioTotalBudget()));
    }

    /** A page of the caller's IOs (§3.6). */
    public IoPage list(Caller caller, IoListRequest r, List<Long> allowedOwIds) {
        return IoList.run(repository, caller, r, allowedOwIds, clock.millis());
    }

    /** The IO's change history, newest first ({@code GET /api/v3/cmp/io/{id}/changes}); deleted IOs keep theirs. */
    public ChangeLog.Page changes(Caller caller, long ioId, Integer pageNo, Integer noOfEntries) {
        repository.find(caller.owId(), ioId, false, true).orElseThrow(() -> ApiException.unprocessable("ioId", INVALID_ID));
        return history.page(caller.owId(), EntityType.IO, ioId, pageNo, noOfEntries);
    }

    // --- for campaigns (D12, D13)

    /** The caller's IO (deleted ones too), its row locked for the transaction: every campaign write takes it first. */
    public Optional<InsertionOrder> lockForCampaign(long owId, long ioId) {
        return repository.find(owId, ioId, true, true);
    }

    /**
     * Adds a campaign write's difference to the IO's allocation (and auto-sum total) and to its count of campaigns
     * that are not deleted ({@code campaigns}: +1, 0 or -1); call with the IO locked.
     */
    public void addAllocation(long owId, long ioId, BigDecimal budget, long impressions, int campaigns) {
        writer.addAllocation(owId, ioId, budget, impressions, campaigns);
    }

    /** Persists IO expiry (D17) through the write path, in bounded batches; the number this instance moved. */
    int expireDue() {
        int moved = 0;
        List<long[]> due;
        do {
            due = repository.dueForExpiry(clock.millis(), 500);
            for (long[] d : due) {
                Integer status = tx.execute(s -> writer.change(Actor.server(), d[0], d[1],
                        io -> io.effectiveStatusId(clock.millis()) == InsertionOrder.EXPIRED
                                ? io.withStatus(InsertionOrder.EXPIRED) : io,
                        () -> ApiException.unprocessable("ioId", INVALID_ID)).ioStatusId());
                moved += status == InsertionOrder.EXPIRED ? 1 : 0;
            }
        } while (due.size() == 500);
        return moved;
    }

    private List<InsertionOrder> requireAll(Caller caller, List<Long> ioIds, String emptyMessage) {
        if (ioIds == null || ioIds.isEmpty()) {
            throw ApiException.unprocessable("ioIdsList", emptyMessage);
        }
        Limits.ids("ioIdsList", ioIds);
        Set<Long> ids = new LinkedHashSet<>(ioIds);
        List<InsertionOrder> ios = repository.lockAll(caller.owId(), ids);
        if (ios.size() != ids.size()) {
            throw IoRules.invalidIds();
        }
        return new ArrayList<>(ios);
    }

    private int timezone(int id) {
        if (!timezones.exists(id)) {
            throw ApiException.badRequest("ioTimeZoneId", "Invalid timezone id.");
        }
        return id;
    }
}
