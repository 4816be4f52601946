package io.adplane.campaign;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.adplane.api.ApiException;
import io.adplane.creative.CreativeLookup;
import io.adplane.insertionorder.InsertionOrders;
import io.adplane.master.MasterData;
import io.adplane.master.Timezones;
import io.adplane.targeting.Targets;

/**
 * The campaign rules that need other features (D13, D14): the IO, master ids and creatives. Each kind of
 * id is checked in one call.
 */
@Component
class CampaignReferences {

    static final int CREATIVE_RUNNING = 2;

    private final InsertionOrders insertionOrders;
    private final MasterData master;
    private final Timezones timezones;
    private final CreativeLookup creatives;
    private final Targets targets;

    CampaignReferences(InsertionOrders insertionOrders, MasterData master, Timezones timezones,
            CreativeLookup creatives, Targets targets) {
        this.insertionOrders = insertionOrders;
        this.master = master;
        this.timezones = timezones;
        this.creatives = creatives;
        this.targets = targets;
    }

    /** The settings that name the organization's own deals, audiences and inventory groups (F4). */
    static final Set<String> TARGET_FIELDS = Set.of("pgDealIds", "pmpDealIds", "whiteListedAudienceIds",
            "blackListedAudienceIds", "whiteListedInventoryGroupIds", "blackListedInventoryGroupIds");

    /**
     * Checks that the deals, audiences and inventory groups a campaign names are the organization's own (every
     * kind when {@code fields} is null), so another organization's id never sticks to a campaign (D5). The refusal
     * is IQM's documented 412 form, {@code Invalid arguments audience ids!}, naming the field, with the unknown ids
     * as its reason (F16).
     */
    void checkTargets(long owId, CampaignSpec spec, Collection<String> fields) {
        for (String field : TARGET_FIELDS) {
            if (!wanted(fields, field) || !spec.settings().containsKey(field)) {
                continue;
            }
            List<Long> ids = CampaignIds.anyShape(field, spec.settings().get(field));
            if (ids.isEmpty()) {
                continue;
            }
            java.util.Set<Long> unknown = switch (field) {
                case "pgDealIds" -> targets.unknownDeals(owId, Targets.DealKind.PG, ids);
                case "pmpDealIds" -> targets.unknownDeals(owId, Targets.DealKind.PMP, ids);
                case "whiteListedAudienceIds", "blackListedAudienceIds" -> targets.unknownAudiences(owId, ids);
                default -> targets.unknownInventoryGroups(owId, ids);
            };
            if (!unknown.isEmpty()) {
                String kind = switch (field) {
                    case "pgDealIds" -> "pg deal";
                    case "pmpDealIds" -> "pmp deal";
                    case "whiteListedAudienceIds", "blackListedAudienceIds" -> "audience";
                    default -> "inventory group";
                };
                throw new ApiException(HttpStatus.PRECONDITION_FAILED, "Invalid arguments " + kind + " ids!", field,
                        "Not this organization's: "
                                + unknown.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")) + ".",
                        null, null);
            }
        }
    }

    /**
     * The IO, its row locked for this transaction: every campaign write takes it first, then the campaign's
     * row, so writes under one IO serialise and keep its totals exact (D12). Deleted IOs are found too (their
     * campaigns are deleted); 422 when the IO is not the organization's.
     */
    IoFacts lockIo(long owId, long ioId) {
        return insertionOrders.lockForCampaign(owId, ioId)
                .map(io -> new IoFacts(io.ioId(), io.ioName(), io.ioBudgetTypeId(), io.ioStartTime(), io.ioEndTime(),
                        io.ioStatusId()))
                .orElseThrow(() -> notTheOrganizations(ioId));
    }

    static ApiException notTheOrganizations(long ioId) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "The action cannot be completed as insertion order "
                + ioId + " does not belong to this organization", "ioId", null, null, null);
    }

    /**
     * Adds a campaign write's change of budget, impressions and of the IO's count of campaigns (+1 created, -1
     * deleted) to its (locked) IO (D12).
     */
    void addToIo(long owId, long ioId, BigDecimal budget, long impressions, int campaigns) {
        if (budget.signum() != 0 || impressions != 0 || campaigns != 0) {
            insertionOrders.addAllocation(owId, ioId, budget, impressions, campaigns);
        }
    }

    boolean timezoneExists(int id) {
        return timezones.exists(id);
    }

    /** The request fields whose ids live in master data. */
    static final Set<String> MASTER_FIELDS = Set.of("timezone", "countryId", "exchanges", "publisherAdCategory",
            "deviceType", "trafficType", "campaignIabCategoryIds");

    /** Checks the master ids of {@code fields} (every kind when null); 400 naming the field and the unknown ids. */
    void checkMasterIds(CampaignSpec spec, Collection<String> fields) {
        if (wanted(fields, "timezone") && spec.timezone() != null && !timezones.exists(spec.timezone())) {
            throw ApiException.badRequest("timezone", "Invalid timezone.");
        }
        if (wanted(fields, "countryId") && spec.countryId() != null
                && !master.unknownCountries(List.of(spec.countryId())).isEmpty()) {
            throw ApiException.badRequest("countryId", "Invalid country id.");
        }
        unknown(fields, "exchanges", spec.exchanges(), master::unknownExchanges);
        unknown(fields, "publisherAdCategory", spec.publisherAdCategory(), master::unknownAdCategories);
        unknown(fields, "deviceType", spec.deviceType(), master::unknownDeviceTypes);
        unknown(fields, "trafficType", spec.trafficType(), master::unknownTrafficTypes);
        var iab = spec.settings().get("campaignIabCategoryIds");
        if (iab != null && iab.isString()) {
            unknown(fields, "campaignIabCategoryIds", CampaignIds.list("campaignIabCategoryIds", iab.stringValue()),
                    master::unknownAdCategories);
        }
    }

    private static boolean wanted(Collection<String> fields, String field) {
        return fields == null || fields.contains(field);
    }

    private static void unknown(Collection<String> fields, String field, List<Long> ids,
            Function<List<Long>, ? extends Collection<?>> check) {
        if (!wanted(fields, field) || ids == null || ids.isEmpty()) {
            return;
        }
        var unknown = check.apply(ids);
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest(field, "Invalid " + field + " ids: "
                    + unknown.stream().map(String::valueOf).sorted().collect(Collectors.joining(",")) + ".");
        }
    }

    /**
     * Every creative must belong to the organization and be of the campaign's creative type; to run, it must
     * also be running (creative status 2) (D14).
     */
    void checkCreatives(long owId, CampaignSpec spec, boolean mustBeRunning) {
        if (spec.creativeIds() == null || spec.creativeIds().isEmpty()) {
            return;
        }
        Map<Long, CreativeLookup.CreativeFacts> found = creatives.find(owId, spec.creativeIds()).stream()
                .collect(Collectors.toMap(CreativeLookup.CreativeFacts::id, c -> c));
        List<String> problems = new ArrayList<>();
        for (Long id : new java.util.LinkedHashSet<>(spec.creativeIds())) {
            var c = found.get(id);
            if (c == null) {
                problems.add("creative " + id + " does not exist");
            } else if (mustBeRunning && c.statusId() != CREATIVE_RUNNING) {
                problems.add("creative " + id + " is not running");
            } else if (spec.creativeType() != null && c.creativeTypeId() != spec.creativeType()) {
                problems.add("creative " + id + " is not of creative type " + spec.creativeType());
            }
        }
        if (!problems.isEmpty()) {
            String text = String.join("; ", problems);
            throw ApiException.badRequest("creativeIds", Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".");
        }
    }
}
