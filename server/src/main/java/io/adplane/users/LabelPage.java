package io.adplane.users;

import java.util.List;

/** The workspace's customer-operation labels ({@code customer-operations/label/list}). */
public record LabelPage(long totalRecords, long filteredRecords, List<Label> operationalLabels) {

    /** A label. */
    public record Label(String label, long id) {
    }
}
