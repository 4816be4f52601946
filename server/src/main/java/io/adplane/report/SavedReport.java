package io.adplane.report;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A saved report as {@code GET /api/v3/ra/report/{reportId}} and the report lists answer it. */
@JsonPropertyOrder({"id", "reportName", "startDate", "endDate", "dimensions", "columns", "customerIds", "timezoneId",
        "timezoneName", "requestType", "reportAggregated", "filters", "reportSchedulingEventDetails"})
public record SavedReport(long id, String reportName, @Nullable Long startDate, @Nullable Long endDate, String dimensions,
        List<String> columns, @Nullable List<Long> customerIds, @Nullable Integer timezoneId, @Nullable String timezoneName,
        @Nullable Integer requestType, @Nullable String reportAggregated, ExecuteRequest.@Nullable Filters filters,
        ReportSchedule.Details reportSchedulingEventDetails) {

    /** A page of saved reports. */
    @JsonPropertyOrder({"data", "totalRecords", "filteredRecords"})
    public record Page(List<SavedReport> data, long totalRecords, long filteredRecords) {
    }

    /** {@code POST /api/v3/ra/reports/list}: IQM sends {@code customerIds} as a comma-separated string. */
    public record ListRequest(String customerIds, Integer pageNo, Integer noOfEntries, String sortBy, String searchField) {
    }
}
