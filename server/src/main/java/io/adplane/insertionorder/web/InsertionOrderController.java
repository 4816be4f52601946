package io.adplane.insertionorder.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.Idempotency;
import io.adplane.api.Money;
import io.adplane.api.V3Response;
import io.adplane.auth.Caller;
import io.adplane.history.ChangeLog;
import io.adplane.insertionorder.InsertionOrder;
import io.adplane.insertionorder.InsertionOrders;
import io.adplane.insertionorder.IoListRequest;
import io.adplane.insertionorder.IoRequest;
import io.adplane.tenancy.TenancyRepository;

/** IQM's IO endpoints (iqm-reference §3): the seed's Step 2 and everything around it. */
@RestController
class InsertionOrderController {

    private final InsertionOrders insertionOrders;
    private final Idempotency idempotency;
    private final TenancyRepository tenancy;
    private final java.time.Clock clock;

    InsertionOrderController(InsertionOrders insertionOrders, Idempotency idempotency, TenancyRepository tenancy,
            java.time.Clock clock) {
        this.insertionOrders = insertionOrders;
        this.idempotency = idempotency;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @PostMapping("/api/v3/cmp/io/add")
    ResponseEntity<?> add(Caller caller, @RequestBody IoRequest body,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.once(caller.owId(), caller.userId(), key, Map.of("ioAdd", body),
                () -> V3Response.ok(view(insertionOrders.add(caller, body), true)));
    }

    @GetMapping("/api/v3/cmp/io/{ioId}")
    V3Response<Map<String, Object>> get(Caller caller, @PathVariable long ioId) {
        return V3Response.ok(view(insertionOrders.get(caller, ioId), false));
    }

    @PatchMapping("/api/v3/cmp/io/{ioId}")
    V3Response<String> patch(Caller caller, @PathVariable long ioId, @RequestBody IoRequest body) {
        return V3Response.ok(insertionOrders.patch(caller, ioId, body) + " saved successfully.");
    }

    @PostMapping("/api/v3/cmp/io/basic/list")
    V3Response<Map<String, Object>> list(Caller caller, @RequestBody IoListRequest body) {
        var page = insertionOrders.list(caller, body, tenancy.allowedOwIds(caller.userId(), caller.workspaceId()));
        long now = clock.millis();
        List<Map<String, Object>> rows = page.rows().stream().map(io -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ioId", io.ioId());
            m.put("ioName", io.ioName());
            m.put("ioStartTime", io.ioStartTime());
            m.put("ioEndTime", io.ioEndTime());
            m.put("ioTimeZoneId", io.ioTimeZoneId());
            m.put("ioTotalBudget", io.ioTotalBudget() == null ? java.math.BigDecimal.ZERO : Money.plain(io.ioTotalBudget()));
            m.put("ioBudgetDistributionMethodId", io.ioBudgetDistributionMethodId());
            m.put("ioBudgetTypeId", io.ioBudgetTypeId());
            m.put("ioStatusId", io.effectiveStatusId(now));
            // F13: 0 for a budget-based IO, as IQM's list answers it.
            m.put("ioTotalImpressions", io.ioTotalImpressions() == null ? 0L : io.ioTotalImpressions());
            m.put("isAutoSumIoTotalBudget", io.isAutoSumIoTotalBudget());
            m.put("owId", io.owId());
            return m;
        }).toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("totalRecords", page.totalRecords());
        data.put("ioBasicDetailsList", rows);
        data.put("filteredRecords", page.filteredRecords());
        return V3Response.ok(data);
    }

    record DeleteRequest(List<Long> ioIdsList, List<Long> owIdsList) {
    }

    /** {@code owIdsList} is ignored: the caller's organization is used, as IQM's notes say. */
    @PostMapping("/api/v3/cmp/io/delete")
    V3Response<String> delete(Caller caller, @RequestBody DeleteRequest body) {
        int n = insertionOrders.delete(caller, body.ioIdsList());
        return V3Response.ok(n + (n == 1 ? " Insertion Order" : " Insertion Orders") + " deleted successfully");
    }

    record DuplicateRequest(Long ioId, Integer ioTimeZoneId, Long ioStartTime, Long ioEndTime,
            List<Long> ioExistingCampaignIds) {
    }

    @PostMapping("/api/v3/cmp/io/duplicate")
    ResponseEntity<?> duplicate(Caller caller, @RequestBody DuplicateRequest body,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.once(caller.owId(), caller.userId(), key, Map.of("ioDuplicate", body), () -> {
            var result = insertionOrders.duplicate(caller, body.ioId(), body.ioTimeZoneId(), body.ioStartTime(),
                    body.ioEndTime(), body.ioExistingCampaignIds());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("duplicatedCampaignIds", result.duplicatedCampaignIds());
            data.put("duplicatedIoId", result.duplicatedIoId());
            return V3Response.ok(data);
        });
    }

    record BudgetRequest(List<Long> ioIdsList, BigDecimal budget, Long ioTotalImpressions, String budgetUpdateType,
            Long ioOwId, Integer ioBudgetTypeId) {
    }

    @PatchMapping("/api/v3/cmp/io/update-budget")
    V3Response<String> updateBudget(Caller caller, @RequestBody BudgetRequest body) {
        insertionOrders.updateBudget(caller, body.ioIdsList(), body.budget(), body.ioTotalImpressions(),
                body.budgetUpdateType());
        return V3Response.ok("Budget updated successfully");
    }

    record EndDateRequest(List<Long> ioIdsList, Long ioEndTime, Integer ioTimezoneId, Long ioOwId) {
    }

    @PatchMapping("/api/v3/cmp/io/update-end-date")
    V3Response<String> updateEndDate(Caller caller, @RequestBody EndDateRequest body) {
        insertionOrders.updateEndDate(caller, body.ioIdsList(), body.ioEndTime(), body.ioTimezoneId());
        return V3Response.ok("EndDate updated successfully");
    }

    @GetMapping("/api/v3/cmp/io/campaign/budget-impression/info")
    V3Response<InsertionOrders.BudgetInfo> budgetInfo(Caller caller, @RequestParam long ioId) {
        return V3Response.ok(insertionOrders.budgetInfo(caller, ioId));
    }

    /** The IO's change history (beyond IQM): who changed which fields when, newest first. */
    @GetMapping("/api/v3/cmp/io/{ioId}/changes")
    V3Response<ChangeLog.Page> changes(Caller caller, @PathVariable long ioId,
            @RequestParam(required = false) Integer pageNo, @RequestParam(required = false) Integer noOfEntries) {
        return V3Response.ok(insertionOrders.changes(caller, ioId, pageNo, noOfEntries));
    }

    /**
     * IQM's newest IO shape (iqm-reference §3.3). A budget-based IO's {@code ioTotalImpressions} is null in the
     * answer of its creation, as the seed's Step 2 and IQM's example answer it, and 0 when read (F13).
     */
    private Map<String, Object> view(InsertionOrder io, boolean created) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ioId", io.ioId());
        m.put("ioName", io.ioName());
        m.put("owId", io.owId());
        m.put("createdByUowId", io.createdByUowId());
        m.put("modifiedByUowId", io.modifiedByUowId());
        m.put("ioStartTime", io.ioStartTime());
        m.put("ioEndTime", io.ioEndTime());
        m.put("ioTotalBudget", io.ioTotalBudget() == null ? java.math.BigDecimal.ZERO : Money.plain(io.ioTotalBudget()));
        m.put("ioTimeZoneId", io.ioTimeZoneId());
        m.put("isAutoSumIoTotalBudget", io.isAutoSumIoTotalBudget());
        m.put("ioBudgetDistributionMethodId", io.ioBudgetDistributionMethodId());
        m.put("ioBudgetTypeId", io.ioBudgetTypeId());
        m.put("ioTotalImpressions", io.ioTotalImpressions() == null && !created ? Long.valueOf(0) : io.ioTotalImpressions());
        m.put("ioStatusId", io.effectiveStatusId(clock.millis()));
        m.put("ioNextPerformanceCheck", 0L);
        m.put("ioLastPriorityShift", 0L);
        m.put("ioCurrentPriority", 0);
        m.put("isIoPrioritise", false);
        return m;
    }
}
