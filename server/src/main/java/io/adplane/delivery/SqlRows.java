package io.adplane.delivery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Multi-row statements in a few fixed sizes (S18): a list of rows is cut into chunks of 256, 128, ... or 1 rows
 * (the largest that fits, then the largest that fits the rest), so one write of a simulation step is a handful of
 * statements, and the database sees at most nine texts of each statement, however many rows a step writes.
 */
final class SqlRows {

    static final int MOST = 256;

    private SqlRows() {
    }

    /** The rows in chunks of a power of two, at most {@link #MOST}, in their order. */
    static <T> List<List<T>> chunks(List<T> rows) {
        List<List<T>> out = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            int n = Math.min(MOST, Integer.highestOneBit(rows.size() - i));
            out.add(rows.subList(i, i + n));
            i += n;
        }
        return out;
    }

    /** {@code (?, ?), (?, ?)}: {@code rows} rows of {@code width} parameters. */
    static String values(int rows, int width) {
        return String.join(", ", Collections.nCopies(rows, "(" + "?, ".repeat(width - 1) + "?)"));
    }
}
