package io.adplane.console.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.adplane.api.ApiException;
import io.adplane.auth.Caller;
import io.adplane.campaign.CampaignQueries;
import io.adplane.insertionorder.InsertionOrder;
import io.adplane.insertionorder.InsertionOrders;
import io.adplane.insertionorder.IoListRequest;
import io.adplane.insertionorder.IoPage;
import io.adplane.insertionorder.IoRequest;
import io.swagger.v3.oas.annotations.Hidden;

/** Insertion orders: the list (search, sort, paging in SQL), one IO with its campaigns, and the create form. */
@Controller
@Hidden
class InsertionOrderPages {

    static final int PAGE_SIZE = 20;

    private final InsertionOrders ios;
    private final CampaignQueries campaigns;
    private final Clock clock;

    InsertionOrderPages(InsertionOrders ios, CampaignQueries campaigns, Clock clock) {
        this.ios = ios;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @GetMapping("/console/insertion-orders")
    String list(Caller caller, @RequestParam(required = false) String search,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
            @RequestParam(defaultValue = "1") int page, Model model) {
        IoPage found = ios.list(caller, new IoListRequest(null, null, null, null, null, false, page, PAGE_SIZE, null,
                search, Forms.sortBy(sort, dir)), List.of(caller.owId()));
        model.addAttribute("ios", found);
        model.addAttribute("search", search == null ? "" : search);
        model.addAttribute("sort", sort == null ? "ioId" : sort);
        model.addAttribute("dir", sort == null ? "desc" : "asc".equals(dir) ? "asc" : "desc");
        model.addAttribute("page", page);
        model.addAttribute("pages", Math.max(1, (found.filteredRecords() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("now", clock.millis());
        return "console/insertion-orders";
    }

    @GetMapping("/console/insertion-orders/{ioId}")
    String detail(Caller caller, @PathVariable long ioId, @RequestParam(defaultValue = "1") int page, Model model) {
        InsertionOrder io = ios.get(caller, ioId);
        CampaignQueries.Result inIo = campaigns.list(caller,
                new CampaignQueries.Filter(null, false, null, List.of(ioId), null, null, null, null, null, null),
                new CampaignQueries.Page(page, PAGE_SIZE, null, "-created", null, null));
        model.addAttribute("io", io);
        model.addAttribute("now", clock.millis());
        model.addAttribute("campaigns", inIo);
        model.addAttribute("page", page);
        model.addAttribute("pages", Math.max(1, (inIo.filteredRecords() + PAGE_SIZE - 1) / PAGE_SIZE));
        return "console/insertion-order";
    }

    @GetMapping("/console/insertion-orders/{ioId}/edit")
    String editForm(Caller caller, @PathVariable long ioId, Model model) {
        caller.requireWrite();
        InsertionOrder io = ios.get(caller, ioId);
        Map<String, String> form = new java.util.HashMap<>();
        form.put("ioName", io.ioName());
        form.put("ioStartTime", Pages.INPUT.format(java.time.Instant.ofEpochMilli(io.ioStartTime())));
        form.put("ioEndTime", io.ioEndTime() == null ? "" : Pages.INPUT.format(java.time.Instant.ofEpochMilli(io.ioEndTime())));
        form.put("isAutoSumIoTotalBudget", Boolean.toString(io.isAutoSumIoTotalBudget()));
        form.put("ioTotalBudget", io.ioTotalBudget() == null ? "" : io.ioTotalBudget().toPlainString());
        form.put("ioTotalImpressions", io.ioTotalImpressions() == null ? "" : io.ioTotalImpressions().toString());
        form.put("ioTimeZoneId", Integer.toString(io.ioTimeZoneId()));
        model.addAttribute("form", form);
        model.addAttribute("editing", io);
        return "console/insertion-order-form";
    }

    /**
     * Saves an IO through {@link InsertionOrders#patch} (its write path and rules): only the fields the form
     * changed are sent, so an unchanged end date that has passed is no error.
     */
    @PostMapping("/console/insertion-orders/{ioId}")
    String update(Caller caller, @PathVariable long ioId, @RequestParam Map<String, String> form,
            HttpServletResponse response, Model model) {
        InsertionOrder io = ios.get(caller, ioId);
        try {
            String name = form.get("ioName");
            Long start = Forms.utcMillis("ioStartTime", form.get("ioStartTime"));
            Long end = Forms.utcMillis("ioEndTime", form.get("ioEndTime"));
            boolean autoSum = "true".equals(form.get("isAutoSumIoTotalBudget"));
            java.math.BigDecimal budget = Forms.amount("ioTotalBudget", form.get("ioTotalBudget"));
            Long impressions = Forms.whole("ioTotalImpressions", form.get("ioTotalImpressions"));
            Integer timezone = Forms.small("ioTimeZoneId", form.get("ioTimeZoneId"));
            ios.patch(caller, ioId, new IoRequest(
                    name != null && name.equals(io.ioName()) ? null : (name == null ? "" : name),
                    start != null && start / 60_000 == io.ioStartTime() / 60_000 ? null : start,
                    end != null && io.ioEndTime() != null && end / 60_000 == io.ioEndTime() / 60_000 ? null : end,
                    budget != null && io.ioTotalBudget() != null && budget.compareTo(io.ioTotalBudget()) == 0 ? null : budget,
                    timezone != null && timezone == io.ioTimeZoneId() ? null : timezone,
                    autoSum == io.isAutoSumIoTotalBudget() ? null : autoSum,
                    null, null,
                    impressions != null && impressions.equals(io.ioTotalImpressions()) ? null : impressions, null));
            return "redirect:/console/insertion-orders/" + ioId;
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("form", form);
            model.addAttribute("editing", io);
            model.addAttribute("problems", Pages.problems(e));
            return "console/insertion-order-form";
        }
    }

    @GetMapping("/console/insertion-orders/new")
    String form(Caller caller, Model model) {
        caller.requireWrite();
        model.addAttribute("form", Map.of("ioBudgetTypeId", "1", "isAutoSumIoTotalBudget", "true"));
        return "console/insertion-order-form";
    }

    /** Creates through {@link InsertionOrders#add}: its rules, its messages next to the fields they name. */
    @PostMapping("/console/insertion-orders")
    String create(Caller caller, @RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        try {
            InsertionOrder io = ios.add(caller, new IoRequest(form.get("ioName"),
                    Forms.utcMillis("ioStartTime", form.get("ioStartTime")),
                    Forms.utcMillis("ioEndTime", form.get("ioEndTime")),
                    Forms.amount("ioTotalBudget", form.get("ioTotalBudget")),
                    Forms.small("ioTimeZoneId", form.get("ioTimeZoneId")),
                    "true".equals(form.get("isAutoSumIoTotalBudget")),
                    Forms.small("ioBudgetTypeId", form.get("ioBudgetTypeId")),
                    Forms.small("ioBudgetDistributionMethodId", form.get("ioBudgetDistributionMethodId")),
                    Forms.whole("ioTotalImpressions", form.get("ioTotalImpressions")), null));
            return "redirect:/console/insertion-orders/" + io.ioId();
        } catch (ApiException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("form", form);
            model.addAttribute("problems", Pages.problems(e));
            return "console/insertion-order-form";
        }
    }
}
