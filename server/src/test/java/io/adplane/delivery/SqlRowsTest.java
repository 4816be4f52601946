package io.adplane.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SqlRowsTest {

    @Test
    void rowsAreCutIntoChunksOfAPowerOfTwoInTheirOrder() {
        List<Integer> rows = IntStream.range(0, 600).boxed().toList();
        List<List<Integer>> chunks = SqlRows.chunks(rows);
        assertThat(chunks).extracting(List::size).containsExactly(256, 256, 64, 16, 8);
        assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(rows);
        assertThat(SqlRows.chunks(List.of())).isEmpty();
        assertThat(SqlRows.chunks(List.of(1, 2, 3))).containsExactly(List.of(1, 2), List.of(3));
    }

    @Test
    void valuesHoldOneGroupOfParametersPerRow() {
        assertThat(SqlRows.values(2, 3)).isEqualTo("(?, ?, ?), (?, ?, ?)");
        assertThat(SqlRows.values(1, 1)).isEqualTo("(?)");
    }
}
