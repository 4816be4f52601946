package io.adplane.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GET campaign answers every stored setting as it was sent, so its documented answer (openapi/answers.json)
 * must list every setting field of {@link CampaignFields} with the JSON type its kind allows; the integration
 * tests send only some of them.
 */
class CampaignFieldsDocumentedTest {

    @Test
    void everySettingIsInTheDocumentedAnswerWithItsType() throws Exception {
        JsonNode entry;
        try (InputStream in = getClass().getResourceAsStream("/openapi/answers.json")) {
            entry = JsonMapper.builder().build().readTree(in).get("GET /api/v2/cmp/campaign/{campaignId}");
        }
        JsonNode answer = entry.get("answer").get("responseObject");
        Set<String> asSent = new TreeSet<>();
        entry.get("asSent").values().forEach(v -> asSent.add(v.asString().substring("responseObject.".length())));
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, CampaignFields.Kind> e : CampaignFields.KINDS.entrySet()) {
            String field = e.getKey();
            if (CampaignFields.CORE.contains(field) || e.getValue() == CampaignFields.Kind.IGNORED) {
                continue;
            }
            JsonNode v = answer.get(field);
            boolean ok = v != null && switch (e.getValue()) {
                case TEXT, ID_LIST -> v.isString() && !asSent.contains(field);
                case INTEGER -> v.isIntegralNumber() && !asSent.contains(field);
                case MONEY -> v.isFloatingPointNumber() && !asSent.contains(field);
                case BOOLEAN -> v.isBoolean() && !asSent.contains(field);
                case OBJECT, ARRAY, ANY -> asSent.contains(field);
                default -> false;
            };
            if (!ok) {
                wrong.add(field + " (" + e.getValue() + ")");
            }
        }
        assertThat(wrong).as("settings missing from the documented GET campaign answer, or typed unlike their kind").isEmpty();
    }
}
