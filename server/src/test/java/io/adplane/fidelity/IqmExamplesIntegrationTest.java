package io.adplane.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.adplane.support.IntegrationTestSupport;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replays every request example of IQM's Campaign and Creative APIs (the project's fixture
 * {@code iqm/cmp-creative-examples.json}, written by {@code scripts/iqm-fixtures/generate.py}) as IQM writes it,
 * with ids replaced by real ones of a fresh organization and times moved into the future, and expects each to be
 * accepted; the exceptions are the contradictions {@code docs/api.md} lists (F7), which must be refused.
 */
class IqmExamplesIntegrationTest extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory N = JsonNodeFactory.instance;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static final byte[] MP3 = {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0};
    private static final byte[] MP4 = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 0, 0, 0, 0};

    /** Examples IQM's own schema or rules contradict (docs/api.md, F7): refused, never silently accepted. */
    static final Map<String, String> CONTRADICTIONS = Map.of(
            "POST /api/v2/cmp/campaigns/draft/add | Save Campaign as draft with all details.",
            "the example is a JSON string whose frequencyCapping keys are not quoted",
            "PATCH /api/v3/cmp/pmp/campaigns/mappings | Bulk Assign/De-assign PMP Deals Request Example",
            "the example is a JSON string with a stray word inside, not a request object",
            "POST /api/v3/crt/creatives/groups | Create Creative Group Request",
            "creativeTypeId 1 is no platform creative type; IQM's own group lists answer 11 to 17",
            "POST /api/v3/cmp/io/duplicate | duplicate io with end date",
            "its ioEndTime lies before its ioStartTime");

    enum Kind { IO, IMPRESSION_IO, FRESH_IO, CAMPAIGN, PG_CAMPAIGN, FRESH_CAMPAIGN, IMAGE, VIDEO, FRESH_CREATIVE,
        PG_DEAL, PMP_DEAL, AUDIENCE, INVENTORY_GROUP, CREATIVE_GROUP, OW, AD_CATEGORY }

    private static final Set<String> TIME_KEYS = Set.of("startTime", "endTime", "ioStartTime", "ioEndTime",
            "startDate", "endDate", "campaignExpiredAfterEpoch");

    /** The organization the examples run in, with what their ids stand for. */
    private Login login;
    private Login admin;
    private final Map<Kind, List<Long>> pools = new HashMap<>();
    private long io;

    @Test
    void everyIqmExampleIsAcceptedOrADocumentedContradiction() throws Exception {
        JsonNode fixture;
        try (InputStream in = getClass().getResourceAsStream("/iqm/cmp-creative-examples.json")) {
            fixture = JSON.readTree(in);
        }
        world();
        List<String> refused = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        Map<String, List<String>> mismatches = new java.util.TreeMap<>();
        int replayed = 0;
        for (JsonNode e : fixture.get("examples")) {
            String name = e.get("operation").stringValue() + " | " + e.get("example").stringValue();
            String outcome = replay(e, mismatches);
            replayed++;
            boolean contradiction = CONTRADICTIONS.containsKey(name);
            if (outcome != null && !contradiction) {
                refused.add(name + " -> " + outcome);
            }
            if (outcome == null && contradiction) {
                unexpected.add(name);
            }
        }
        assertThat(replayed).isEqualTo(81);
        assertThat(refused).as("IQM examples refused").isEmpty();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/iqm-answer-keys.txt"), mismatches.entrySet().stream()
                .map(m -> m.getKey() + "\n  " + String.join("\n  ", m.getValue())).collect(java.util.stream.Collectors.joining("\n")));
        assertThat(unexpected).as("documented contradictions that were accepted").isEmpty();
    }

    /** The test: IQM's "Campaign with targeting options", ids replaced, answers pending and reads back. */
    @Test
    void theTargetedCampaignExampleIsPendingAndItsTargetingReadsBack() throws Exception {
        JsonNode fixture;
        try (InputStream in = getClass().getResourceAsStream("/iqm/cmp-creative-examples.json")) {
            fixture = JSON.readTree(in);
        }
        world();
        JsonNode example = null;
        for (JsonNode e : fixture.get("examples")) {
            if (e.get("example").stringValue().equals("Campaign with targeting options")) {
                example = e.get("body");
            }
        }
        Map<Kind, Map<Long, Long>> ids = new HashMap<>();
        ObjectNode request = (ObjectNode) rewrite("/api/v2/cmp/campaigns/add", example.deepCopy(), ids);
        moveTimes(request);
        Response r = as(login).body(request.toString()).post("/api/v2/cmp/campaigns/add");
        r.then().statusCode(200);
        assertThat(r.jsonPath().getInt("statusCode")).isEqualTo(201);
        assertThat(r.jsonPath().getString("responseObject.status")).isEqualTo("pending");
        long id = r.jsonPath().getLong("responseObject.data");
        Map<String, Object> c = as(login).get("/api/v2/cmp/campaign/" + id).then().statusCode(200).extract().jsonPath()
                .getMap("responseObject");
        assertThat(c.get("status")).isEqualTo("pending");
        assertThat(c.get("exchanges")).isEqualTo("27,21");
        assertThat(c.get("publisherAdCategory")).isEqualTo("112");
        assertThat(c.get("deviceType")).isEqualTo("15");
        assertThat(c.get("trafficType")).isEqualTo("11");
        assertThat(c.get("os")).isEqualTo("11,14");
        assertThat(c.get("whiteListedStateIds")).isEqualTo("30200031,30200032");
        assertThat(c.get("whiteListedDmaIds")).isEqualTo("1,2");
        assertThat(c.get("whiteListedAudienceIds")).isEqualTo(pool(Kind.AUDIENCE).get(0) + "," + pool(Kind.AUDIENCE).get(1));
        assertThat(c.get("creativeIds")).isEqualTo(pool(Kind.VIDEO).get(0) + "," + pool(Kind.VIDEO).get(1));
        assertThat(c.get("countryId")).isEqualTo("246");
    }

    /** Replays one example; null when accepted, else what was answered. */
    private String replay(JsonNode e, Map<String, List<String>> mismatches) {
        String operation = e.get("operation").stringValue();
        String method = operation.substring(0, operation.indexOf(' '));
        String template = operation.substring(operation.indexOf(' ') + 1);
        JsonNode body = e.get("body");
        if (body.isString()) {
            try {
                body = JSON.readTree(body.stringValue());
            } catch (RuntimeException notJson) {
                // Sent as IQM wrote it: a JSON string.
            }
        }
        Map<Kind, Map<Long, Long>> ids = new HashMap<>();
        JsonNode request = body.isContainer() ? rewrite(template, body.deepCopy(), ids) : body;
        if (request.isObject()) {
            moveTimes((ObjectNode) request);
        }
        String path = path(template);
        boolean approve = template.endsWith("/update-status") && (request.path("status").asString("").equals("running")
                || request.path("creativeStatusId").asInt() == 5);
        RequestSpecification spec = approve ? as(admin, login.owId()) : as(login);
        Response r;
        if (e.get("contentType").stringValue().startsWith("multipart")) {
            spec = spec.contentType("multipart/form-data").multiPart("creativeRequest", request.toString(), "application/json");
            for (Map.Entry<String, JsonNode> entry : request.properties()) {
                JsonNode item = entry.getValue();
                // IQM's partial example: "PS" (success) has its file, "PF" (failure) lacks it.
                if (item.path("creativeSourceType").asString("").equals("FILE") && !entry.getKey().equals("PF")) {
                    String file = item.get("creativeSource").stringValue();
                    int type = item.path("platformCreativeTypeId").asInt();
                    byte[] bytes = type == 17 ? MP3 : type == 14 || (type == 15 && "video".equals(item.path("subMediaType").asString(""))) ? MP4 : PNG;
                    spec = spec.multiPart("creativeFiles", file, bytes, "application/octet-stream");
                }
            }
        } else {
            spec = spec.body(request.toString());
        }
        r = spec.request(method, path);
        String answer = r.statusCode() + " " + r.asString();
        if (r.statusCode() >= 300) {
            return answer;
        }
        JsonNode json = JSON.readTree(r.asString());
        if (json.has("statusCode")) {
            int code = json.get("statusCode").asInt();
            return code == 200 || code == 201 ? null : answer;
        }
        if (!json.path("success").asBoolean()) {
            return answer;
        }
        JsonNode failed = json.path("data").path("failedData");
        boolean partial = e.get("example").stringValue().contains("partial");
        if (failed.isObject() && (partial ? failed.isEmpty() || json.path("data").path("successData").isEmpty() : !failed.isEmpty())) {
            return answer;
        }
        List<String> problems = answerProblems(e.get("answerKeys"), json);
        if (!problems.isEmpty()) {
            mismatches.put(operation, problems);
        }
        return null;
    }

    /** Where the answer lacks a key IQM's 200 example has, or gives it another JSON type (null for a value). */
    static List<String> answerProblems(JsonNode expected, JsonNode answer) {
        List<String> problems = new ArrayList<>();
        if (expected == null || expected.isNull()) {
            return problems;
        }
        for (Map.Entry<String, JsonNode> level : expected.properties()) {
            if (level.getValue().propertyNames().stream().anyMatch(k -> k.matches("[0-9]+"))
                    || level.getKey().matches(".*(successData|failedData|failedCampaigns|frequencyCapping|scheduling|locationDetails|campaignEstimatorMetaData|creativeAdvanceTargeting).*")) {
                // A map keyed by data (ids, the client's keys) or an object kept as the client sent it: no fields of ours.
                continue;
            }
            List<JsonNode> holders = at(answer, level.getKey());
            for (JsonNode holder : holders) {
                if (!holder.isObject()) {
                    continue;
                }
                for (Map.Entry<String, JsonNode> key : level.getValue().properties()) {
                    JsonNode v = holder.get(key.getKey());
                    String where = (level.getKey().isEmpty() ? "" : level.getKey() + ".") + key.getKey();
                    if (v == null) {
                        problems.add(where + " missing");
                    } else if (!type(v).equals(key.getValue().stringValue()) && !key.getValue().stringValue().equals("null")
                            && !(numeric(type(v)) && numeric(key.getValue().stringValue()))) {
                        problems.add(where + " is " + type(v) + ", IQM " + key.getValue().stringValue());
                    }
                }
                break;
            }
        }
        return problems.stream().distinct().toList();
    }

    private static List<JsonNode> at(JsonNode root, String path) {
        List<JsonNode> nodes = new ArrayList<>(List.of(root));
        if (path.isEmpty()) {
            return nodes;
        }
        for (String part : path.split("\\.")) {
            List<JsonNode> next = new ArrayList<>();
            String name = part;
            int arrays = 0;
            while (name.endsWith("[]")) {
                name = name.substring(0, name.length() - 2);
                arrays++;
            }
            for (JsonNode n : nodes) {
                JsonNode v = n.get(name);
                if (v == null) {
                    continue;
                }
                List<JsonNode> level = List.of(v);
                for (int i = 0; i < arrays; i++) {
                    List<JsonNode> items = new ArrayList<>();
                    level.forEach(x -> x.forEach(items::add));
                    level = items;
                }
                next.addAll(level);
            }
            nodes = next;
        }
        return nodes;
    }

    /** Amounts are decimals; IQM's examples write whole ones as integers. */
    private static boolean numeric(String type) {
        return type.equals("integer") || type.equals("number");
    }

    private static String type(JsonNode v) {
        return v.isNull() ? "null" : v.isBoolean() ? "boolean" : v.isIntegralNumber() ? "integer" : v.isNumber() ? "number"
                : v.isString() ? "string" : v.isArray() ? "array" : "object";
    }

    private String path(String template) {
        return switch (template) {
            case "/api/v2/cmp/campaign/draft/{campaignId}" -> template.replace("{campaignId}", "" + draftCampaign());
            case "/api/v2/cmp/campaign/{campaignId}" -> template.replace("{campaignId}", "" + campaign(io, pool(Kind.IMAGE).get(0)));
            case "/api/v3/cmp/pg/campaigns/{campaignId}" -> template.replace("{campaignId}", "" + pgCampaign(false));
            case "/api/v3/cmp/pg/campaigns/draft/{campaignId}" -> template.replace("{campaignId}", "" + pgCampaign(true));
            case "/api/v3/cmp/io/{ioId}" -> template.replace("{ioId}", "" + newIo(1));
            case "/api/v3/crt/creatives/{creativeId}" -> template.replace("{creativeId}", "" + pool(Kind.VIDEO).get(0));
            default -> template;
        };
    }

    /** The kind of object an id of {@code key} names in this operation; null when it names none. */
    private static Kind kindOf(String operation, String key, JsonNode parent) {
        int creativeType = parent.path("creativeType").asInt(parent.path("creativeTypeId").asInt(11));
        return switch (key) {
            case "ioId" -> parent.path("budgetTypeId").asInt() == 2 ? Kind.IMPRESSION_IO : Kind.IO;
            case "ioIdsList" -> operation.endsWith("/io/delete") ? Kind.FRESH_IO : Kind.IO;
            case "ioIdList", "ioIds" -> Kind.IO;
            case "campaignIds" -> operation.contains("/pg/campaigns/mappings") ? Kind.PG_CAMPAIGN
                    : operation.endsWith("/update-status") ? Kind.FRESH_CAMPAIGN : Kind.CAMPAIGN;
            case "ioExistingCampaignIds", "existingCampaignIds", "assignedCampaignIds", "removedCampaignIds",
                    "includedCampaignIds", "excludedCampaignIds" -> Kind.CAMPAIGN;
            case "ids" -> operation.contains("/io/basic/list") ? Kind.IO : Kind.CAMPAIGN;
            case "creativeIds" -> operation.endsWith("/crt/creatives/update-status") ? Kind.FRESH_CREATIVE
                    : creativeType == 14 ? Kind.VIDEO : Kind.IMAGE;
            case "pgDealIds" -> Kind.PG_DEAL;
            case "pmpDealIds" -> Kind.PMP_DEAL;
            case "includedAudienceList", "excludedAudienceList", "removedAudienceList", "whiteListedAudienceIds",
                    "blackListedAudienceIds" -> Kind.AUDIENCE;
            case "groupIds", "whiteListedInventoryGroupIds", "blackListedInventoryGroupIds" -> Kind.INVENTORY_GROUP;
            case "creativeGroupIds" -> Kind.CREATIVE_GROUP;
            case "owIds", "owIdList", "owId" -> Kind.OW;
            case "adCategoryIds" -> Kind.AD_CATEGORY;
            default -> null;
        };
    }

    private JsonNode rewrite(String operation, JsonNode node, Map<Kind, Map<Long, Long>> ids) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            Map<String, JsonNode> replaced = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> p : o.properties()) {
                String key = p.getKey();
                JsonNode value = p.getValue();
                Kind kind = kindOf(operation, key, o);
                if (operation.endsWith("/target/audience") && key.matches("[0-9]+")) {
                    replaced.put(String.valueOf(real(Kind.CAMPAIGN, Long.parseLong(key), ids)), rewrite(operation, value, ids));
                    replaced.put(key, null);
                } else if (key.equals("countryId") && value.asLong() == 23) {
                    replaced.put(key, N.numberNode(30100001L));
                } else if (kind != null) {
                    replaced.put(key, ids(kind, value, ids));
                } else if (value.isContainer()) {
                    replaced.put(key, rewrite(operation, value, ids));
                }
            }
            replaced.forEach((k, v) -> {
                if (v == null) {
                    o.remove(k);
                } else {
                    o.set(k, v);
                }
            });
            return o;
        }
        if (node.isArray()) {
            ArrayNode a = (ArrayNode) node;
            for (int i = 0; i < a.size(); i++) {
                a.set(i, rewrite(operation, a.get(i), ids));
            }
        }
        return node;
    }

    /** The ids of {@code value} replaced in the shape IQM sent them: a number, an array, "1,2" or "[1,2]". */
    private JsonNode ids(Kind kind, JsonNode value, Map<Kind, Map<Long, Long>> ids) {
        if (value.isIntegralNumber()) {
            return kind == Kind.OW ? N.numberNode(login.owId()) : N.numberNode(real(kind, value.longValue(), ids));
        }
        if (value.isArray()) {
            ArrayNode a = N.arrayNode();
            for (JsonNode v : value) {
                a.add(v.isIntegralNumber() ? (kind == Kind.OW ? login.owId() : real(kind, v.longValue(), ids)) : v.asLong());
            }
            return a;
        }
        if (value.isString()) {
            Matcher m = Pattern.compile("[0-9]+").matcher(value.stringValue());
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                long id = Long.parseLong(m.group());
                m.appendReplacement(b, String.valueOf(kind == Kind.OW ? login.owId() : real(kind, id, ids)));
            }
            m.appendTail(b);
            return N.stringNode(b.toString());
        }
        return value;
    }

    /** The real id an example's id stands for: the i-th distinct id of a kind is the i-th of its pool. */
    private long real(Kind kind, long original, Map<Kind, Map<Long, Long>> ids) {
        Map<Long, Long> map = ids.computeIfAbsent(kind, k -> new HashMap<>());
        Long known = map.get(original);
        if (known != null) {
            return known;
        }
        long id = switch (kind) {
            case FRESH_IO -> newIo(1);
            case FRESH_CAMPAIGN -> campaign(io, pool(Kind.IMAGE).get(0));
            case FRESH_CREATIVE -> creative(11, false);
            default -> pool(kind).get(map.size() % pool(kind).size());
        };
        map.put(original, id);
        return id;
    }

    /** Moves the example's times into the future, keeping their distances (seconds and milliseconds alike). */
    private void moveTimes(ObjectNode o) {
        List<ObjectNode> holders = new ArrayList<>();
        collect(o, holders);
        long nowSec = clock.millis() / 1000;
        Long minSec = null;
        Long minMs = null;
        for (ObjectNode h : holders) {
            for (String k : TIME_KEYS) {
                JsonNode v = h.get(k);
                if (v != null && v.isIntegralNumber() && v.longValue() > 0) {
                    if (v.longValue() > 100_000_000_000L) {
                        minMs = minMs == null ? v.longValue() : Math.min(minMs, v.longValue());
                    } else {
                        minSec = minSec == null ? v.longValue() : Math.min(minSec, v.longValue());
                    }
                }
            }
        }
        boolean onlyEnds = holders.stream().noneMatch(h -> h.has("startTime") || h.has("ioStartTime") || h.has("startDate"));
        for (ObjectNode h : holders) {
            for (String k : TIME_KEYS) {
                JsonNode v = h.get(k);
                if (v != null && v.isIntegralNumber() && v.longValue() > 0 && onlyEnds) {
                    // An edit of the end alone: ten days from now, after the start of what it edits.
                    h.put(k, v.longValue() > 100_000_000_000L ? (nowSec + 10 * 86400) * 1000 : nowSec + 10 * 86400);
                } else if (v != null && v.isIntegralNumber() && v.longValue() > 0) {
                    long t = v.longValue();
                    h.put(k, t > 100_000_000_000L ? t - minMs + (nowSec + 3600) * 1000 : t - minSec + nowSec + 3600);
                }
            }
        }
    }

    private static void collect(JsonNode node, List<ObjectNode> holders) {
        if (node.isObject()) {
            holders.add((ObjectNode) node);
        }
        if (node.isContainer()) {
            for (JsonNode child : node) {
                collect(child, holders);
            }
        }
    }

    // The organization and its objects.

    private List<Long> pool(Kind kind) {
        return pools.get(kind);
    }

    private void world() {
        Tenant t = newTenant("admin");
        login = login(t);
        admin = loginAdmin();
        io = newIo(1);
        pools.put(Kind.IO, List.of(io));
        // IAB ad categories of the master data (IQM's example names ids its own master data does not list).
        pools.put(Kind.AD_CATEGORY, List.of(11L, 12L, 13L));
        pools.put(Kind.IMPRESSION_IO, List.of(newIo(2)));
        pools.put(Kind.IMAGE, List.of(creative(11, true), creative(11, true), creative(11, true)));
        pools.put(Kind.VIDEO, List.of(creative(14, true), creative(14, true), creative(14, true)));
        pools.put(Kind.PG_DEAL, List.of(deal("pg"), deal("pg"), deal("pg"), deal("pg")));
        pools.put(Kind.PMP_DEAL, List.of(deal("pmp"), deal("pmp"), deal("pmp"), deal("pmp")));
        List<Long> audiences = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            audiences.add(created("/api/v3/adplane/audiences", Map.of("audienceName", "Audience " + i)));
        }
        pools.put(Kind.AUDIENCE, audiences);
        pools.put(Kind.INVENTORY_GROUP, List.of(
                created("/api/v3/adplane/inventory-groups", Map.of("groupName", "Group 1")),
                created("/api/v3/adplane/inventory-groups", Map.of("groupName", "Group 2"))));
        List<Long> campaigns = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            campaigns.add(campaign(io, pool(Kind.IMAGE).get(0)));
        }
        pools.put(Kind.CAMPAIGN, campaigns);
        pools.put(Kind.PG_CAMPAIGN, List.of(pgCampaign(false), pgCampaign(false), pgCampaign(false)));
        List<Long> images = pool(Kind.IMAGE);
        pools.put(Kind.CREATIVE_GROUP, List.of(
                as(login).body(Map.of("creativeGroupName", "G1", "creativeTypeId", 11, "creativeIds", images.subList(0, 2)))
                        .post("/api/v3/crt/creatives/groups").then().statusCode(200).extract().jsonPath().getLong("data.creativeGroupId"),
                as(login).body(Map.of("creativeGroupName", "G2", "creativeTypeId", 11, "creativeIds", images.subList(0, 2)))
                        .post("/api/v3/crt/creatives/groups").then().statusCode(200).extract().jsonPath().getLong("data.creativeGroupId")));
    }

    private long created(String path, Map<String, Object> body) {
        return as(login).body(body).post(path).then().statusCode(200).extract().jsonPath().getLong("data.id");
    }

    private long deal(String kind) {
        return created("/api/v3/adplane/" + kind + "-deals", Map.of("dealId", "D" + System.nanoTime(), "dealName", "Deal",
                "exchangeId", 1));
    }

    private long newIo(int budgetTypeId) {
        long start = (clock.millis() / 1000 - 3600) * 1000;
        String body = "{\"ioName\":\"IO " + System.nanoTime() + "\",\"ioStartTime\":" + start + ",\"ioEndTime\":"
                + (start + 60L * 86400 * 1000) + ",\"ioTimeZoneId\":29,\"isAutoSumIoTotalBudget\":true,\"ioBudgetTypeId\":"
                + budgetTypeId + ",\"ioBudgetDistributionMethodId\":1}";
        return as(login).body(body).post("/api/v3/cmp/io/add").then().statusCode(200).extract().jsonPath().getLong("data.ioId");
    }

    private long creative(int type, boolean running) {
        String details = type == 14 ? "\"videoDetails\":{\"duration\":15}" : "\"imageDetails\":{\"creativeWidth\":300,\"creativeHeight\":250}";
        String source = type == 14 ? "https://cdn.example.com/a.mp4" : "https://cdn.example.com/a.png";
        Response r = as(login).contentType("multipart/form-data").multiPart("creativeRequest", "{\"C\":{\"creativeName\":\"C "
                + System.nanoTime() + "\",\"platformCreativeTypeId\":" + type + ",\"creativeSourceType\":\"URL\",\"creativeSource\":\""
                + source + "\",\"clickUrl\":\"https://iqm.com\"," + details + "}}", "application/json").post("/api/v3/crt/creatives");
        long id = Long.parseLong(r.then().statusCode(200).extract().jsonPath().getString("data.successData.C"));
        if (running) {
            as(admin, login.owId()).body(Map.of("creativeIds", List.of(id), "creativeStatusId", 2))
                    .patch("/api/v3/crt/creatives/update-status").then().statusCode(200);
        }
        return id;
    }

    private String campaignBody(long ioId, long creativeId) {
        long start = clock.millis() / 1000 + 3600;
        return "{\"campaignName\":\"Campaign " + System.nanoTime() + "\",\"maxBid\":5,\"budgetTotal\":100,\"budgetDay\":10,"
                + "\"startTime\":" + start + ",\"endTime\":" + (start + 5 * 86400) + ",\"timezone\":29,\"creativeType\":11,"
                + "\"isAgreementChecked\":true,\"ioId\":" + ioId + ",\"countryId\":\"30100001\",\"creativeIds\":\"" + creativeId
                + "\",\"advertiserDomain\":\"https://iqm.com\",\"totalBudgetPacing\":false,\"publisherAdCategory\":\"\","
                + "\"exchanges\":\"\",\"budgetTypeId\":1,\"campaignType\":1}";
    }

    private long campaign(long ioId, long creativeId) {
        return as(login).body(campaignBody(ioId, creativeId)).post("/api/v2/cmp/campaigns/add").then().statusCode(200)
                .extract().jsonPath().getLong("responseObject.data");
    }

    private long draftCampaign() {
        return as(login).body(campaignBody(io, pool(Kind.IMAGE).get(0))).post("/api/v2/cmp/campaigns/draft/add").then()
                .statusCode(200).extract().jsonPath().getLong("responseObject.data");
    }

    private long pgCampaign(boolean draft) {
        long start = clock.millis() / 1000 + 3600;
        String body = "{\"pgCampaignInfo\":{\"campaignName\":\"PG " + System.nanoTime() + "\",\"ioId\":" + io
                + ",\"timeZoneId\":29,\"budgetTotal\":100,\"maxBid\":5,\"startTime\":" + start + ",\"endTime\":"
                + (start + 5 * 86400) + ",\"budgetTypeId\":1,\"campaignTypeId\":2,\"advertiserDomain\":\"https://iqm.com\"},"
                + "\"creativeTargeting\":{\"creativeTypeId\":11,\"creativeIds\":[" + pool(Kind.IMAGE).get(0) + "]},"
                + "\"inventoryTargeting\":{\"pgDealIds\":[" + pool(Kind.PG_DEAL).get(0) + "]}}";
        return as(login).body(body).post("/api/v3/cmp/pg/campaigns/" + (draft ? "draft/add" : "add")).then().statusCode(201)
                .extract().jsonPath().getLong("data.campaignId");
    }
}
