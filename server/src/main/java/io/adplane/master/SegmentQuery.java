package io.adplane.master;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What a master-list request asks for, already checked (iqm-reference §1.5, §6.9): a search text matched
 * against names (word prefixes, docs/api.md M5) and ids, filters by id ({@code segmentIds}), by parent
 * ({@code parentSegmentIds}, {@code stateIds}) and by exact name ({@code zipCodes}), the ids to list first
 * ({@code ids}), the order, and the page ({@code limit} below 0: every row).
 */
public record SegmentQuery(String search, Set<Long> segmentIds, Set<Long> parentIds, Set<String> names,
        List<Long> firstIds, Sort sort, long offset, int limit) {

    /** The fields a master list sorts by. */
    public enum Field { ID, NAME }

    /** A sort field and direction. */
    public record Sort(Field field, boolean descending) {

        public static final Sort ID_ASC = new Sort(Field.ID, false);
        public static final Sort ID_DESC = new Sort(Field.ID, true);
    }

    public SegmentQuery {
        search = search == null || search.isBlank() ? null : search.strip();
        segmentIds = segmentIds == null || segmentIds.isEmpty() ? null : Set.copyOf(segmentIds);
        parentIds = parentIds == null || parentIds.isEmpty() ? null : Set.copyOf(parentIds);
        names = names == null || names.isEmpty() ? null : Set.copyOf(names);
        firstIds = firstIds == null ? List.of() : List.copyOf(firstIds);
        sort = sort == null ? Sort.ID_ASC : sort;
    }

    /** Every row, in id order. */
    public static SegmentQuery all() {
        return new SegmentQuery(null, null, null, null, null, Sort.ID_ASC, 0, -1);
    }

    public static Set<Long> idSet(Collection<Long> ids) {
        return ids == null ? null : Set.copyOf(ids);
    }
}
