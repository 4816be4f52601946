package io.adplane.report;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The dimensions and metrics adplane reports, with IQM's keys, ids and groups
 * ({@code GET /api/v3/ra/report/dimension-metrics/detail}): the ones delivery can honestly produce.
 */
public final class ReportCatalog {

    /** One dimension, as IQM describes it. */
    @JsonPropertyOrder({"id", "label", "order", "isFilterSupported", "isRowToColumn", "isCustomerDependent",
            "fieldDataType", "description", "groupId", "key"})
    public record Dimension(int id, String label, int order, boolean isFilterSupported, boolean isRowToColumn,
            boolean isCustomerDependent, String fieldDataType, String description, int groupId, String key) {
    }

    /** One metric, as IQM describes it. */
    @JsonPropertyOrder({"id", "label", "order", "fieldDataType", "aggregationType", "description", "defaultEnabled",
            "key", "dependentDimensions"})
    public record Metric(int id, String label, int order, String fieldDataType, String aggregationType,
            String description, boolean defaultEnabled, String key, @Nullable List<Integer> dependentDimensions) {
    }

    /** A group of metrics, keyed by the group's name ({@code {"Budget": [...]}}). */
    public record MetricGroup(@JsonAnyGetter Map<String, List<Metric>> group) {
    }

    /** A group of dimensions, keyed by the group's name ({@code {"Campaign Specifics": [...]}}). */
    public record DimensionGroup(@JsonAnyGetter Map<String, List<Dimension>> group) {
    }

    /** The answer: metrics and dimensions, each a list of one-key groups. */
    @JsonPropertyOrder({"metrics", "dimensions"})
    public record Details(List<MetricGroup> metrics, List<DimensionGroup> dimensions) {
    }

    static final List<Integer> CAMPAIGN_DIMENSIONS = List.of(1, 2);

    static final Details DETAILS = new Details(List.of(
            new MetricGroup(Map.of("Budget", List.of(
                    new Metric(1, "Daily Budget", 1, "currencyUSD", "sum", "Amount up to which you allow platform to spend on average each day", false, "dailyBudget", CAMPAIGN_DIMENSIONS),
                    new Metric(2, "Total Budget", 2, "currencyUSD", "sum", "Total amount the campaign may spend", false, "totalBudget", CAMPAIGN_DIMENSIONS),
                    new Metric(3, "Max Bid", 3, "currencyUSD", "none", "Highest CPM the campaign bids", false, "maxBid", CAMPAIGN_DIMENSIONS),
                    new Metric(4, "Budget Completion", 4, "percentage", "none", "Spent as a share of the total budget", false, "budgetCompletion", CAMPAIGN_DIMENSIONS)))),
            new MetricGroup(Map.of("Counts", List.of(
                    new Metric(5, "Impressions", 1, "number", "sum", "Ads served", true, "impressions", null),
                    new Metric(6, "Clicks", 2, "number", "sum", "Clicks on served ads", true, "clicks", null),
                    new Metric(7, "Bid Impressions", 3, "number", "sum", "Auctions bid in", false, "bidImpressions", null),
                    new Metric(8, "Bid Requests", 4, "number", "sum", "Bid requests that matched the targeting", false, "bidRequests", null),
                    new Metric(9, "Conversions", 5, "number", "sum", "Conversions attributed to clicks", false, "conversions", null)))),
            new MetricGroup(Map.of("Performance", List.of(
                    new Metric(10, "CTR", 1, "percentage", "avg", "Clicks per hundred impressions", true, "CTR", null),
                    new Metric(11, "Win Rate", 2, "percentage", "avg", "Impressions per hundred bids", false, "winRate", null)))),
            new MetricGroup(Map.of("Spending", List.of(
                    new Metric(12, "Total Spent", 1, "currencyUSD", "sum", "Media and data cost", true, "spent", null),
                    new Metric(13, "Media Spent", 2, "currencyUSD", "sum", "Cost of media", false, "mediaSpent", null),
                    new Metric(14, "Data Cost", 3, "currencyUSD", "sum", "Cost of data", false, "dataCost", null)))),
            new MetricGroup(Map.of("Cost", List.of(
                    new Metric(15, "eCPM", 1, "currencyUSD", "avg", "Spent per thousand impressions", true, "eCPM", null),
                    new Metric(16, "eCPC", 2, "currencyUSD", "avg", "Spent per click", false, "eCPC", null),
                    new Metric(17, "eCPCV", 3, "currencyUSD", "avg", "Spent per completed view", false, "eCPCV", null)))),
            new MetricGroup(Map.of("Video", List.of(
                    new Metric(18, "Video Start", 1, "number", "sum", "Video starts", false, "startCount", null),
                    new Metric(19, "Video 25%", 2, "number", "sum", "Views that reached a quarter", false, "firstCount", null),
                    new Metric(20, "Video 50%", 3, "number", "sum", "Views that reached half", false, "midCount", null),
                    new Metric(21, "Video 75%", 4, "number", "sum", "Views that reached three quarters", false, "thirdCount", null),
                    new Metric(22, "Video Completed", 5, "number", "sum", "Completed views", false, "completeCount", null),
                    new Metric(23, "VCR", 6, "percentage", "avg", "Completed views per hundred starts", false, "VCR", null))))),
            List.of(
                    new DimensionGroup(Map.of("Insertion Order Specifics", List.of(
                            new Dimension(43, "Insertion Order", 1, true, false, true, "text", "Insertion Order Name", 40, "ioName")))),
                    new DimensionGroup(Map.of("Campaign Specifics", List.of(
                            new Dimension(1, "Campaign", 1, true, false, true, "text", "Campaign Name", 1, "campaign")))),
                    new DimensionGroup(Map.of("Creative Specifics", List.of(
                            new Dimension(5, "Creative", 1, true, false, true, "text", "Creative the ad showed", 5, "creative")))),
                    new DimensionGroup(Map.of("Technologies", List.of(
                            new Dimension(20, "Device Type", 1, true, false, false, "text", "Device the ad ran on", 20, "deviceType")))),
                    new DimensionGroup(Map.of("Deliveries", List.of(
                            new Dimension(25, "Exchange", 1, true, false, false, "text", "Exchange the ad was bought on", 25, "exchange")))),
                    new DimensionGroup(Map.of("Locations", List.of(
                            new Dimension(34, "Country", 1, true, false, false, "country", "Country the ad ran in", 29, "country"))))));

    private ReportCatalog() {
    }
}
