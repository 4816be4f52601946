package io.adplane.creative;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.adplane.api.ApiException;
import io.adplane.api.Limits;
import io.adplane.api.TextRules;
import io.adplane.auth.Caller;
import io.adplane.history.Actor;
import io.adplane.history.ChangeLog;
import io.adplane.history.EntityType;
import io.adplane.tenancy.Names;
import io.adplane.tenancy.TenancyRepository;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creatives (iqm-reference §5): upload many at once with partial success, read, list, edit, and the
 * approval flow of D18. Files are checked by their content and kept in the database.
 */
@Service
public class CreativeService {

    private static final Set<String> ITEM_FIELDS = Set.of("creativeName", "platformCreativeTypeId", "creativeSourceType",
            "creativeSource", "clickUrl", "externalCreativeId", "subMediaType", "imageDetails", "htmlDetails",
            "videoDetails", "audioDetails", "nativeDetails");
    private static final Set<String> DETAILS = Set.of("subMediaType", "imageDetails", "htmlDetails", "videoDetails",
            "audioDetails", "nativeDetails");
    private static final int MAX_ITEMS = 50;

    private final CreativeRepository creatives;
    private final CreativeWriter writer;
    private final CreativeBlobs blobs;
    private final CampaignCreatives campaigns;
    private final TenancyRepository tenancy;
    private final ChangeLog history;
    private final JsonMapper json;
    private final Clock clock;

    CreativeService(CreativeRepository creatives, CreativeWriter writer, CreativeBlobs blobs, @Lazy CampaignCreatives campaigns,
            TenancyRepository tenancy, ChangeLog history, JsonMapper json, Clock clock) {
        this.creatives = creatives;
        this.writer = writer;
        this.blobs = blobs;
        this.campaigns = campaigns;
        this.tenancy = tenancy;
        this.history = history;
        this.json = json;
        this.clock = clock;
    }

    /** {@code POST /api/v3/crt/creatives}: each item succeeds or fails on its own, keyed by the client's keys. */
    @Transactional
    public Map<String, Object> create(Caller caller, String creativeRequest, CreativeUploads files) {
        caller.requireWrite();
        JsonNode items;
        try {
            items = json.readTree(creativeRequest == null ? "" : creativeRequest);
        } catch (JacksonException e) {
            throw ApiException.badRequest("creativeRequest", "creativeRequest must be a JSON object of creatives keyed by your ids.");
        }
        if (items == null || !items.isObject() || items.isEmpty()) {
            throw ApiException.badRequest("creativeRequest", "creativeRequest must be a JSON object of creatives keyed by your ids.");
        }
        if (items.size() > MAX_ITEMS) {
            throw ApiException.badRequest("creativeRequest", "At most " + MAX_ITEMS + " creatives at once.");
        }
        Map<String, String> success = new LinkedHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : items.properties()) {
            try {
                success.put(e.getKey(), String.valueOf(createOne(caller, e.getValue(), files)));
            } catch (ApiException problem) {
                failed.put(e.getKey(), problem.getMessage());
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("successData", success);
        data.put("failedData", failed);
        return data;
    }

    private long createOne(Caller caller, JsonNode item, CreativeUploads files) {
        return createOne(Actor.of(caller), caller.owId(), caller.uowId(), 0, item, files);
    }

    /**
     * A creative as a fixture holds it (E7): its id, organization and creator ({@code uowId}), its status with the
     * rejection reason and remarks, the item of IQM's create request ({@code creativeName}, {@code creativeSource},
     * the details...) and, for a file creative, the file's bytes.
     */
    public record Restorable(long creativeId, long owId, long uowId, int creativeStatusId,
            @Nullable String rejectionReason, @Nullable String remarks, ObjectNode request, byte @Nullable [] file) {
    }

    /**
     * Restores a fixture's creative (E7) through the write path, as a create request by its creator makes it, then
     * approves it (running) unless it is to stay pending: campaigns name running creatives. {@link #settleRestored}
     * gives it its own status once the campaigns are restored. Field errors name the request field.
     */
    @Transactional
    public void restore(Restorable r) {
        if (r.creativeStatusId() < Creative.PENDING || r.creativeStatusId() > Creative.REJECTED) {
            throw ApiException.badRequest("creativeStatusId", "creativeStatusId must be 1 (pending), 2 (running),"
                    + " 3 (paused), 4 (deleted) or 5 (rejected).");
        }
        if (r.creativeStatusId() == Creative.REJECTED && (r.rejectionReason() == null || r.rejectionReason().isBlank())) {
            throw ApiException.badRequest("rejectionReason", "A rejected creative needs its rejectionReason.");
        }
        Limits.text("rejectionReason", r.rejectionReason(), Limits.NAME);
        Limits.text("remarks", r.remarks(), Limits.NOTE);
        String source = text(r.request(), "creativeSource");
        CreativeUploads files = r.file() == null || source == null ? CreativeUploads.of(Map.of())
                : CreativeUploads.of(Map.of(source, r.file()));
        Actor actor = restorer(r.uowId());
        createOne(actor, r.owId(), r.uowId(), r.creativeId(), r.request(), files);
        if (r.creativeStatusId() != Creative.PENDING) {
            writer.change(actor, r.owId(), r.creativeId(), c -> c.with(c.creativeName(), c.clickUrl(),
                    c.externalCreativeId(), Creative.RUNNING, null, c.remarks()), () -> notFound(r.creativeId()));
        }
    }

    /** Moves a restored creative to its own status, rejection reason and remarks (E7). */
    @Transactional
    public void settleRestored(Restorable r) {
        writer.change(restorer(r.uowId()), r.owId(), r.creativeId(), c -> c.with(c.creativeName(), c.clickUrl(),
                c.externalCreativeId(), r.creativeStatusId(),
                r.creativeStatusId() == Creative.REJECTED ? r.rejectionReason().strip() : null, r.remarks()),
                () -> notFound(r.creativeId()));
    }

    /** Every creative as a fixture holds it (E7), by id, with its file's bytes: for the emulator's export only. */
    @Transactional(readOnly = true)
    public List<Restorable> exportAll() {
        return creatives.everyCreative().stream().map(row -> {
            Creative c = row.creative();
            ObjectNode item = json.createObjectNode();
            item.put("creativeName", c.creativeName());
            item.put("platformCreativeTypeId", c.platformCreativeTypeId());
            item.put("creativeSourceType", c.creativeSourceType());
            item.put("creativeSource", c.creativeSource());
            if (c.clickUrl() != null) {
                item.put("clickUrl", c.clickUrl());
            }
            if (c.externalCreativeId() != null) {
                item.put("externalCreativeId", c.externalCreativeId());
            }
            item.setAll((ObjectNode) json.readTree(c.details()));
            return new Restorable(c.creativeId(), c.owId(), c.uowId(), c.creativeStatusId(),
                    c.creativeStatusId() == Creative.REJECTED ? c.rejectionReason() : null, c.remarks(), item, row.file());
        }).toList();
    }

    /** The organization of the creative with this id, whichever it is; empty when there is none. */
    public java.util.Optional<Long> ownerOf(long creativeId) {
        return creatives.ownerOf(creativeId);
    }

    /** The member a fixture names as a creative's creator, acting with approval rights. */
    private static Actor restorer(long uowId) {
        return new Actor(uowId, org.slf4j.MDC.get(Actor.REQUEST_ID), true);
    }

    private long createOne(Actor actor, long owId, long uowId, long fixedId, JsonNode item, CreativeUploads files) {
        if (!item.isObject()) {
            throw ApiException.badRequest(null, "Each creative must be a JSON object.");
        }
        for (String field : item.propertyNames()) {
            if (!ITEM_FIELDS.contains(field)) {
                throw ApiException.badRequest(field, "Unknown field '" + field + "'.");
            }
        }
        checkTexts(item);
        String name = text(item, "creativeName");
        if (name == null || name.isBlank() || name.strip().length() > Limits.NAME) {
            throw ApiException.badRequest("creativeName", "creativeName is required (1 to 255 characters).");
        }
        JsonNode typeNode = item.get("platformCreativeTypeId");
        CreativeType type = typeNode != null && typeNode.isIntegralNumber()
                ? CreativeType.of(typeNode.intValue()).orElse(null) : null;
        if (type == null) {
            throw ApiException.badRequest("platformCreativeTypeId", "platformCreativeTypeId must be 11, 13, 14, 15 or 17.");
        }
        String sourceType = text(item, "creativeSourceType");
        if (sourceType == null || !type.sourceTypes.contains(sourceType.toUpperCase(Locale.ROOT))) {
            throw ApiException.badRequest("creativeSourceType", "creativeSourceType must be one of "
                    + String.join(", ", new java.util.TreeSet<>(type.sourceTypes)) + " for " + type.displayName + ".");
        }
        sourceType = sourceType.toUpperCase(Locale.ROOT);
        String source = text(item, "creativeSource");
        if (source == null || source.isBlank()) {
            throw ApiException.badRequest("creativeSource", "creativeSource is required.");
        }
        String clickUrl = Limits.text("clickUrl", text(item, "clickUrl"), Limits.URL);
        String externalId = Limits.text("externalCreativeId", text(item, "externalCreativeId"), Limits.NAME);
        boolean vast = sourceType.startsWith("VAST") || sourceType.startsWith("DAAST");
        if (!vast && (clickUrl == null || !isClickUrl(clickUrl))) {
            throw ApiException.badRequest("clickUrl", "clickUrl is required: an http(s) URL.");
        }
        if (vast && type == CreativeType.NATIVE && !"video".equals(text(item, "subMediaType"))) {
            // F10: a native creative comes from VAST only as native video.
            throw ApiException.badRequest("creativeSourceType", "A native creative from " + sourceType
                    + " needs subMediaType video.");
        }
        if ((sourceType.equals("URL") || sourceType.endsWith("_URL")) && !isHttpUrl(source)) {
            throw ApiException.badRequest("creativeSource", "creativeSource must be an http(s) URL for " + sourceType + ".");
        }
        if (sourceType.endsWith("_XML") && !source.contains("<" + sourceType.substring(0, sourceType.indexOf('_')))) {
            throw ApiException.badRequest("creativeSource", "creativeSource must be a " + sourceType.substring(0, sourceType.indexOf('_')) + " XML document.");
        }
        CreativeUploads.Upload file = null;
        if (sourceType.equals("FILE")) {
            Limits.text("creativeSource", source, Limits.NAME);
            file = files.get(source);
            if (file == null) {
                throw ApiException.badRequest("creativeFiles", "Creative file missing. Please attach the required file. : " + source);
            }
            if (file.format() == null || !file.format().fits(type)) {
                throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Invalid file format for " + type.displayName
                        + " creative: " + source + ".", "creativeFiles", null, null, null);
            }
            if (file.size() > file.format().maxBytes) {
                throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "File " + source + " exceeds the "
                        + file.format().label() + " limit of " + file.format().maxBytes + " bytes.", "creativeFiles", null, null, null);
            }
            blobs.store(owId, file);
        }
        ObjectNode details = json.createObjectNode();
        for (String d : DETAILS) {
            if (item.has(d)) {
                details.set(d, item.get(d));
            }
        }
        long now = clock.millis();
        Creative c = new Creative(fixedId, owId, uowId, name.strip(), type.id, sourceType, source, clickUrl,
                externalId, json.writeValueAsString(details), Creative.PENDING, null, null,
                file == null ? null : file.name(), file == null ? null : file.format().label(),
                file == null ? null : file.size(), now, now, file == null ? null : file.sha256());
        return writer.create(actor, c);
    }

    public Map<String, Object> get(Caller caller, long id) {
        CreativeRepository.View v = creatives.view(caller.owId(), id)
                .orElseThrow(() -> ApiException.unprocessable("creativeId", "No creative details found for creativeId: " + id));
        return view(caller, v);
    }

    /** How many campaigns the campaign-details answer lists at most. */
    private static final int MAX_CAMPAIGNS = 1000;

    /**
     * {@code GET /api/v3/crt/creatives/{id}/creative-campaign-details}: the creative and the campaigns naming it
     * (not deleted, effective status). adplane models no campaign dimensions, so {@code isModelled} is false (F2).
     */
    public CreativeCampaignDetails campaignDetails(Caller caller, long id, boolean includeModelingInfo) {
        CreativeRepository.View v = creatives.view(caller.owId(), id).orElseThrow(() -> notFound(id));
        Creative c = v.creative();
        CreativeType type = CreativeType.of(c.platformCreativeTypeId()).orElseThrow();
        JsonNode details = CreativeDetails.answered(type, json.readTree(c.details()));
        List<CreativeCampaignDetails.CampaignDetail> used = campaigns.campaignsOf(caller.owId(), id, MAX_CAMPAIGNS)
                .stream().map(x -> new CreativeCampaignDetails.CampaignDetail(x.id(), x.name(), x.status(),
                        x.totalCreativesCount(), includeModelingInfo ? Boolean.FALSE : null))
                .toList();
        String source = c.fileName() != null ? c.fileName() : c.creativeSource();
        return new CreativeCampaignDetails(c.creativeId(), c.creativeName(), type.rtbCreativeTypeId,
                c.platformCreativeTypeId(), orEmpty(c.externalCreativeId()),
                details.hasNonNull("subMediaType") ? details.get("subMediaType").asString() : "",
                c.creativeStatusId(), source, "", orEmpty(c.clickUrl()), details.get("imageDetails"),
                details.get("videoDetails"), details.get("audioDetails"), details.get("htmlDetails"),
                details.get("html5Details"), details.get("nativeDetails"),
                c.creativeSourceType().toLowerCase(Locale.ROOT).replace('_', '-'), orEmpty(c.rejectionReason()),
                orEmpty(c.remarks()), 0, c.createdAt(), modifiedAt(c.modifiedAt()),
                new CreativeCampaignDetails.UserDetails(c.uowId(),
                        Names.displayName(v.userFirstName(), v.userLastName(), v.userEmail()), v.userEmail(),
                        caller.role().writes(), caller.canApprove()),
                new CreativeCampaignDetails.OrganizationDetails(c.owId(), v.organizationName(), ""),
                false, used, "");
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String modifiedAt(long millis) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx")
                .format(Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC));
    }

    /**
     * The body of {@code PATCH /api/v3/crt/creatives/{id}} (IQM's schema): names and remarks, the click and pixel
     * URLs, the source of a creative that has no file, HTML size, video and audio tracking, and the native fields.
     */
    public record EditRequest(String creativeName, String externalCreativeId, String creativeRejectionReason,
            String creativeRemarks, String clickUrl, String pixelUrl, String creativeSource, String title,
            String description, JsonNode cta, String brandName, String brandIconSourceUrl, Integer brandIconHeight,
            Integer brandIconWidth, String thumbnailSourceUrl, Integer thumbnailWidth, Integer thumbnailHeight,
            JsonNode htmlDetails, JsonNode trackingData) {
    }

    private static final List<String> NATIVE_FIELDS = List.of("title", "description", "cta", "brandName",
            "brandIconSourceUrl", "brandIconHeight", "brandIconWidth", "thumbnailSourceUrl", "thumbnailWidth",
            "thumbnailHeight");

    /** Edits a creative ({@code PATCH /api/v3/crt/creatives/{id}}); each field only where its creative type has it (F11). */
    @Transactional
    public String edit(Caller caller, long id, EditRequest r) {
        caller.requireWrite();
        String name = r.creativeName();
        if (name != null && (name.isBlank() || name.strip().length() > Limits.NAME || TextRules.problem(name) != null)) {
            throw ApiException.badRequest("creativeName", "creativeName must be 1 to 255 printable characters.");
        }
        Limits.text("externalCreativeId", r.externalCreativeId(), Limits.NAME);
        Limits.text("creativeRejectionReason", r.creativeRejectionReason(), Limits.NAME);
        Limits.text("creativeRemarks", r.creativeRemarks(), Limits.NOTE);
        Limits.text("clickUrl", r.clickUrl(), Limits.URL);
        Limits.text("pixelUrl", r.pixelUrl(), Limits.URL);
        if (r.clickUrl() != null && !isClickUrl(r.clickUrl())) {
            throw ApiException.badRequest("clickUrl", "clickUrl must be an http(s) URL.");
        }
        ObjectNode edits = json.valueToTree(r);
        checkTexts(edits);
        return writer.change(Actor.of(caller), caller.owId(), id, c -> {
            CreativeType type = CreativeType.of(c.platformCreativeTypeId()).orElseThrow();
            ObjectNode details = (ObjectNode) json.readTree(c.details());
            if (r.pixelUrl() != null) {
                requireType("pixelUrl", type, CreativeType.IMAGE);
                object(details, "imageDetails").put("pixelUrl", r.pixelUrl());
            }
            if (r.htmlDetails() != null) {
                requireType("htmlDetails", type, CreativeType.HTML);
                if (!r.htmlDetails().isObject()) {
                    throw ApiException.badRequest("htmlDetails", "htmlDetails must be an object.");
                }
                object(details, "htmlDetails").setAll((ObjectNode) r.htmlDetails());
            }
            if (r.trackingData() != null) {
                if (type != CreativeType.VIDEO && type != CreativeType.AUDIO) {
                    throw ApiException.badRequest("trackingData", "trackingData applies to video and audio creatives.");
                }
                if (!r.trackingData().isObject()) {
                    throw ApiException.badRequest("trackingData", "trackingData must be an object.");
                }
                object(details, type == CreativeType.VIDEO ? "videoDetails" : "audioDetails").set("trackingData", r.trackingData());
            }
            for (String field : NATIVE_FIELDS) {
                JsonNode v = edits.get(field);
                if (v != null && !v.isNull()) {
                    requireType(field, type, CreativeType.NATIVE);
                    object(details, "nativeDetails").set(field, v);
                }
            }
            String source = c.creativeSource();
            if (r.creativeSource() != null) {
                source = editedSource(c, r.creativeSource());
            }
            return c.with(name == null ? c.creativeName() : name.strip(),
                    r.clickUrl() != null ? r.clickUrl().strip() : c.clickUrl(),
                    r.externalCreativeId() != null ? r.externalCreativeId() : c.externalCreativeId(), c.creativeStatusId(),
                    r.creativeRejectionReason() != null ? r.creativeRejectionReason() : c.rejectionReason(),
                    r.creativeRemarks() != null ? r.creativeRemarks() : c.remarks())
                    .withContent(source, json.writeValueAsString(details));
        }, () -> notFound(id)).creativeName();
    }

    /** A new source for a creative without a file, checked as on upload. */
    private static String editedSource(Creative c, String source) {
        String type = c.creativeSourceType();
        if (type.equals("FILE")) {
            throw ApiException.badRequest("creativeSource", "The source of a creative uploaded as a file can't be edited; upload a new creative.");
        }
        if (source.isBlank()) {
            throw ApiException.badRequest("creativeSource", "creativeSource must not be empty.");
        }
        if ((type.equals("URL") || type.endsWith("_URL")) && !isHttpUrl(source)) {
            throw ApiException.badRequest("creativeSource", "creativeSource must be an http(s) URL for " + type + ".");
        }
        if (type.endsWith("_XML") && !source.contains("<" + type.substring(0, type.indexOf('_')))) {
            throw ApiException.badRequest("creativeSource", "creativeSource must be a " + type.substring(0, type.indexOf('_')) + " XML document.");
        }
        return source;
    }

    private static void requireType(String field, CreativeType type, CreativeType wanted) {
        if (type != wanted) {
            throw ApiException.badRequest(field, field + " applies to " + wanted.displayName + " creatives.");
        }
    }

    private static ObjectNode object(ObjectNode details, String field) {
        JsonNode v = details.get(field);
        if (v instanceof ObjectNode o) {
            return o;
        }
        ObjectNode o = details.objectNode();
        details.set(field, o);
        return o;
    }

    private static ApiException notFound(long id) {
        return ApiException.unprocessable("creativeId", "No creative details found for creativeId: " + id);
    }

    /** The approval flow (D18); answers IQM's message. All or nothing. */
    @Transactional
    public String updateStatus(Caller caller, List<Long> ids, Integer status, String reason) {
        caller.requireWrite();
        if (ids == null || ids.isEmpty()) {
            throw ApiException.unprocessable("creativeIds", "Invalid creative ids found. Please provide valid creative ids");
        }
        Limits.ids("creativeIds", ids);
        if (status == null || status < 2 || status > 5) {
            throw ApiException.badRequest("creativeStatusId", "creativeStatusId must be 2 (running), 3 (paused), 4 (deleted) or 5 (rejected).");
        }
        if (status == Creative.REJECTED && (reason == null || reason.isBlank())) {
            throw ApiException.badRequest("creativeRejectionReason",
                    "Rejection reason not provided. Please provide the reason for rejecting the creative/s.");
        }
        Limits.text("creativeRejectionReason", reason, Limits.NAME);
        Set<Long> unique = new LinkedHashSet<>(ids);
        List<Creative> found = creatives.lockAll(caller.owId(), unique);
        if (found.size() != unique.size()) {
            throw ApiException.unprocessable("creativeIds", "Invalid creative ids found. Please provide valid creative ids");
        }
        if (found.stream().anyMatch(c -> c.creativeStatusId() == Creative.DELETED)) {
            throw ApiException.unprocessable("creativeIds",
                    "Creative/s not in running/pending/paused/rejected state. Please pass valid creative/s.");
        }
        for (Creative locked : found) {
            // Setting the status a creative already has changes nothing (IQM answers success).
            writer.change(Actor.of(caller), caller.owId(), locked.creativeId(), c -> c.creativeStatusId() == status ? c
                    : c.with(c.creativeName(), c.clickUrl(), c.externalCreativeId(), status,
                            status == Creative.REJECTED ? reason.strip() : null, c.remarks()),
                    () -> notFound(locked.creativeId()));
        }
        return found.size() == 1 ? found.get(0).creativeName() + " creative updated successfully"
                : found.size() + " Creatives updated successfully";
    }

    /** {@code GET /api/v3/crt/creatives/{id}/changes}: the creative's change history, newest first. */
    public ChangeLog.Page changes(Caller caller, long id, Integer pageNo, Integer noOfEntries) {
        creatives.view(caller.owId(), id).orElseThrow(() -> notFound(id));
        return history.page(caller.owId(), EntityType.CREATIVE, id, pageNo, noOfEntries);
    }

    /** The body of {@code POST /api/v3/crt/creatives/list}. */
    public record ListRequest(List<Integer> creativeStatusIds, List<Integer> platformCreativeTypeIds,
            List<Long> creativeIds, List<Long> owIds, Boolean allOwIds, Long startTime, Long endTime, Integer pageNo,
            Integer noOfEntries, String sortBy, String searchField, String order, Long creativeGroupId,
            List<Long> campaignIds, Boolean includeCreativeSourceDetails, Boolean includeOrganizationDetails,
            Boolean includeUserDetails, Map<String, String> sortCriteriaMap) {

        /** A plain page: by status and ids, of the acting organization or of all it may act for, searched by name. */
        public static ListRequest page(List<Integer> creativeStatusIds, List<Long> creativeIds, boolean allOwIds,
                int pageNo, int noOfEntries, String searchField) {
            return new ListRequest(creativeStatusIds, null, creativeIds, null, allOwIds, null, null, pageNo,
                    noOfEntries, null, searchField, null, null, null, null, null, null, null);
        }
    }

    public Map<String, Object> list(Caller caller, ListRequest r) {
        List<Long> allowed = tenancy.allowedOwIds(caller.userId(), caller.workspaceId());
        CreativeRepository.Page page = CreativeList.run(creatives, caller, r, allowed, campaigns);
        List<Map<String, Object>> rows = new ArrayList<>();
        // F12: each row's owner and organization, from two queries for the whole page.
        Map<Long, CreativeRepository.Owner> owners = creatives.owners(page.rows().stream().map(Creative::uowId).distinct().toList());
        Map<Long, String> organizations = creatives.organizationNames(page.rows().stream().map(Creative::owId).distinct().toList());
        // F15: the campaigns naming each row, in one query for the page.
        Map<Long, List<Long>> used = campaigns.campaignIdsOf(page.rows().stream().map(Creative::owId).distinct().toList(),
                page.rows().stream().map(Creative::creativeId).toList(), MAX_CAMPAIGNS);
        for (Creative c : page.rows()) {
            Map<String, Object> row = summary(c);
            row.put("campaignDetails", Map.of("campaignIds", used.getOrDefault(c.creativeId(), List.of())));
            CreativeRepository.Owner owner = owners.get(c.uowId());
            row.put("userDetails", userDetails(caller, c.uowId(), owner.email(), owner.firstName(), owner.lastName()));
            row.put("organizationDetails", organizationDetails(c.owId(), organizations.get(c.owId())));
            rows.add(row);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("totalRecords", page.totalRecords());
        data.put("filteredRecords", page.filteredRecords());
        data.put("filteredList", rows);
        return data;
    }

    private Map<String, Object> summary(Creative c) {
        CreativeType type = CreativeType.of(c.platformCreativeTypeId()).orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("creativeId", c.creativeId());
        m.put("creativeName", c.creativeName());
        m.put("platformCreativeTypeId", c.platformCreativeTypeId());
        m.put("rtbCreativeTypeId", type.rtbCreativeTypeId);
        m.put("creativeStatusId", c.creativeStatusId());
        m.put("creativeSourceType", c.creativeSourceType().toLowerCase(Locale.ROOT).replace('_', '-'));
        m.put("creativeSource", c.creativeSource());
        m.put("clickUrl", c.clickUrl());
        m.put("externalCreativeId", orEmpty(c.externalCreativeId()));
        m.put("owId", c.owId());
        m.put("createdAt", c.createdAt());
        m.put("modifiedAt", modifiedAt(c.modifiedAt()));
        JsonNode details = CreativeDetails.answered(type, json.readTree(c.details()));
        details.properties().forEach(e -> m.put(e.getKey(), e.getValue()));
        // F12: IQM's flat size and duration, and the preview fields adplane does not render ("" and 0).
        JsonNode sized = details.path(type == CreativeType.HTML ? "htmlDetails" : type == CreativeType.NATIVE
                ? "nativeDetails" : "imageDetails");
        m.put("creativeWidth", sized.path("creativeWidth").asInt(0));
        m.put("creativeHeight", sized.path("creativeHeight").asInt(0));
        m.put("duration", details.path(type == CreativeType.AUDIO ? "audioDetails" : "videoDetails").path("duration").asLong(0));
        m.put("creativeCardSource", "");
        m.put("creativeThumbnailSource", "");
        m.put("creativePreviewFlag", 0);
        if (c.rejectionReason() != null) {
            m.put("creativeRejectionReason", c.rejectionReason());
        }
        if (c.fileName() != null) {
            m.put("fileName", c.fileName());
            m.put("fileType", c.fileType());
            m.put("fileSize", c.fileSize());
        }
        return m;
    }

    private Map<String, Object> view(Caller caller, CreativeRepository.View v) {
        Map<String, Object> m = summary(v.creative());
        m.put("userDetails", userDetails(caller, v.creative().uowId(), v.userEmail(), v.userFirstName(), v.userLastName()));
        m.put("organizationDetails", organizationDetails(v.creative().owId(), v.organizationName()));
        return m;
    }

    private static Map<String, Object> userDetails(Caller caller, long uowId, String email, String first, String last) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("uowId", uowId);
        user.put("userName", Names.displayName(first, last, email));
        user.put("userEmail", email);
        user.put("hasApprovalAccess", caller.canApprove());
        user.put("hasEditAccess", caller.role().writes());
        return user;
    }

    private static Map<String, Object> organizationDetails(long owId, String name) {
        Map<String, Object> organization = new LinkedHashMap<>();
        organization.put("owId", owId);
        organization.put("organizationName", name);
        organization.put("organizationLogo", "");
        return organization;
    }

    private static String text(JsonNode item, String field) {
        JsonNode v = item.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw ApiException.badRequest(field, "Field '" + field + "' must be a string.");
        }
        return v.stringValue();
    }

    private static void checkTexts(JsonNode node) {
        if (node.isString() && TextRules.problem(node.stringValue()) != null) {
            throw ApiException.badRequest(null, "Texts " + TextRules.problem(node.stringValue()) + ".");
        }
        if (node.isContainer()) {
            for (JsonNode child : node.values()) {
                checkTexts(child);
            }
        }
    }

    /** An http(s) URL, or one written without its scheme as IQM's examples do ({@code www.example.com}), F10. */
    static boolean isClickUrl(String text) {
        return isHttpUrl(text) || (!text.contains("://") && !text.isBlank() && isHttpUrl("https://" + text.strip()));
    }

    static boolean isHttpUrl(String text) {
        try {
            URI uri = URI.create(text.trim());
            return uri.getScheme() != null && Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
