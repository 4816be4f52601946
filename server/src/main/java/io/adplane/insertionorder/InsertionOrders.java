package io.adplane.insertionorder;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.adplane.api.ApiException;
import io.adplane.api.Money;
import io.adplane.auth.Caller;
import io.adplane.master.Timezones;
import io.adplane.tenancy.TenancyRepository;

/**
 * Insertion orders (iqm-reference §3): the rules, the transactions, and what campaigns need of their IO.
 * An auto-sum IO's total is the sum of its campaigns' budgets (D12); campaign writes lock the IO row first
 * ({@link #lockForCampaign}) and then call {@link #syncAutoSumBudget}, so concurrent writes can't leave a
 * total that differs from the sum.
 */
@Service
public class InsertionOrders {

    static final String INVALID_ID = "Invalid insertion order id.";

    private final InsertionOrderRepository repository;
    private final IoCampaigns campaigns;
    private final Timezones timezones;
    private final TenancyRepository tenancy;
    private final Clock clock;

    InsertionOrders(InsertionOrderRepository repository, @Lazy IoCampaigns campaigns, Timezones timezones,
            TenancyRepository tenancy, Clock clock) {
        this.repository = repository;
        this.campaigns = campaigns;
        this.timezones = timezones;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @Transactional
    public InsertionOrder add(Caller caller, IoRequest r) {
        caller.requireWrite();
        String name = IoRules.name(r.ioName());
        long now = clock.millis();
        IoRules.flight(r.ioStartTime(), r.ioEndTime(), now);
        int type = IoRules.budgetType(r.ioBudgetTypeId());
        int method = IoRules.distributionMethod(r.ioBudgetDistributionMethodId());
        int timezone = timezone(r.ioTimeZoneId() != null ? r.ioTimeZoneId()
                : tenancy.organization(caller.owId()).orElseThrow().timezoneId());
        if (r.ioStatusId() != null && r.ioStatusId() != InsertionOrder.ACTIVE) {
            throw ApiException.badRequest("ioStatusId", "A new IO is active: ioStatusId must be 1.");
        }
        boolean autoSum = r.isAutoSumIoTotalBudget() == null || r.isAutoSumIoTotalBudget();
        BigDecimal budget = IoRules.money("ioTotalBudget", r.ioTotalBudget());
        Long impressions = IoRules.impressions(r.ioTotalImpressions());
        if (autoSum) {
            // D12: the total follows the campaigns; a budget sent alongside is ignored, as the quickstart shows.
            budget = type == InsertionOrder.BUDGET ? BigDecimal.ZERO : null;
        } else if (type == InsertionOrder.BUDGET && budget == null) {
            throw ApiException.badRequest("ioTotalBudget", "ioTotalBudget is required when isAutoSumIoTotalBudget is false.");
        } else if (type == InsertionOrder.IMPRESSIONS && impressions == null) {
            throw ApiException.badRequest("ioTotalImpressions", "ioTotalImpressions is required for an impression-based IO.");
        }
        InsertionOrder io = new InsertionOrder(0, caller.owId(), name, r.ioStartTime(), r.ioEndTime(), budget,
                impressions, timezone, autoSum, method, type, InsertionOrder.ACTIVE, caller.uowId(), caller.uowId(),
                now, now);
        long id = repository.insert(io);
        return repository.find(caller.owId(), id, false).orElseThrow();
    }

    /** The IO as a reader sees it; 422 {@code Invalid insertion order id.} when missing, deleted or foreign. */
    public InsertionOrder get(Caller caller, long ioId) {
        return repository.find(caller.owId(), ioId, false)
                .orElseThrow(() -> ApiException.unprocessable("ioId", INVALID_ID));
    }

    /** A partial update of the editable fields (§3.5); answers the IO's name. */
    @Transactional
    public String patch(Caller caller, long ioId, IoRequest r) {
        caller.requireWrite();
        InsertionOrder io = repository.find(caller.owId(), ioId, true)
                .orElseThrow(() -> ApiException.unprocessable("ioId", "Invalid ioId."));
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
            IoRules.flight(start, end, r.ioEndTime() != null ? clock.millis() : Long.MIN_VALUE);
        }
        boolean autoSum = r.isAutoSumIoTotalBudget() != null ? r.isAutoSumIoTotalBudget() : io.isAutoSumIoTotalBudget();
        BigDecimal budget = io.ioTotalBudget();
        if (r.ioTotalBudget() != null) {
            if (autoSum) {
                throw ApiException.unprocessable("ioTotalBudget", "Cannot update budget when isAutoSum flag is true.");
            }
            budget = IoRules.money("ioTotalBudget", r.ioTotalBudget());
        } else if (!autoSum && budget == null && io.ioBudgetTypeId() == InsertionOrder.BUDGET) {
            throw ApiException.badRequest("ioTotalBudget", "ioTotalBudget is required when isAutoSumIoTotalBudget is false.");
        }
        if (autoSum && io.ioBudgetTypeId() == InsertionOrder.BUDGET) {
            budget = campaigns.allocatedBudget(io.owId(), io.ioId());
        }
        Long impressions = r.ioTotalImpressions() != null ? IoRules.impressions(r.ioTotalImpressions()) : io.ioTotalImpressions();
        int timezone = r.ioTimeZoneId() != null ? timezone(r.ioTimeZoneId()) : io.ioTimeZoneId();
        int method = r.ioBudgetDistributionMethodId() != null ? IoRules.distributionMethod(r.ioBudgetDistributionMethodId())
                : io.ioBudgetDistributionMethodId();
        int status = io.ioStatusId() == InsertionOrder.EXPIRED && (end == null || end > clock.millis())
                ? InsertionOrder.ACTIVE : io.ioStatusId();
        repository.update(new InsertionOrder(io.ioId(), io.owId(), name, start, end, budget, impressions, timezone,
                autoSum, method, io.ioBudgetTypeId(), status, io.createdByUowId(), caller.uowId(), io.createdAt(),
                clock.millis()));
        return name;
    }

    /** Deletes IOs and their campaigns; all or nothing: 422 {@code Invalid IO ids.} when any is not the caller's. */
    @Transactional
    public int delete(Caller caller, List<Long> ioIds) {
        caller.requireWrite();
        Set<Long> ids = new LinkedHashSet<>(ioIds == null ? List.of() : ioIds);
        if (ids.isEmpty()) {
            throw ApiException.unprocessable("ioIdsList", "Invalid IO ids.");
        }
        List<InsertionOrder> found = repository.lockAll(caller.owId(), ids);
        if (found.size() != ids.size()) {
            throw ApiException.unprocessable("ioIdsList", "Invalid IO ids.");
        }
        campaigns.deleteAll(caller, ids);
        long now = clock.millis();
        for (InsertionOrder io : found) {
            repository.update(withStatus(io, InsertionOrder.DELETED, caller.uowId(), now));
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
        InsertionOrder source = repository.find(caller.owId(), ioId, false)
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
        long newId = repository.insert(new InsertionOrder(0, caller.owId(),
                name.length() > 255 ? name.substring(0, 255) : name, ioStartTime, ioEndTime, budget,
                source.ioTotalImpressions(), timezone, autoSum, source.ioBudgetDistributionMethodId(),
                source.ioBudgetTypeId(), InsertionOrder.ACTIVE, caller.uowId(), caller.uowId(), now, now));
        List<Long> copies = ioExistingCampaignIds.isEmpty() ? List.of()
                : campaigns.duplicate(caller, source.ioId(), ioExistingCampaignIds, newId, ioStartTime / 1000,
                        ioEndTime == null ? null : ioEndTime / 1000);
        return new Duplicated(copies, newId);
    }

    /** Sets or adds to the budget (or impressions) of manual IOs (§3.9). */
    @Transactional
    public void updateBudget(Caller caller, List<Long> ioIds, BigDecimal budget, Long impressions, String type) {
        caller.requireWrite();
        List<InsertionOrder> ios = requireAll(caller, ioIds, "IO list can not be empty.");
        String mode = type == null ? "set" : type;
        if (!mode.equals("set") && !mode.equals("add")) {
            throw ApiException.badRequest("budgetUpdateType", "budgetUpdateType must be set or add.");
        }
        if (budget == null && impressions == null) {
            throw ApiException.badRequest("budget", "Send budget or ioTotalImpressions.");
        }
        IoRules.money("budget", budget);
        IoRules.impressions(impressions);
        long now = clock.millis();
        for (InsertionOrder io : ios) {
            BigDecimal total = io.ioTotalBudget();
            Long imps = io.ioTotalImpressions();
            if (budget != null) {
                if (io.ioBudgetTypeId() != InsertionOrder.BUDGET || io.isAutoSumIoTotalBudget()) {
                    throw ApiException.unprocessable("ioIdsList", "IO " + io.ioId()
                            + (io.isAutoSumIoTotalBudget() ? " sums its campaigns' budgets (isAutoSumIoTotalBudget); its budget can't be set."
                                    : " is impression-based; send ioTotalImpressions."));
                }
                total = mode.equals("add") ? (total == null ? budget : total.add(budget)) : budget;
            }
            if (impressions != null) {
                if (io.ioBudgetTypeId() != InsertionOrder.IMPRESSIONS) {
                    throw ApiException.unprocessable("ioIdsList", "IO " + io.ioId() + " is budget-based; send budget.");
                }
                imps = mode.equals("add") ? (imps == null ? impressions : imps + impressions) : impressions;
            }
            repository.update(new InsertionOrder(io.ioId(), io.owId(), io.ioName(), io.ioStartTime(), io.ioEndTime(),
                    total, imps, io.ioTimeZoneId(), io.isAutoSumIoTotalBudget(), io.ioBudgetDistributionMethodId(),
                    io.ioBudgetTypeId(), io.ioStatusId(), io.createdByUowId(), caller.uowId(), io.createdAt(), now));
        }
    }

    /** Moves the end of IOs (§3.10); an expired IO whose end moves into the future is active again. */
    @Transactional
    public void updateEndDate(Caller caller, List<Long> ioIds, Long ioEndTime, Integer ioTimezoneId) {
        caller.requireWrite();
        List<InsertionOrder> ios = requireAll(caller, ioIds, "IO Ids list can not be empty.");
        if (ioEndTime == null) {
            throw ApiException.badRequest("ioEndTime", "Field 'ioEndTime' is required.");
        }
        Integer timezone = ioTimezoneId == null ? null : timezone(ioTimezoneId);
        long now = clock.millis();
        for (InsertionOrder io : ios) {
            IoRules.flight(io.ioStartTime(), ioEndTime, now);
            repository.update(new InsertionOrder(io.ioId(), io.owId(), io.ioName(), io.ioStartTime(), ioEndTime,
                    io.ioTotalBudget(), io.ioTotalImpressions(), timezone == null ? io.ioTimeZoneId() : timezone,
                    io.isAutoSumIoTotalBudget(), io.ioBudgetDistributionMethodId(), io.ioBudgetTypeId(),
                    InsertionOrder.ACTIVE, io.createdByUowId(), caller.uowId(), io.createdAt(), now));
        }
    }

    /** {@code GET /api/v3/cmp/io/campaign/budget-impression/info}. */
    public Map<String, Object> budgetInfo(Caller caller, long ioId) {
        InsertionOrder io = get(caller, ioId);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("totalAllocatedBudget", Money.plain(campaigns.allocatedBudget(io.owId(), io.ioId())));
        m.put("totalSpentBudget", BigDecimal.ZERO);
        m.put("totalAllocatedImpression", campaigns.allocatedImpressions(io.owId(), io.ioId()));
        m.put("totalSpentImpression", 0);
        m.put("totalImpressions", io.ioTotalImpressions());
        m.put("totalBudget", Money.plain(io.ioTotalBudget()));
        return m;
    }

    /** A page of the caller's IOs (§3.6). */
    public IoPage list(Caller caller, IoListRequest r, List<Long> allowedOwIds) {
        return IoList.run(repository, caller, r, allowedOwIds, clock.millis());
    }

    // --- for campaigns (D12, D13)

    /** The caller's non-deleted IO, its row locked for the transaction. */
    public Optional<InsertionOrder> lockForCampaign(long owId, long ioId) {
        return repository.find(owId, ioId, true);
    }

    /** Sets an auto-sum IO's total to the sum of its campaigns; call with the IO locked, after the campaign write. */
    public void syncAutoSumBudget(long owId, long ioId) {
        repository.find(owId, ioId, false)
                .filter(io -> io.isAutoSumIoTotalBudget() && io.ioBudgetTypeId() == InsertionOrder.BUDGET)
                .ifPresent(io -> repository.setTotalBudget(owId, ioId, campaigns.allocatedBudget(owId, ioId)));
    }

    /** Persists IO expiry (D17); one statement. */
    int expireDue() {
        return repository.expire(clock.millis());
    }

    private List<InsertionOrder> requireAll(Caller caller, List<Long> ioIds, String emptyMessage) {
        if (ioIds == null || ioIds.isEmpty()) {
            throw ApiException.unprocessable("ioIdsList", emptyMessage);
        }
        Set<Long> ids = new LinkedHashSet<>(ioIds);
        List<InsertionOrder> ios = repository.lockAll(caller.owId(), ids);
        if (ios.size() != ids.size()) {
            throw ApiException.unprocessable("ioIdsList", "Invalid IO ids.");
        }
        return new ArrayList<>(ios);
    }

    private int timezone(int id) {
        if (!timezones.exists(id)) {
            throw ApiException.badRequest("ioTimeZoneId", "Invalid timezone id.");
        }
        return id;
    }

    private static InsertionOrder withStatus(InsertionOrder io, int status, long uowId, long now) {
        return new InsertionOrder(io.ioId(), io.owId(), io.ioName(), io.ioStartTime(), io.ioEndTime(), io.ioTotalBudget(),
                io.ioTotalImpressions(), io.ioTimeZoneId(), io.isAutoSumIoTotalBudget(), io.ioBudgetDistributionMethodId(),
                io.ioBudgetTypeId(), status, io.createdByUowId(), uowId, io.createdAt(), now);
    }
}
