package io.adplane.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponses;
import tools.jackson.databind.json.JsonMapper;

/** How a representative answer becomes a schema. */
class AnswerSchemasTest {

    private static Schema<?> schemaOf(String entry) {
        AnswerSchemas answers = new AnswerSchemas(JsonMapper.builder().build().readTree("{\"GET /api/x\": " + entry + "}"));
        Operation op = new Operation().responses(new ApiResponses());
        answers.apply("/api/x", PathItem.HttpMethod.GET, op);
        return op.getResponses().get("200").getContent().get("application/json").getSchema();
    }

    private static Schema<?> field(Schema<?> schema, String name) {
        Schema<?> data = schema.getProperties().get("data");
        return data.getProperties().get(name);
    }

    @Test
    void jsonTypesBecomeSchemaTypes() {
        Schema<?> s = schemaOf("""
                {"answer": {"success": true, "data": {"id": 7, "budget": 1500.0, "name": "IO", "logo": null,
                  "rows": [{"a": 1}, {"a": 1.5, "b": null}, {"b": "x"}]}}}""");
        assertThat(s.getProperties().get("success").getTypes()).containsExactly("boolean");
        assertThat(field(s, "id").getTypes()).containsExactly("integer");
        assertThat(field(s, "budget").getTypes()).containsExactly("number");
        assertThat(field(s, "name").getTypes()).containsExactly("string");
        assertThat(field(s, "logo").getTypes()).isNull();
        Schema<?> row = field(s, "rows").getItems();
        assertThat(row.getProperties().get("a").getTypes()).containsExactly("number");
        assertThat(row.getProperties().get("b").getTypes()).containsExactly("string", "null");
    }

    @Test
    void hintsSayWhatOneAnswerCannot() {
        Schema<?> s = schemaOf("""
                {"answer": {"data": {"end": 1769904000, "ids": {"C1": "700001"}, "kept": {"any": 1}}},
                 "nullable": ["data.end"], "maps": ["data.ids"], "asSent": ["data.kept"]}""");
        assertThat(field(s, "end").getTypes()).containsExactly("integer", "null");
        assertThat(field(s, "ids").getProperties()).isNull();
        assertThat(((Schema<?>) field(s, "ids").getAdditionalProperties()).getTypes()).isEqualTo(Set.of("string"));
        assertThat(field(s, "kept").getTypes()).isNull();
        assertThat(field(s, "kept").getProperties()).isNull();
    }

    @Test
    void otherAnswersAreAlternatives() {
        Schema<?> s = schemaOf("""
                {"answer": {"success": true}, "otherAnswers": {"raw": {"access_token": "at"}}}""");
        assertThat(s.getAnyOf()).hasSize(2);
    }

    @Test
    void aHintForAFieldTheAnswerLacksFailsAtStartup() {
        assertThatThrownBy(() -> schemaOf("{\"answer\": {\"data\": {}}, \"nullable\": [\"data.ioEndTme\"]}"))
                .hasMessageContaining("data.ioEndTme");
    }
}
