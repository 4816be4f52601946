package io.adplane.master.web;

import java.util.List;
import java.util.Set;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.V2Response;
import io.adplane.api.V3Response;
import io.adplane.master.MasterData;
import io.adplane.master.MasterList;
import io.adplane.master.SegmentQuery;
import io.adplane.master.SegmentRow;
import io.adplane.master.web.Requests.InventoryRequest;
import io.adplane.master.web.Requests.ListParams;
import io.adplane.master.web.Requests.SegmentParams;
import io.adplane.master.web.Requests.SegmentRequest;
import io.adplane.master.web.Views.ListPage;
import io.adplane.master.web.Views.Segment;

/**
 * IQM's audience, device, video and inventory lists: demographics (age, gender, income, ethnicity, language,
 * interests), device types, operating systems, manufacturers, carriers and connection types, the video targeting
 * parameters, channels, RTB creative types, inventory types, deal curation types, creative sizes and the master
 * inventory.
 */
@RestController
class SegmentController {

    private final MasterData master;

    SegmentController(MasterData master) {
        this.master = master;
    }

    private ListPage<Segment> page(MasterList kind, SegmentQuery query) {
        return ListPage.of(master.list(kind).query(query), Segment::of);
    }

    private V2Response<ListPage<Segment>> v2(MasterList kind, SegmentParams params, SegmentQuery.Sort fallback) {
        return V2Response.ok(page(kind, params.query(fallback, null)));
    }

    // ------------------------------------------------------------------ demographics

    @PostMapping("/api/v3/master/segment/gender")
    V3Response<ListPage<Segment>> genders(@RequestBody(required = false) SegmentRequest body) {
        SegmentRequest r = body == null ? SegmentRequest.EMPTY : body;
        return V3Response.ok(page(MasterList.GENDERS, r.query(SegmentQuery.Sort.ID_DESC, null)));
    }

    /** Sorted by name by default, as IQM documents. */
    @GetMapping("/api/v2/master/segment/age")
    V2Response<ListPage<Segment>> ages(@ParameterObject SegmentParams params) {
        return v2(MasterList.AGE_RANGES, params, new SegmentQuery.Sort(SegmentQuery.Field.NAME, false));
    }

    @GetMapping("/api/v2/master/segment/gender")
    V2Response<ListPage<Segment>> v2Genders(@ParameterObject SegmentParams params) {
        return v2(MasterList.GENDERS, params, SegmentQuery.Sort.ID_ASC);
    }

    @GetMapping("/api/v2/master/segment/income")
    V2Response<ListPage<Segment>> incomes(@ParameterObject SegmentParams params) {
        return v2(MasterList.INCOME_RANGES, params, SegmentQuery.Sort.ID_ASC);
    }

    @GetMapping("/api/v2/master/segment/language")
    V2Response<ListPage<Segment>> languages(@ParameterObject SegmentParams params) {
        return v2(MasterList.LANGUAGES, params, SegmentQuery.Sort.ID_ASC);
    }

    @GetMapping("/api/v2/master/segment/interest")
    V2Response<ListPage<Segment>> interests(@ParameterObject SegmentParams params) {
        return v2(MasterList.INTERESTS, params, SegmentQuery.Sort.ID_ASC);
    }

    @GetMapping("/api/v2/master/segment/ethnicity-group")
    V2Response<ListPage<Segment>> ethnicityGroups(@ParameterObject SegmentParams params) {
        return v2(MasterList.ETHNICITY_GROUPS, params, SegmentQuery.Sort.ID_ASC);
    }

    @GetMapping("/api/v2/master/segment/ethnicity")
    V2Response<ListPage<Views.Ethnicity>> ethnicities(@ParameterObject SegmentParams params) {
        return V2Response.ok(ListPage.of(master.list(MasterList.ETHNICITIES).query(params.query(SegmentQuery.Sort.ID_ASC, null)),
                r -> new Views.Ethnicity(r.id(), r.name(), r.parentId())));
    }

    // ------------------------------------------------------------------ devices

    @PostMapping("/api/v3/master/segment/device-type")
    V3Response<ListPage<Segment>> deviceTypeSegments(@RequestBody(required = false) SegmentRequest body) {
        SegmentRequest r = body == null ? SegmentRequest.EMPTY : body;
        return V3Response.ok(page(MasterList.DEVICE_TYPE_SEGMENTS, r.query(SegmentQuery.Sort.ID_DESC, null)));
    }

    @GetMapping("/api/v2/master/segment/device-type")
    V2Response<ListPage<Segment>> v2DeviceTypes(@ParameterObject SegmentParams params) {
        return v2(MasterList.DEVICE_TYPE_SEGMENTS, params, SegmentQuery.Sort.ID_ASC);
    }

    @GetMapping("/api/v2/master/segment/device-os")
    V2Response<ListPage<Segment>> deviceOs(@ParameterObject SegmentParams params) {
        return v2(MasterList.DEVICE_OS_SEGMENTS, params, SegmentQuery.Sort.ID_ASC);
    }

    @GetMapping("/api/v2/master/segment/device-manufacturer")
    V2Response<ListPage<Segment>> deviceManufacturers(@ParameterObject SegmentParams params) {
        return v2(MasterList.DEVICE_MANUFACTURERS, params, SegmentQuery.Sort.ID_ASC);
    }

    @GetMapping("/api/v2/master/segment/device-carrier")
    V2Response<ListPage<Segment>> deviceCarriers(@ParameterObject SegmentParams params) {
        return v2(MasterList.DEVICE_CARRIERS, params, SegmentQuery.Sort.ID_ASC);
    }

    @GetMapping("/api/v2/master/segment/connection-type")
    V2Response<ListPage<Segment>> connectionTypes(@ParameterObject SegmentParams params) {
        return v2(MasterList.CONNECTION_TYPES, params, SegmentQuery.Sort.ID_ASC);
    }

    @GetMapping("/api/manufacturers")
    List<Views.NamedId> manufacturers() {
        return legacy(MasterList.MANUFACTURERS);
    }

    @GetMapping("/api/source_traffic_types")
    List<Views.NamedId> sourceTrafficTypes() {
        return master.list(MasterList.SOURCE_TRAFFIC_TYPES).rows().stream().map(Views.NamedId::of).toList();
    }

    /** IQM's legacy lists come sorted by name. */
    private List<Views.NamedId> legacy(MasterList kind) {
        return master.list(kind).query(new SegmentQuery(null, null, null, null, null,
                new SegmentQuery.Sort(SegmentQuery.Field.NAME, false), 0, -1)).rows().stream().map(Views.NamedId::of).toList();
    }

    // ------------------------------------------------------------------ video, creative and inventory attributes

    @GetMapping("/api/v3/master/creative/video/placement-type")
    V3Response<ListPage<Segment>> videoPlacementTypes(@ParameterObject ListParams params) {
        return V3Response.ok(page(MasterList.VIDEO_PLACEMENT_TYPES, params.query()));
    }

    @GetMapping("/api/v3/master/creative/video/roll-position")
    V3Response<ListPage<Segment>> videoRollPositions(@ParameterObject ListParams params) {
        return V3Response.ok(page(MasterList.VIDEO_ROLL_POSITIONS, params.query()));
    }

    @GetMapping("/api/v3/master/creative/video/player-size")
    V3Response<ListPage<Segment>> videoPlayerSizes(@ParameterObject ListParams params) {
        return V3Response.ok(page(MasterList.VIDEO_PLAYER_SIZES, params.query()));
    }

    @GetMapping("/api/v3/master/creative/video/skippability")
    V3Response<ListPage<Segment>> videoSkippability(@ParameterObject ListParams params) {
        return V3Response.ok(page(MasterList.VIDEO_SKIPPABILITY, params.query()));
    }

    @GetMapping("/api/v3/master/creative/video/playback-method")
    V3Response<ListPage<Segment>> videoPlaybackMethods(@ParameterObject ListParams params) {
        return V3Response.ok(page(MasterList.VIDEO_PLAYBACK_METHODS, params.query()));
    }

    @GetMapping("/api/v3/master/segment/channel")
    V3Response<ListPage<Segment>> channels(@ParameterObject ListParams params) {
        return V3Response.ok(page(MasterList.CHANNELS, params.query()));
    }

    @GetMapping("/api/v3/master/rtb-creative-types")
    V3Response<ListPage<Segment>> rtbCreativeTypes() {
        return V3Response.ok(page(MasterList.RTB_CREATIVE_TYPES, SegmentQuery.all()));
    }

    @GetMapping("/api/v3/master/inventory-types")
    V3Response<ListPage<Segment>> inventoryTypes() {
        return V3Response.ok(page(MasterList.INVENTORY_TYPES, SegmentQuery.all()));
    }

    @GetMapping("/api/v2/master/segment/inventoryTypes")
    V2Response<List<Segment>> v2InventoryTypes() {
        return V2Response.ok(rows(MasterList.INVENTORY_TYPES));
    }

    @GetMapping("/api/v3/master/deal-curation-type")
    V3Response<ListPage<Segment>> dealCurationTypes() {
        return V3Response.ok(page(MasterList.DEAL_CURATION_TYPES, SegmentQuery.all()));
    }

    @GetMapping("/api/v3/master/creative-sizes")
    V3Response<Views.CreativeSizes> creativeSizes() {
        return V3Response.ok(new Views.CreativeSizes(rows(MasterList.CREATIVE_DIMENSIONS),
                rows(MasterList.CREATIVE_DURATIONS), rows(MasterList.CREATIVE_PLAYER_SIZES)));
    }

    @GetMapping("/api/v2/master/segment/creativeSizes")
    V2Response<Views.LegacyCreativeSizes> v2CreativeSizes() {
        return V2Response.ok(new Views.LegacyCreativeSizes(rows(MasterList.CREATIVE_PLAYER_SIZES),
                rows(MasterList.CREATIVE_DIMENSIONS).stream().map(Segment::name).toList(),
                rows(MasterList.CREATIVE_DURATIONS)));
    }

    private List<Segment> rows(MasterList kind) {
        return master.list(kind).rows().stream().map(Segment::of).toList();
    }

    /** The master inventory; {@code pageNo} -1 answers every record, as IQM documents. */
    @PostMapping("/api/v3/master/inventory")
    V3Response<ListPage<Views.Inventory>> inventory(@RequestBody(required = false) InventoryRequest body) {
        InventoryRequest r = body == null ? InventoryRequest.EMPTY : body;
        MasterArgs.Page page = MasterArgs.page(r.pageNo(), r.noOfEntries(), 300, true);
        SegmentQuery query = new SegmentQuery(r.searchField(), MasterArgs.idSet(MasterArgs.ids(r.inventoryIds(), "inventoryIds")),
                MasterArgs.idSet(MasterArgs.ids(r.publisherIds(), "publisherIds")), (Set<String>) null,
                MasterArgs.ids(r.ids(), "ids"), MasterArgs.sort(r.sortBy(), r.order(), r.sortCriteriaMap(), SegmentQuery.Sort.ID_DESC),
                page.offset(), page.limit());
        return V3Response.ok(ListPage.of(master.list(MasterList.INVENTORY).query(query), SegmentController::inventory));
    }

    private static Views.Inventory inventory(SegmentRow r) {
        return new Views.Inventory(r.id(), r.parentId(), r.text("trafficType"), r.text("bundleDomain"), r.name());
    }
}
