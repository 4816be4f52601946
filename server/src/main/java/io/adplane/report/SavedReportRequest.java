package io.adplane.report;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v3/ra/report/add} and {@code PATCH /api/v3/ra/report/{reportId}}: a name and the fields of
 * an execute request. A PATCH changes only the fields it sends. {@code reportSchedulingEventDetails}, when sent,
 * saves (add) or changes (edit) the report's schedule as {@code .../email/schedule} does (S13).
 */
public record SavedReportRequest(String reportName, List<Long> customerIds, Long startDate, Long endDate,
        String dimensions, List<String> columns, Integer requestType, String reportAggregated, Integer timezoneId,
        String timezoneName, ExecuteRequest.Filters filters, JsonNode reportSchedulingEventDetails) {
}
