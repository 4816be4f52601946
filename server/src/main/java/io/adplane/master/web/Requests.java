package io.adplane.master.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.adplane.master.SegmentQuery;

/** The request shapes of IQM's master endpoints: bodies of the v3 POSTs, query strings of the GETs. */
final class Requests {

    private Requests() {
    }

    /** Body of IQM's v3 segment POSTs (state, county, city, DMA, districts, gender, device type, country). */
    record SegmentRequest(Map<String, String> sortCriteriaMap, List<Long> segmentIds, List<Long> parentSegmentIds,
            List<Long> ids, Long campaignId, Integer pageNo, Integer noOfEntries, String sortBy, String searchField,
            String order) {

        static final SegmentRequest EMPTY = new SegmentRequest(null, null, null, null, null, null, null, null, null, null);

        SegmentQuery query(SegmentQuery.Sort fallback, Set<Long> parents) {
            campaign(campaignId);
            MasterArgs.Page page = MasterArgs.page(pageNo, noOfEntries, 300, false);
            return new SegmentQuery(searchField, MasterArgs.idSet(MasterArgs.ids(segmentIds, "segmentIds")), parents,
                    null, MasterArgs.ids(ids, "ids"), MasterArgs.sort(sortBy, order, sortCriteriaMap, fallback),
                    page.offset(), page.limit());
        }
    }

    /**
     * Body of {@code POST /api/v3/master/segment/zip}: the segment fields and {@code zipCodes}; {@code zipIds}, which
     * IQM's own examples send though its schema lacks it, filters by ZIP-code ids like {@code segmentIds} (M8).
     */
    record ZipRequest(Map<String, String> sortCriteriaMap, List<Long> segmentIds, List<Long> parentSegmentIds,
            List<Long> ids, Long campaignId, List<String> zipCodes, List<Long> zipIds, Integer pageNo,
            Integer noOfEntries, String sortBy, String searchField, String order) {

        static final ZipRequest EMPTY = new ZipRequest(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Body of {@code POST /api/v3/master/adcategories}. */
    record AdCategoryRequest(Map<String, String> sortCriteriaMap, List<Long> adCategoryIds, List<Long> ids,
            Integer pageNo, Integer noOfEntries, String sortBy, String searchField, String order) {

        static final AdCategoryRequest EMPTY = new AdCategoryRequest(null, null, null, null, null, null, null, null);
    }

    /** Body of {@code POST /api/v3/master/inventory}. */
    record InventoryRequest(Map<String, String> sortCriteriaMap, List<Long> inventoryIds, List<Long> publisherIds,
            List<Long> ids, Integer pageNo, Integer noOfEntries, String sortBy, String searchField, String order) {

        static final InventoryRequest EMPTY = new InventoryRequest(null, null, null, null, null, null, null, null, null);
    }

    /** Query string of IQM's v2 segment GETs ({@code GET /api/v2/master/segment/...}). */
    record SegmentParams(String pageNo, String noOfEntries, String sortBy, String order, String searchField,
            String segmentIds, String ids, String campaignId) {

        SegmentQuery query(SegmentQuery.Sort fallback, Set<Long> parents) {
            MasterArgs.longValue(campaignId, "campaignId");
            MasterArgs.Page page = MasterArgs.page(MasterArgs.integer(pageNo, "pageNo"),
                    MasterArgs.integer(noOfEntries, "noOfEntries"), 300, false);
            return new SegmentQuery(searchField, MasterArgs.idSet(MasterArgs.ids(segmentIds, "segmentIds")), parents, null,
                    MasterArgs.ids(ids, "ids"), MasterArgs.sort(sortBy, order, null, fallback), page.offset(), page.limit());
        }
    }

    /** Query string of IQM's creative and channel lists ({@code limit}, not {@code noOfEntries}). */
    record ListParams(String pageNo, String limit, String sortBy, String order, String searchField, String segmentIds,
            String ids) {

        SegmentQuery query() {
            MasterArgs.Page page;
            try {
                page = MasterArgs.page(MasterArgs.integer(pageNo, "pageNo"), MasterArgs.integer(limit, "limit"), 300, false);
            } catch (io.adplane.api.ApiException e) {
                throw "noOfEntries".equals(e.field()) ? MasterArgs.invalid("limit", "limit must be from 1 to 500.") : e;
            }
            return new SegmentQuery(searchField, MasterArgs.idSet(MasterArgs.ids(segmentIds, "segmentIds")), null, null,
                    MasterArgs.ids(ids, "ids"), MasterArgs.sort(sortBy, order, null, SegmentQuery.Sort.ID_ASC),
                    page.offset(), page.limit());
        }
    }

    /** {@code campaignId} is checked but does not reorder rows (M6). */
    static void campaign(Long campaignId) {
        if (campaignId != null && campaignId < 0) {
            throw MasterArgs.invalid("campaignId", "campaignId must not be negative.");
        }
    }
}
