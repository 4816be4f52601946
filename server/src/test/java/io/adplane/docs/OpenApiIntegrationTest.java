package io.adplane.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.adplane.support.IntegrationTestSupport;
import io.adplane.support.OpenApiContract;
import io.restassured.path.json.JsonPath;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The served OpenAPI document covers every route the server exposes, with IQM's headers, each success answer's
 * fields and the seed's examples.
 */
class OpenApiIntegrationTest extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private JsonPath document() {
        return given().get("/v3/api-docs").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void everyRouteIsDocumented() {
        Map<String, Map<String, Object>> paths = document().getMap("paths");
        List<String> missing = new ArrayList<>();
        int routes = 0;
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                // The console's pages are HTML for people, not API operations (docs/console.md).
                if (pattern.equals("/error") || pattern.startsWith("/v3/api-docs") || pattern.startsWith("/swagger-ui")
                        || pattern.startsWith("/console/") || pattern.equals("/console")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    routes++;
                    Map<String, Object> item = paths.get(pattern);
                    if (item == null || !item.containsKey(method.name().toLowerCase(Locale.ROOT))) {
                        missing.add(method + " " + pattern);
                    }
                }
            }
        }
        assertThat(routes).isGreaterThan(50);
        assertThat(missing).isEmpty();
    }

    @Test
    void headersEnvelopesAndSeedExamples() {
        JsonPath doc = document();
        assertThat(doc.getList("paths.'/api/v3/cmp/io/add'.post.parameters.name", String.class)).contains("Idempotency-Key");
        // X-IAA-OW-ID is a security scheme (an API key in a header), required with the bearer token.
        assertThat(doc.getString("components.securitySchemes.organization.type")).isEqualTo("apiKey");
        assertThat(doc.getString("components.securitySchemes.organization.in")).isEqualTo("header");
        assertThat(doc.getString("components.securitySchemes.organization.name")).isEqualTo("X-IAA-OW-ID");
        assertThat(doc.getList("paths.'/api/v3/cmp/io/add'.post.security")).hasSize(1);
        assertThat(doc.getMap("paths.'/api/v3/cmp/io/add'.post.security[0]")).containsOnlyKeys("bearer", "organization");
        // Where the header is optional, the token alone is enough.
        assertThat(doc.getList("paths.'/api/v3/ua/profile'.get.security")).hasSize(2);
        assertThat(doc.getList("paths.'/api/v3/ua/login'.post.parameters.name", String.class)).contains("X-IAA-HOST");
        assertThat(doc.getString("paths.'/api/v3/ua/login'.post.requestBody.content.'application/json'.examples.seed.value.grantType"))
                .isEqualTo("password");
        assertThat(doc.getInt("paths.'/api/v2/cmp/campaigns/add'.post.responses.'200'.content.'application/json'.examples.seed.value.statusCode"))
                .isEqualTo(201);
        assertThat(doc.getString("paths.'/api/v2/cmp/campaign/{campaignId}'.get.responses.'404'.content.'application/json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/V2Error");
        assertThat(doc.getString("paths.'/api/v3/cmp/io/{ioId}'.get.responses.'422'.content.'application/json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/V3Error");
        assertThat(doc.getMap("components.securitySchemes")).containsKeys("bearer", "client", "organization");
        // The caller is never a request parameter.
        assertThat(doc.getList("paths.'/api/v3/ua/profile'.get.parameters.name", String.class)).isNullOrEmpty();
    }

    @Test
    void operationsAreTaggedByIqmApiAndNamedStably() throws Exception {
        JsonNode doc = JSON.readTree(given().get("/v3/api-docs").then().statusCode(200).extract().asString());
        assertThat(doc.get("paths").has("/error")).as("/error is not part of the API").isFalse();
        Set<String> ids = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String name = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                String id = op.getValue().path("operationId").asString();
                if (!ids.add(id) || id.matches(".*_[0-9]+")) {
                    problems.add(name + ": operationId " + id);
                }
                if (op.getValue().path("summary").asString("").isBlank()) {
                    problems.add(name + ": no summary");
                }
                if (!Set.of("User", "Campaign", "Creative", "Master", "Reports", "adplane")
                        .contains(op.getValue().path("tags").path(0).asString(""))) {
                    problems.add(name + ": tag " + op.getValue().path("tags"));
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(doc.at("/paths/~1api~1v3~1cmp~1io~1add/post/operationId").asString()).isEqualTo("createCampaignIO");
        assertThat(doc.at("/paths/~1api~1v2~1cmp~1campaigns~1add/post/operationId").asString()).isEqualTo("saveCampaign");
        assertThat(doc.at("/paths/~1api~1v2~1cmp~1campaign~1{campaignId}/get/tags/0").asString()).isEqualTo("Campaign");
        assertThat(doc.at("/paths/~1api~1v3~1ua~1login/post/tags/0").asString()).isEqualTo("User");
        // Internal decision ids (D1, D16, ...) belong to the project's notes, not to the public document.
        assertThat(doc.toString()).doesNotContainPattern("\\bD[0-9]{1,2}\\b");
    }

    @Test
    void theSeedExamplesWorkAgainstThisServer() {
        JsonPath doc = document();
        String login = "paths.'/api/v3/ua/login'.post.requestBody.content.'application/json'.examples.seed.value";
        assertThat(doc.getString(login + ".email")).isEqualTo(ADMIN_EMAIL);
        assertThat(doc.getString(login + ".password")).isEqualTo(ADMIN_PASSWORD);
        String io = "paths.'/api/v3/cmp/io/add'.post.requestBody.content.'application/json'.examples.seed.value";
        assertThat(doc.getLong(io + ".ioEndTime")).isGreaterThan(System.currentTimeMillis());
        String cmp = "paths.'/api/v2/cmp/campaigns/add'.post.requestBody.content.'application/json'.examples.seed.value";
        assertThat(doc.getLong(cmp + ".startTime")).isGreaterThan(System.currentTimeMillis() / 1000);
        assertThat(doc.getLong(cmp + ".endTime") * 1000).isLessThan(doc.getLong(io + ".ioEndTime"));
        assertThat(doc.prettify()).doesNotContain("@iqm.com");
    }

    /**
     * Each API operation documents its success answer field by field: from the record it answers with
     * (RecordSchemas), or, where the type can't say it (a map), from a representative answer with an example
     * (AnswerSchemas). answers.json holds exactly the second kind.
     */
    @Test
    void everyApiOperationHasAPreciseSuccessSchema() throws Exception {
        JsonNode paths = JSON.readTree(given().get("/v3/api-docs").then().statusCode(200).extract().asString()).get("paths");
        Set<String> typed = new TreeSet<>();
        for (var e : mappings.getHandlerMethods().entrySet()) {
            if (AnswerTypes.answerable(e.getValue().getMethod()) != null) {
                for (String pattern : e.getKey().getPatternValues()) {
                    for (RequestMethod method : e.getKey().getMethodsCondition().getMethods()) {
                        typed.add(method.name() + " " + pattern);
                    }
                }
            }
        }
        List<String> generic = new ArrayList<>();
        Set<String> byAnswer = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String name = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                JsonNode responses = op.getValue().path("responses");
                // The success answer: 200, or 201 where IQM answers Created (the PG campaign operations).
                JsonNode content = (responses.has("200") ? responses.path("200") : responses.path("201")).path("content");
                // Answers that are no JSON (a redirect, an image, a report's file, S14) have no fields to document.
                if (responses.propertyNames().stream().anyMatch(code -> code.startsWith("3"))
                        || (!content.isMissingNode() && !content.isEmpty() && !content.has("application/json"))) {
                    continue;
                }
                JsonNode ok = content.path("application/json");
                boolean fromType = typed.contains(name);
                if (!fromType) {
                    byAnswer.add(name);
                }
                if (!declaresFields(ok.path("schema")) || (!fromType && !ok.path("examples").has("answer"))) {
                    generic.add(name);
                }
            }
        }
        assertThat(generic).as("operations whose success answer is not documented field by field").isEmpty();
        assertThat(OpenApiContract.forPort(port).exampleProblems()).isEmpty();
        try (InputStream in = getClass().getResourceAsStream("/openapi/answers.json")) {
            assertThat(new TreeSet<>(JSON.readTree(in).propertyNames()))
                    .as("answers.json names exactly the operations whose answer types can't describe them")
                    .isEqualTo(byAnswer);
        }
    }

    /** An object schema with properties, an array of such, or alternatives that all are. */
    private static boolean declaresFields(JsonNode schema) {
        if (schema.has("anyOf")) {
            return schema.get("anyOf").values().stream().allMatch(OpenApiIntegrationTest::declaresFields);
        }
        JsonNode fields = schema.has("items") ? schema.get("items").path("properties") : schema.path("properties");
        return (fields.isObject() && !fields.isEmpty()) || schema.path("additionalProperties").isObject();
    }

    @Test
    void swaggerUiLoads() {
        String html = given().get("/swagger-ui/index.html").then().statusCode(200).extract().asString();
        assertThat(html).contains("swagger-ui");
    }
}
