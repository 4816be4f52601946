package io.adplane.campaign.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.ApiException;
import io.adplane.api.Paging;
import io.adplane.api.V2Response;
import io.adplane.api.V3Response;
import io.adplane.auth.Caller;
import io.adplane.campaign.CampaignIds;
import io.adplane.campaign.CampaignQueries;
import io.adplane.campaign.CampaignQueries.Filter;
import io.adplane.campaign.CampaignQueries.Page;
import tools.jackson.databind.JsonNode;

/** Campaign lists and counts (iqm-reference §4.10). */
@RestController
class CampaignListController {

    private final CampaignQueries queries;

    CampaignListController(CampaignQueries queries) {
        this.queries = queries;
    }

    /** {@code ids} (listed first) comes as an array or, in IQM's own example, as {@code "292694"}. */
    record BasicListRequest(Integer pageNo, Integer noOfEntries, Integer offset, String sortBy, String order,
            String searchField, List<Long> campaignIds, List<Long> owIds, List<String> status,
            List<String> responseFields, List<Integer> creativeTypeIds, List<Integer> campaignTypeIds,
            Boolean isAllOwIds, JsonNode ids, List<Long> ioIdsList, Map<String, String> sortCriteriaMap) {
    }

    @PostMapping("/api/v3/cmp/basic/list")
    V3Response<Map<String, Object>> basicList(Caller caller, @RequestBody BasicListRequest b) {
        var result = queries.list(caller,
                new Filter(b.owIds(), Boolean.TRUE.equals(b.isAllOwIds()), b.campaignIds(), b.ioIdsList(), b.status(),
                        b.creativeTypeIds(), b.campaignTypeIds(), null, b.searchField(), null),
                new Page(b.pageNo(), b.noOfEntries(), b.offset(), Paging.sortBy(b.sortBy(), b.sortCriteriaMap()),
                        Paging.order(b.order()), b.ids() == null ? null : CampaignIds.anyShape("ids", b.ids())));
        List<Map<String, Object>> rows = result.rows();
        if (b.responseFields() != null && !b.responseFields().isEmpty()) {
            rows = rows.stream().map(r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                b.responseFields().forEach(f -> {
                    if (r.containsKey(f)) {
                        m.put(f, r.get(f));
                    }
                });
                return m;
            }).toList();
        }
        return V3Response.ok(page("data", rows, result));
    }

    @GetMapping("/api/v2/cmp/campaigns/data")
    V2Response<Map<String, Object>> data(Caller caller, @RequestParam(required = false) String searchField,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer pageNo,
            @RequestParam(required = false) String sortBy, @RequestParam(required = false) String status,
            @RequestParam(required = false) String owIds) {
        var result = queries.list(caller,
                new Filter(owIds == null ? null : CampaignIds.parse("owIds", owIds), false, null, null, statuses(status),
                        null, null, null, searchField, null),
                new Page(pageNo, limit == null ? 50 : limit, null, sortBy, null, null));
        List<Map<String, Object>> rows = result.rows().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.get("id"));
            m.put("name", r.get("name"));
            m.put("creativeTypeId", r.get("creativeTypeId"));
            m.put("campaignType", "CPM");
            m.put("status", r.get("status"));
            m.put("advertiserId", r.get("owId"));
            m.put("created", r.get("createdAt"));
            m.put("modifiedDate", r.get("modifiedAt"));
            return m;
        }).toList();
        return V2Response.ok(page("data", rows, result));
    }

    /**
     * Every filter of IQM's schema is accepted (F9): {@code campaignExpiredAfterEpoch} (ms, or seconds) leaves out campaigns
     * that ended before it; {@code pageNo} -1 is IQM's "no paging": the first {@code noOfEntries} (default 500) IOs. With
     * {@code includeTargetedAudienceList} each nested campaign answers its included audiences; {@code audienceSubtypeId}
     * keeps campaigns including an audience of that type; a payment type, prebid providers or the ABM and ICT flags
     * name data no adplane campaign holds, so they keep none (F13).
     */
    record IoCampaignListRequest(Integer pageNo, Integer noOfEntries, Integer offset, String sortBy, String searchField,
            List<Long> ioIdsList, List<Integer> campaignTypeIds, List<Long> ids, List<Long> ioIds, List<String> status,
            List<Integer> creativeTypeIds, List<Integer> ioBudgetTypeIds, List<Long> owIds, List<Long> campaignIds,
            Integer paymentTypeId, Boolean includeTargetedAudienceList, Long campaignExpiredAfterEpoch,
            List<Long> prebidProviders, Integer audienceSubtypeId, Boolean isAllOwIds, String order,
            Map<String, String> sortCriteriaMap, Boolean isOnlyABMAudienceRequiredFlag,
            Boolean isOnlyICTAudienceRequiredFlag) {
    }

    @PostMapping("/api/v3/cmp/io/campaign/basic/list")
    V3Response<Map<String, Object>> ioCampaigns(Caller caller, @RequestBody IoCampaignListRequest b) {
        List<Long> ioIds = b.ioIdsList() != null ? b.ioIdsList() : b.ioIds();
        List<Long> campaignIds = b.ids() != null ? b.ids() : b.campaignIds();
        boolean unpaged = b.pageNo() != null && b.pageNo() == -1;
        if (b.audienceSubtypeId() != null && b.audienceSubtypeId() <= 0) {
            throw ApiException.badRequest("audienceSubtypeId", "audienceSubtypeId must be a positive audience type id.");
        }
        if (b.paymentTypeId() != null && b.paymentTypeId() < 0) {
            throw ApiException.badRequest("paymentTypeId", "paymentTypeId must not be negative.");
        }
        boolean matchesNone = (b.paymentTypeId() != null && b.paymentTypeId() != 0)
                || (b.prebidProviders() != null && !b.prebidProviders().isEmpty())
                || Boolean.TRUE.equals(b.isOnlyABMAudienceRequiredFlag()) || Boolean.TRUE.equals(b.isOnlyICTAudienceRequiredFlag());
        var result = queries.ioCampaigns(caller,
                new Filter(b.owIds(), Boolean.TRUE.equals(b.isAllOwIds()), campaignIds, ioIds, b.status(),
                        b.creativeTypeIds(), b.campaignTypeIds(), b.ioBudgetTypeIds(), b.searchField(),
                        b.campaignExpiredAfterEpoch() == null ? null : b.campaignExpiredAfterEpoch() > 100_000_000_000L
                                ? b.campaignExpiredAfterEpoch() / 1000 : b.campaignExpiredAfterEpoch(),
                        b.audienceSubtypeId(), matchesNone),
                new Page(unpaged ? Integer.valueOf(1) : b.pageNo(),
                        unpaged && b.noOfEntries() == null ? Integer.valueOf(Paging.MAX_ENTRIES) : b.noOfEntries(),
                        b.offset(), Paging.sortBy(b.sortBy(), b.sortCriteriaMap()), Paging.order(b.order()), null),
                Boolean.TRUE.equals(b.includeTargetedAudienceList()));
        return V3Response.ok(page("ioCampaignsList", result.rows(), result));
    }

    record CountRequest(String owIds, String ioIds, String campaignTypeIds, Long campaignExpiredAfterEpoch,
            String searchField) {
    }

    @PostMapping("/api/v3/cmp/campaigns/count")
    V3Response<List<Map<String, Object>>> count(Caller caller, @RequestBody CountRequest b) {
        boolean all = "all".equals(b.owIds());
        List<Long> owIds = all || b.owIds() == null ? null : CampaignIds.parse("owIds", b.owIds());
        List<Long> ioIds = b.ioIds() == null || b.ioIds().isBlank() ? null : CampaignIds.parse("ioIds", b.ioIds());
        List<Integer> types = b.campaignTypeIds() == null || b.campaignTypeIds().isBlank() ? null
                : CampaignIds.parse("campaignTypeIds", b.campaignTypeIds()).stream().map(Long::intValue).toList();
        return V3Response.ok(queries.countByStatus(caller,
                new Filter(owIds, all, null, ioIds, null, null, types, null, b.searchField(), b.campaignExpiredAfterEpoch())));
    }

    @GetMapping("/api/v2/cmp/campaigns/count")
    V2Response<List<Map<String, Object>>> countV2(Caller caller, @RequestParam(required = false) String owIds,
            @RequestParam(required = false) String searchField) {
        boolean all = "all".equals(owIds);
        List<Long> ids = all || owIds == null ? null : CampaignIds.parse("owIds", owIds);
        return V2Response.ok(queries.countByStatus(caller,
                new Filter(ids, all, null, null, null, null, null, null, searchField, null)));
    }

    private static List<String> statuses(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return Arrays.stream(status.split(",")).map(String::strip).toList();
    }

    private static Map<String, Object> page(String key, List<Map<String, Object>> rows, CampaignQueries.Result result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, rows);
        m.put("totalRecords", result.totalRecords());
        m.put("filteredRecords", result.filteredRecords());
        return m;
    }

}
