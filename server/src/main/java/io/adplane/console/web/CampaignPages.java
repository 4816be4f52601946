package io.adplane.console.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.adplane.api.ApiException;
import io.adplane.auth.Caller;
import io.adplane.campaign.CampaignQueries;
import io.adplane.campaign.CampaignService;
import io.adplane.campaign.CampaignStatus;
import io.adplane.console.ConsoleDelivery;
import io.adplane.creative.CreativeService;
import io.adplane.insertionorder.InsertionOrders;
import io.adplane.insertionorder.IoListRequest;
import io.swagger.v3.oas.annotations.Hidden;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Campaigns: the list (filters, paging in SQL), one campaign with every field, its creatives, status and
 * change history, its status moves (through the API's own service, so D15/D16 and the 409 on a stale move
 * hold), and the create form.
 */
@Controller
@Hidden
class CampaignPages {

    static final int PAGE_SIZE = 20;
    /** How many IOs and running creatives the create form offers. */
    static final int CHOICES = 100;
    static final List<String> STATUSES = List.of("running", "pending", "paused", "draft", "rejected", "expired", "deleted");
    /** The fields the campaign page lists first, in this order; every other stored field follows. */
    static final List<String> HEADLINE = List.of("id", "campaignName", "status", "ioId", "ioName", "organizationName",
            "startTime", "endTime", "budgetTotal", "budgetDay", "maxBid", "creativeType", "advertiserDomain",
            "rejectionReason");

    private final CampaignQueries queries;
    private final CampaignService campaigns;
    private final CreativeService creatives;
    private final InsertionOrders ios;
    private final ConsoleJson json;
    private final ConsoleDelivery delivery;

    CampaignPages(CampaignQueries queries, CampaignService campaigns, CreativeService creatives, InsertionOrders ios,
            ConsoleJson json, ConsoleDelivery delivery) {
        this.queries = queries;
        this.campaigns = campaigns;
        this.creatives = creatives;
        this.ios = ios;
        this.json = json;
        this.delivery = delivery;
    }

    @GetMapping("/console/campaigns")
    String list(Caller caller, @RequestParam(required = false) String status, @RequestParam(required = false) Long ioId,
            @RequestParam(required = false) String search, @RequestParam(defaultValue = "1") int page, Model model) {
        CampaignQueries.Result found = queries.list(caller,
                new CampaignQueries.Filter(null, false, null, ioId == null ? null : List.of(ioId),
                        status == null || status.isBlank() ? null : List.of(status), null, null, null, search, null),
                new CampaignQueries.Page(page, PAGE_SIZE, null, "-created", null, null));
        model.addAttribute("campaigns", found);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("ioId", ioId);
        model.addAttribute("search", search == null ? "" : search);
        model.addAttribute("page", page);
        model.addAttribute("pages", Math.max(1, (found.filteredRecords() + PAGE_SIZE - 1) / PAGE_SIZE));
        return "console/campaigns";
    }

    @GetMapping("/console/campaigns/{campaignId}")
    String detail(Caller caller, @PathVariable long campaignId, @RequestParam(defaultValue = "1") int changesPage,
            Model model) {
        Map<String, Object> campaign = campaigns.get(caller, campaignId, false).fields();
        model.addAttribute("campaign", campaign);
        Map<String, Object> rest = new LinkedHashMap<>(campaign);
        HEADLINE.forEach(rest::remove);
        rest.replaceAll((field, value) -> value instanceof String || value instanceof Number || value instanceof Boolean
                || value == null ? value : json.write(value));
        model.addAttribute("otherFields", rest);
        model.addAttribute("statusHistory", campaigns.statusHistory(caller, campaignId));
        model.addAttribute("changes", campaigns.changes(caller, campaignId, changesPage, 20));
        List<Long> creativeIds = ids(String.valueOf(campaign.getOrDefault("creativeIds", "")));
        model.addAttribute("creatives", creativeIds.isEmpty() ? List.of()
                : creatives.list(caller, CreativeService.ListRequest.page(null, creativeIds, false, 1,
                        creativeIds.size(), null)).get("filteredList"));
        model.addAttribute("moves", moves(caller, String.valueOf(campaign.get("status"))));
        ConsoleDelivery.View view = delivery.campaign(caller, new ConsoleDelivery.Flight(campaignId,
                number(campaign.get("startTime")), number(campaign.get("endTime")), amount(campaign.get("budgetTotal")),
                campaign.get("timezone") instanceof Number n ? n.intValue() : null));
        model.addAttribute("delivery", view);
        if (view.delivered()) {
            model.addAttribute("periodCharts", List.of(
                    chart("daily", "Impressions and spend per day", "Day", series(view.daily()), rows(view.daily())),
                    chart("hourly", "Impressions and spend per hour, the last 48 hours (UTC)", "Hour",
                            series(view.hourly()), rows(view.hourly()))));
            ConsoleDelivery.Pacing p = view.pacing();
            List<Map<String, Object>> lines = new ArrayList<>();
            lines.add(Map.of("label", "Spent so far", "values", p.spent()));
            if (p.budget() != null) {
                lines.add(Map.of("label", "Even plan", "values", p.planned(), "dashed", true));
                lines.add(Map.of("label", "Total budget", "values", p.labels().stream().map(l -> p.budget()).toList(),
                        "dashed", true));
            }
            model.addAttribute("pacingChart", json.write(Map.of("labels", p.labels(), "series", lines)));
            model.addAttribute("sliceCharts", List.of(
                    chart("exchange", "Delivery by exchange", "Exchange", slices(view.byExchange()), rows(view.byExchange())),
                    chart("device", "Delivery by device type", "Device type", slices(view.byDevice()),
                            rows(view.byDevice()))));
        }
        model.addAttribute("ow", caller.owId());
        return "console/campaign";
    }

    /** A status move through {@link CampaignService#updateStatus}; a refusal is shown on the campaign's page. */
    @PostMapping("/console/campaigns/{campaignId}/status")
    String move(Caller caller, @PathVariable long campaignId, @RequestParam String status,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String back,
            HttpServletResponse response, Model model) {
        CampaignStatus target;
        try {
            target = CampaignStatus.of(status);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status", "Please provide valid value of status.");
        }
        try {
            campaigns.updateStatus(caller, List.of(campaignId), target, Forms.text(reason), null, Map.of());
        } catch (ApiException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("problem", Pages.Problem.of(e));
            return detail(caller, campaignId, 1, model);
        }
        if ("approvals".equals(back)) {
            return "redirect:/console/approvals?done=" + campaignId;
        }
        return "redirect:/console/campaigns/" + campaignId + "?ow=" + caller.owId();
    }

    @GetMapping("/console/campaigns/new")
    String form(Caller caller, @RequestParam(required = false) Long ioId, Model model) {
        caller.requireWrite();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ioId", ioId == null ? "" : ioId.toString());
        form.put("creativeType", "11");
        form.put("timezone", "29");
        form.put("countryId", "30100001");
        return form(caller, form, List.of(), model);
    }

    /** Creates a pending campaign through {@link CampaignService#create}: the API's rules and messages. */
    @PostMapping("/console/campaigns")
    String create(Caller caller, @RequestParam MultiValueMap<String, String> fields, HttpServletResponse response,
            Model model) {
        Map<String, String> form = fields.toSingleValueMap();
        List<String> chosen = fields.getOrDefault("creativeIds", List.of());
        try {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            text(body, "campaignName", form);
            text(body, "advertiserDomain", form);
            text(body, "countryId", form);
            number(body, "ioId", Forms.whole("ioId", form.get("ioId")));
            number(body, "creativeType", Forms.whole("creativeType", form.get("creativeType")));
            number(body, "timezone", Forms.whole("timezone", form.get("timezone")));
            number(body, "startTime", Forms.utcSeconds("startTime", form.get("startTime")));
            number(body, "endTime", Forms.utcSeconds("endTime", form.get("endTime")));
            if (Forms.amount("budgetTotal", form.get("budgetTotal")) != null) {
                body.put("budgetTotal", Forms.amount("budgetTotal", form.get("budgetTotal")));
            }
            if (Forms.amount("budgetDay", form.get("budgetDay")) != null) {
                body.put("budgetDay", Forms.amount("budgetDay", form.get("budgetDay")));
            }
            if (Forms.amount("maxBid", form.get("maxBid")) != null) {
                body.put("maxBid", Forms.amount("maxBid", form.get("maxBid")));
            }
            if (!chosen.isEmpty()) {
                body.put("creativeIds", String.join(",", chosen));
            }
            body.put("isAgreementChecked", "true".equals(form.get("isAgreementChecked")));
            // What the console does not ask: all exchanges and categories, budget-based, an advanced campaign.
            body.put("exchanges", "");
            body.put("publisherAdCategory", "");
            body.put("budgetTypeId", 1);
            body.put("campaignType", 1);
            body.put("totalBudgetPacing", false);
            CampaignService.Saved saved = campaigns.create(caller, body, false);
            return "redirect:/console/campaigns/" + saved.id();
        } catch (ApiException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("problems", Pages.problems(e));
            return form(caller, form, chosen, model);
        }
    }

    private String form(Caller caller, Map<String, String> form, List<String> chosen, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("chosen", chosen);
        model.addAttribute("ios", ios.list(caller, new IoListRequest(null, null, null, List.of(1), null, false, 1, CHOICES,
                null, null, null), List.of(caller.owId())).rows());
        model.addAttribute("runningCreatives", creatives.list(caller, CreativeService.ListRequest.page(List.of(2), null,
                false, 1, CHOICES, null))
                .get("filteredList"));
        return "console/campaign-form";
    }

    /** The moves the page offers for a status (D15), to those whose role may make them (D16). */
    static List<String> moves(Caller caller, String status) {
        List<String> moves = new ArrayList<>();
        if (!caller.role().writes()) {
            return moves;
        }
        switch (status) {
            case "pending" -> {
                if (caller.canApprove()) {
                    moves.add("running");
                    moves.add("rejected");
                }
            }
            case "running" -> moves.add("paused");
            case "paused" -> moves.add("running");
            case "draft", "rejected" -> moves.add("pending");
            default -> { }
        }
        if (!status.equals("deleted")) {
            moves.add("deleted");
        }
        return moves;
    }

    /** One chart of the delivery section and the table with its numbers. */
    record Chart(String id, String title, String key, String data, List<ChartRow> rows) {
    }

    record ChartRow(String label, long impressions, String spend) {
    }

    private Chart chart(String id, String title, String key, Map<String, Object> data, List<ChartRow> rows) {
        return new Chart(id, title, key, json.write(data), rows);
    }

    private static List<ChartRow> rows(ConsoleDelivery.Series s) {
        List<ChartRow> rows = new ArrayList<>();
        for (int i = 0; i < s.labels().size(); i++) {
            rows.add(new ChartRow(s.labels().get(i), s.impressions().get(i), s.spend().get(i).toPlainString()));
        }
        return rows;
    }

    private static List<ChartRow> rows(List<ConsoleDelivery.Slice> slices) {
        return slices.stream().map(x -> new ChartRow(x.name(), x.impressions(), x.spend().toPlainString())).toList();
    }

    /** A chart of impressions (left axis) and spend (right axis) per period. */
    private static Map<String, Object> series(ConsoleDelivery.Series s) {
        return Map.of("labels", s.labels(), "series", List.of(
                Map.of("label", "Impressions", "values", s.impressions()),
                Map.of("label", "Spend ($)", "values", s.spend(), "kind", "bar", "axis", "y1")));
    }

    private static Map<String, Object> slices(List<ConsoleDelivery.Slice> slices) {
        return Map.of("labels", slices.stream().map(ConsoleDelivery.Slice::name).toList(), "series", List.of(
                Map.of("label", "Impressions", "values", slices.stream().map(ConsoleDelivery.Slice::impressions).toList(),
                        "kind", "bar"),
                Map.of("label", "Spend ($)", "values", slices.stream().map(ConsoleDelivery.Slice::spend).toList(),
                        "kind", "bar", "axis", "y1")));
    }

    private static Long number(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }

    private static java.math.BigDecimal amount(Object value) {
        return value instanceof Number n ? new java.math.BigDecimal(n.toString()) : null;
    }

    private static void text(ObjectNode body, String field, Map<String, String> form) {
        String value = Forms.text(form.get(field));
        if (value != null) {
            body.put(field, value);
        }
    }

    private static void number(ObjectNode body, String field, Long value) {
        if (value != null) {
            body.put(field, value);
        }
    }

    private static List<Long> ids(String joined) {
        return Arrays.stream(joined.split(",")).map(String::strip).filter(s -> s.matches("\\d{1,18}"))
                .map(Long::valueOf).toList();
    }
}
