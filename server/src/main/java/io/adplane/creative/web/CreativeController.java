package io.adplane.creative.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.adplane.api.Idempotency;
import io.adplane.api.V3Response;
import io.adplane.auth.Caller;
import io.adplane.creative.CreativeCampaignDetails;
import io.adplane.creative.CreativeService;
import io.adplane.creative.CreativeType;
import io.adplane.creative.CreativeUploads;
import io.adplane.history.ChangeLog;

/** IQM's creative API (iqm-reference §5). */
@RestController
class CreativeController {

    private final CreativeService creatives;
    private final Idempotency idempotency;

    CreativeController(CreativeService creatives, Idempotency idempotency) {
        this.creatives = creatives;
        this.idempotency = idempotency;
    }

    @PostMapping(path = "/api/v3/crt/creatives", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> create(Caller caller, @RequestPart("creativeRequest") String creativeRequest,
            @RequestPart(name = "creativeFiles", required = false) List<MultipartFile> creativeFiles,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        // A retry is recognised by the request and the SHA-256 of each file, each file read once.
        CreativeUploads uploads = CreativeUploads.read(creativeFiles);
        return idempotency.once(caller.owId(), caller.userId(), key, Map.of("creatives", creativeRequest, "files", uploads.fingerprint()),
                () -> V3Response.ok(creatives.create(caller, creativeRequest, uploads)));
    }

    @GetMapping("/api/v3/crt/creatives/{creativeId}")
    V3Response<Map<String, Object>> get(Caller caller, @PathVariable long creativeId) {
        return V3Response.ok(creatives.get(caller, creativeId));
    }

    @GetMapping("/api/v3/crt/creatives/{creativeId}/creative-campaign-details")
    V3Response<CreativeCampaignDetails> campaignDetails(Caller caller, @PathVariable long creativeId,
            @RequestParam(defaultValue = "false") boolean includeModelingInfo) {
        return V3Response.ok(creatives.campaignDetails(caller, creativeId, includeModelingInfo));
    }

    /** The creative's change history (beyond IQM): who changed which fields when, newest first. */
    @GetMapping("/api/v3/crt/creatives/{creativeId}/changes")
    V3Response<ChangeLog.Page> changes(Caller caller, @PathVariable long creativeId,
            @RequestParam(required = false) Integer pageNo, @RequestParam(required = false) Integer noOfEntries) {
        return V3Response.ok(creatives.changes(caller, creativeId, pageNo, noOfEntries));
    }

    @PostMapping("/api/v3/crt/creatives/list")
    V3Response<Map<String, Object>> list(Caller caller, @RequestBody CreativeService.ListRequest body) {
        return V3Response.ok(creatives.list(caller, body));
    }

    @PatchMapping("/api/v3/crt/creatives/{creativeId}")
    V3Response<Map<String, Object>> edit(Caller caller, @PathVariable long creativeId,
            @RequestBody CreativeService.EditRequest body) {
        String name = creatives.edit(caller, creativeId, body);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", creativeId);
        data.put("message", name + " updated successfully");
        return V3Response.ok(data);
    }

    record StatusRequest(List<Long> creativeIds, Integer creativeStatusId, String creativeRejectionReason) {
    }

    @PatchMapping("/api/v3/crt/creatives/update-status")
    V3Response<Map<String, String>> updateStatus(Caller caller, @RequestBody StatusRequest body) {
        return V3Response.ok(Map.of("message", creatives.updateStatus(caller, body.creativeIds(),
                body.creativeStatusId(), body.creativeRejectionReason())));
    }

    @GetMapping("/api/v3/crt/master/static/creative-types")
    V3Response<Map<String, Object>> types(@RequestParam(defaultValue = "false") boolean displayAllType) {
        List<Map<String, Object>> list = new ArrayList<>();
        if (displayAllType) {
            list.add(item(0, "all", 0, "All", null));
        }
        for (CreativeType t : CreativeType.values()) {
            list.add(item(t.id, t.code, t.order, t.displayName, t.rtbCreativeTypeId));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("totalRecords", list.size());
        data.put("creativeTypeList", list);
        data.put("filteredRecords", list.size());
        return V3Response.ok(data);
    }

    @GetMapping("/api/v3/crt/master/static/creative-status")
    V3Response<Map<String, Object>> statuses(@RequestParam(defaultValue = "false") boolean displayAllStatusOption) {
        List<Map<String, Object>> list = new ArrayList<>();
        if (displayAllStatusOption) {
            list.add(item(0, "all", 0, "All", null));
        }
        list.add(item(1, "pending", 1, "Pending", null));
        list.add(item(2, "running", 2, "Running", null));
        list.add(item(3, "paused", 3, "Paused", null));
        list.add(item(5, "rejected", 4, "Rejected", null));
        list.add(item(4, "deleted", 5, "Deleted", null));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("totalRecords", list.size());
        data.put("creativeStatusList", list);
        data.put("filteredRecords", list.size());
        return V3Response.ok(data);
    }

    private static Map<String, Object> item(int id, String name, int order, String displayName, Integer rtb) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        m.put("order", order);
        m.put("displayName", displayName);
        if (rtb != null) {
            m.put("rtbCreativeTypeId", rtb);
        }
        return m;
    }

}
