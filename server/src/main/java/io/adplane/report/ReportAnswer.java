package io.adplane.report;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What {@code execute} answers: the totals over every row (not only the page), the number of rows, and the page.
 * Rows are keyed by IQM's column keys, which the request chooses (hence maps).
 */
@JsonPropertyOrder({"total", "totalRecords", "data"})
public record ReportAnswer(Map<String, Object> total, long totalRecords, List<Row> data) {

    /** One row, keyed by IQM's column keys. */
    public record Row(@JsonAnyGetter Map<String, Object> values) {
    }
}
