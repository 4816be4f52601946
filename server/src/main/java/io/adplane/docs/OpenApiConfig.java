package io.adplane.docs;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.time.Clock;

import org.springframework.core.env.Environment;

import io.adplane.auth.Caller;
import io.adplane.ops.Mode;
import io.adplane.tenancy.TenancyRepository;
import io.adplane.tenancy.TenancyService;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * adplane's own OpenAPI 3 document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui/index.html}):
 * every route, the headers IQM's API needs, both envelopes and their error shapes (D4, D5), each success
 * answer's fields ({@link AnswerSchemas}), and the seed quickstart's requests and answers as examples.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static {
        // The caller is bound by the bearer gate from headers, not sent as a parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    private static final Set<String> LOGIN = Set.of("/api/v3/ua/login", "/api/v3/ua/oauth/token");
    /** The v2 campaign writes that answer IQM's 412 for a deal, audience or inventory group not the organization's. */
    private static final Set<String> TARGET_CHECKS = Set.of("/api/v2/cmp/campaigns/add", "/api/v2/cmp/campaigns/draft/add",
            "/api/v2/cmp/campaign/draft/{campaignId}", "/api/v2/cmp/campaign/{campaignId}");
    private static final Set<String> OW_OPTIONAL = Set.of("/api/v3/ua/logout", "/api/v3/ua/profile",
            "/api/v3/ua/user/allowed-organizations", "/api/v3/ua/allowed-customers-ids",
            "/api/v3/ua/user/accessible-organizations", "/api/v3/ua/user/ow-id");
    /** Reached by an emailed link, before any login: no credentials. */
    private static final Set<String> PUBLIC = Set.of("/api/v3/ua/invite/validate", "/api/v3/ua/invite/accept",
            "/api/v3/ua/user/reset-password", "/api/v3/ua/user/reset-password/validate",
            "/api/v3/ua/user/reset-password/complete", "/api/v3/ua/find-my-workspace", "/api/v3/ua/init",
            "/api/v3/ua/logo", "/api/v3/ua/images/{sha256}", "/api/v3/ua/workspace");

    private static final Pattern REF = Pattern.compile("\"#/components/schemas/([^\"]+)\"");

    /** Answers any operation can give. */
    private static final Map<String, String> COMMON = Map.of("405", "Method not allowed", "413", "Request body too large",
            "415", "Content type not supported", "500", "server encountered an error !");

    @Bean
    OpenAPI adplaneOpenApi() {
        return new OpenAPI()
                .info(new Info().title("adplane").version("0.1.0")
                        .description("A self-hosted server that speaks IQM's campaign REST API: log in, create insertion "
                                + "orders, creatives and campaigns, and follow campaigns through approval. /api/v3 answers "
                                + "{success, data, errorObjects}; /api/v2 answers {statusCode, responseObject}. In Swagger UI: "
                                + "Authorize with the OAuth client (client), run the login, then Authorize with its "
                                + "access_token (bearer) and owId (organization).")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .tags(OperationCatalog.TAGS)
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("Authorization: Bearer <access_token> (the alias Authentication works too)"))
                        .addSecuritySchemes("organization", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name(Caller.OW_HEADER)
                                .description("X-IAA-OW-ID: the organization (owId) the call acts for; the login answers "
                                        + "the caller's own. It selects among the organizations the caller may act for, "
                                        + "it never grants anything by itself."))
                        .addSecuritySchemes("client", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Authorization: Basic base64(client_id:client_secret), on login")));
    }

    private static Schema<?> v3Error() {
        return new ObjectSchema()
                .addProperty("success", new BooleanSchema().example(false))
                .addProperty("data", new ObjectSchema().description("Only on the login's answer for an organization on hold")
                        .addProperty("status", new StringSchema().example("On Hold"))
                        .addProperty("reason", new JsonSchema().types(new LinkedHashSet<>(List.of("string", "null"))))
                        .addProperty("supportEmail", new StringSchema().example("support@localhost")))
                .addProperty("errorObjects", new ArraySchema().items(new ObjectSchema()
                        .addProperty("error", new StringSchema().example("The field 'ioName' cannot be empty."))
                        .addProperty("reason", new StringSchema())
                        .addProperty("field", new StringSchema().example("ioName"))));
    }

    private static Schema<?> v2Error() {
        return new ObjectSchema()
                .addProperty("statusCode", new IntegerSchema().example(400))
                .addProperty("responseObject", new ObjectSchema()
                        .addProperty("errorMsg", new StringSchema().example("Daily budget must not exceed total budget"))
                        .addProperty("errorCode", new IntegerSchema().example(400))
                        .addProperty("errorField", new StringSchema().example("budgetDay")));
    }

    /**
     * Tags, names, headers, security, success and error answers and the seed's examples on every API operation;
     * routes that are not part of the API ({@code /error}) are left out. The seed's request examples are made to
     * work against this server when the document is first built (emulator mode, or
     * {@code adplane.openapi.live-examples=true}): {@link SeedExamples}.
     */
    @Bean
    OpenApiCustomizer adplaneOperations(Environment environment, Clock clock, TenancyRepository tenancyRepository,
            TenancyService tenancy) {
        AnswerSchemas answers = AnswerSchemas.load();
        boolean live = environment.getProperty("adplane.openapi.live-examples", Boolean.class,
                Mode.of(environment) == Mode.EMULATOR);
        return api -> {
            SeedExamples examples = SeedExamples.of(live, clock, tenancyRepository, tenancy, environment);
            // Added here, not on the OpenAPI bean: springdoc drops component schemas no path refers to yet.
            api.getComponents().addSchemas("V3Error", v3Error()).addSchemas("V2Error", v2Error());
            api.getPaths().keySet().removeIf(path -> !path.startsWith("/api/") && !path.startsWith("/adplane/"));
            api.getPaths().forEach((path, item) -> {
                for (Map.Entry<PathItem.HttpMethod, Operation> e : item.readOperationsMap().entrySet()) {
                    describe(path, e.getKey(), e.getValue(), answers, examples);
                }
            });
            dropUnreferencedSchemas(api);
        };
    }

    /** Removes the generic answer wrappers (V3ResponseMapStringObject, ...) that the answer schemas replaced. */
    private static void dropUnreferencedSchemas(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Set<String> kept = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(refs(api.getPaths()));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (kept.add(name) && schemas.containsKey(name)) {
                todo.addAll(refs(schemas.get(name)));
            }
        }
        schemas.keySet().retainAll(kept);
    }

    private static List<String> refs(Object part) {
        try {
            return REF.matcher(Json31.mapper().writeValueAsString(part)).results().map(m -> m.group(1)).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation op, AnswerSchemas answers,
            SeedExamples examples) {
        OperationCatalog.apply(path, method, op);
        boolean v2 = path.startsWith("/api/v2/");
        String error = "#/components/schemas/" + (v2 ? "V2Error" : "V3Error");
        if (LOGIN.contains(path)) {
            op.addSecurityItem(new SecurityRequirement().addList("client"));
            op.addParametersItem(header("X-IAA-HOST", "The workspace domain; falls back to Host.", false));
            respond(op, error, Map.of("400", "Malformed request, or the organization is on hold",
                    "401", "Invalid client credentials", "403", "Unknown user, wrong password, or a user outside the workspace",
                    "422", "Given workspace domain does not exist.",
                    "429", "Too many failed logins, a spent address or client budget, or too many logins at once (Retry-After)"));
            respond(op, error, COMMON);
        } else if (PUBLIC.contains(path)) {
            op.setSecurity(List.of());
            respond(op, error, Map.of("400", "Invalid input; names the field",
                    "404", "An unknown link", "422", "A link that was used, replaced or has expired"));
            respond(op, error, COMMON);
        } else {
            // X-IAA-OW-ID is the "organization" scheme: Swagger UI sends it with the token once authorized.
            op.addSecurityItem(new SecurityRequirement().addList("bearer").addList("organization"));
            if (OW_OPTIONAL.contains(path)) {
                op.addSecurityItem(new SecurityRequirement().addList("bearer"));
            }
            respond(op, error, Map.of("400", "Invalid input; names the field", "401", "Missing, unknown, expired or revoked token",
                    "403", "Forbidden!: an organization or a function the caller may not use",
                    "404", "Unknown id, or an id of another organization", "409", "Illegal state change or concurrent write",
                    "422", "A rule IQM documents with its own message"));
            respond(op, error, COMMON);
        }
        if (TARGET_CHECKS.contains(path) && method != PathItem.HttpMethod.GET) {
            respond(op, error, Map.of("412", "Invalid arguments audience ids! (or pg deal, pmp deal, inventory group):"
                    + " an id that is not the organization's"));
        }
        if (method == PathItem.HttpMethod.POST && (path.endsWith("/add") || path.endsWith("/duplicate")
                || path.equals("/api/v3/crt/creatives"))) {
            op.addParametersItem(header("Idempotency-Key", "A retry with the same key and body returns the first answer;"
                    + " the same key with another body answers 422.", false));
        }
        if (OperationCatalog.notOffered(path, method)) {
            respond(op, error, Map.of("501", "Not offered by adplane, a self-hosted server"));
        }
        answers.apply(path, method, op);
        examples.apply(path, method, op);
    }

    private static Parameter header(String name, String description, boolean required) {
        return new HeaderParameter().name(name).description(description).required(required).schema(new StringSchema());
    }

    private static void respond(Operation op, String errorRef, Map<String, String> codes) {
        codes.forEach((code, text) -> op.getResponses().addApiResponse(code, new ApiResponse().description(text)
                .content(new Content().addMediaType("application/json",
                        new MediaType().schema(new Schema<>().$ref(errorRef))))));
    }

    static Example example(Object value) {
        return new Example().value(value);
    }

}
