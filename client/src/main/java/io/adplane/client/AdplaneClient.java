package io.adplane.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.adplane.client.Model.Campaign;
import io.adplane.client.Model.CampaignRow;
import io.adplane.client.Model.CampaignSaved;
import io.adplane.client.Model.Creative;
import io.adplane.client.Model.CreativePage;
import io.adplane.client.Model.CreativeUpload;
import io.adplane.client.Model.InsertionOrder;
import io.adplane.client.Model.IoPage;
import io.adplane.client.Model.MasterItem;
import io.adplane.client.Model.NewCampaign;
import io.adplane.client.Model.NewCreative;
import io.adplane.client.Model.NewInsertionOrder;
import io.adplane.client.Model.Page;
import io.adplane.client.Model.Profile;
import io.adplane.client.Model.StatusCount;
import io.adplane.client.Model.StatusUpdate;
import io.adplane.client.Model.Token;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of adplane's IQM-compatible API. Log in once; the client keeps the tokens, refreshes them when
 * the server answers 401, sends {@code X-IAA-OW-ID} for the organization it acts for, adds an
 * {@code Idempotency-Key} to every create (and retries a create that failed in transit with the same key),
 * decodes both envelopes and raises every error as an {@link ApiError}.
 *
 * <pre>{@code
 * AdplaneClient api = AdplaneClient.builder().baseUrl("http://localhost:8080").host("localhost")
 *         .clientCredentials(clientId, clientSecret).build();
 * api.login(email, password);
 * }</pre>
 */
public final class AdplaneClient {

    private final URI baseUrl;
    private final String host;
    private final String basic;
    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private volatile Token token;
    private volatile long owId;

    private AdplaneClient(Builder b) {
        this.baseUrl = URI.create(b.baseUrl.endsWith("/") ? b.baseUrl.substring(0, b.baseUrl.length() - 1) : b.baseUrl);
        this.host = b.host;
        this.basic = "Basic " + Base64.getEncoder().encodeToString(
                (b.clientId + ":" + b.clientSecret).getBytes(StandardCharsets.UTF_8));
        this.timeout = b.timeout;
        this.http = HttpClient.newBuilder().connectTimeout(b.timeout).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Settings of a client; {@code clientCredentials} are required. */
    public static final class Builder {
        private String baseUrl = "http://localhost:8080";
        private String host = "localhost";
        private String clientId;
        private String clientSecret;
        private Duration timeout = Duration.ofSeconds(30);

        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** The workspace domain, sent as {@code X-IAA-HOST} at login. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder clientCredentials(String clientId, String clientSecret) {
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            return this;
        }

        /** Connect and per-request timeout. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public AdplaneClient build() {
            if (clientId == null || clientSecret == null) {
                throw new IllegalStateException("clientCredentials(clientId, clientSecret) are required");
            }
            return new AdplaneClient(this);
        }
    }

    // ------------------------------------------------------------------ login

    /** Logs in (seed Step 1) and acts for the organization the login answers. */
    public Token login(String email, String password) {
        Map<String, Object> body = Map.of("grantType", "password", "email", email, "password", password);
        JsonNode data = send("POST", "/api/v3/ua/login", jsonBody(body), Map.of("Authentication", basic,
                "X-IAA-HOST", host), false);
        Token t = json.treeToValue(data, Token.class);
        this.token = t;
        this.owId = t.owId();
        return t;
    }

    /** Exchanges the refresh token for new tokens; the client does this by itself on a 401. */
    public synchronized Token refresh() {
        Token current = requireToken();
        String form = "grant_type=refresh_token&refresh_token=" + URLEncoder.encode(current.refreshToken(), StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString(form);
        JsonNode raw = send("POST", "/api/v3/ua/oauth/token", new Body(body, "application/x-www-form-urlencoded"),
                Map.of("Authorization", basic, "X-IAA-HOST", host), false);
        Token t = json.treeToValue(raw, Token.class);
        this.token = new Token(t.accessToken(), t.refreshToken(), t.scope(), t.tokenType(), t.expiresIn(), current.owId());
        return this.token;
    }

    public void logout() {
        call("POST", "/api/v3/ua/logout", null);
        token = null;
    }

    /** The organization the client acts for ({@code X-IAA-OW-ID}); the login's by default. */
    public AdplaneClient actFor(long owId) {
        this.owId = owId;
        return this;
    }

    public long owId() {
        return owId;
    }

    public Profile profile() {
        return convert(call("GET", "/api/v3/ua/profile", null), Profile.class);
    }

    public List<Long> allowedOrganizations() {
        return convert(call("GET", "/api/v3/ua/allowed-customers-ids", null), new TypeReference<>() { });
    }

    // ------------------------------------------------------------------ insertion orders

    public InsertionOrder addInsertionOrder(NewInsertionOrder io) {
        return convert(create("/api/v3/cmp/io/add", io), InsertionOrder.class);
    }

    public InsertionOrder insertionOrder(long ioId) {
        return convert(call("GET", "/api/v3/cmp/io/" + ioId, null), InsertionOrder.class);
    }

    /** A partial update: only the non-null fields change. Answers IQM's message. */
    public String updateInsertionOrder(long ioId, NewInsertionOrder changes) {
        return call("PATCH", "/api/v3/cmp/io/" + ioId, changes).asString();
    }

    /** {@code POST /api/v3/cmp/io/basic/list}; {@code query} takes IQM's fields (pageNo, sortBy, ...). */
    public IoPage insertionOrders(Map<String, Object> query) {
        return convert(call("POST", "/api/v3/cmp/io/basic/list", query), IoPage.class);
    }

    public String deleteInsertionOrders(List<Long> ioIds) {
        return call("POST", "/api/v3/cmp/io/delete", Map.of("ioIdsList", ioIds)).asString();
    }

    /** Copies an IO and the listed campaigns; answers {@code {duplicatedCampaignIds, duplicatedIoId}}. */
    public Model.IoDuplicated duplicateInsertionOrder(long ioId, List<Long> campaignIds, long startMillis, Long endMillis,
            Integer timezoneId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ioId", ioId);
        body.put("ioExistingCampaignIds", campaignIds);
        body.put("ioStartTime", startMillis);
        if (endMillis != null) {
            body.put("ioEndTime", endMillis);
        }
        if (timezoneId != null) {
            body.put("ioTimeZoneId", timezoneId);
        }
        return convert(create("/api/v3/cmp/io/duplicate", body), Model.IoDuplicated.class);
    }

    /** {@code set} or {@code add} to the budget of manual IOs. */
    public String updateInsertionOrderBudget(List<Long> ioIds, BigDecimal budget, String budgetUpdateType) {
        return call("PATCH", "/api/v3/cmp/io/update-budget",
                Map.of("ioIdsList", ioIds, "budget", budget, "budgetUpdateType", budgetUpdateType)).asString();
    }

    public String updateInsertionOrderEndDate(List<Long> ioIds, long endMillis) {
        return call("PATCH", "/api/v3/cmp/io/update-end-date", Map.of("ioIdsList", ioIds, "ioEndTime", endMillis)).asString();
    }

    public Model.IoBudgetInfo insertionOrderBudgetInfo(long ioId) {
        return convert(call("GET", "/api/v3/cmp/io/campaign/budget-impression/info?ioId=" + ioId, null), Model.IoBudgetInfo.class);
    }

    /** One of IQM's static IO lists: {@code io/status/list}, {@code campaign/budget-type}, {@code budget-distribution-method/list}. */
    public List<Model.StaticItem> staticList(String name) {
        return convert(firstList(call("GET", "/api/v3/cmp/static/" + name, null)), new TypeReference<>() { });
    }

    // ------------------------------------------------------------------ creatives

    /** Uploads creatives by your keys; {@code files} maps each FILE creative's {@code creativeSource} to its bytes. */
    public CreativeUpload uploadCreatives(Map<String, NewCreative> creatives, Map<String, byte[]> files) {
        String boundary = "adplane-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part(out, boundary, "creativeRequest", null, "application/json",
                json.writeValueAsString(creatives).getBytes(StandardCharsets.UTF_8));
        files.forEach((name, bytes) -> part(out, boundary, "creativeFiles", name, "application/octet-stream", bytes));
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Body body = new Body(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()),
                "multipart/form-data; boundary=" + boundary);
        return convert(authorized("POST", "/api/v3/crt/creatives", body, true), CreativeUpload.class);
    }

    public Creative creative(long creativeId) {
        return convert(call("GET", "/api/v3/crt/creatives/" + creativeId, null), Creative.class);
    }

    public CreativePage creatives(Map<String, Object> query) {
        return convert(call("POST", "/api/v3/crt/creatives/list", query), CreativePage.class);
    }

    public String renameCreative(long creativeId, String name) {
        return call("PATCH", "/api/v3/crt/creatives/" + creativeId, Map.of("creativeName", name)).get("message").asString();
    }

    /** 2 running (approve), 3 paused, 4 deleted, 5 rejected (with a reason). */
    public String updateCreativeStatus(List<Long> creativeIds, int statusId, String rejectionReason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("creativeIds", creativeIds);
        body.put("creativeStatusId", statusId);
        if (rejectionReason != null) {
            body.put("creativeRejectionReason", rejectionReason);
        }
        return call("PATCH", "/api/v3/crt/creatives/update-status", body).get("message").asString();
    }

    public List<Model.CreativeListItem> creativeTypes() {
        return convert(firstList(call("GET", "/api/v3/crt/master/static/creative-types", null)), new TypeReference<>() { });
    }

    public List<Model.CreativeListItem> creativeStatuses() {
        return convert(firstList(call("GET", "/api/v3/crt/master/static/creative-status", null)), new TypeReference<>() { });
    }

    // ------------------------------------------------------------------ campaigns

    /** Seed Step 3: a pending (or, with auto-approval, running) campaign. */
    public CampaignSaved addCampaign(NewCampaign campaign) {
        return convert(create("/api/v2/cmp/campaigns/add", campaign), CampaignSaved.class);
    }

    public CampaignSaved addDraft(NewCampaign campaign) {
        return convert(create("/api/v2/cmp/campaigns/draft/add", campaign), CampaignSaved.class);
    }

    /** Seed Step 4. */
    public Campaign campaign(long campaignId) {
        return campaign(campaignId, "");
    }

    private Campaign campaign(long campaignId, String query) {
        JsonNode data = call("GET", "/api/v2/cmp/campaign/" + campaignId + query, null);
        Campaign c = convert(data, Campaign.class);
        Map<String, Object> fields = convert(data, new TypeReference<>() { });
        return new Campaign(c.id(), c.owId(), c.uowId(), c.campaignName(), c.status(), c.ioId(), c.ioName(),
                c.creativeType(), c.campaignType(), c.budgetTotal(), c.budgetDay(), c.maxBid(), c.startTime(),
                c.endTime(), c.timezone(), c.creativeIds(), c.countryId(), c.organizationName(),
                c.parentOrganizationName(), c.userEmail(), c.userName(), c.isEditAccess(), c.isApprovalAccess(),
                c.rejectionReason(), c.createDate(), fields);
    }

    /** Seed Step 4 with {@code isSpentRequired=true}: the campaign with what it has spent ({@code fields().get("spent")}). */
    public Campaign campaignWithSpend(long campaignId) {
        return campaign(campaignId, "?isSpentRequired=true");
    }

    /** A partial edit: send only the fields to change (IQM's names). */
    public CampaignSaved updateCampaign(long campaignId, Map<String, Object> changes) {
        return convert(call("PATCH", "/api/v2/cmp/campaign/" + campaignId, changes), CampaignSaved.class);
    }

    public CampaignSaved replaceDraft(long campaignId, NewCampaign campaign) {
        return convert(call("PUT", "/api/v2/cmp/campaign/draft/" + campaignId, campaign), CampaignSaved.class);
    }

    /** {@code running} (approve, resume), {@code paused}, {@code rejected} (with a reason) or {@code deleted}. */
    public StatusUpdate updateCampaignStatus(List<Long> campaignIds, String status, String rejectionReason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaignIds", join(campaignIds));
        body.put("status", status);
        if (rejectionReason != null) {
            body.put("rejectionReason", rejectionReason);
        }
        return convert(call("PUT", "/api/v2/cmp/campaigns/update-status", body), StatusUpdate.class);
    }

    public List<Model.StatusChange> campaignStatusHistory(long campaignId) {
        return convert(call("GET", "/api/v3/cmp/campaign/" + campaignId + "/status-history", null), new TypeReference<>() { });
    }

    /** {@code totalBudgetUpdateType}: change, addition or distribution; answers IQM's per-campaign result. */
    public Model.BudgetUpdate updateCampaignBudgets(List<Long> campaignIds, BigDecimal totalBudget, BigDecimal dailyBudget,
            String totalBudgetUpdateType) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaignIds", join(campaignIds));
        if (totalBudget != null) {
            body.put("totalBudget", totalBudget);
        }
        if (dailyBudget != null) {
            body.put("dailyBudget", dailyBudget);
        }
        if (totalBudgetUpdateType != null) {
            body.put("totalBudgetUpdateType", totalBudgetUpdateType);
        }
        return convert(call("PUT", "/api/v2/cmp/campaigns/update-budget", body), Model.BudgetUpdate.class);
    }

    public Model.EndDateUpdate updateCampaignEndDate(List<Long> campaignIds, long endSeconds) {
        return convert(call("PUT", "/api/v2/cmp/campaigns/update-end-date",
                Map.of("campaignIds", join(campaignIds), "endDate", endSeconds)), Model.EndDateUpdate.class);
    }

    public String renameCampaign(long campaignId, String name) {
        return call("PATCH", "/api/v3/cmp/campaign/update-name/" + campaignId, Map.of("campaignName", name))
                .get("message").asString();
    }

    /** Copies campaigns into an IO; answers {@code {duplicatedCampaignIds, status}}. */
    public Model.CampaignsDuplicated duplicateCampaigns(List<Long> campaignIds, long ioId, long startSeconds, long endSeconds) {
        return convert(create("/api/v2/cmp/campaigns/duplicate", Map.of("existingCampaignIds", join(campaignIds), "ioId", ioId,
                "startDate", startSeconds, "endDate", endSeconds)), Model.CampaignsDuplicated.class);
    }

    public String targetCreatives(List<Long> creativeIds, List<Long> assignTo, List<Long> removeFrom) {
        return call("PATCH", "/api/v3/cmp/target/creative", Map.of("creativeIds", creativeIds,
                "assignedCampaignIds", assignTo, "removedCampaignIds", removeFrom)).get("message").asString();
    }

    /** {@code POST /api/v3/cmp/basic/list}; {@code query} takes IQM's fields (status, sortBy, pageNo, ...). */
    public Page<CampaignRow> campaigns(Map<String, Object> query) {
        return convert(call("POST", "/api/v3/cmp/basic/list", query), new TypeReference<>() { });
    }

    /** {@code GET /api/v2/cmp/campaigns/data}: IQM's older list. */
    public Page<Model.LegacyCampaign> campaignData(int pageNo, int limit) {
        return convert(call("GET", "/api/v2/cmp/campaigns/data?pageNo=" + pageNo + "&limit=" + limit, null),
                new TypeReference<>() { });
    }

    public Model.IoCampaignPage insertionOrdersWithCampaigns(Map<String, Object> query) {
        return convert(call("POST", "/api/v3/cmp/io/campaign/basic/list", query), Model.IoCampaignPage.class);
    }

    public List<StatusCount> campaignCounts() {
        return convert(call("POST", "/api/v3/cmp/campaigns/count", Map.of()), new TypeReference<>() { });
    }

    public List<StatusCount> campaignCountsV2() {
        return convert(call("GET", "/api/v2/cmp/campaigns/count", null), new TypeReference<>() { });
    }

    // ------------------------------------------------------------------ master data

    public Page<MasterItem> timezones(String search) {
        return convert(call("GET", "/api/v3/master/timezones" + (search == null ? "" : "?searchField="
                + URLEncoder.encode(search, StandardCharsets.UTF_8)), null), new TypeReference<>() { });
    }

    public List<MasterItem> timezonesV2() {
        return convert(call("GET", "/api/v2/adv/static/timezones", null), new TypeReference<>() { });
    }

    public Page<MasterItem> countries(Map<String, Object> query) {
        return convert(call("POST", "/api/v3/master/segment/country", query), new TypeReference<>() { });
    }

    public Page<MasterItem> adCategories(Map<String, Object> query) {
        return convert(call("POST", "/api/v3/master/adcategories", query), new TypeReference<>() { });
    }

    public Page<MasterItem> exchanges() {
        return convert(call("GET", "/api/v3/master/exchanges?noOfEntries=500", null), new TypeReference<>() { });
    }

    public Page<MasterItem> trafficTypes() {
        return convert(call("GET", "/api/v3/master/traffic-types", null), new TypeReference<>() { });
    }

    /** IQM's legacy lists: {@code device_types}, {@code network_types}, {@code device_os}. */
    public List<MasterItem> legacyList(String name) {
        return convert(raw("GET", "/api/" + name), new TypeReference<>() { });
    }

    public List<Model.FrequencyCapType> frequencyCapTypes() {
        return convert(call("GET", "/api/v3/cmp/static/frequency-cap-types", null).get("frequencyCapTypes"),
                new TypeReference<>() { });
    }

    public List<Model.ConversionType> conversionTypes() {
        return convert(call("GET", "/api/v3/conversion/static/conversion-type", null).get("data"), new TypeReference<>() { });
    }

    // ------------------------------------------------------------------ reports and the simulation clock

    /** IQM's {@code POST /api/v3/ra/report/execute}, with IQM's request fields ({@code dimensions}, {@code columns}, ...). */
    public Model.Report executeReport(Map<String, Object> request) {
        return convert(call("POST", "/api/v3/ra/report/execute", request), Model.Report.class);
    }

    /** The simulation clock (emulator mode; a workspace-owner admin only). */
    public Model.Clock clock() {
        return convert(call("GET", "/api/v3/adplane/clock", null), Model.Clock.class);
    }

    /** Moves the simulation clock forward ({@code "7d"}, {@code "36h"}); the server delivers the elapsed hours first. */
    public Model.Clock advanceClock(String duration) {
        return convert(call("POST", "/api/v3/adplane/clock/advance", Map.of("duration", duration)), Model.Clock.class);
    }

    // ------------------------------------------------------------------ transport

    private record Body(HttpRequest.BodyPublisher publisher, String contentType) {
    }

    private JsonNode call(String method, String path, Object body) {
        return authorized(method, path, body == null ? null : jsonBody(body), false);
    }

    /** A create: sent with a fresh {@code Idempotency-Key}, and sent once more with it if the first try failed in transit. */
    private JsonNode create(String path, Object body) {
        return authorized("POST", path, jsonBody(body), true);
    }

    private JsonNode raw(String method, String path) {
        return authorized(method, path, null, false);
    }

    private JsonNode authorized(String method, String path, Body body, boolean create) {
        Token t = requireToken();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + t.accessToken());
        headers.put("X-IAA-OW-ID", Long.toString(owId));
        if (create) {
            headers.put("Idempotency-Key", UUID.randomUUID().toString());
        }
        try {
            return send(method, path, body, headers, create);
        } catch (ApiError e) {
            if (e.status() != 401 || t.refreshToken() == null || t != token) {
                throw e;
            }
            headers.put("Authorization", "Bearer " + refresh().accessToken());
            return send(method, path, body, headers, create);
        }
    }

    private JsonNode send(String method, String path, Body body, Map<String, String> headers, boolean retryInTransit) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body.publisher());
        if (body != null) {
            request.header("Content-Type", body.contentType());
        }
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            if (retryInTransit) {
                return send(method, path, body, headers, false);
            }
            throw new UncheckedIOException("adplane " + method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        JsonNode answer = response.body() == null || response.body().isEmpty() ? null : json.readTree(response.body());
        if (response.statusCode() >= 400) {
            throw error(response.statusCode(), answer);
        }
        if (answer == null || !answer.isObject()) {
            return answer;
        }
        if (answer.has("success") && answer.has("data")) {
            return answer.get("data");
        }
        if (answer.has("statusCode") && answer.has("responseObject")) {
            return answer.get("responseObject");
        }
        return answer;
    }

    private ApiError error(int status, JsonNode body) {
        if (body != null && body.has("errorObjects") && body.get("errorObjects").size() > 0) {
            JsonNode e = body.get("errorObjects").get(0);
            return new ApiError(status, text(e, "error"), text(e, "field"), text(e, "reason"));
        }
        if (body != null && body.has("responseObject") && body.get("responseObject").isObject()) {
            JsonNode e = body.get("responseObject");
            return new ApiError(status, text(e, "errorMsg"), text(e, "errorField"), null);
        }
        return new ApiError(status, "HTTP " + status, null, null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private Body jsonBody(Object value) {
        return new Body(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(value)), "application/json");
    }

    /** The first array in a static list's {@code data} (IQM names it differently per list). */
    private static JsonNode firstList(JsonNode data) {
        for (JsonNode value : data.values()) {
            if (value.isArray()) {
                return value;
            }
        }
        throw new IllegalStateException("no list in the answer");
    }

    private <T> T convert(JsonNode node, Class<T> type) {
        return json.treeToValue(node, type);
    }

    private <T> T convert(JsonNode node, TypeReference<T> type) {
        return json.convertValue(node, type);
    }

    private Token requireToken() {
        Token t = token;
        if (t == null) {
            throw new IllegalStateException("log in first: client.login(email, password)");
        }
        return t;
    }

    private static String join(List<Long> ids) {
        List<String> parts = new ArrayList<>();
        ids.forEach(id -> parts.add(Long.toString(id)));
        return String.join(",", parts);
    }

    private static void part(ByteArrayOutputStream out, String boundary, String name, String fileName,
            String contentType, byte[] content) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName.replace("\"", "") + "\"")
                + "\r\nContent-Type: " + contentType + "\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
