package io.adplane.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Search, filters, ids-first, sorting and paging over one indexed list. */
class SegmentListTest {

    private static SegmentRow row(long id, String name, long parent) {
        return new SegmentRow(id, name, parent, Map.of("id", Long.toString(id), "name", name));
    }

    private static final SegmentList CITIES = new SegmentList(MasterList.CITIES, List.of(
            row(5, "New York, NY", 35), row(1, "Adak, AK", 1), row(3, "Newark, NJ", 32), row(2, "West New York, NJ", 32),
            row(4, "Yorktown, NY", 35), row(6, "Äbo, NY", 35)));

    private static List<Long> ids(SegmentPage page) {
        return page.rows().stream().map(SegmentRow::id).toList();
    }

    private static SegmentQuery query(String search, Set<Long> segmentIds, Set<Long> parents, List<Long> first,
            SegmentQuery.Sort sort, long offset, int limit) {
        return new SegmentQuery(search, segmentIds, parents, null, first, sort, offset, limit);
    }

    @Test
    void searchMatchesWordPrefixesOfEveryWordIgnoringCaseAndAccents() {
        assertThat(ids(CITIES.query(query("new york", null, null, null, null, 0, 10)))).containsExactly(2L, 5L);
        assertThat(ids(CITIES.query(query("YORK", null, null, null, null, 0, 10)))).containsExactly(2L, 4L, 5L);
        assertThat(ids(CITIES.query(query("abo", null, null, null, null, 0, 10)))).containsExactly(6L);
        assertThat(ids(CITIES.query(query("ork", null, null, null, null, 0, 10)))).isEmpty();
        assertThat(ids(CITIES.query(query("3", null, null, null, null, 0, 10)))).containsExactly(3L);
        SegmentPage nj = CITIES.query(query("nj", null, null, null, null, 0, 1));
        assertThat(nj.totalRecords()).isEqualTo(6);
        assertThat(nj.filteredRecords()).isEqualTo(2);
        assertThat(nj.rows()).hasSize(1);
    }

    @Test
    void filtersByIdParentAndExactName() {
        assertThat(ids(CITIES.query(query(null, Set.of(1L, 4L, 99L), null, null, null, 0, 10)))).containsExactly(1L, 4L);
        assertThat(ids(CITIES.query(query(null, null, Set.of(35L), null, null, 0, 10)))).containsExactly(4L, 5L, 6L);
        assertThat(ids(CITIES.query(query("york", null, Set.of(35L), null, null, 0, 10)))).containsExactly(4L, 5L);
        assertThat(ids(CITIES.query(new SegmentQuery(null, null, null, Set.of("Adak, AK"), null, null, 0, 10)))).containsExactly(1L);
    }

    @Test
    void sortsByIdOrNameBothWays() {
        SegmentQuery.Sort byName = new SegmentQuery.Sort(SegmentQuery.Field.NAME, false);
        assertThat(ids(CITIES.query(query(null, null, null, null, byName, 0, 10)))).containsExactly(6L, 1L, 5L, 3L, 2L, 4L);
        assertThat(ids(CITIES.query(query(null, null, null, null, new SegmentQuery.Sort(SegmentQuery.Field.NAME, true), 0, 2))))
                .containsExactly(4L, 2L);
        assertThat(ids(CITIES.query(query(null, null, null, null, SegmentQuery.Sort.ID_DESC, 0, 3)))).containsExactly(6L, 5L, 4L);
        assertThat(ids(CITIES.query(query("york", null, null, null, byName, 0, 10)))).containsExactly(5L, 2L, 4L);
    }

    @Test
    void listedIdsComeFirstAndPagesNeitherRepeatNorSkipRows() {
        assertThat(ids(CITIES.query(query(null, null, null, List.of(4L, 2L), null, 0, 3)))).containsExactly(2L, 4L, 1L);
        for (SegmentQuery.Sort sort : List.of(SegmentQuery.Sort.ID_ASC, SegmentQuery.Sort.ID_DESC,
                new SegmentQuery.Sort(SegmentQuery.Field.NAME, false))) {
            for (String search : new String[] {null, "ny"}) {
                List<Long> whole = ids(CITIES.query(query(search, null, null, List.of(4L, 2L, 3L), sort, 0, -1)));
                for (int size = 1; size <= 4; size++) {
                    List<Long> paged = new ArrayList<>();
                    for (int offset = 0; offset < whole.size() + size; offset += size) {
                        paged.addAll(ids(CITIES.query(query(search, null, null, List.of(4L, 2L, 3L), sort, offset, size))));
                    }
                    assertThat(paged).as("sort %s search %s size %d", sort, search, size).isEqualTo(whole);
                }
            }
        }
        assertThat(ids(CITIES.query(query(null, null, null, List.of(6L), SegmentQuery.Sort.ID_ASC, 0, -1)))).startsWith(6L)
                .hasSize(6);
    }

    @Test
    void aPageBeyondTheEndIsEmpty() {
        SegmentPage page = CITIES.query(query(null, null, null, List.of(1L), null, 1_000_000_000_000L, 500));
        assertThat(page.rows()).isEmpty();
        assertThat(page.filteredRecords()).isEqualTo(6);
    }

    @Test
    void unknownIdsInAscendingOrder() {
        assertThat(CITIES.unknown(List.of(9L, 1L, 7L))).containsExactly(7L, 9L);
    }
}
