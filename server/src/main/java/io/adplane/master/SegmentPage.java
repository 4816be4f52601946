package io.adplane.master;

import java.util.List;

/** One page of a master list: its rows, how many rows the list has and how many matched the filters. */
public record SegmentPage(List<SegmentRow> rows, int totalRecords, int filteredRecords) {
}
