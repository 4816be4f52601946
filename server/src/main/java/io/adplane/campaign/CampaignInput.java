package io.adplane.campaign;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.adplane.api.ApiException;
import io.adplane.api.Limits;
import io.adplane.api.TextRules;
import io.adplane.campaign.CampaignFields.Kind;
import tools.jackson.databind.JsonNode;

/**
 * A campaign request body, checked field by field against {@link CampaignFields}: unknown fields and wrong
 * types are 400s naming the field (D7). JSON {@code null} counts as absent.
 */
final class CampaignInput {

    private static final long MAX_ID = (1L << 53) - 1;

    private final Map<String, JsonNode> values;

    private CampaignInput(Map<String, JsonNode> values) {
        this.values = values;
    }

    static CampaignInput parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest(null, "Request body must be a JSON object.");
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            String field = e.getKey();
            Kind kind = CampaignFields.KINDS.get(field);
            if (kind == null) {
                throw ApiException.badRequest(field, "Unknown field '" + field + "'.");
            }
            JsonNode value = e.getValue();
            if (kind == Kind.IGNORED || value.isNull()) {
                continue;
            }
            check(field, kind, value);
            values.put(field, value);
        }
        return new CampaignInput(values);
    }

    static CampaignInput of(Map<String, JsonNode> values) {
        return new CampaignInput(new LinkedHashMap<>(values));
    }

    private static void check(String field, Kind kind, JsonNode value) {
        switch (kind) {
            case TEXT -> {
                if (!value.isString()) {
                    throw mustBe(field, "a string");
                }
                Limits.text(field, value.stringValue(), Limits.URL);
            }
            case INTEGER -> {
                if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0
                        || value.longValue() > MAX_ID) {
                    throw mustBe(field, "a non-negative integer");
                }
            }
            case MONEY -> {
                if (!value.isNumber()) {
                    throw mustBe(field, "a number");
                }
                BigDecimal d = value.decimalValue();
                Limits.money(field, d);
            }
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    throw mustBe(field, "true or false");
                }
            }
            case ID_LIST -> {
                if (!value.isString()) {
                    throw mustBe(field, "a string of comma-separated ids");
                }
                CampaignIds.list(field, value.stringValue());
            }
            case FLEX_ID -> flexId(field, value);
            case OBJECT -> {
                if (!value.isObject()) {
                    throw mustBe(field, "an object");
                }
                checkTexts(field, value);
            }
            case ARRAY -> {
                if (!value.isArray()) {
                    throw mustBe(field, "an array");
                }
                checkTexts(field, value);
            }
            case ANY -> checkTexts(field, value);
            case IGNORED -> {
            }
        }
    }

    /** Strings anywhere inside a kept document obey the same character rules as top-level ones. */
    private static void checkTexts(String field, JsonNode value) {
        if (value.isString()) {
            String problem = TextRules.problem(value.stringValue());
            if (problem != null) {
                throw ApiException.badRequest(field, "Field '" + field + "' " + problem + ".");
            }
        } else if (value.isContainer()) {
            for (JsonNode child : value.values()) {
                checkTexts(field, child);
            }
            if (value.isObject()) {
                for (String name : value.propertyNames()) {
                    if (TextRules.problem(name) != null) {
                        throw ApiException.badRequest(field, "Field '" + field + "' has an invalid key.");
                    }
                }
            }
        }
    }

    private static ApiException mustBe(String field, String what) {
        return ApiException.badRequest(field, "Field '" + field + "' must be " + what + ".");
    }

    private static long flexId(String field, JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() > 0 && value.longValue() <= MAX_ID) {
            return value.longValue();
        }
        if (value.isString() && value.stringValue().matches("[1-9][0-9]{0,15}")
                && Long.parseLong(value.stringValue()) <= MAX_ID) {
            return Long.parseLong(value.stringValue());
        }
        throw mustBe(field, "an id: a positive integer or a string of digits");
    }

    boolean has(String field) {
        return values.containsKey(field);
    }

    JsonNode node(String field) {
        return values.get(field);
    }

    String text(String field) {
        JsonNode v = values.get(field);
        return v == null ? null : v.stringValue();
    }

    Long integer(String field) {
        JsonNode v = values.get(field);
        return v == null ? null : v.longValue();
    }

    Integer smallInteger(String field) {
        Long v = integer(field);
        if (v != null && v > Integer.MAX_VALUE) {
            throw mustBe(field, "an integer below 2147483648");
        }
        return v == null ? null : v.intValue();
    }

    BigDecimal money(String field) {
        JsonNode v = values.get(field);
        return v == null ? null : v.decimalValue();
    }

    Boolean bool(String field) {
        JsonNode v = values.get(field);
        return v == null ? null : v.booleanValue();
    }

    Long id(String field) {
        JsonNode v = values.get(field);
        return v == null ? null : flexId(field, v);
    }

    List<Long> idList(String field) {
        JsonNode v = values.get(field);
        return v == null ? null : CampaignIds.list(field, v.stringValue());
    }

    /** The fields kept in the settings document, as sent. */
    Map<String, JsonNode> settings() {
        Map<String, JsonNode> settings = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (!CampaignFields.CORE.contains(k)) {
                settings.put(k, v);
            }
        });
        return settings;
    }

    Map<String, JsonNode> all() {
        return Collections.unmodifiableMap(values);
    }
}
