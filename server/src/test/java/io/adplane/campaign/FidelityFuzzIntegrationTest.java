package io.adplane.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations IQM's fidelity added (PG campaigns, deal mappings, audience and inventory-group targeting, creative
 * groups, adplane's own deals, audiences and groups, the master data lookups) under generated hostile input: every
 * field at every depth of a request they accept replaced by values no field expects or removed, random documents,
 * and garbage query parameters on every master-data GET. No answer is a 5xx, each is in the API's envelope, and
 * every refusal says what was wrong.
 */
class FidelityFuzzIntegrationTest extends CampaignTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory N = JsonNodeFactory.instance;

    private static final List<String> VALUES = List.of("null", "\"\"", "\"" + "x".repeat(3000) + "\"", "-1", "0",
            "9223372036854775807", "18446744073709551616", "1e308", "1.5", "true", "{}", "[]", "[null]", "[\"a\"]",
            "[-1]", "\"١٢٣\"", "\"1,,2\"", "\"[1,\"", "\"\\u0000\"", "{\"a\":[1,{\"b\":\"c\"}]}", "\"ASSIGN\"");

    private static final List<String> QUERY_VALUES = List.of("", "abc", "-1", "0", "1.5", "99999999999999999999",
            "1,,2", "[1]", "%00", "' OR 1=1 --", "x".repeat(3000), "+id,-name", "\u202e");

    private final HttpClient http = HttpClient.newHttpClient();

    /** The organization the requests act for. */
    private Login login;

    private long created(Login login, String path, Map<String, Object> body) {
        return as(login).body(body).post(path).then().statusCode(200).extract().jsonPath().getLong("data.id");
    }

    /** Requests the fidelity operations accept, the bases the mutations start from. */
    private Map<String, String> bases(Login login) {
        long io = newIo(login);
        long creative = runningCreative(login, 11);
        long campaign = newCampaign(login, io, creative);
        long pgDeal = created(login, "/api/v3/adplane/pg-deals", Map.of("dealId", "PG" + System.nanoTime(), "dealName", "PG",
                "exchangeId", 1));
        long pmpDeal = created(login, "/api/v3/adplane/pmp-deals", Map.of("dealId", "PMP" + System.nanoTime(),
                "dealName", "PMP", "exchangeId", 1, "cpm", 2.5));
        long audience = created(login, "/api/v3/adplane/audiences", Map.of("audienceName", "A", "audienceTypeId", 1));
        long group = created(login, "/api/v3/adplane/inventory-groups", Map.of("groupName", "G", "groupTypeId", 1));
        long start = nowSeconds() + HOUR;
        String pg = "{\"pgCampaignInfo\":{\"campaignName\":\"PG\",\"ioId\":" + io + ",\"timeZoneId\":29,\"spendingBudget\":100,"
                + "\"maxBid\":5,\"startTime\":" + start + ",\"endTime\":" + (start + DAY) + ",\"budgetTypeId\":1,"
                + "\"campaignTypeId\":2,\"advertiserDomain\":\"https://iqm.com\"},\"creativeTargeting\":{\"creativeTypeId\":11,"
                + "\"creativeIds\":[" + creative + "]},\"inventoryTargeting\":{\"pgDealIds\":[" + pgDeal + "]},"
                + "\"conversionTargeting\":{\"conversionIds\":[]}}";
        long pgCampaign = as(login).body(pg).post("/api/v3/cmp/pg/campaigns/add").then().statusCode(201).extract()
                .jsonPath().getLong("data.campaignId");
        long creativeGroup = as(login).body(Map.of("creativeGroupName", "CG", "creativeTypeId", 11,
                "creativeIds", List.of(creative))).post("/api/v3/crt/creatives/groups").then().statusCode(200).extract()
                .jsonPath().getLong("data.creativeGroupId");
        Map<String, String> b = new LinkedHashMap<>();
        b.put("POST /api/v3/cmp/pg/campaigns/add", pg);
        b.put("POST /api/v3/cmp/pg/campaigns/draft/add", pg);
        b.put("PATCH /api/v3/cmp/pg/campaigns/" + pgCampaign, "{\"pgCampaignInfo\":{\"campaignName\":\"PG 2\",\"maxBid\":6}}");
        b.put("PATCH /api/v3/cmp/pmp/campaigns/mappings", "{\"operations\":[{\"action\":\"ASSIGN\",\"campaignIds\":["
                + campaign + "],\"pmpDealIds\":[" + pmpDeal + "]}]}");
        b.put("PATCH /api/v3/cmp/pg/campaigns/mappings", "{\"operations\":[{\"action\":\"DEASSIGN\",\"campaignIds\":["
                + pgCampaign + "],\"pgDealIds\":[" + pgDeal + "]}]}");
        b.put("POST /api/v3/cmp/target/audience", "{\"" + campaign + "\":{\"includedAudienceList\":[" + audience
                + "],\"excludedAudienceList\":[],\"removedAudienceList\":[]}}");
        b.put("POST /api/v3/cmp/inventorygroup/includeExclude", "{\"groupIds\":[" + group + "],\"includedCampaignIds\":["
                + campaign + "],\"excludedCampaignIds\":[]}");
        b.put("POST /api/v3/crt/creatives/groups", "{\"creativeGroupName\":\"F\",\"creativeTypeId\":11,\"creativeIds\":["
                + creative + "]}");
        b.put("POST /api/v3/crt/creatives/groups/list", "{\"pageNo\":1,\"noOfEntries\":5,\"platformCreativeTypeIds\":[11],"
                + "\"sortCriteriaMap\":{\"creativeGroupName\":\"asc\"},\"searchField\":\"C\"}");
        b.put("POST /api/v3/crt/creatives/groups/modify-creatives", "{\"creativeGroupId\":" + creativeGroup
                + ",\"creativeIds\":[" + creative + "],\"actionType\":\"REMOVE\"}");
        b.put("POST /api/v3/crt/creatives/groups/duplicate/" + creativeGroup, "{}");
        b.put("POST /api/v3/adplane/pg-deals", "{\"dealId\":\"X1\",\"dealName\":\"X\",\"exchangeId\":1,\"cpm\":1.25}");
        b.put("POST /api/v3/adplane/pmp-deals", "{\"dealId\":\"X2\",\"dealName\":\"X\",\"exchangeId\":2}");
        b.put("POST /api/v3/adplane/audiences", "{\"audienceName\":\"X\",\"audienceTypeId\":2,\"audienceStatusId\":1}");
        b.put("POST /api/v3/adplane/inventory-groups", "{\"groupName\":\"X\",\"groupTypeId\":3}");
        b.put("POST /api/v3/cmp/io/campaign/basic/list", "{\"pageNo\":-1,\"ioIds\":[" + io + "],\"includeTargetedAudienceList\":"
                + "true,\"audienceSubtypeId\":1,\"paymentTypeId\":0,\"prebidProviders\":[],\"campaignExpiredAfterEpoch\":1,"
                + "\"isOnlyABMAudienceRequiredFlag\":false,\"sortCriteriaMap\":{\"ioId\":\"desc\"},\"order\":\"asc\"}");
        b.put("POST /api/v3/crt/creatives/list", "{\"pageNo\":1,\"noOfEntries\":5,\"creativeGroupId\":" + creativeGroup
                + ",\"campaignIds\":[" + campaign + "],\"sortCriteriaMap\":{\"creativeId\":\"desc\"}}");
        b.put("POST /api/v3/master/segment/zip", "{\"pageNo\":1,\"noOfEntries\":5,\"searchField\":\"100\",\"zipIds\":[30510001],"
                + "\"zipCodes\":[\"10001\"]}");
        b.put("POST /api/v3/master/segment/city", "{\"pageNo\":1,\"noOfEntries\":5,\"searchField\":\"new york\","
                + "\"parentSegmentIds\":[30200033]}");
        b.put("POST /api/v3/master/segment/state", "{\"pageNo\":1,\"noOfEntries\":5,\"parentSegmentIds\":[246]}");
        b.put("POST /api/v3/master/segment/county", "{\"pageNo\":1,\"noOfEntries\":5,\"sortBy\":\"-name\"}");
        b.put("POST /api/v3/master/segment/dma", "{\"searchField\":\"501\",\"segmentIds\":[30900002]}");
        b.put("POST /api/v3/master/segment/congressional-district", "{\"pageNo\":2,\"noOfEntries\":3}");
        b.put("POST /api/v3/master/inventory", "{\"pageNo\":1,\"noOfEntries\":5,\"searchField\":\"a\"}");
        b.put("POST /api/v3/master/adcategories", "{\"pageNo\":-1,\"searchField\":\"news\"}");
        return b;
    }

    @Test
    void noHostileRequestToAFidelityOperationFailsTheServer() {
        login = login(newTenant("admin"));
        Map<String, String> bases = bases(login);
        Random random = new Random(12);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Map.Entry<String, String> op : bases.entrySet()) {
            String method = op.getKey().substring(0, op.getKey().indexOf(' '));
            String path = op.getKey().substring(op.getKey().indexOf(' ') + 1);
            JsonNode base = JSON.readTree(op.getValue());
            List<String> bodies = new ArrayList<>();
            mutations(base, base, bodies);
            for (int i = 0; i < 15; i++) {
                bodies.add(randomJson(random, 0).toString());
                bodies.add(garbage(random));
            }
            for (String body : bodies) {
                sent++;
                check(failures, method, path, body);
            }
        }
        sent += masterQueries(failures);
        assertThat(sent).isGreaterThanOrEqualTo(2000);
        assertThat(failures).as("5xx answers, answers outside the envelope, or refusals without a message, of %d requests",
                sent).isEmpty();
    }

    /** Every field at every depth of {@code node} replaced by each of {@link #VALUES}, and removed. */
    private static void mutations(JsonNode root, JsonNode node, List<String> out) {
        if (node instanceof ObjectNode o) {
            for (String field : List.copyOf(o.propertyNames())) {
                JsonNode original = o.get(field);
                for (String value : VALUES) {
                    o.set(field, JSON.readTree(value));
                    out.add(root.toString());
                }
                o.remove(field);
                out.add(root.toString());
                o.set(field, original);
                mutations(root, original, out);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode original = a.get(i);
                for (String value : VALUES.subList(0, 8)) {
                    a.set(i, JSON.readTree(value));
                    out.add(root.toString());
                }
                a.set(i, original);
                mutations(root, original, out);
            }
        }
    }

    private static JsonNode randomJson(Random r, int depth) {
        int kind = depth > 4 ? r.nextInt(4) : r.nextInt(6);
        return switch (kind) {
            case 0 -> N.numberNode(r.nextLong());
            case 1 -> N.stringNode(Long.toString(r.nextLong(), 36));
            case 2 -> N.booleanNode(r.nextBoolean());
            case 3 -> N.nullNode();
            case 4 -> {
                ArrayNode a = N.arrayNode();
                for (int i = r.nextInt(4); i > 0; i--) {
                    a.add(randomJson(r, depth + 1));
                }
                yield a;
            }
            default -> {
                ObjectNode o = N.objectNode();
                String[] names = {"pgCampaignInfo", "operations", "campaignIds", "creativeIds", "pageNo", "ids", "x",
                        "groupIds", "action", "dealId", "searchField"};
                for (int i = r.nextInt(4); i > 0; i--) {
                    o.set(names[r.nextInt(names.length)], randomJson(r, depth + 1));
                }
                yield o;
            }
        };
    }

    private static String garbage(Random r) {
        byte[] bytes = new byte[1 + r.nextInt(200)];
        r.nextBytes(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Each parameter of every master-data GET of the served document, with values no parameter expects. */
    private int masterQueries(List<String> failures) {
        JsonNode doc = JSON.readTree(RestAssured.given().port(port).get("/v3/api-docs").asString());
        int sent = 0;
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            JsonNode get = path.getValue().get("get");
            boolean master = path.getKey().contains("/master/") || path.getKey().matches("/api/[a-z_]+(/.*)?")
                    && !path.getKey().startsWith("/api/v");
            if (get == null || !master) {
                continue;
            }
            String url = path.getKey().replaceAll("\\{[^}]+}", "246");
            for (JsonNode p : get.path("parameters")) {
                if (!"query".equals(p.path("in").asString())) {
                    continue;
                }
                for (String value : QUERY_VALUES) {
                    sent++;
                    check(failures, "GET", url + "?" + p.get("name").asString() + "="
                            + URLEncoder.encode(value, StandardCharsets.UTF_8), null);
                }
            }
        }
        assertThat(sent).as("master-data query parameters fuzzed").isGreaterThan(200);
        return sent;
    }

    private void check(List<String> failures, String method, String path, String body) {
        HttpResponse<String> r;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + login.accessToken())
                    .header("X-IAA-OW-ID", String.valueOf(login.owId()))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException | IllegalArgumentException e) {
            failures.add(method + " " + path + " " + abbreviate(String.valueOf(body)) + " -> " + e);
            return;
        }
        String answer = r.body();
        boolean envelope = answer.startsWith("{\"success\"") || answer.startsWith("{\"statusCode\"")
                || (r.statusCode() == 200 && answer.startsWith("["));
        boolean said = true;
        if (r.statusCode() >= 400 && envelope) {
            JsonNode e = JSON.readTree(answer);
            String message = e.has("errorObjects") ? e.path("errorObjects").path(0).path("error").asString("")
                    : e.path("responseObject").path("errorMsg").asString("");
            said = !message.isBlank();
        }
        if (r.statusCode() >= 500 || !envelope || !said) {
            failures.add(method + " " + path + " " + abbreviate(String.valueOf(body)) + " -> " + r.statusCode() + " "
                    + abbreviate(answer));
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }
}
