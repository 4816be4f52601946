package io.adplane.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.adplane.api.ApiException;
import io.adplane.creative.CreativeLookup;
import io.adplane.insertionorder.InsertionOrders;
import io.adplane.master.MasterData;
import io.adplane.master.Timezones;

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

    CampaignReferences(InsertionOrders insertionOrders, MasterData master, Timezones timezones,
            CreativeLookup creatives) {
        this.insertionOrders = insertionOrders;
        this.master = master;
        this.timezones = timezones;
        this.creatives = creatives;
    }

    /** The IO, locked for this transaction so budget sums stay consistent (D12); 422 when not the caller's. */
    IoFacts lockIo(long owId, long ioId) {
        return insertionOrders.lockForCampaign(owId, ioId)
                .map(io -> new IoFacts(io.ioId(), io.ioName(), io.ioBudgetTypeId(), io.ioStartTime(), io.ioEndTime(),
                        io.ioStatusId()))
                .orElseThrow(() -> new ApiException(HttpStatus.UNPROCESSABLE_ENTITY,
                        "The action cannot be completed as insertion order " + ioId
                                + " does not belong to this organization", "ioId", null, null, null));
    }

    /** Recomputes an auto-sum IO's total from its campaigns, in the caller's transaction (D12). */
    void syncIoBudget(long owId, long ioId) {
        insertionOrders.syncAutoSumBudget(owId, ioId);
    }

    boolean timezoneExists(int id) {
        return timezones.exists(id);
    }

    /** Checks every master id the spec names; 400 naming the field and the unknown ids. */
    void checkMasterIds(CampaignSpec spec) {
        if (spec.timezone() != null && !timezones.exists(spec.timezone())) {
            throw ApiException.badRequest("timezone", "Invalid timezone.");
        }
        if (spec.countryId() != null && !master.unknownCountries(List.of(spec.countryId())).isEmpty()) {
            throw ApiException.badRequest("countryId", "Invalid country id.");
        }
        unknown("exchanges", spec.exchanges(), master::unknownExchanges);
        unknown("publisherAdCategory", spec.publisherAdCategory(), master::unknownAdCategories);
        unknown("deviceType", spec.deviceType(), master::unknownDeviceTypes);
        unknown("trafficType", spec.trafficType(), master::unknownTrafficTypes);
    }

    private static void unknown(String field, List<Long> ids, Function<List<Long>, ? extends java.util.Collection<?>> check) {
        if (ids == null || ids.isEmpty()) {
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
        for (Long id : spec.creativeIds()) {
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
