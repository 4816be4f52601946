package io.adplane.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.adplane.api.ApiException;
import io.adplane.api.Limits;
import io.adplane.auth.Caller;
import io.adplane.campaign.CampaignWriter.Edit;
import io.adplane.history.Actor;
import io.adplane.targeting.Targets;
import io.adplane.targeting.Targets.DealKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * What campaigns target of the organization's own records (F4, F5): audiences
 * ({@code POST /api/v3/cmp/target/audience}), inventory groups ({@code POST /api/v3/cmp/inventorygroup/includeExclude})
 * and PG and PMP deals ({@code PATCH /api/v3/cmp/pg|pmp/campaigns/mappings}). Each campaign changes through
 * {@link CampaignWriter}, so its history, re-approval (A2) and events follow as for any edit.
 */
@Service
public class CampaignTargeting {

    /** IQM's limits: audiences per campaign, deals per campaign. */
    static final int MAX_AUDIENCES = 20;
    static final int MAX_DEALS = 25;
    static final String INVALID_CAMPAIGNS = "Invalid campaign IDs provided";

    private final CampaignWriter writer;
    private final CampaignRepository campaigns;
    private final Targets targets;
    private final TransactionTemplate tx;

    CampaignTargeting(CampaignWriter writer, CampaignRepository campaigns, Targets targets, TransactionTemplate tx) {
        this.writer = writer;
        this.campaigns = campaigns;
        this.targets = targets;
        this.tx = tx;
    }

    /** One campaign's audience change; IQM's documents spell the last list both ways. */
    public record AudienceChange(List<Long> includedAudienceList, List<Long> excludedAudienceList,
            List<Long> removedAudienceList, List<Long> removeAudienceList) {
    }

    /** The answer: IQM's message, and the campaigns that failed with why (then {@code success} is false). */
    @JsonPropertyOrder({"message", "failedCampaigns"})
    public record AudienceResult(String message,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> failedCampaigns) {
    }

    /**
     * Includes, excludes and removes audiences of each campaign, each campaign on its own (IQM's partial success).
     * PG campaigns target no audiences: naming one refuses the whole request (IQM's 422).
     */
    public AudienceResult targetAudiences(Caller caller, Map<String, AudienceChange> body) {
        caller.requireWrite();
        if (body == null || body.isEmpty()) {
            throw ApiException.badRequest("campaignId", "Name at least one campaign id with its audience lists.");
        }
        Map<Long, AudienceChange> changes = new LinkedHashMap<>();
        for (Map.Entry<String, AudienceChange> e : body.entrySet()) {
            if (!e.getKey().matches("[0-9]{1,15}") || e.getValue() == null) {
                throw ApiException.badRequest(e.getKey(), "Keys must be campaign ids, each with its audience lists.");
            }
            changes.put(Long.valueOf(e.getKey()), e.getValue());
        }
        Limits.ids("campaignId", changes.keySet());
        Map<Long, Integer> types = campaigns.typesOf(caller.owId(), changes.keySet());
        List<Long> pg = types.entrySet().stream().filter(e -> e.getValue() == CampaignRules.PG).map(Map.Entry::getKey)
                .toList();
        if (!pg.isEmpty()) {
            throw ApiException.unprocessable("campaignId",
                    "One or more campaigns are PG campaigns and cannot be used for audience targeting: " + pg);
        }
        Set<Long> named = new LinkedHashSet<>();
        changes.values().forEach(c -> {
            named.addAll(orEmpty(c.includedAudienceList()));
            named.addAll(orEmpty(c.excludedAudienceList()));
        });
        Set<Long> unknown = targets.unknownAudiences(caller.owId(), Limits.ids("audienceIds", named));
        Map<String, String> failed = new LinkedHashMap<>();
        for (Map.Entry<Long, AudienceChange> e : changes.entrySet()) {
            long id = e.getKey();
            AudienceChange c = e.getValue();
            List<Long> include = orEmpty(c.includedAudienceList());
            List<Long> exclude = orEmpty(c.excludedAudienceList());
            Set<Long> remove = new LinkedHashSet<>(orEmpty(c.removedAudienceList()));
            remove.addAll(orEmpty(c.removeAudienceList()));
            try {
                if (!types.containsKey(id)) {
                    throw CampaignWriter.notFound();
                }
                Set<Long> bad = new TreeSet<>(include);
                bad.addAll(exclude);
                bad.retainAll(unknown);
                if (!bad.isEmpty()) {
                    throw ApiException.unprocessable("audienceIds", "Invalid audience ids: " + bad + ".");
                }
                if (include.stream().anyMatch(exclude::contains)) {
                    throw ApiException.unprocessable("audienceIds", "An audience can't be both included and excluded.");
                }
                tx.executeWithoutResult(s -> writer.change(Actor.of(caller), caller.owId(), id, Edit.set(spec -> {
                    Set<Long> white = new LinkedHashSet<>(CampaignIds.anyShape("whiteListedAudienceIds",
                            spec.settings().get("whiteListedAudienceIds")));
                    Set<Long> black = new LinkedHashSet<>(CampaignIds.anyShape("blackListedAudienceIds",
                            spec.settings().get("blackListedAudienceIds")));
                    white.removeAll(remove);
                    black.removeAll(remove);
                    white.removeAll(exclude);
                    black.removeAll(include);
                    white.addAll(include);
                    black.addAll(exclude);
                    if (white.size() + black.size() > MAX_AUDIENCES) {
                        throw ApiException.unprocessable("audienceIds", "Can not target more than 20 audiences.");
                    }
                    return idLists(spec, "whiteListedAudienceIds", white, "blackListedAudienceIds", black);
                })));
            } catch (ApiException problem) {
                failed.put(String.valueOf(id), problem.getMessage());
            }
        }
        return new AudienceResult("Your changes have been successfully saved.", failed);
    }

    /** The body of {@code POST /api/v3/cmp/inventorygroup/includeExclude}. */
    public record InventoryGroupChange(List<Long> groupIds, String includedCampaignIds, String excludedCampaignIds) {
    }

    /** Includes the groups in some campaigns' inventory and excludes them from others', all or nothing. */
    public String includeExclude(Caller caller, InventoryGroupChange r) {
        caller.requireWrite();
        if (r.groupIds() == null || r.groupIds().isEmpty()) {
            throw ApiException.badRequest("groupIds", "groupIds is required.");
        }
        Set<Long> groups = new LinkedHashSet<>(Limits.ids("groupIds", r.groupIds()));
        if (!targets.unknownInventoryGroups(caller.owId(), groups).isEmpty()) {
            throw ApiException.badRequest("groupIds", "Invalid inventory group IDs provided");
        }
        Set<Long> include = new LinkedHashSet<>(campaignIds("includedCampaignIds", r.includedCampaignIds()));
        Set<Long> exclude = new LinkedHashSet<>(campaignIds("excludedCampaignIds", r.excludedCampaignIds()));
        if (include.isEmpty() && exclude.isEmpty()) {
            throw ApiException.badRequest("includedCampaignIds", INVALID_CAMPAIGNS);
        }
        if (include.stream().anyMatch(exclude::contains)) {
            throw ApiException.badRequest("excludedCampaignIds", "A campaign can't both include and exclude a group.");
        }
        Set<Long> all = new LinkedHashSet<>(include);
        all.addAll(exclude);
        if (!campaigns.typesOf(caller.owId(), Limits.ids("campaignIds", all)).keySet().containsAll(all)) {
            throw ApiException.badRequest(include.isEmpty() ? "excludedCampaignIds" : "includedCampaignIds",
                    INVALID_CAMPAIGNS);
        }
        tx.executeWithoutResult(s -> {
            for (Long id : all) {
                boolean in = include.contains(id);
                writer.change(Actor.of(caller), caller.owId(), id, Edit.set(spec -> {
                    Set<Long> white = new LinkedHashSet<>(CampaignIds.anyShape("whiteListedInventoryGroupIds",
                            spec.settings().get("whiteListedInventoryGroupIds")));
                    Set<Long> black = new LinkedHashSet<>(CampaignIds.anyShape("blackListedInventoryGroupIds",
                            spec.settings().get("blackListedInventoryGroupIds")));
                    (in ? black : white).removeAll(groups);
                    (in ? white : black).addAll(groups);
                    return idLists(spec, "whiteListedInventoryGroupIds", white, "blackListedInventoryGroupIds", black);
                }));
            }
        });
        return "Changes have been saved successfully";
    }

    /** One step of a deal-mapping request: assign or deassign these deals to or from these campaigns. */
    public record DealStep(String action, List<Long> campaignIds, List<Long> dealIds, String dealField) {
    }

    /**
     * Applies the steps in order, all or nothing: PG deals go to PG campaigns, PMP deals to the others, at most
     * 25 deals per campaign (IQM's 422s).
     */
    public String mapDeals(Caller caller, DealKind kind, List<DealStep> steps) {
        caller.requireWrite();
        String label = kind == DealKind.PG ? "PG" : "PMP";
        String field = kind == DealKind.PG ? "pgDealIds" : "pmpDealIds";
        if (steps == null || steps.isEmpty()) {
            throw ApiException.badRequest("operations", "operations is required.");
        }
        Set<Long> deals = new LinkedHashSet<>();
        Set<Long> all = new LinkedHashSet<>();
        List<Boolean> assigns = new ArrayList<>();
        for (DealStep step : steps) {
            String action = step.action() == null ? "" : step.action().strip().toUpperCase(Locale.ROOT);
            if (!action.equals("ASSIGN") && !action.equals("DEASSIGN")) {
                throw ApiException.badRequest("action", "action must be ASSIGN or DEASSIGN.");
            }
            if (step.campaignIds() == null || step.campaignIds().isEmpty()) {
                throw ApiException.badRequest("campaignIds", "campaignIds is required.");
            }
            if (step.dealIds() == null || step.dealIds().isEmpty()) {
                throw ApiException.badRequest(step.dealField(), step.dealField() + " is required.");
            }
            assigns.add(action.equals("ASSIGN"));
            deals.addAll(Limits.ids(step.dealField(), step.dealIds()));
            all.addAll(Limits.ids("campaignIds", step.campaignIds()));
        }
        if (!targets.unknownDeals(caller.owId(), kind, Limits.ids(field, deals)).isEmpty()) {
            throw ApiException.unprocessable(field, label + " deal id/s is/are invalid or not accessible for logged-in user");
        }
        Map<Long, Integer> types = campaigns.typesOf(caller.owId(), Limits.ids("campaignIds", all));
        if (!types.keySet().containsAll(all)) {
            throw ApiException.unprocessable("campaignIds",
                    "Campaign id/s is/are invalid or not accessible for logged-in user");
        }
        List<Long> wrongType = types.entrySet().stream()
                .filter(e -> (e.getValue() == CampaignRules.PG) != (kind == DealKind.PG)).map(Map.Entry::getKey).toList();
        if (!wrongType.isEmpty()) {
            throw ApiException.unprocessable("campaignIds", kind == DealKind.PG
                    ? "PG deals can be mapped only to PG campaigns: " + wrongType
                    : "PMP deals can't be mapped to PG campaigns: " + wrongType);
        }
        tx.executeWithoutResult(s -> {
            for (Long id : all) {
                writer.change(Actor.of(caller), caller.owId(), id, Edit.set(spec -> {
                    Set<Long> mapped = new LinkedHashSet<>(CampaignIds.anyShape(field, spec.settings().get(field)));
                    for (int i = 0; i < steps.size(); i++) {
                        if (steps.get(i).campaignIds().contains(id)) {
                            if (assigns.get(i)) {
                                mapped.addAll(steps.get(i).dealIds());
                            } else {
                                steps.get(i).dealIds().forEach(mapped::remove);
                            }
                        }
                    }
                    if (mapped.size() > MAX_DEALS) {
                        throw ApiException.unprocessable(field, "Campaign ID " + id + " exceeds the maximum limit of "
                                + MAX_DEALS + " deals");
                    }
                    if (mapped.isEmpty() && !spec.settings().containsKey(field)) {
                        return Map.of();
                    }
                    ArrayNode ids = JsonNodeFactory.instance.arrayNode();
                    mapped.forEach(ids::add);
                    return Map.of(field, ids);
                }));
            }
        });
        return label + " deal campaign mappings updated successfully";
    }

    private static List<Long> campaignIds(String field, String text) {
        return text == null ? List.of() : CampaignIds.list(field, text);
    }

    /** The two lists as IQM answers them ({@code "1,2"}); a list that stays empty and was never set stays unset. */
    private static Map<String, JsonNode> idLists(CampaignSpec spec, String whiteField, Set<Long> white,
            String blackField, Set<Long> black) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (!white.isEmpty() || spec.settings().containsKey(whiteField)) {
            fields.put(whiteField, JsonNodeFactory.instance.stringNode(CampaignIds.join(List.copyOf(white))));
        }
        if (!black.isEmpty() || spec.settings().containsKey(blackField)) {
            fields.put(blackField, JsonNodeFactory.instance.stringNode(CampaignIds.join(List.copyOf(black))));
        }
        return fields;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
