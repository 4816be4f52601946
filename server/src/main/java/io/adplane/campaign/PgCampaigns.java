package io.adplane.campaign;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.adplane.api.ApiException;
import io.adplane.auth.Caller;
import io.adplane.campaign.CampaignWriter.Edit;
import io.adplane.history.Actor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * PG campaigns ({@code campaignTypeId} 2, F6): IQM's nested request ({@code pgCampaignInfo}, {@code creativeTargeting},
 * {@code inventoryTargeting}, {@code conversionTargeting}) is translated to the campaign's own fields and then
 * created or edited through {@link CampaignWriter} like any campaign, so the IO rules (D13), the PG deals of the
 * organization, the creatives and the status machine all apply. A rule's refusal is a 422, as IQM documents
 * for these operations; a malformed request stays a 400.
 */
@Service
public class PgCampaigns {

    /** What IQM's PG operations answer. */
    @JsonPropertyOrder({"message", "campaignId"})
    public record Saved(String message, long campaignId) {
    }

    private static final Set<String> SECTIONS = Set.of("pgCampaignInfo", "pgCampaignInfoVO", "creativeTargeting",
            "inventoryTargeting", "conversionTargeting", "countryId", "politicalAdvertiserClientId", "templateId",
            "campaignId");
    private static final Map<String, String> INFO = Map.ofEntries(Map.entry("campaignName", "campaignName"),
            Map.entry("ioId", "ioId"), Map.entry("timeZoneId", "timezone"), Map.entry("spendingBudget", "budgetTotal"),
            Map.entry("budgetTotal", "budgetTotal"), Map.entry("totalImpressions", "totalImpressions"),
            Map.entry("maxBid", "maxBid"), Map.entry("startTime", "startTime"), Map.entry("endTime", "endTime"),
            Map.entry("budgetTypeId", "budgetTypeId"), Map.entry("campaignTypeId", "campaignType"),
            Map.entry("advertiserDomain", "advertiserDomain"), Map.entry("advertiserType", "advertiserType"));

    private final CampaignWriter writer;
    private final CampaignRepository campaigns;
    private final TransactionTemplate tx;

    PgCampaigns(CampaignWriter writer, CampaignRepository campaigns, TransactionTemplate tx) {
        this.writer = writer;
        this.campaigns = campaigns;
        this.tx = tx;
    }

    /** {@code POST /api/v3/cmp/pg/campaigns/add} (pending) and {@code .../draft/add} (draft). */
    public Saved create(Caller caller, JsonNode body, boolean draft) {
        caller.requireWrite();
        Map<String, JsonNode> fields = fields(body, true);
        CampaignInput in = CampaignInput.parse(object(fields));
        Campaign c = asIqm(() -> tx.execute(s -> writer.create(Actor.of(caller), caller.owId(), in, draft)));
        return new Saved("PG Campaign Created successfully", c.id());
    }

    /**
     * {@code PATCH /api/v3/cmp/pg/campaigns/{id}}: the fields sent change; a draft or rejected campaign is
     * (re-)submitted. {@code .../draft/{id}} edits a draft, which stays one.
     */
    public Saved edit(Caller caller, long id, JsonNode body, boolean draft) {
        caller.requireWrite();
        Map<String, JsonNode> fields = fields(body, false);
        JsonNode sentId = body.get("campaignId");
        if (sentId != null && !sentId.isNull() && !(sentId.canConvertToLong() && sentId.asLong() == id)) {
            throw ApiException.badRequest("campaignId", "campaignId differs from the campaign of the path.");
        }
        Map<String, JsonNode> checked = CampaignInput.parse(object(fields)).all();
        asIqm(() -> tx.execute(s -> {
            Campaign c = campaigns.find(caller.owId(), id).filter(x -> x.status() != CampaignStatus.DELETED)
                    .orElseThrow(CampaignWriter::notFound);
            if (c.spec().campaignType() != CampaignRules.PG) {
                throw ApiException.unprocessable("campaignTypeId", "Invalid campaign Type provided");
            }
            if (draft && c.status() != CampaignStatus.DRAFT) {
                throw ApiException.conflict("status", "Only a draft can be edited as a draft; this campaign is '"
                        + c.status().code() + "'.");
            }
            return writer.change(Actor.of(caller), caller.owId(), id, draft ? Edit.set(spec -> checked)
                    : Edit.patch(checked));
        }));
        return new Saved("PG Campaign Updated successfully", id);
    }

    /** The campaign fields of IQM's PG request. */
    static Map<String, JsonNode> fields(JsonNode body, boolean create) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest(null, "Request body must be a JSON object.");
        }
        for (String key : body.propertyNames()) {
            if (!SECTIONS.contains(key)) {
                throw ApiException.badRequest(key, "Unknown field '" + key + "'.");
            }
        }
        if (body.has("pgCampaignInfo") && body.has("pgCampaignInfoVO")) {
            throw ApiException.badRequest("pgCampaignInfoVO", "Send pgCampaignInfo or pgCampaignInfoVO, not both.");
        }
        JsonNode info = body.has("pgCampaignInfo") ? body.get("pgCampaignInfo") : body.get("pgCampaignInfoVO");
        Map<String, JsonNode> f = new LinkedHashMap<>();
        if (info == null || info.isNull()) {
            if (create) {
                throw ApiException.badRequest("pgCampaignInfo", "pgCampaignInfo is required.");
            }
        } else {
            for (Map.Entry<String, JsonNode> e : section("pgCampaignInfo", info).properties()) {
                String field = INFO.get(e.getKey());
                if (field == null) {
                    throw ApiException.badRequest(e.getKey(), "Unknown field '" + e.getKey() + "'.");
                }
                if (f.containsKey(field) && !f.get(field).equals(e.getValue())) {
                    throw ApiException.badRequest(e.getKey(), "spendingBudget and budgetTotal differ.");
                }
                f.put(field, e.getValue());
            }
        }
        if (create) {
            JsonNode type = f.get("campaignType");
            if (type == null || !type.isIntegralNumber() || !type.canConvertToInt() || type.intValue() != CampaignRules.PG) {
                throw ApiException.unprocessable("campaignTypeId", "Invalid campaign Type provided");
            }
        } else if (f.containsKey("campaignType")) {
            JsonNode type = f.get("campaignType");
            if (!type.isIntegralNumber() || !type.canConvertToInt() || type.intValue() != CampaignRules.PG) {
                throw ApiException.unprocessable("campaignTypeId", "Invalid campaign Type provided");
            }
        }
        JsonNodeFactory n = JsonNodeFactory.instance;
        JsonNode creatives = body.get("creativeTargeting");
        if (creatives != null && !creatives.isNull()) {
            for (Map.Entry<String, JsonNode> e : section("creativeTargeting", creatives).properties()) {
                switch (e.getKey()) {
                    case "creativeTypeId" -> f.put("creativeType", e.getValue());
                    case "creativeIds" -> f.put("creativeIds",
                            n.stringNode(CampaignIds.join(CampaignIds.anyShape("creativeIds", e.getValue()))));
                    default -> throw ApiException.badRequest(e.getKey(), "Unknown field '" + e.getKey() + "'.");
                }
            }
        } else if (create) {
            throw ApiException.badRequest("creativeTargeting", "creativeTargeting is required.");
        }
        JsonNode inventory = body.get("inventoryTargeting");
        if (inventory != null && !inventory.isNull()) {
            for (Map.Entry<String, JsonNode> e : section("inventoryTargeting", inventory).properties()) {
                if (!e.getKey().equals("pgDealIds")) {
                    throw ApiException.badRequest(e.getKey(), "Unknown field '" + e.getKey() + "'.");
                }
                ArrayNode ids = n.arrayNode();
                CampaignIds.anyShape("pgDealIds", e.getValue()).stream().distinct().forEach(ids::add);
                f.put("pgDealIds", ids);
            }
        } else if (create) {
            throw ApiException.badRequest("inventoryTargeting", "inventoryTargeting is required.");
        }
        JsonNode conversions = body.get("conversionTargeting");
        if (conversions != null && !conversions.isNull()) {
            for (Map.Entry<String, JsonNode> e : section("conversionTargeting", conversions).properties()) {
                switch (e.getKey()) {
                    case "conversionTypeId" -> f.put("conversionTypeId", e.getValue());
                    case "conversionIds" -> f.put("conversionIds",
                            n.stringNode(CampaignIds.join(CampaignIds.anyShape("conversionIds", e.getValue()))));
                    default -> throw ApiException.badRequest(e.getKey(), "Unknown field '" + e.getKey() + "'.");
                }
            }
        }
        for (String top : List.of("countryId", "politicalAdvertiserClientId")) {
            if (body.hasNonNull(top)) {
                f.put(top, body.get(top));
            }
        }
        return f;
    }

    private static JsonNode section(String name, JsonNode node) {
        if (!node.isObject()) {
            throw ApiException.badRequest(name, "Field '" + name + "' must be an object.");
        }
        return node;
    }

    private static ObjectNode object(Map<String, JsonNode> fields) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        fields.forEach(o::set);
        return o;
    }

    /** IQM documents the PG operations' rule refusals as 422s (F6), the v2 412 of unknown deals too (F16). */
    private static <T> T asIqm(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (ApiException e) {
            if (e.status() != HttpStatus.BAD_REQUEST && e.status() != HttpStatus.PRECONDITION_FAILED) {
                throw e;
            }
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(), e.field(), e.reason(), e.data(),
                    e.headers());
        }
    }
}
