package io.adplane.master.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.ApiException;
import io.adplane.api.V2Response;
import io.adplane.api.V3Response;
import io.adplane.master.MasterData;
import io.adplane.master.MasterList;
import io.adplane.master.SegmentList;
import io.adplane.master.SegmentQuery;
import io.adplane.master.SegmentRow;
import io.adplane.master.web.Requests.SegmentParams;
import io.adplane.master.web.Requests.SegmentRequest;
import io.adplane.master.web.Requests.ZipRequest;
import io.adplane.master.web.Views.ListPage;

/**
 * IQM's geography lists: states, counties, cities, ZIP codes, DMAs, congressional and state legislative
 * districts, location types, and the legacy per-country carrier, state and DMA lists (iqm-reference §6.2, §6.5).
 */
@RestController
class GeographyController {

    /** Location types in IQM's order; the ZIP code (305) only when asked for. */
    private static final Map<Long, MasterList> LOCATION_LISTS = locationLists();

    private final MasterData master;
    private final GeoViews views;

    GeographyController(MasterData master, GeoViews views) {
        this.master = master;
        this.views = views;
    }

    private static Map<Long, MasterList> locationLists() {
        Map<Long, MasterList> m = new LinkedHashMap<>();
        m.put(302L, MasterList.STATES);
        m.put(304L, MasterList.CITIES);
        m.put(309L, MasterList.DMAS);
        m.put(303L, MasterList.COUNTIES);
        m.put(306L, MasterList.CONGRESSIONAL_DISTRICTS);
        m.put(307L, MasterList.SENATE_DISTRICTS);
        m.put(308L, MasterList.HOUSE_DISTRICTS);
        m.put(305L, MasterList.ZIP_CODES);
        return m;
    }

    // ------------------------------------------------------------------ v3 segment POSTs

    @PostMapping("/api/v3/master/segment/state")
    V3Response<ListPage<Object>> states(@RequestBody(required = false) SegmentRequest body) {
        SegmentRequest r = body == null ? SegmentRequest.EMPTY : body;
        return v3(MasterList.STATES, r.query(SegmentQuery.Sort.ID_DESC, countries(MasterArgs.ids(r.parentSegmentIds(), "parentSegmentIds"))));
    }

    @PostMapping("/api/v3/master/segment/county")
    V3Response<ListPage<Object>> counties(@RequestBody(required = false) SegmentRequest body) {
        return v3ByState(MasterList.COUNTIES, body);
    }

    @PostMapping("/api/v3/master/segment/city")
    V3Response<ListPage<Object>> cities(@RequestBody(required = false) SegmentRequest body) {
        return v3ByState(MasterList.CITIES, body);
    }

    @PostMapping("/api/v3/master/segment/dma")
    V3Response<ListPage<Object>> dmas(@RequestBody(required = false) SegmentRequest body) {
        return v3ByState(MasterList.DMAS, body);
    }

    @PostMapping("/api/v3/master/segment/congressional-district")
    V3Response<ListPage<Object>> congressionalDistricts(@RequestBody(required = false) SegmentRequest body) {
        return v3ByState(MasterList.CONGRESSIONAL_DISTRICTS, body);
    }

    @PostMapping("/api/v3/master/segment/senate-district")
    V3Response<ListPage<Object>> senateDistricts(@RequestBody(required = false) SegmentRequest body) {
        return v3ByState(MasterList.SENATE_DISTRICTS, body);
    }

    @PostMapping("/api/v3/master/segment/house-district")
    V3Response<ListPage<Object>> houseDistricts(@RequestBody(required = false) SegmentRequest body) {
        return v3ByState(MasterList.HOUSE_DISTRICTS, body);
    }

    @PostMapping("/api/v3/master/segment/zip")
    V3Response<ListPage<Object>> zipCodes(@RequestBody(required = false) ZipRequest body) {
        ZipRequest r = body == null ? ZipRequest.EMPTY : body;
        Requests.campaign(r.campaignId());
        Set<Long> segments = new LinkedHashSet<>(MasterArgs.ids(r.segmentIds(), "segmentIds"));
        segments.addAll(MasterArgs.ids(r.zipIds(), "zipIds"));
        MasterArgs.Page page = MasterArgs.page(r.pageNo(), r.noOfEntries(), 300, false);
        SegmentQuery query = new SegmentQuery(r.searchField(), segments.isEmpty() ? null : segments,
                MasterArgs.idSet(MasterArgs.ids(r.parentSegmentIds(), "parentSegmentIds")), zips(r.zipCodes()),
                MasterArgs.ids(r.ids(), "ids"), MasterArgs.sort(r.sortBy(), r.order(), r.sortCriteriaMap(), SegmentQuery.Sort.ID_DESC),
                page.offset(), page.limit());
        return v3(MasterList.ZIP_CODES, query);
    }

    private V3Response<ListPage<Object>> v3ByState(MasterList kind, SegmentRequest body) {
        SegmentRequest r = body == null ? SegmentRequest.EMPTY : body;
        return v3(kind, r.query(SegmentQuery.Sort.ID_DESC, MasterArgs.idSet(MasterArgs.ids(r.parentSegmentIds(), "parentSegmentIds"))));
    }

    private V3Response<ListPage<Object>> v3(MasterList kind, SegmentQuery query) {
        return V3Response.ok(ListPage.of(master.list(kind).query(query), row -> views.view(kind, row)));
    }

    /** {@code zipCodes} as five-digit strings ("1001" is 01001, as IQM writes it too). */
    private static Set<String> zips(List<String> zipCodes) {
        if (zipCodes == null || zipCodes.isEmpty()) {
            return null;
        }
        if (zipCodes.size() > MasterArgs.MAX_IDS) {
            throw MasterArgs.invalid("zipCodes", "zipCodes may list at most " + MasterArgs.MAX_IDS + " ZIP codes.");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String zip : zipCodes) {
            OptionalLong id = MasterData.zipCodeId(zip);
            if (id.isEmpty()) {
                throw MasterArgs.invalid("zipCodes", "zipCodes must be ZIP codes of up to five digits.");
            }
            out.add(String.format("%05d", id.getAsLong() - 30_500_000L));
        }
        return out;
    }

    /** Country ids as parents of states; 246 is IQM's legacy id of the United States (M2). */
    private Set<Long> countries(List<Long> ids) {
        if (ids.isEmpty()) {
            return null;
        }
        Set<Long> out = new LinkedHashSet<>();
        for (long id : ids) {
            out.add(master.canonicalCountryId(id).orElse(id));
        }
        return out;
    }

    // ------------------------------------------------------------------ v2 segment GETs

    @GetMapping("/api/v2/master/segment/states")
    V2Response<ListPage<Views.Segment>> v2States(@ParameterObject SegmentParams params,
            @RequestParam(required = false) String countryIds) {
        SegmentQuery query = params.query(SegmentQuery.Sort.ID_ASC, countries(MasterArgs.ids(countryIds, "countryIds")));
        return V2Response.ok(ListPage.of(master.list(MasterList.STATES).query(query),
                row -> new Views.Segment(row.id(), row.text("abbreviation"))));
    }

    @GetMapping("/api/v2/master/segment/county")
    V2Response<ListPage<Views.StateChild>> v2Counties(@ParameterObject SegmentParams params,
            @RequestParam(required = false) String stateIds) {
        return v2Children(MasterList.COUNTIES, params, stateIds);
    }

    @GetMapping("/api/v2/master/segment/city")
    V2Response<ListPage<Views.StateChild>> v2Cities(@ParameterObject SegmentParams params,
            @RequestParam(required = false) String stateIds) {
        return v2Children(MasterList.CITIES, params, stateIds);
    }

    @GetMapping("/api/v2/master/segment/congressional-district")
    V2Response<ListPage<Views.Segment>> v2CongressionalDistricts(@ParameterObject SegmentParams params,
            @RequestParam(required = false) String stateIds) {
        return v2Districts(MasterList.CONGRESSIONAL_DISTRICTS, params, stateIds);
    }

    @GetMapping("/api/v2/master/segment/senate-district")
    V2Response<ListPage<Views.Segment>> v2SenateDistricts(@ParameterObject SegmentParams params,
            @RequestParam(required = false) String stateIds) {
        return v2Districts(MasterList.SENATE_DISTRICTS, params, stateIds);
    }

    @GetMapping("/api/v2/master/segment/house-district")
    V2Response<ListPage<Views.Segment>> v2HouseDistricts(@ParameterObject SegmentParams params,
            @RequestParam(required = false) String stateIds) {
        return v2Districts(MasterList.HOUSE_DISTRICTS, params, stateIds);
    }

    @GetMapping("/api/v2/master/segment/country")
    V2Response<ListPage<Views.Segment>> v2Countries(@ParameterObject SegmentParams params) {
        return V2Response.ok(ListPage.of(master.list(MasterList.COUNTRIES).query(params.query(SegmentQuery.Sort.ID_ASC, null)),
                Views.Segment::of));
    }

    private V2Response<ListPage<Views.StateChild>> v2Children(MasterList kind, SegmentParams params, String stateIds) {
        SegmentQuery query = params.query(SegmentQuery.Sort.ID_ASC, states(stateIds));
        return V2Response.ok(ListPage.of(master.list(kind).query(query),
                row -> new Views.StateChild(row.id(), row.name(), row.parentId())));
    }

    /** IQM's v2 district names: the district and the state's code ("1, AK"). */
    private V2Response<ListPage<Views.Segment>> v2Districts(MasterList kind, SegmentParams params, String stateIds) {
        SegmentQuery query = params.query(SegmentQuery.Sort.ID_ASC, states(stateIds));
        return V2Response.ok(ListPage.of(master.list(kind).query(query), row -> {
            String code = row.text("abbreviation");
            int dash = code.indexOf('-');
            return new Views.Segment(row.id(), dash < 0 ? row.name()
                    : code.substring(dash + 1).replaceFirst("^0+(?=.)", "") + ", " + code.substring(0, dash));
        }));
    }

    /** State ids as IQM's 302NNNNN ids or its legacy ids (4660 Alabama), as parents. */
    private Set<Long> states(String stateIds) {
        List<Long> ids = MasterArgs.ids(stateIds, "stateIds");
        if (ids.isEmpty()) {
            return null;
        }
        Set<Long> out = new LinkedHashSet<>();
        for (long id : ids) {
            out.add(stateByLegacyId(id).map(SegmentRow::id).orElse(id));
        }
        return out;
    }

    private java.util.Optional<SegmentRow> stateByLegacyId(long legacyId) {
        if (legacyId < 4660 || legacyId > 4660 + master.list(MasterList.STATES).size()) {
            return java.util.Optional.empty();
        }
        return master.list(MasterList.STATES).rows().stream().filter(s -> s.number("legacyId") == legacyId).findFirst();
    }

    // ------------------------------------------------------------------ location types

    @GetMapping("/api/v3/master/segment/locationtype")
    V3Response<List<Views.LocationType>> locationTypes(@RequestParam(required = false) String isZipRequired) {
        boolean zip = MasterArgs.bool(isZipRequired, "isZipRequired", false);
        return V3Response.ok(master.list(MasterList.LOCATION_TYPES).rows().stream()
                .filter(r -> zip || r.id() != 305)
                .sorted(java.util.Comparator.comparingLong(r -> r.number("order")))
                .map(r -> new Views.LocationType(r.id(), r.name(), r.number("order"))).toList());
    }

    /**
     * Rows of each asked location type, keyed by the type's id, at most 500 per type in id order (M9); without
     * {@code locationTypeIds} every type but ZIP codes.
     */
    @GetMapping("/api/v3/master/segment/locationtype-details")
    V3Response<Map<String, List<Object>>> locationDetails(@RequestParam(required = false) String searchField,
            @RequestParam(required = false) String locationTypeIds, @RequestParam(required = false) String countryIds) {
        List<Long> types;
        try {
            types = MasterArgs.ids(locationTypeIds, "locationTypeIds");
        } catch (ApiException e) {
            throw invalidLocationTypes();
        }
        for (long type : types) {
            if (!LOCATION_LISTS.containsKey(type)) {
                throw invalidLocationTypes();
            }
        }
        Set<Long> countries = countries(MasterArgs.ids(countryIds, "countryIds"));
        boolean us = countries == null || countries.contains(MasterData.UNITED_STATES);
        Map<String, List<Object>> out = new LinkedHashMap<>();
        for (var e : LOCATION_LISTS.entrySet()) {
            boolean asked = types.isEmpty() ? e.getKey() != 305 : types.contains(e.getKey());
            if (!asked) {
                continue;
            }
            List<Object> rows = new ArrayList<>();
            if (us) {
                SegmentQuery query = new SegmentQuery(searchField, null, null, null, null, SegmentQuery.Sort.ID_ASC, 0, 500);
                master.list(e.getValue()).query(query).rows().forEach(r -> rows.add(views.view(e.getValue(), r)));
            }
            out.put(Long.toString(e.getKey()), rows);
        }
        return V3Response.ok(out);
    }

    private static ApiException invalidLocationTypes() {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid location type ids", "locationTypeIds",
                "locationTypeIds lists location type ids of GET /api/v3/master/segment/locationtype (302 to 309).", null, null);
    }

    // ------------------------------------------------------------------ districts by state

    /** IQM's districts of the given states, keyed by each state's legacy id. */
    @GetMapping("/api/v2/master/district/list")
    V2Response<Map<String, Views.DistrictState>> districtsByStates(@RequestParam(required = false) String stateIds,
            @RequestParam(required = false) String type, @RequestParam(required = false) String searchStr) {
        MasterList kind = switch (type == null ? "" : type.strip().toLowerCase(Locale.ROOT)) {
            case "congressional" -> MasterList.CONGRESSIONAL_DISTRICTS;
            case "senate" -> MasterList.SENATE_DISTRICTS;
            case "house" -> MasterList.HOUSE_DISTRICTS;
            default -> throw badDistrictRequest("type", "type must be congressional, senate or house.");
        };
        List<Long> ids;
        try {
            ids = MasterArgs.ids(stateIds, "stateIds");
        } catch (ApiException e) {
            throw badDistrictRequest("stateIds", "stateIds must be comma-separated state ids.");
        }
        if (ids.isEmpty()) {
            throw badDistrictRequest("stateIds", "stateIds is required.");
        }
        SegmentList states = master.list(MasterList.STATES);
        Map<String, Views.DistrictState> out = new LinkedHashMap<>();
        for (long id : ids) {
            SegmentRow state = states.find(id).or(() -> stateByLegacyId(id)).orElse(null);
            if (state == null || out.containsKey(state.text("legacyId"))) {
                continue;
            }
            SegmentQuery query = new SegmentQuery(searchStr, null, Set.of(state.id()), null, null, SegmentQuery.Sort.ID_ASC, 0, -1);
            List<Views.District> districts = master.list(kind).query(query).rows().stream()
                    .map(d -> new Views.District(d.id(), geoCode(state, d), d.name(), d.text("abbreviation"))).toList();
            out.put(state.text("legacyId"), new Views.DistrictState(state.number("legacyId"), state.text("fips"), state.name(),
                    districts));
        }
        return V2Response.ok(out);
    }

    /** IQM's geoCode: the state's FIPS number and the district ("101" is Alabama's 1st). */
    private static String geoCode(SegmentRow state, SegmentRow district) {
        String code = district.text("abbreviation");
        String part = code.substring(code.indexOf('-') + 1);
        if (part.chars().allMatch(Character::isDigit)) {
            part = String.format("%02d", Integer.parseInt(part));
        }
        return Integer.parseInt(state.text("fips")) + part;
    }

    private static ApiException badDistrictRequest(String field, String reason) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request parameters", field, reason, null, null);
    }

    // ------------------------------------------------------------------ legacy lists

    @GetMapping("/api/countries/{country_id}/carriers")
    List<Views.LegacyCarrier> carriers(@PathVariable("country_id") String countryId) {
        boolean us = country(countryId);
        return !us ? List.of() : master.list(MasterList.CARRIERS).rows().stream()
                .map(r -> new Views.LegacyCarrier(r.id(), r.name(), r.parentId())).toList();
    }

    @GetMapping("/api/countries/{country_id}/states")
    List<Views.LegacyState> statesByCountry(@PathVariable("country_id") String countryId) {
        boolean us = country(countryId);
        return !us ? List.of() : master.list(MasterList.STATES).rows().stream()
                .sorted(java.util.Comparator.comparing(SegmentRow::name))
                .map(r -> new Views.LegacyState(r.name(), r.number("legacyId"), MasterData.LEGACY_UNITED_STATES,
                        r.text("abbreviation"), 1, r.flag("isTerritory") ? 1 : 0, r.text("fips"), r.id())).toList();
    }

    /** True for the United States (246 or 30100001); false for another known country; 404 for an unknown one. */
    private boolean country(String raw) {
        Long id = MasterArgs.longValue(raw, "country_id");
        OptionalLong canonical = id == null ? OptionalLong.empty() : master.canonicalCountryId(id);
        if (canonical.isEmpty()) {
            throw ApiException.notFound("country_id", "Invalid country id.");
        }
        return canonical.getAsLong() == MasterData.UNITED_STATES;
    }

    /** IQM's legacy DMA list: ids 1..210 in code order, {@code dma_source} naming where the list comes from. */
    @GetMapping("/api/dma_codes")
    List<Views.LegacyDma> dmaCodes() {
        List<SegmentRow> rows = master.list(MasterList.DMAS).rows();
        List<Views.LegacyDma> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(new Views.LegacyDma(i + 1, rows.get(i).text("abbreviation"), rows.get(i).name(), "nielsen"));
        }
        return out;
    }
}
