package io.adplane.report;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code POST /api/v3/ra/report/execute}: IQM's request. {@code dimensions} is IQM's JSON string
 * ({@code "[{\"filter\":\"campaign\"},{\"filter\":\"deviceType\",\"value\":[11]}]"}); {@code id} runs a saved
 * report instead. IQM's fields that describe a report rather than select its rows ({@code reportName}, {@code owId},
 * {@code fileType}, ...) are accepted and ignored (S15).
 */
@JsonIgnoreProperties({"reportName", "owId", "createdByUOWId", "modifiedByUOWId", "organizationName", "resultType",
        "fileType", "internalRequest"})
public record ExecuteRequest(Long id, String dimensions, List<String> columns, List<Long> customerIds, Filters filters,
        String searchField, Integer requestType, String reportAggregated, Long startDate, Long endDate,
        Integer timezoneId, String timezoneName, String sortBy, String order, Integer pageNo, Integer noOfEntries,
        Integer counter) {

    /** IQM's additional filters. */
    public record Filters(List<Long> campaignIds, List<Integer> creativeTypeIds, List<String> campaignStatuses) {
    }
}
