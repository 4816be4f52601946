package io.adplane.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed requests never make the server fail (issue 11): every JSON operation of the served OpenAPI document
 * gets thousands of generated requests (broken documents, wrong types, absurd values, unknown and missing
 * fields, odd content types, hostile path ids), and every answer is a 4xx or 2xx in the API's envelope.
 */
class FuzzIntegrationTest extends CampaignTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Values no field expects. */
    private static final List<String> VALUES = List.of("null", "\"\"", "\" \"", "\"" + "x".repeat(5000) + "\"", "-1", "0",
            "9223372036854775807", "-9223372036854775808", "18446744073709551616", "1e308", "-1e308", "1.5", "0.001",
            "true", "{}", "[]", "[null]", "[\"a\"]", "[-1]", "\"١٢٣\"", "\"1,2,,3\"", "\"\\u202e\"", "\"\\u0000\"",
            "{\"a\":{\"b\":[1,{\"c\":\"d\"}]}}", "\"2026-01-01\"", "\"-5\"", "\"9999999999999999999999\"");

    /** Whole bodies no operation expects. */
    private static final List<String> DOCUMENTS = List.of("", "null", "[]", "\"text\"", "123", "{", "{\"a\":}", "}{",
            "{\"a\":1,\"a\":2}", "{} trailing", "\uFEFF{}", "{\"a\":1e999999}", "{'a':1}", "{\"a\":NaN}",
            "[".repeat(200) + "]".repeat(200), "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}");

    /** Requests the operations accept, used as the base the mutations start from. */
    private Map<String, String> bases(long ioId, long campaignId, long creativeId) {
        long start = nowSeconds() + HOUR;
        long ioStart = clock.millis() + 3_600_000L;
        Map<String, String> b = new LinkedHashMap<>();
        b.put("/api/v3/cmp/io/add", "{\"ioName\":\"Fuzz\",\"ioStartTime\":" + ioStart + ",\"ioBudgetTypeId\":1,\"ioTimeZoneId\":29}");
        b.put("/api/v3/cmp/io/{ioId}", "{\"ioName\":\"Fuzzed\"}");
        b.put("/api/v3/cmp/io/basic/list", "{\"pageNo\":1,\"noOfEntries\":5,\"sortBy\":\"-ioId\",\"ioIdList\":[" + ioId + "]}");
        b.put("/api/v3/cmp/io/delete", "{\"ioIdsList\":[999999999]}");
        b.put("/api/v3/cmp/io/duplicate", "{\"ioId\":" + ioId + ",\"ioStartTime\":" + ioStart + ",\"ioExistingCampaignIds\":[]}");
        b.put("/api/v3/cmp/io/update-budget", "{\"ioIdsList\":[" + ioId + "],\"budget\":10,\"budgetUpdateType\":\"add\"}");
        b.put("/api/v3/cmp/io/update-end-date", "{\"ioIdsList\":[" + ioId + "],\"ioEndTime\":" + (ioStart + 40L * 86_400_000) + "}");
        b.put("/api/v3/cmp/io/campaign/basic/list", "{\"pageNo\":1,\"noOfEntries\":5,\"ioIdsList\":[" + ioId + "]}");
        b.put("/api/v2/cmp/campaigns/add", seedCampaign(ioId, creativeId, start, start + DAY));
        b.put("/api/v2/cmp/campaigns/draft/add", seedCampaign(ioId, creativeId, start, start + DAY));
        b.put("/api/v2/cmp/campaign/{campaignId}", "{\"maxBid\":7}");
        b.put("/api/v2/cmp/campaign/draft/{campaignId}", seedCampaign(ioId, creativeId, start, start + DAY));
        b.put("/api/v2/cmp/campaigns/update-status", "{\"campaignIds\":\"" + campaignId + "\",\"status\":\"paused\"}");
        b.put("/api/v2/cmp/campaigns/update-budget", "{\"campaignIds\":\"" + campaignId + "\",\"totalBudget\":1600}");
        b.put("/api/v2/cmp/campaigns/update-end-date", "{\"campaignIds\":\"" + campaignId + "\",\"endDate\":" + (start + 2 * DAY) + "}");
        b.put("/api/v2/cmp/campaigns/duplicate", "{\"existingCampaignIds\":\"" + campaignId + "\",\"ioId\":" + ioId
                + ",\"startDate\":" + start + "}");
        b.put("/api/v3/cmp/campaign/update-name/{campaignId}", "{\"campaignName\":\"Fuzz\"}");
        b.put("/api/v3/cmp/target/creative", "{\"creativeIds\":[" + creativeId + "],\"assignedCampaignIds\":[" + campaignId + "]}");
        b.put("/api/v3/cmp/basic/list", "{\"pageNo\":1,\"noOfEntries\":5,\"status\":[\"pending\"],\"sortBy\":\"-created\"}");
        b.put("/api/v3/cmp/campaigns/count", "{\"owIds\":\"all\"}");
        b.put("/api/v3/crt/creatives/list", "{\"pageNo\":1,\"noOfEntries\":5,\"creativeIds\":[" + creativeId + "]}");
        b.put("/api/v3/crt/creatives/update-status", "{\"creativeIds\":[" + creativeId + "],\"creativeStatusId\":3}");
        b.put("/api/v3/crt/creatives/{creativeId}", "{\"creativeName\":\"Fuzz\"}");
        b.put("/api/v3/ua/login", "{\"grantType\":\"password\",\"email\":\"nobody@example.com\",\"password\":\"wrong-password\"}");
        b.put("/api/v3/ua/oauth/token", "{\"grant_type\":\"refresh_token\",\"refresh_token\":\"rt_unknown\"}");
        return b;
    }

    private record Operation(String method, String path) {
    }

    /** Every operation of the served document that takes a JSON body. */
    private List<Operation> jsonOperations() {
        JsonNode doc = JSON.readTree(RestAssured.given().port(port).get("/v3/api-docs").asString());
        List<Operation> ops = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                JsonNode content = op.getValue().path("requestBody").path("content");
                if (content.has("application/json")) {
                    ops.add(new Operation(op.getKey().toUpperCase(), path.getKey()));
                }
            }
        }
        return ops;
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void noGeneratedRequestMakesTheServerFail() {
        Tenant tenant = newTenant("admin");
        Login login = login(tenant);
        long ioId = newIo(login);
        long creativeId = runningCreative(login, 11);
        long campaignId = newCampaign(login, ioId, creativeId);
        Map<String, String> bases = bases(ioId, campaignId, creativeId);
        Random random = new Random(11);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        List<Operation> operations = jsonOperations();
        assertThat(operations).hasSizeGreaterThan(20);
        for (Operation op : operations) {
            String base = bases.getOrDefault(op.path(), "{}");
            String path = op.path().replace("{ioId}", "" + ioId).replace("{campaignId}", "" + campaignId)
                    .replace("{creativeId}", "" + creativeId).replaceAll("\\{[^}]+}", "1");
            List<String> bodies = new ArrayList<>(DOCUMENTS);
            JsonNode parsed = JSON.readTree(base);
            if (parsed.isObject()) {
                for (String field : parsed.propertyNames()) {
                    for (String value : VALUES) {
                        bodies.add(with((ObjectNode) parsed, field, value));
                    }
                    ObjectNode without = ((ObjectNode) parsed).deepCopy();
                    without.remove(field);
                    bodies.add(without.toString());
                }
                for (String value : VALUES.subList(0, 6)) {
                    bodies.add(with((ObjectNode) parsed, "unknownField" + random.nextInt(1000), value));
                }
            }
            for (String body : bodies) {
                sent++;
                check(failures, op, path, "application/json", body, login);
            }
            for (String type : List.of("*/*", "text/plain", "application/json; charset=ISO-8859-1", "application/xml",
                    "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
                sent++;
                check(failures, op, path, type, base, login);
            }
            if (op.path().contains("{")) {
                for (String id : List.of("-1", "0", "99999999999999999999", "abc", "1.5", "%00", "%2e%2e")) {
                    sent++;
                    String hostile = op.path().replaceAll("\\{[^}]+}", id);
                    check(failures, op, hostile, "application/json", base, login);
                }
            }
        }
        assertThat(sent).isGreaterThanOrEqualTo(2000);
        assertThat(failures).as("answers of 5xx or outside the envelope, of %d requests", sent).isEmpty();
    }

    private static String with(ObjectNode base, String field, String value) {
        ObjectNode copy = base.deepCopy();
        copy.remove(field);
        String rest = copy.toString();
        String pair = "\"" + field + "\":" + value;
        return rest.equals("{}") ? "{" + pair + "}" : "{" + pair + "," + rest.substring(1);
    }

    private void check(List<String> failures, Operation op, String path, String contentType, String body, Login login) {
        HttpResponse<String> r;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + login.accessToken())
                    .header("X-IAA-OW-ID", String.valueOf(login.owId())).header("X-IAA-HOST", HOST)
                    .header("Authentication", basic(CLIENT_ID, CLIENT_SECRET)).header("Content-Type", contentType)
                    .method(op.method(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException | IllegalArgumentException e) {
            failures.add(op.method() + " " + path + " [" + contentType + "] " + abbreviate(body) + " -> " + e);
            return;
        }
        String answer = r.body();
        boolean envelope = answer.startsWith("{\"success\"") || answer.startsWith("{\"statusCode\"")
                || answer.startsWith("{\"access_token\"");
        if (r.statusCode() >= 500 || !envelope) {
            failures.add(op.method() + " " + path + " [" + contentType + "] " + abbreviate(body) + " -> " + r.statusCode()
                    + " " + abbreviate(answer));
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }
}
