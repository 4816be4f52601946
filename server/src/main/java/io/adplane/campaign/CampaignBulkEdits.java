package io.adplane.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.adplane.api.ApiException;
import io.adplane.api.Limits;
import io.adplane.api.Money;
import io.adplane.auth.Caller;
import io.adplane.campaign.CampaignWriter.Edit;
import io.adplane.history.Actor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Edits of many campaigns at once (iqm-reference §4.7, §4.9, §4.11): budgets, end dates, names, duplicates and
 * creative assignment. Each campaign changes in its own transaction through {@link CampaignWriter}, which reads
 * it under its lock, so concurrent edits never lose each other's changes and auto-sum totals stay exact (D12);
 * a campaign that fails is reported with its reason and the others go on, as IQM shows.
 */
@Service
public class CampaignBulkEdits {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final CampaignWriter writer;
    private final CampaignRepository campaigns;
    private final CampaignReferences references;
    private final TransactionTemplate tx;
    private final Clock clock;

    CampaignBulkEdits(CampaignWriter writer, CampaignRepository campaigns, CampaignReferences references,
            TransactionTemplate tx, Clock clock) {
        this.writer = writer;
        this.campaigns = campaigns;
        this.references = references;
        this.tx = tx;
        this.clock = clock;
    }

    /** One campaign that could not be changed: IQM's {@code reason} entry. */
    @JsonPropertyOrder({"errorMessage", "id", "campaignName"})
    public record Failure(String errorMessage, String id, String campaignName) {
    }

    /** The body of {@code PUT /api/v2/cmp/campaigns/update-budget}. */
    public record BudgetUpdate(String campaignIds, BigDecimal totalBudget, BigDecimal dailyBudget, BigDecimal maxBid,
            Long endTime, Integer budgetTypeId, Long totalImpressions, Long dailyImpressions, Integer campaignTypeId,
            String totalBudgetUpdateType) {
    }

    /** One campaign's changed values in update-budget's answer; only the values the request set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"campaignId", "budgetTotal", "budgetDay", "maxBid", "endTime"})
    public record Modified(long campaignId, BigDecimal budgetTotal, BigDecimal budgetDay, BigDecimal maxBid,
            Long endTime) {
    }

    /** What update-budget answers: the changed values per campaign, and the failures. */
    public record BudgetResult(List<Modified> modified, List<Failure> failures) {
    }

    public BudgetResult updateBudget(Caller caller, BudgetUpdate u) {
        caller.requireWrite();
        List<Long> ids = CampaignIds.parse("campaignIds", u.campaignIds());
        String type = u.totalBudgetUpdateType() == null ? "change" : u.totalBudgetUpdateType();
        if (!Set.of("change", "addition", "distribution").contains(type)) {
            throw ApiException.badRequest("totalBudgetUpdateType", "totalBudgetUpdateType must be change, addition or distribution.");
        }
        if (u.totalBudget() == null && u.dailyBudget() == null && u.maxBid() == null && u.endTime() == null
                && u.totalImpressions() == null && u.dailyImpressions() == null) {
            throw ApiException.badRequest("totalBudget", "Nothing to update: send totalBudget, dailyBudget, maxBid, endTime or impressions.");
        }
        Limits.money("totalBudget", u.totalBudget());
        Limits.money("dailyBudget", u.dailyBudget());
        Limits.money("maxBid", u.maxBid());
        for (var count : Map.of("totalImpressions", u.totalImpressions() == null ? 0L : u.totalImpressions(),
                "dailyImpressions", u.dailyImpressions() == null ? 0L : u.dailyImpressions()).entrySet()) {
            if (count.getValue() < 0) {
                throw ApiException.badRequest(count.getKey(), "Field '" + count.getKey() + "' must not be negative.");
            }
        }
        if ("distribution".equals(type) && u.totalBudget() == null) {
            throw ApiException.badRequest("totalBudget", "A distribution needs totalBudget.");
        }
        if (u.endTime() != null) {
            CampaignRules.requireFutureEnd("endTime", u.endTime(), clock.millis() / 1000);
        }
        List<BigDecimal> shares = "distribution".equals(type) ? split(u.totalBudget(), ids.size()) : null;
        List<Modified> modified = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            BigDecimal share = shares == null ? null : shares.get(i);
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            if (u.dailyBudget() != null) {
                fields.put("budgetDay", JSON.numberNode(u.dailyBudget()));
            }
            if (u.maxBid() != null) {
                fields.put("maxBid", JSON.numberNode(u.maxBid()));
            }
            if (u.endTime() != null) {
                fields.put("endTime", JSON.numberNode(u.endTime()));
            }
            if (u.totalImpressions() != null) {
                fields.put("totalImpressions", JSON.numberNode(u.totalImpressions()));
            }
            if (u.dailyImpressions() != null) {
                fields.put("maxDayImpressions", JSON.numberNode(u.dailyImpressions()));
            }
            // An addition is computed from the value read under the campaign's lock, so none is lost.
            Function<CampaignSpec, Map<String, JsonNode>> edit = c -> {
                if (u.totalBudget() == null) {
                    return fields;
                }
                BigDecimal current = c.budgetTotal() == null ? BigDecimal.ZERO : c.budgetTotal();
                BigDecimal value = switch (type) {
                    case "addition" -> Limits.total("totalBudget", current.add(u.totalBudget()));
                    case "distribution" -> share;
                    default -> u.totalBudget();
                };
                Map<String, JsonNode> all = new LinkedHashMap<>(fields);
                all.put("budgetTotal", JSON.numberNode(value));
                return all;
            };
            try {
                CampaignSpec after = tx.execute(s -> writer.change(Actor.of(caller), caller.owId(), id, Edit.set(edit))).spec();
                modified.add(new Modified(id, u.totalBudget() == null ? null : Money.decimal(after.budgetTotal()),
                        u.dailyBudget() == null ? null : Money.decimal(after.budgetDay()),
                        u.maxBid() == null ? null : Money.decimal(after.maxBid()), u.endTime() == null ? null : after.endTime()));
            } catch (ApiException e) {
                failures.add(failure(caller, id, e));
            }
        }
        return new BudgetResult(modified, failures);
    }

    /** {@code PUT /api/v2/cmp/campaigns/update-end-date}; the failures, empty when all changed. */
    public List<Failure> updateEndDate(Caller caller, String campaignIds, Long endDate) {
        caller.requireWrite();
        List<Long> ids = CampaignIds.parse("campaignIds", campaignIds);
        if (endDate == null) {
            throw ApiException.badRequest("endDate", "Field 'endDate' is required.");
        }
        CampaignRules.requireFutureEnd("endDate", endDate, clock.millis() / 1000);
        Map<String, JsonNode> fields = Map.of("endTime", JSON.numberNode(endDate));
        return each(caller, ids, id -> writer.change(Actor.of(caller), caller.owId(), id, Edit.set(c -> fields)));
    }

    /** {@code PATCH /api/v3/cmp/campaign/update-name/{id}}. */
    public void rename(Caller caller, long id, String name) {
        caller.requireWrite();
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("campaignName", "Campaign name is required.");
        }
        Map<String, JsonNode> fields = Map.of("campaignName", JSON.stringNode(name));
        tx.executeWithoutResult(s -> writer.change(Actor.of(caller), caller.owId(), id, Edit.set(c -> fields)));
    }

    /** {@code PATCH /api/v3/cmp/target/creative}: assigns creatives to, and removes them from, campaigns; all or nothing. */
    public void targetCreatives(Caller caller, List<Long> creativeIds, List<Long> assigned, List<Long> removed) {
        caller.requireWrite();
        if (creativeIds == null || creativeIds.isEmpty()) {
            throw ApiException.badRequest("creativeIds", "Field 'creativeIds' is required.");
        }
        Limits.ids("creativeIds", creativeIds);
        List<Long> assign = Limits.ids("assignedCampaignIds", assigned == null ? List.of() : assigned);
        List<Long> remove = Limits.ids("removedCampaignIds", removed == null ? List.of() : removed);
        Set<Long> all = new java.util.TreeSet<>(assign);
        all.addAll(remove);
        if (all.isEmpty()) {
            throw invalidCampaigns();
        }
        tx.executeWithoutResult(s -> {
            for (long id : all) {
                Edit edit = Edit.set(c -> {
                    LinkedHashSet<Long> ids = new LinkedHashSet<>(c.creativeIds());
                    if (assign.contains(id)) {
                        ids.addAll(creativeIds);
                    }
                    if (remove.contains(id)) {
                        creativeIds.forEach(ids::remove);
                    }
                    if (ids.isEmpty()) {
                        throw ApiException.unprocessable("removedCampaignIds", "Campaign " + id + " would have no creative left.");
                    }
                    return Map.of("creativeIds", JSON.stringNode(CampaignIds.join(List.copyOf(ids))));
                });
                try {
                    writer.change(Actor.of(caller), caller.owId(), id, edit);
                } catch (ApiException e) {
                    throw e.status().value() == 404 || "status".equals(e.field()) ? invalidCampaigns() : e;
                }
            }
        });
    }

    private static ApiException invalidCampaigns() {
        return ApiException.unprocessable("assignedCampaignIds", "Please provide valid Campaign IDs for assign/un-assign action");
    }

    /** What duplicate answers: the new campaigns' ids, and the campaigns that could not be copied. */
    public record Duplicated(List<Long> duplicatedCampaignIds, List<Failure> failures) {
    }

    /**
     * {@code POST /api/v2/cmp/campaigns/duplicate}: copies campaigns into an IO of the caller's with a new
     * flight. Each copy is checked like a new campaign and starts pending; {@code endDate} 0 means no end
     * (the copy ends with its IO).
     */
    public Duplicated duplicate(Caller caller, String existingCampaignIds, Long ioId, Long startDate, Long endDate,
            Integer timeZoneId) {
        caller.requireWrite();
        if (existingCampaignIds == null || existingCampaignIds.isBlank()) {
            throw ApiException.badRequest("existingCampaignIds", "existingCampaignIds is required.");
        }
        List<Long> ids = CampaignIds.parse("existingCampaignIds", existingCampaignIds);
        if (ioId == null) {
            throw ApiException.badRequest("ioId", "ioId is required.");
        }
        if (startDate == null || startDate <= 0) {
            throw ApiException.badRequest("startDate", "startDate is required.");
        }
        long now = clock.millis() / 1000;
        if (startDate < now - now % 60) {
            throw ApiException.badRequest("startDate", "Start date can not be less than current time.");
        }
        long end = endDate == null ? 0 : endDate;
        if (end < 0) {
            throw ApiException.badRequest("endDate",
                    "End date value must be zero or more, except for budget pacing off campaigns where it can be zero.");
        }
        if (end > 0 && end < startDate) {
            throw ApiException.badRequest("endDate", "End date can not be less than start date.");
        }
        if (end > 0 && end - startDate < CampaignRules.MIN_FLIGHT_SECONDS) {
            throw ApiException.badRequest("endDate",
                    "There should be at least 15 min difference between start date and end date.");
        }
        if (timeZoneId != null && !references.timezoneExists(timeZoneId)) {
            throw ApiException.badRequest("timeZoneId", "Invalid timezone.");
        }
        tx.executeWithoutResult(s -> references.lockIo(caller.owId(), ioId));
        List<Long> copies = new ArrayList<>();
        List<Failure> failures = each(caller, ids, id -> copies.add(copy(caller, id, ioId, startDate, end, timeZoneId)));
        return new Duplicated(copies, failures);
    }

    /** Copies one campaign into {@code ioId}; used by campaign and IO duplication alike. */
    long copy(Caller caller, long sourceId, long ioId, long startDate, long endDate, Integer timeZoneId) {
        Campaign source = campaigns.find(caller.owId(), sourceId).orElseThrow(CampaignWriter::notFound);
        if (source.spec().totalBudgetPacing() && endDate == 0) {
            throw ApiException.badRequest("endDate", "Campaigns with budget Pacing require an end date.");
        }
        Map<String, JsonNode> values = new LinkedHashMap<>(source.spec().asInput());
        String name = source.campaignName() + " copy";
        values.put("campaignName", JSON.stringNode(name.length() > Limits.NAME ? name.substring(0, Limits.NAME) : name));
        values.put("ioId", JSON.numberNode(ioId));
        values.put("startTime", JSON.numberNode(startDate));
        if (endDate > 0) {
            values.put("endTime", JSON.numberNode(endDate));
        } else {
            values.remove("endTime");
        }
        if (timeZoneId != null) {
            values.put("timezone", JSON.numberNode(timeZoneId));
        }
        values.put("isAgreementChecked", JSON.booleanNode(true));
        return writer.create(Actor.of(caller), caller.owId(), CampaignInput.of(values), false).id();
    }

    /** Runs {@code change} for each id in its own transaction; the failures, in IQM's reason shape. */
    private List<Failure> each(Caller caller, List<Long> ids, java.util.function.LongConsumer change) {
        List<Failure> failures = new ArrayList<>();
        for (long id : ids) {
            try {
                tx.executeWithoutResult(s -> change.accept(id));
            } catch (ApiException e) {
                failures.add(failure(caller, id, e));
            }
        }
        return failures;
    }

    /** A campaign's refusal as IQM words bulk reasons: a sentence, ending in a full stop. */
    private Failure failure(Caller caller, long id, ApiException e) {
        String message = e.getMessage();
        if (message != null && !message.endsWith(".")) {
            message = message + ".";
        }
        return new Failure(message, String.valueOf(id), campaigns.name(caller.owId(), id).orElse(null));
    }

    /** {@code total} in {@code parts} equal shares of whole cents; the first shares take the leftover cents. */
    static List<BigDecimal> split(BigDecimal total, int parts) {
        long cents = total.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        List<BigDecimal> shares = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            long share = cents / parts + (i < cents % parts ? 1 : 0);
            shares.add(BigDecimal.valueOf(share, 2));
        }
        return shares;
    }
}
