package io.adplane.campaign;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.adplane.api.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * The rules of a campaign's own fields (D14), without the database: required and conditional fields,
 * budgets, bids, times, frequency capping and dayparting. Each failure is a 400 naming its field. The checks
 * that need other data (the IO, master ids, creatives) live in {@link CampaignWriter}, which runs these rules
 * on every write.
 */
final class CampaignRules {

    static final Set<Integer> CREATIVE_TYPES = Set.of(11, 13, 14, 15, 17);
    static final int ADVANCED = 1;
    /** IQM's PG campaign type: bought on PG deals, created and edited at {@code /api/v3/cmp/pg/campaigns} (F6). */
    static final int PG = 2;
    static final BigDecimal MAX_BID = new BigDecimal("1000");
    static final long MIN_FLIGHT_SECONDS = 15 * 60;

    private static final List<String> REQUIRED = List.of("campaignName", "creativeType", "exchanges",
            "publisherAdCategory", "ioId", "isAgreementChecked", "advertiserDomain", "creativeIds", "countryId",
            "maxBid", "startTime", "timezone");
    private static final List<String> REQUIRED_FOR_DRAFT = List.of("campaignName", "creativeType", "ioId",
            "advertiserDomain", "creativeIds", "countryId", "maxBid", "startTime");
    /** A PG campaign's inventory is its deals: no exchanges, ad categories, agreement or country needed (F6). */
    private static final List<String> REQUIRED_PG = List.of("campaignName", "creativeType", "ioId",
            "advertiserDomain", "creativeIds", "maxBid", "startTime", "timezone", "pgDealIds");
    private static final List<String> REQUIRED_PG_DRAFT = List.of("campaignName", "ioId", "startTime", "timezone");

    private CampaignRules() {
    }

    /** A campaign to submit (pending): every rule. */
    static CampaignSpec forSubmission(CampaignInput in, long nowSeconds) {
        return check(in, nowSeconds, false);
    }

    /** A draft: the fields it has must be well-formed, but the conditional rules wait for submission. */
    static CampaignSpec forDraft(CampaignInput in, long nowSeconds) {
        return check(in, nowSeconds, true);
    }

    private static CampaignSpec check(CampaignInput in, long nowSeconds, boolean draft) {
        int campaignType = campaignType(in);
        boolean pg = campaignType == PG;
        for (String field : pg ? (draft ? REQUIRED_PG_DRAFT : REQUIRED_PG) : draft ? REQUIRED_FOR_DRAFT : REQUIRED) {
            if (!in.has(field)) {
                throw required(field);
            }
        }
        String name = in.text("campaignName");
        if (name != null && name.isBlank()) {
            throw ApiException.badRequest("campaignName", "Campaign name is required.");
        }
        if (name != null && name.strip().length() > 255) {
            throw ApiException.badRequest("campaignName", "Campaign name must have at most 255 characters.");
        }
        if (!draft && !pg && !Boolean.TRUE.equals(in.bool("isAgreementChecked"))) {
            throw ApiException.badRequest("isAgreementChecked", "Please check the agreement to proceed.");
        }
        String domain = in.text("advertiserDomain");
        if (domain != null && !isHttpUrl(domain)) {
            throw ApiException.badRequest("advertiserDomain",
                    "Advertiser domain must be a URL with its protocol, e.g. https://example.com.");
        }
        Integer creativeType = in.smallInteger("creativeType");
        if (creativeType != null && !CREATIVE_TYPES.contains(creativeType)) {
            throw ApiException.badRequest("creativeType", "Invalid creative type.");
        }
        List<Long> creativeIds = in.idList("creativeIds");
        if (creativeIds != null && creativeIds.isEmpty()) {
            throw ApiException.badRequest("creativeIds", "At least one creative id is required.");
        }
        Integer budgetTypeId = in.smallInteger("budgetTypeId");
        if (budgetTypeId != null && budgetTypeId != 1 && budgetTypeId != 2) {
            throw ApiException.badRequest("budgetTypeId", "Invalid budget type provided");
        }

        Long start = in.integer("startTime");
        Long end = in.integer("endTime");
        if (start != null && start < nowSeconds - nowSeconds % 60) {
            throw ApiException.badRequest("startTime", "Start date can not be less than current time.");
        }
        if (start != null && end != null) {
            if (end < start) {
                throw ApiException.badRequest("endTime", "End date can not be less than start date.");
            }
            if (end - start < MIN_FLIGHT_SECONDS) {
                throw ApiException.badRequest("endTime",
                        "There should be at least 15 min difference between start date and end date.");
            }
        }

        boolean pacing = Boolean.TRUE.equals(in.bool("totalBudgetPacing"));
        BigDecimal budgetDay = in.money("budgetDay");
        BigDecimal budgetTotal = in.money("budgetTotal");
        if (!draft) {
            if (pacing && end == null) {
                throw ApiException.badRequest("endTime", "End date is must if total budget pacing is enabled.");
            }
            if (pacing && budgetDay != null) {
                throw ApiException.badRequest("budgetDay",
                        "Daily budget is not applicable if total budget pacing is enabled.");
            }
            if (pg && !draft && CampaignIds.anyShape("pgDealIds", in.node("pgDealIds")).isEmpty()) {
                throw ApiException.badRequest("pgDealIds", "At least one PG deal is required.");
            }
            if (budgetTypeId == null || budgetTypeId == 1) {
                if (budgetTotal == null) {
                    throw ApiException.badRequest("budgetTotal", "Total budget is required.");
                }
            } else if (in.integer("totalImpressions") == null || in.integer("totalImpressions") == 0) {
                throw ApiException.badRequest("totalImpressions", "Total impression should not be empty");
            }
        }
        if (budgetDay != null && budgetTotal != null && budgetDay.compareTo(budgetTotal) > 0) {
            throw ApiException.badRequest("budgetDay", "Daily budget must not exceed total budget");
        }
        BigDecimal maxBid = in.money("maxBid");
        if (maxBid != null && (maxBid.signum() <= 0 || maxBid.compareTo(MAX_BID) > 0)) {
            throw ApiException.badRequest("maxBid", "Max bid must be greater than 0 and not greater than 1000.");
        }
        if (Boolean.TRUE.equals(in.bool("isTvAd")) && creativeType != null && creativeType != 14) {
            throw ApiException.badRequest("isTvAd", "TV ads need the video creative type (14).");
        }
        checkFrequencyCapping(in);
        checkScheduling(in.node("scheduling"));
        checkConversions(in);
        checkOptimization(in);

        return new CampaignSpec(name == null ? null : name.strip(), in.id("ioId"), in.id("countryId"), domain,
                creativeType, campaignType, creativeIds, start, end, in.smallInteger("timezone"), pacing, budgetDay,
                budgetTotal, budgetTypeId, maxBid, orEmpty(in.idList("exchanges")),
                orEmpty(in.idList("publisherAdCategory")), orEmpty(in.idList("deviceType")),
                orEmpty(in.idList("trafficType")), Boolean.TRUE.equals(in.bool("isAgreementChecked")), in.settings());
    }

    private static int campaignType(CampaignInput in) {
        Integer type = in.smallInteger("campaignType");
        Integer typeId = in.smallInteger("campaignTypeId");
        if (type != null && typeId != null && !type.equals(typeId)) {
            throw ApiException.badRequest("campaignTypeId", "campaignType and campaignTypeId differ.");
        }
        int t = type != null ? type : typeId != null ? typeId : ADVANCED;
        if (t != ADVANCED && t != PG) {
            throw ApiException.badRequest(type != null ? "campaignType" : "campaignTypeId",
                    "Invalid campaign Type provided");
        }
        return t;
    }

    private static void checkFrequencyCapping(CampaignInput in) {
        JsonNode caps = in.node("frequencyCapping");
        boolean enabled = Boolean.TRUE.equals(in.bool("frequencyCapEnabled"));
        if (enabled && (caps == null || caps.isEmpty())) {
            throw ApiException.badRequest("frequencyCapping", "Frequency capping map is required.");
        }
        if (caps == null) {
            return;
        }
        if (!enabled && !caps.isEmpty()) {
            throw ApiException.badRequest("frequencyCapEnabled", "Frequency capping needs frequencyCapEnabled true.");
        }
        for (Map.Entry<String, JsonNode> cap : caps.properties()) {
            int[] range = switch (cap.getKey()) {
                case "1" -> new int[] {1, 6};
                case "2", "3" -> new int[] {1, 3};
                case "4" -> new int[] {0, 0};
                default -> throw ApiException.badRequest("frequencyCapId", "Invalid frequency cap type.");
            };
            JsonNode v = cap.getValue();
            JsonNode value = v.get("frequencyCapValue");
            JsonNode duration = v.get("frequencyCapDuration");
            if (!v.isObject() || v.size() != 2 || value == null || duration == null) {
                throw ApiException.badRequest("frequencyCapping",
                        "Each frequency cap needs frequencyCapValue and frequencyCapDuration.");
            }
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
                throw ApiException.badRequest("frequencyCapValue", "Frequency cap value must be a positive integer.");
            }
            if (!duration.isIntegralNumber() || !duration.canConvertToInt()
                    || duration.intValue() < range[0] || duration.intValue() > range[1]) {
                throw ApiException.badRequest("frequencyDuration", cap.getKey().equals("4")
                        ? "Invalid frequency duration for frequency cap type 'Campaign Duration'"
                        : "Invalid frequency duration for frequency cap type " + cap.getKey() + ": allowed "
                                + range[0] + " to " + range[1] + ".");
            }
        }
    }

    /** Dayparting: days "0" (Monday) to "6" (Sunday), each a list of ["HH:mm:ss","HH:mm:ss"] with start before end. */
    static void checkScheduling(JsonNode scheduling) {
        if (scheduling == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> day : scheduling.properties()) {
            if (!day.getKey().matches("[0-6]") || !day.getValue().isArray()) {
                throw ApiException.badRequest("scheduling",
                        "Scheduling must map days \"0\" (Monday) to \"6\" (Sunday) to lists of time ranges.");
            }
            for (JsonNode range : day.getValue()) {
                if (!range.isArray() || range.size() != 2 || !isTime(range.get(0)) || !isTime(range.get(1))
                        || range.get(0).stringValue().compareTo(range.get(1).stringValue()) >= 0) {
                    throw ApiException.badRequest("scheduling",
                            "Each scheduling range must be [\"HH:mm:ss\",\"HH:mm:ss\"] with the start before the end.");
                }
            }
        }
    }

    private static boolean isTime(JsonNode node) {
        return node.isString() && node.stringValue().matches("([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|24:00:00");
    }

    private static void checkConversions(CampaignInput in) {
        Integer type = in.smallInteger("conversionTypeId");
        if (type != null && type != 0 && (type < 1 || type > 3)) {
            throw ApiException.badRequest("conversionTypeId", "Invalid conversion type.");
        }
        List<Long> ids = in.idList("conversionIds");
        if (ids != null && !ids.isEmpty() && (type == null || type == 0)) {
            throw ApiException.badRequest("conversionTypeId", "conversionIds need a conversionTypeId.");
        }
    }

    private static void checkOptimization(CampaignInput in) {
        String type = in.text("campaignOptimizationType");
        if (type == null) {
            return;
        }
        if (!Set.of("ai_based", "rule_based", "manual").contains(type)) {
            throw ApiException.badRequest("campaignOptimizationType",
                    "campaignOptimizationType must be ai_based, rule_based or manual.");
        }
        if (type.equals("ai_based") && in.node("campaignOptimization") == null) {
            throw ApiException.badRequest("campaignOptimization", "ai_based optimization needs campaignOptimization.");
        }
    }

    static boolean isHttpUrl(String text) {
        try {
            URI uri = URI.create(text.trim());
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The message of an end that lies in the past, for every request that moves an end. */
    static final String END_IN_PAST = "End date can not be less than current time.";

    /** A new end (epoch seconds) must lie in the future; 400 naming {@code field}. */
    static void requireFutureEnd(String field, long end, long nowSeconds) {
        if (end <= nowSeconds) {
            throw ApiException.badRequest(field, END_IN_PAST);
        }
    }

    private static ApiException required(String field) {
        return switch (field) {
            case "startTime" -> ApiException.badRequest(field, "Start time is required");
            case "timezone" -> ApiException.badRequest(field, "Timezone is required");
            default -> ApiException.badRequest(field, "Field '" + field + "' is required.");
        };
    }

    private static List<Long> orEmpty(List<Long> ids) {
        return ids == null ? List.of() : ids;
    }
}
