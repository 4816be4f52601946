package io.adplane.client;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The request and response shapes of adplane's API, in IQM's field names. */
public final class Model {

    private Model() {
    }

    /** The login answer (seed Step 1). {@code owId} is absent on refresh. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Token(@JsonProperty("access_token") String accessToken,
            @JsonProperty("refresh_token") String refreshToken, String scope,
            @JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn, Long owId) {
    }

    /** A new insertion order (seed Step 2); times in epoch milliseconds. Null fields are not sent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewInsertionOrder(String ioName, Long ioStartTime, Long ioEndTime, BigDecimal ioTotalBudget,
            Integer ioTimeZoneId, Boolean isAutoSumIoTotalBudget, Integer ioBudgetTypeId,
            Integer ioBudgetDistributionMethodId, Long ioTotalImpressions) {

        /** A budget-based IO whose total follows its campaigns (IQM's default). */
        public static NewInsertionOrder autoSum(String name, long startMillis, Long endMillis, int timezoneId) {
            return new NewInsertionOrder(name, startMillis, endMillis, null, timezoneId, true, 1, 1, null);
        }
    }

    /** An insertion order as adplane answers it (IQM's newest shape). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InsertionOrder(long ioId, String ioName, Long owId, Long createdByUowId, Long modifiedByUowId,
            long ioStartTime, Long ioEndTime, BigDecimal ioTotalBudget, int ioTimeZoneId,
            boolean isAutoSumIoTotalBudget, int ioBudgetDistributionMethodId, int ioBudgetTypeId,
            Long ioTotalImpressions, int ioStatusId) {
    }

    /** A page of IOs ({@code POST /api/v3/cmp/io/basic/list}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IoPage(long totalRecords, long filteredRecords, List<InsertionOrder> ioBasicDetailsList) {
    }

    /**
     * A campaign request (seed Step 3): the core fields typed, any other field of IQM's schema (targeting,
     * capping, scheduling, ...) in {@link #more()}. Campaign times are epoch seconds. Null fields are not sent.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewCampaign(String campaignName, BigDecimal maxBid, BigDecimal budgetTotal, Long startTime,
            Long endTime, Integer timezone, BigDecimal budgetDay, Integer creativeType, Boolean isAgreementChecked,
            Long ioId, String countryId, String creativeIds, String advertiserDomain, Boolean totalBudgetPacing,
            String publisherAdCategory, String exchanges, Integer budgetTypeId, Integer campaignType,
            @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> more) {

        /** The seed's minimal advanced campaign: daily budget, all exchanges and categories, the US. */
        public static NewCampaign of(String name, long ioId, String creativeIds, long startSeconds, Long endSeconds,
                BigDecimal maxBid, BigDecimal budgetTotal, BigDecimal budgetDay) {
            return new NewCampaign(name, maxBid, budgetTotal, startSeconds, endSeconds, 29, budgetDay, 11, true, ioId,
                    "30100001", creativeIds, "https://iqm.com", false, "", "", 1, 1, Map.of());
        }

        /** The same request with one more field of IQM's schema, e.g. {@code with("deviceType", "13,15")}. */
        public NewCampaign with(String field, Object value) {
            Map<String, Object> m = new LinkedHashMap<>(more == null ? Map.of() : more);
            m.put(field, value);
            return new NewCampaign(campaignName, maxBid, budgetTotal, startTime, endTime, timezone, budgetDay,
                    creativeType, isAgreementChecked, ioId, countryId, creativeIds, advertiserDomain, totalBudgetPacing,
                    publisherAdCategory, exchanges, budgetTypeId, campaignType, m);
        }

        @JsonAnyGetter
        Map<String, Object> extra() {
            return more == null ? Map.of() : more;
        }
    }

    /** What a campaign create or edit answers: {@code {data, message, status}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CampaignSaved(long data, String message, String status) {
    }

    /**
     * A campaign as {@code GET /api/v2/cmp/campaign/{id}} answers it (seed Step 4): the core fields typed,
     * every field in {@link #fields()}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Campaign(long id, long owId, long uowId, String campaignName, String status, long ioId,
            String ioName, Integer creativeType, Integer campaignType, BigDecimal budgetTotal, BigDecimal budgetDay,
            BigDecimal maxBid, Long startTime, Long endTime, Integer timezone, String creativeIds, String countryId,
            String organizationName, String parentOrganizationName, String userEmail, String userName,
            boolean isEditAccess, boolean isApprovalAccess, String rejectionReason, Long createDate,
            @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> fields) {
    }

    /** One campaign's result of a status change. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StatusResult(long campaignId, String status, String errorMsg) {
    }

    /** The answer of update-status: per-id results. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StatusUpdate(List<StatusResult> updatedData, List<StatusResult> failedData, boolean status) {
    }

    /** A new creative of a creative upload; {@code creativeSource} is a URL or, for files, the file's name. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewCreative(String creativeName, int platformCreativeTypeId, String creativeSourceType,
            String creativeSource, String clickUrl, String externalCreativeId, Map<String, Object> imageDetails,
            Map<String, Object> videoDetails, Map<String, Object> audioDetails, Map<String, Object> htmlDetails,
            Map<String, Object> nativeDetails) {

        /** An image creative served from a URL. */
        public static NewCreative imageUrl(String name, String url, String clickUrl, int width, int height) {
            return new NewCreative(name, 11, "URL", url, clickUrl, null,
                    Map.of("creativeWidth", width, "creativeHeight", height), null, null, null, null);
        }
    }

    /** A creative upload's answer: new ids (as text) or error texts, by your keys. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CreativeUpload(Map<String, String> successData, Map<String, String> failedData) {
    }

    /** A creative as adplane answers it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Creative(long creativeId, String creativeName, int platformCreativeTypeId, int creativeStatusId,
            String creativeSourceType, String creativeSource, String clickUrl, Long owId, Long createdAt) {
    }

    /** A page of creatives. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CreativePage(long totalRecords, long filteredRecords, List<Creative> filteredList) {
    }

    /** A page of a master or campaign list: {@code {data, totalRecords, filteredRecords}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page<T>(List<T> data, long totalRecords, long filteredRecords) {
    }

    /** A master list item: id and name, with every other field in the raw answer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MasterItem(long id, String name, String label, String abbreviation) {
    }

    /** A row of the campaign lists. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CampaignRow(long campaignId, String name, String status, Integer creativeTypeId, long owId,
            long ioId, String ioName, Long startTime, Long endTime) {
    }

    /** A count of campaigns in one status. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StatusCount(int order, @JsonProperty("status_key") String statusKey,
            @JsonProperty("status_label") String statusLabel, @JsonProperty("status_count") long statusCount) {
    }

    /** The user's profile. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Profile(long owId, long uowId, String email, String displayName, String role, String organizationName,
            boolean isWorkspaceOwnerOrg, boolean isApprovalAccess, boolean isEditAccess, int organizationTimezone) {
    }

    /** What duplicating an IO answers. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IoDuplicated(List<Long> duplicatedCampaignIds, long duplicatedIoId) {
    }

    /** An IO's budget and impressions, allocated to campaigns and spent. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IoBudgetInfo(BigDecimal totalAllocatedBudget, BigDecimal totalSpentBudget, long totalAllocatedImpression,
            long totalSpentImpression, Long totalImpressions, BigDecimal totalBudget) {
    }

    /** adplane's simulation clock (emulator mode): the server's now, and how far it was moved past real time. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Clock(long now, String nowUtc, long offsetMillis, Long simulatedCampaignHours) {
    }

    /**
     * The answer of IQM's {@code POST /api/v3/ra/report/execute}: the page's rows and the totals row, keyed by
     * IQM's dimension and metric names ({@code impressions}, {@code spent}, {@code campaignId}, ...).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Report(Map<String, Object> total, long totalRecords, List<Map<String, Object>> data) {
    }

    /** An item of IQM's static lists (IO statuses, budget types, distribution methods). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StaticItem(long id, String name, String label, int order) {
    }

    /** A frequency-cap type and the durations it allows. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FrequencyCapType(int id, String name, int order, String displayName, Integer minDuration,
            Integer maxDuration) {
    }

    /** A conversion type. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConversionType(int id, String name, String displayName, int order, boolean isActive) {
    }

    /** A creative type or status of the creative static lists. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CreativeListItem(int id, String name, int order, String displayName, Integer rtbCreativeTypeId) {
    }

    /** One campaign a bulk edit could not change, with IQM's reason. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Failure(String errorMessage, String id, String campaignName) {
    }

    /** The answer of update-budget: the changed values per campaign, and the failures. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BudgetUpdate(@JsonProperty("modified_data") List<Map<String, Object>> modifiedData,
            List<Failure> reason, boolean status) {
    }

    /** The answer of update-end-date. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EndDateUpdate(List<Failure> reason, boolean status) {
    }

    /** The answer of campaign duplicate. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CampaignsDuplicated(List<Long> duplicatedCampaignIds, List<Failure> reason, boolean status) {
    }

    /** One recorded status change of a campaign. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StatusChange(String fromStatus, String toStatus, String reason, Long uowId, long changedAt) {
    }

    /** A row of IQM's older campaign list ({@code GET /api/v2/cmp/campaigns/data}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LegacyCampaign(long id, String name, Integer creativeTypeId, String campaignType, String status,
            long advertiserId, long created, long modifiedDate) {
    }

    /** An IO with its campaigns ({@code POST /api/v3/cmp/io/campaign/basic/list}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IoWithCampaigns(long ioId, String ioName, int ioBudgetTypeId, int ioStatusId, long owId,
            int campaignCount, List<CampaignRow> campaigns) {
    }

    /** A page of IOs with their campaigns. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IoCampaignPage(List<IoWithCampaigns> ioCampaignsList, long totalRecords, long filteredRecords) {
    }
}
