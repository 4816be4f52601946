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

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.adplane.api.ApiException;
import io.adplane.api.Money;
import io.adplane.api.TextRules;
import io.adplane.auth.Caller;
import tools.jackson.databind.node.ObjectNode;

/**
 * Edits of many campaigns at once (iqm-reference §4.7, §4.9, §4.11): budgets, end dates, names, duplicates and
 * creative assignment. Each campaign changes in its own transaction with its IO locked, so auto-sum totals
 * stay exact (D12); a campaign that fails is reported with its reason and the others go on, as IQM shows.
 */
@Service
public class CampaignBulkEdits {

    private final CampaignRepository campaigns;
    private final CampaignReferences references;
    private final CampaignService service;
    private final TransactionTemplate tx;
    private final Clock clock;

    CampaignBulkEdits(CampaignRepository campaigns, CampaignReferences references, CampaignService service,
            TransactionTemplate tx, Clock clock) {
        this.campaigns = campaigns;
        this.references = references;
        this.service = service;
        this.tx = tx;
        this.clock = clock;
    }

    /** One campaign that could not be changed: IQM's {@code reason} entry. */
    public record Failure(String id, String campaignName, String errorMessage) {
    }

    /** The body of {@code PUT /api/v2/cmp/campaigns/update-budget}. */
    public record BudgetUpdate(String campaignIds, BigDecimal totalBudget, BigDecimal dailyBudget, BigDecimal maxBid,
            Long endTime, Integer budgetTypeId, Long totalImpressions, Long dailyImpressions, Integer campaignTypeId,
            String totalBudgetUpdateType) {
    }

    /** What update-budget answers: the changed values per campaign, and the failures. */
    public record BudgetResult(List<Map<String, Object>> modified, List<Failure> failures) {
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
        for (var money : new Object[][] {{"totalBudget", u.totalBudget()}, {"dailyBudget", u.dailyBudget()}, {"maxBid", u.maxBid()}}) {
            BigDecimal v = (BigDecimal) money[1];
            if (v != null && (v.signum() < 0 || v.stripTrailingZeros().scale() > 2)) {
                throw ApiException.badRequest((String) money[0], "Field '" + money[0] + "' must be a non-negative number with at most 2 decimals.");
            }
        }
        if ("distribution".equals(type) && u.totalBudget() == null) {
            throw ApiException.badRequest("totalBudget", "A distribution needs totalBudget.");
        }
        List<BigDecimal> shares = "distribution".equals(type) ? split(u.totalBudget(), ids.size()) : null;
        List<Map<String, Object>> modified = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            BigDecimal share = shares == null ? null : shares.get(i);
            try {
                modified.add(tx.execute(s -> budget(caller, id, u, type, share)));
            } catch (ApiException e) {
                failures.add(failure(caller, id, e));
            }
        }
        return new BudgetResult(modified, failures);
    }

    private Map<String, Object> budget(Caller caller, long id, BudgetUpdate u, String type, BigDecimal share) {
        Campaign c = service.require(caller.owId(), id);
        requireEditable(c);
        references.lockIo(caller.owId(), c.ioId());
        BigDecimal total = c.budgetTotal();
        if (u.totalBudget() != null) {
            total = switch (type) {
                case "addition" -> (total == null ? BigDecimal.ZERO : total).add(u.totalBudget());
                case "distribution" -> share;
                default -> u.totalBudget();
            };
        }
        BigDecimal day = u.dailyBudget() != null ? u.dailyBudget() : c.budgetDay();
        if (u.dailyBudget() != null && c.totalBudgetPacing()) {
            throw ApiException.badRequest("dailyBudget", "Daily budget is not applicable if total budget pacing is enabled.");
        }
        if (day != null && total != null && day.compareTo(total) > 0) {
            throw ApiException.badRequest("dailyBudget", "Daily budget must not exceed total budget.");
        }
        BigDecimal maxBid = u.maxBid() != null ? u.maxBid() : c.maxBid();
        if (u.maxBid() != null && (maxBid.signum() <= 0 || maxBid.compareTo(CampaignRules.MAX_BID) > 0)) {
            throw ApiException.badRequest("maxBid", "For given campaign_type max bid cannot be less than 1.00 or greater than 1000.");
        }
        Long end = u.endTime() != null ? Long.valueOf(checkEnd(caller, c, u.endTime())) : c.endTime();
        ObjectNode settings = c.settings().deepCopy();
        if (u.totalImpressions() != null) {
            settings.put("totalImpressions", u.totalImpressions());
        }
        if (u.dailyImpressions() != null) {
            settings.put("maxDayImpressions", u.dailyImpressions());
        }
        campaigns.setBudgets(caller.owId(), id, total, day, maxBid, end, settings, caller.uowId(), clock.millis());
        references.syncIoBudget(caller.owId(), c.ioId());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("campaignId", id);
        if (u.totalBudget() != null) {
            m.put("budgetTotal", Money.decimal(total));
        }
        if (u.dailyBudget() != null) {
            m.put("budgetDay", Money.decimal(day));
        }
        if (u.maxBid() != null) {
            m.put("maxBid", Money.decimal(maxBid));
        }
        if (u.endTime() != null) {
            m.put("endTime", end);
        }
        return m;
    }

    /** {@code PUT /api/v2/cmp/campaigns/update-end-date}; the failures, empty when all changed. */
    public List<Failure> updateEndDate(Caller caller, String campaignIds, Long endDate) {
        caller.requireWrite();
        List<Long> ids = CampaignIds.parse("campaignIds", campaignIds);
        if (endDate == null) {
            throw ApiException.badRequest("endDate", "Field 'endDate' is required.");
        }
        List<Failure> failures = new ArrayList<>();
        for (long id : ids) {
            try {
                tx.executeWithoutResult(s -> {
                    Campaign c = service.require(caller.owId(), id);
                    requireEditable(c);
                    references.lockIo(caller.owId(), c.ioId());
                    long end = checkEnd(caller, c, endDate);
                    campaigns.setBudgets(caller.owId(), id, c.budgetTotal(), c.budgetDay(), c.maxBid(), end,
                            c.settings(), caller.uowId(), clock.millis());
                });
            } catch (ApiException e) {
                failures.add(failure(caller, id, e));
            }
        }
        return failures;
    }

    private long checkEnd(Caller caller, Campaign c, long end) {
        long now = clock.millis() / 1000;
        if (end <= now) {
            throw ApiException.badRequest("endDate", "End date can not be less than current time.");
        }
        if (c.startTime() != null && end - c.startTime() < CampaignRules.MIN_FLIGHT_SECONDS) {
            throw ApiException.badRequest("endDate", "There should be at least 15 min difference between start date and end date.");
        }
        IoFacts io = references.lockIo(caller.owId(), c.ioId());
        if (io.endSeconds() != null && end > io.endSeconds()) {
            throw ApiException.unprocessable("endDate", "Campaign end time can't be after IO end time");
        }
        return end;
    }

    /** {@code PATCH /api/v3/cmp/campaign/update-name/{id}}. */
    public void rename(Caller caller, long id, String name) {
        caller.requireWrite();
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("campaignName", "Campaign name is required.");
        }
        if (TextRules.problem(name) != null || name.strip().length() > 255) {
            throw ApiException.badRequest("campaignName", "Campaign name must be 1 to 255 printable characters.");
        }
        tx.executeWithoutResult(s -> {
            Campaign c = service.require(caller.owId(), id);
            requireEditable(c);
            campaigns.setName(caller.owId(), id, name.strip(), caller.uowId(), clock.millis());
        });
    }

    /** {@code PATCH /api/v3/cmp/target/creative}: assigns creatives to, and removes them from, campaigns. */
    public void targetCreatives(Caller caller, List<Long> creativeIds, List<Long> assigned, List<Long> removed) {
        caller.requireWrite();
        if (creativeIds == null || creativeIds.isEmpty()) {
            throw ApiException.badRequest("creativeIds", "Field 'creativeIds' is required.");
        }
        List<Long> assign = assigned == null ? List.of() : assigned;
        List<Long> remove = removed == null ? List.of() : removed;
        Set<Long> all = new LinkedHashSet<>(assign);
        all.addAll(remove);
        tx.executeWithoutResult(s -> {
            List<Campaign> found = campaigns.lockAll(caller.owId(), all);
            if (all.isEmpty() || found.size() != all.size()
                    || found.stream().anyMatch(c -> c.status() == CampaignStatus.DELETED)) {
                throw ApiException.unprocessable("assignedCampaignIds", "Please provide valid Campaign IDs for assign/un-assign action");
            }
            for (Campaign c : found) {
                LinkedHashSet<Long> ids = new LinkedHashSet<>(c.creativeIds());
                if (assign.contains(c.id())) {
                    ids.addAll(creativeIds);
                }
                if (remove.contains(c.id())) {
                    creativeIds.forEach(ids::remove);
                }
                if (ids.isEmpty()) {
                    throw ApiException.unprocessable("removedCampaignIds",
                            "Campaign " + c.id() + " would have no creative left.");
                }
                CampaignSpec probe = new CampaignSpec(c.campaignName(), c.ioId(), c.countryId(), c.advertiserDomain(),
                        c.creativeType(), c.campaignTypeId(), List.copyOf(ids), c.startTime(), c.endTime(), c.timezone(),
                        c.totalBudgetPacing(), c.budgetDay(), c.budgetTotal(), c.budgetTypeId(), c.maxBid(), c.exchanges(),
                        c.publisherAdCategory(), c.deviceType(), c.trafficType(), c.isAgreementChecked(), Map.of());
                references.checkCreatives(caller.owId(), probe, c.status() != CampaignStatus.DRAFT);
                campaigns.setCreativeIds(caller.owId(), c.id(), List.copyOf(ids), caller.uowId(), clock.millis());
            }
        });
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
        List<Failure> failures = new ArrayList<>();
        for (long id : ids) {
            try {
                copies.add(tx.execute(s -> copy(caller, id, ioId, startDate, end, timeZoneId)));
            } catch (ApiException e) {
                failures.add(failure(caller, id, e));
            }
        }
        return new Duplicated(copies, failures);
    }

    /** Copies one campaign into {@code ioId}; used by campaign and IO duplication alike. */
    long copy(Caller caller, long sourceId, long ioId, long startDate, long endDate, Integer timeZoneId) {
        Campaign source = service.require(caller.owId(), sourceId);
        if (source.totalBudgetPacing() && endDate == 0) {
            throw ApiException.badRequest("endDate", "Campaigns with budget Pacing require an end date.");
        }
        Map<String, tools.jackson.databind.JsonNode> values = new LinkedHashMap<>(service.asInput(source));
        ObjectNode changes = source.settings().objectNode();
        String name = source.campaignName() + " copy";
        changes.put("campaignName", name.length() > 255 ? name.substring(0, 255) : name);
        changes.put("ioId", ioId);
        changes.put("startTime", startDate);
        if (endDate > 0) {
            changes.put("endTime", endDate);
        } else {
            values.remove("endTime");
        }
        if (timeZoneId != null) {
            changes.put("timezone", timeZoneId);
        }
        changes.put("isAgreementChecked", true);
        changes.properties().forEach(e -> values.put(e.getKey(), e.getValue()));
        CampaignSpec spec = CampaignRules.forSubmission(CampaignInput.of(values), clock.millis() / 1000);
        return service.insert(caller, spec, false).id();
    }

    private static void requireEditable(Campaign c) {
        if (c.status() == CampaignStatus.DELETED) {
            throw ApiException.conflict("status", "A deleted campaign can't be changed; duplicate it instead.");
        }
    }

    private Failure failure(Caller caller, long id, ApiException e) {
        String name = campaigns.find(caller.owId(), id).map(Campaign::campaignName).orElse(null);
        return new Failure(String.valueOf(id), name, e.getMessage());
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
