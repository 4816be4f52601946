package io.adplane.master.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.V2Response;
import io.adplane.api.V3Response;
import io.adplane.master.MasterData;
import io.adplane.master.MasterPage;
import io.adplane.master.Timezones;

/** IQM's master and static lists (iqm-reference §6), served from the project's data files. */
@RestController
class MasterController {

    private final MasterData master;
    private final Timezones timezones;

    MasterController(MasterData master, Timezones timezones) {
        this.master = master;
        this.timezones = timezones;
    }

    private List<Map<String, Object>> timezoneRows() {
        return timezones.all().stream().map(tz -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", tz.name());
            m.put("id", tz.id());
            m.put("label", tz.label());
            return m;
        }).toList();
    }

    @GetMapping("/api/v3/master/timezones")
    V3Response<Map<String, Object>> timezones(@RequestParam(required = false) String searchField,
            @RequestParam(required = false) List<Long> ids, @RequestParam(required = false) Integer pageNo,
            @RequestParam(required = false) Integer noOfEntries, @RequestParam(required = false) String sortBy) {
        return V3Response.ok(new MasterPage(searchField, null, ids, sortBy, null, pageNo, noOfEntries, 500)
                .apply(timezoneRows()));
    }

    @GetMapping("/api/v2/adv/static/timezones")
    V2Response<List<Map<String, Object>>> legacyTimezones() {
        return V2Response.ok(timezoneRows());
    }

    /** The body of IQM's segment and category POSTs (iqm-reference §6.9). */
    record SegmentRequest(Integer pageNo, Integer noOfEntries, String sortBy, String searchField, List<Long> segmentIds,
            List<Long> ids, Long campaignId, List<Long> adCategoryIds, List<Long> parentSegmentIds) {
    }

    @PostMapping("/api/v3/master/segment/country")
    V3Response<Map<String, Object>> countries(@RequestBody(required = false) SegmentRequest b) {
        SegmentRequest r = b == null ? new SegmentRequest(null, null, null, null, null, null, null, null, null) : b;
        return V3Response.ok(new MasterPage(r.searchField(), r.segmentIds(), r.ids(), r.sortBy() == null ? "+id" : r.sortBy(),
                null, r.pageNo(), r.noOfEntries(), 300).apply(rows("countries", "id", "name", "abbreviation")));
    }

    @PostMapping("/api/v3/master/adcategories")
    V3Response<Map<String, Object>> adCategories(@RequestBody(required = false) SegmentRequest b) {
        SegmentRequest r = b == null ? new SegmentRequest(null, null, null, null, null, null, null, null, null) : b;
        return V3Response.ok(new MasterPage(r.searchField(), r.adCategoryIds(), r.ids(),
                r.sortBy() == null ? "-id" : r.sortBy(), null, r.pageNo(), r.noOfEntries(), 300)
                .apply(rows("ad-categories", "id", "name", "parentId", "iabCategoryId", "parentName")));
    }

    @GetMapping("/api/v3/master/exchanges")
    V3Response<Map<String, Object>> exchanges(@RequestParam(required = false) List<Long> exchangeIds,
            @RequestParam(required = false) List<Long> ids, @RequestParam(required = false) Integer pageNo,
            @RequestParam(required = false) Integer noOfEntries, @RequestParam(required = false) String sortBy,
            @RequestParam(required = false) String order, @RequestParam(required = false) String searchField) {
        return V3Response.ok(new MasterPage(searchField, exchangeIds, ids, sortBy, order, pageNo, noOfEntries, 20)
                .apply(rows("exchanges", "id", "name", "urlName")));
    }

    @GetMapping("/api/v3/master/traffic-types")
    V3Response<Map<String, Object>> trafficTypes(@RequestParam(required = false) String searchField) {
        return V3Response.ok(new MasterPage(searchField, null, null, "+id", null, null, null, 500)
                .apply(rows("traffic-types", "name", "isTvAd", "id")));
    }

    @GetMapping("/api/device_types")
    List<Map<String, Object>> deviceTypes() {
        return byName(rows("device-types", "name", "id"));
    }

    @GetMapping("/api/network_types")
    List<Map<String, Object>> networkTypes() {
        return byName(rows("network-types", "name", "id"));
    }

    @GetMapping("/api/device_os")
    List<Map<String, Object>> deviceOs() {
        return byName(rows("device-os", "name", "id"));
    }

    @GetMapping("/api/v3/cmp/static/frequency-cap-types")
    V3Response<Map<String, Object>> frequencyCapTypes() {
        List<Map<String, Object>> rows = rows("frequency-cap-types", "id", "name", "order", "displayName",
                "minDuration", "maxDuration");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("frequencyCapTypes", rows);
        data.put("totalRecords", rows.size());
        data.put("filteredRecords", rows.size());
        return V3Response.ok(data);
    }

    @GetMapping("/api/v3/conversion/static/conversion-type")
    V3Response<Map<String, Object>> conversionTypes() {
        return V3Response.ok(new MasterPage(null, null, null, "+id", null, null, null, 500)
                .apply(rows("conversion-types", "id", "name", "displayName", "order", "isActive")));
    }

    /** A list's rows with the named fields, in IQM's JSON types (ids and numbers as numbers, flags as booleans). */
    private List<Map<String, Object>> rows(String list, String... fields) {
        return master.rows(list).stream().map(row -> {
            Map<String, Object> m = new LinkedHashMap<>();
            for (String f : fields) {
                m.put(f, typed(row.get(f)));
            }
            return m;
        }).toList();
    }

    private static Object typed(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        if (text.matches("-?[0-9]{1,15}")) {
            return Long.valueOf(text);
        }
        return text;
    }

    private static List<Map<String, Object>> byName(List<Map<String, Object>> rows) {
        return rows.stream().sorted(Comparator.comparing(r -> String.valueOf(r.get("name")).toLowerCase())).toList();
    }
}
