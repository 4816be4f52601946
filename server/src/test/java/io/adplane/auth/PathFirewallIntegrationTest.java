package io.adplane.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.adplane.support.IntegrationTestSupport;
import io.adplane.support.RawHttp;
import io.adplane.support.RawHttp.Answer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Paths that reach a route only after decoding or normalisation (issue 11): encoded characters, {@code ;}
 * parameters, {@code //} and {@code ..}. They are refused with 400 in the API's envelope before any
 * authentication or routing, so no spelling of a path can skip the bearer gate, and none answers 500.
 */
class PathFirewallIntegrationTest extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Answer get(String target, String... headers) {
        return RawHttp.send(port, "GET", target, headers);
    }

    private static void assertRefusedInEnvelope(String target, Answer answer) {
        assertThat(answer.status()).as(target).isEqualTo(400);
        assertThat(answer.header("Content-Type")).as(target).startsWith("application/json");
        JsonNode body = JSON.readTree(answer.body());
        if (target.startsWith("/api/v2/")) {
            assertThat(body.path("statusCode").asInt()).as(target).isEqualTo(400);
            assertThat(body.path("responseObject").path("errorMsg").asString()).as(target).isNotBlank();
        } else {
            assertThat(body.path("success").asBoolean(true)).as(target).isFalse();
            assertThat(body.path("errorObjects").path(0).path("error").asString()).as(target).isNotBlank();
        }
    }

    @Test
    void encodedAndMatrixSpellingsOfAPublicLookingRouteAreRefused() {
        // Each of these answered 200 with master data and no token before the gate was a filter chain.
        for (String target : List.of("/%61pi/v3/master/exchanges", "/a%70i/v3/master/exchanges",
                "/api;x=1/v3/master/exchanges", "/api/v3;x=1/master/exchanges", "/api/v3/master/exchanges;x=1",
                "/api/%763/master/exchanges")) {
            assertRefusedInEnvelope(target, get(target));
        }
        // The plain spelling needs a token.
        assertThat(get("/api/v3/master/exchanges").status()).isEqualTo(401);
    }

    @Test
    void encodedSpellingsOfTenantRoutesAnswer400Not500() {
        Login login = login(newTenant("admin"));
        for (String target : List.of("/%61pi/v3/cmp/io/1", "/%61pi/v3/ua/profile", "/%61pi/v2/cmp/campaigns/data")) {
            assertRefusedInEnvelope(target, get(target));
            // A valid token does not make an encoded path acceptable either.
            assertRefusedInEnvelope(target, get(target, "Authorization: Bearer " + login.accessToken(),
                    "X-IAA-OW-ID: " + login.owId()));
        }
    }

    @Test
    void dotSegmentsDoubleSlashesAndBackslashesAreRefused() {
        for (String target : List.of("/api/v3/../v3/master/exchanges", "/api/v3/./master/exchanges",
                "/api//v3/master/exchanges", "//api/v3/master/exchanges", "/api/v3/master/exchanges/..",
                "/api/v3/%2e%2e/v3/master/exchanges", "/api/v3/master/exchanges%5c", "/api/v2/cmp/campaigns/../data")) {
            Answer answer = get(target);
            assertThat(answer.status()).as(target).isIn(400, 404);
            assertThat(answer.header("Content-Type")).as(target).startsWith("application/json");
        }
    }

    @Test
    void tomcatsOwnRefusalsComeInTheEnvelopeToo() {
        for (String target : List.of("/api/v3/master%2fexchanges", "/api/v3/master%2Fexchanges", "/api/v3/master/exchanges%00",
                "/%2e%2e/api/v3/master/exchanges")) {
            assertRefusedInEnvelope(target, get(target));
        }
    }

    @Test
    void headersOverTheLimitAndNulInAHeaderAnswerTheEnvelope() {
        Answer big = get("/api/v3/master/exchanges", "X-Padding: " + "a".repeat(9 * 1024));
        assertThat(big.status()).isIn(400, 431);
        assertThat(big.header("Content-Type")).startsWith("application/json");
        assertThat(JSON.readTree(big.body()).path("success").asBoolean(true)).isFalse();

        Answer nul = get("/api/v3/master/exchanges", "X-Thing: a\u0000b");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.header("Content-Type")).startsWith("application/json");
        assertThat(JSON.readTree(nul.body()).path("success").asBoolean(true)).isFalse();

        Answer v2 = get("/api/v2/cmp/campaigns/data", "X-Padding: " + "a".repeat(9 * 1024));
        assertThat(v2.header("Content-Type")).startsWith("application/json");
        assertThat(JSON.readTree(v2.body()).path("statusCode").asInt()).isEqualTo(v2.status());
    }

    @Test
    void unknownPathsAnswer404InTheEnvelopeWithOrWithoutAToken() {
        Login login = login(newTenant("admin"));
        for (String target : List.of("/api/v3/nothing-here", "/api/v2/cmp/nothing", "/api/v3/cmp/io/1/nothing", "/nothing")) {
            Answer anonymous = get(target);
            assertThat(anonymous.status()).as(target).isEqualTo(404);
            assertThat(anonymous.header("Content-Type")).as(target).startsWith("application/json");
            Answer withToken = get(target, "Authorization: Bearer " + login.accessToken());
            assertThat(withToken.status()).as(target).isEqualTo(404);
        }
    }

    @Test
    void nonApiPathsStayOpen() {
        assertThat(get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(get("/actuator/health").status()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(get("/swagger-ui/index.html").status()).isEqualTo(200);
        // Actuator endpoints that are not exposed stay unreachable.
        assertThat(get("/actuator/env").status()).isIn(401, 403, 404);
    }

    /**
     * Every operation of the served OpenAPI document, spelled plainly without a token and in every refused
     * variant: never 200, never 5xx.
     */
    @Test
    void everyDocumentedRouteIsClosedInEverySpelling() {
        JsonNode paths = JSON.readTree(get("/v3/api-docs").body()).get("paths");
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            String plain = path.getKey().replaceAll("\\{[^/]+}", "1");
            for (String method : path.getValue().propertyNames()) {
                String verb = method.toUpperCase(Locale.ROOT);
                // Operations documented without security (the login page's init, invitation links) answer
                // when spelled plainly; every other spelling is still refused.
                JsonNode security = path.getValue().get(method).get("security");
                boolean open = security != null && security.isArray() && security.isEmpty();
                for (String target : variants(plain)) {
                    if (open && target.equals(plain)) {
                        continue;
                    }
                    Answer answer = RawHttp.send(port, verb, target, "Content-Type: application/json", "Content-Length: 0");
                    requests++;
                    boolean json = answer.header("Content-Type") != null
                            && answer.header("Content-Type").startsWith("application/json");
                    if (!List.of(400, 401, 404).contains(answer.status()) || !json) {
                        failures.add(verb + " " + target + " -> " + answer.status() + " " + answer.header("Content-Type"));
                    }
                }
            }
        }
        assertThat(requests).isGreaterThan(200);
        assertThat(failures).isEmpty();
    }

    /** The plain path and its refused spellings: every segment's first letter encoded, `;`, `//`, `..`. */
    private static List<String> variants(String plain) {
        List<String> variants = new ArrayList<>();
        variants.add(plain);
        String[] segments = plain.substring(1).split("/");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            char first = segment.charAt(0);
            String[] encoded = segments.clone();
            encoded[i] = String.format("%%%02x", (int) first) + segment.substring(1);
            variants.add("/" + String.join("/", encoded));
            String[] upper = segments.clone();
            upper[i] = String.format("%%%02X", (int) first) + segment.substring(1);
            variants.add("/" + String.join("/", upper));
            String[] matrix = segments.clone();
            matrix[i] = segment + ";x=1";
            variants.add("/" + String.join("/", matrix));
        }
        variants.add(plain.replaceFirst("/", "//"));
        variants.add(plain.replace("/api/", "/api//"));
        variants.add(plain.replace("/api/", "/api/x/../"));
        variants.add(plain.replace("/api/", "/api/%2e/"));
        variants.add(plain + "/");
        return variants;
    }
}
