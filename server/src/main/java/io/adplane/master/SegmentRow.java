package io.adplane.master;

import java.util.Map;

/**
 * One row of a master list: its id, name and parent (0 when the list has none), and all of its file's
 * columns as text for the fields only some answers carry ({@code urlName}, {@code iabCategoryId}, ...).
 */
public record SegmentRow(long id, String name, long parentId, Map<String, String> columns) {

    /** A column's text; empty when the file leaves it empty or lacks it. */
    public String text(String column) {
        String value = columns.get(column);
        return value == null ? "" : value;
    }

    /** A numeric column, 0 when empty. */
    public long number(String column) {
        String value = text(column);
        return value.isEmpty() ? 0 : Long.parseLong(value);
    }

    /** A true/false column. */
    public boolean flag(String column) {
        return Boolean.parseBoolean(text(column));
    }
}
