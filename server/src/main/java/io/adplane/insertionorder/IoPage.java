package io.adplane.insertionorder;

import java.util.List;

/** One page of IOs and the counts IQM answers with. */
public record IoPage(List<InsertionOrder> rows, long totalRecords, long filteredRecords) {
}
