package io.adplane.users;

import java.util.List;

/** IQM's paged list: the page's rows, how many rows there are, and how many match the filters. */
public record ListPage<T>(List<T> data, long totalRecords, long filteredRecords) {
}
