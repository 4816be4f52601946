package io.adplane.master.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.V2Response;
import io.adplane.api.V3Response;
import io.adplane.master.MasterData;
import io.adplane.master.MasterList;
import io.adplane.master.SegmentQuery;
import io.adplane.master.SegmentRow;
import io.adplane.master.web.Requests.AdCategoryRequest;
import io.adplane.master.web.Requests.SegmentRequest;
import io.adplane.master.web.Views.ListPage;

/**
 * IQM's master and static lists that campaigns name directly (iqm-reference §6): timezones, countries,
 * exchanges, publisher ad categories, device, traffic and network types, operating systems, frequency-cap and
 * conversion types.
 */
@RestController
class MasterController {

    private final MasterData master;

    MasterController(MasterData master) {
        this.master = master;
    }

    private static Views.Timezone timezone(SegmentRow row) {
        return new Views.Timezone(row.name(), row.id(), row.text("label"));
    }

    @GetMapping("/api/v3/master/timezones")
    V3Response<ListPage<Views.Timezone>> timezones(@RequestParam(required = false) String searchField,
            @RequestParam(required = false) String ids, @RequestParam(required = false) String pageNo,
            @RequestParam(required = false) String noOfEntries, @RequestParam(required = false) String sortBy) {
        MasterArgs.Page page = MasterArgs.page(MasterArgs.integer(pageNo, "pageNo"), MasterArgs.integer(noOfEntries, "noOfEntries"),
                500, false);
        SegmentQuery query = new SegmentQuery(searchField, null, null, null, MasterArgs.ids(ids, "ids"),
                MasterArgs.sort(sortBy, null, null, SegmentQuery.Sort.ID_ASC), page.offset(), page.limit());
        return V3Response.ok(ListPage.of(master.list(MasterList.TIMEZONES).query(query), MasterController::timezone));
    }

    @GetMapping("/api/v2/adv/static/timezones")
    V2Response<List<Views.Timezone>> legacyTimezones() {
        return V2Response.ok(master.list(MasterList.TIMEZONES).rows().stream().map(MasterController::timezone).toList());
    }

    @PostMapping("/api/v3/master/segment/country")
    V3Response<ListPage<Views.Country>> countries(@RequestBody(required = false) SegmentRequest body) {
        SegmentRequest r = body == null ? SegmentRequest.EMPTY : body;
        return V3Response.ok(ListPage.of(master.list(MasterList.COUNTRIES).query(r.query(SegmentQuery.Sort.ID_DESC, null)),
                c -> new Views.Country(c.id(), c.name(), c.text("abbreviation"))));
    }

    /** Publisher ad categories (the IAB taxonomy); {@code pageNo} -1 answers every category, as IQM documents. */
    @PostMapping("/api/v3/master/adcategories")
    V3Response<ListPage<Views.AdCategory>> adCategories(@RequestBody(required = false) AdCategoryRequest body) {
        AdCategoryRequest r = body == null ? AdCategoryRequest.EMPTY : body;
        MasterArgs.Page page = MasterArgs.page(r.pageNo(), r.noOfEntries(), 300, true);
        SegmentQuery query = new SegmentQuery(r.searchField(), MasterArgs.idSet(MasterArgs.ids(r.adCategoryIds(), "adCategoryIds")),
                null, null, MasterArgs.ids(r.ids(), "ids"),
                MasterArgs.sort(r.sortBy(), r.order(), r.sortCriteriaMap(), SegmentQuery.Sort.ID_DESC), page.offset(), page.limit());
        return V3Response.ok(ListPage.of(master.list(MasterList.AD_CATEGORIES).query(query),
                c -> new Views.AdCategory(c.id(), c.name(), c.parentId(), c.text("iabCategoryId"), c.text("parentName"))));
    }

    /** IQM's legacy ad-category list: {@code group} is the tier-1 category's name (its own for tier-1 rows). */
    @GetMapping("/api/adcategories")
    List<Views.LegacyAdCategory> legacyAdCategories() {
        return master.list(MasterList.AD_CATEGORIES).rows().stream().map(c -> new Views.LegacyAdCategory(c.id(), c.name(),
                c.parentId() == 0 ? c.name().replaceFirst(" \\(IAB[0-9]+\\)$", "") : c.text("parentName"),
                c.text("iabCategoryId"), c.parentId())).toList();
    }

    @GetMapping("/api/v3/master/exchanges")
    V3Response<ListPage<Views.Exchange>> exchanges(@RequestParam(required = false) String exchangeIds,
            @RequestParam(required = false) String ids, @RequestParam(required = false) String pageNo,
            @RequestParam(required = false) String noOfEntries, @RequestParam(required = false) String sortBy,
            @RequestParam(required = false) String order, @RequestParam(required = false) String searchField) {
        MasterArgs.Page page = MasterArgs.page(MasterArgs.integer(pageNo, "pageNo"), MasterArgs.integer(noOfEntries, "noOfEntries"),
                20, false);
        SegmentQuery query = new SegmentQuery(searchField, MasterArgs.idSet(MasterArgs.ids(exchangeIds, "exchangeIds")), null, null,
                MasterArgs.ids(ids, "ids"), MasterArgs.sort(sortBy, order, null, SegmentQuery.Sort.ID_ASC), page.offset(), page.limit());
        return V3Response.ok(ListPage.of(master.list(MasterList.EXCHANGES).query(query),
                e -> new Views.Exchange(e.id(), e.name(), e.text("urlName"))));
    }

    @GetMapping("/api/v3/master/traffic-types")
    V3Response<ListPage<Views.TrafficType>> trafficTypes(@RequestParam(required = false) String searchField) {
        SegmentQuery query = new SegmentQuery(searchField, null, null, null, null,
                new SegmentQuery.Sort(SegmentQuery.Field.NAME, false), 0, -1);
        return V3Response.ok(ListPage.of(master.list(MasterList.TRAFFIC_TYPES).query(query),
                t -> new Views.TrafficType(t.name(), t.flag("isTvAd"), t.id())));
    }

    @GetMapping("/api/device_types")
    List<Views.NamedId> deviceTypes() {
        return byName(MasterList.DEVICE_TYPES);
    }

    @GetMapping("/api/network_types")
    List<Views.NamedId> networkTypes() {
        return byName(MasterList.NETWORK_TYPES);
    }

    @GetMapping("/api/device_os")
    List<Views.NamedId> deviceOs() {
        return byName(MasterList.DEVICE_OS);
    }

    private List<Views.NamedId> byName(MasterList kind) {
        return master.list(kind).query(new SegmentQuery(null, null, null, null, null,
                new SegmentQuery.Sort(SegmentQuery.Field.NAME, false), 0, -1)).rows().stream().map(Views.NamedId::of).toList();
    }

    @GetMapping("/api/v3/cmp/static/frequency-cap-types")
    V3Response<Views.FrequencyCapTypes> frequencyCapTypes() {
        List<Views.FrequencyCapType> rows = master.list(MasterList.FREQUENCY_CAP_TYPES).rows().stream()
                .map(r -> new Views.FrequencyCapType(r.id(), r.name(), r.number("order"), r.text("displayName"),
                        r.text("minDuration").isEmpty() ? null : r.number("minDuration"),
                        r.text("maxDuration").isEmpty() ? null : r.number("maxDuration"))).toList();
        return V3Response.ok(new Views.FrequencyCapTypes(rows, rows.size(), rows.size()));
    }

    @GetMapping("/api/v3/conversion/static/conversion-type")
    V3Response<ListPage<Views.ConversionType>> conversionTypes() {
        return V3Response.ok(ListPage.of(master.list(MasterList.CONVERSION_TYPES).query(SegmentQuery.all()),
                r -> new Views.ConversionType(r.id(), r.name(), r.text("displayName"), r.number("order"), r.flag("isActive"))));
    }
}
