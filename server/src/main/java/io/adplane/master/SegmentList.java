package io.adplane.master;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One master list in memory, indexed once at start-up: rows by id, by parent and by exact name, the name
 * order, and a word-prefix {@link SearchIndex}. A query costs the rows it matches and the page it returns,
 * never a scan of the list: an unfiltered page is read straight out of the id or name order.
 */
public final class SegmentList {

    private final MasterList kind;
    private final SegmentRow[] rows;
    private final long[] ids;
    private final String[] keys;
    private final int[] byName;
    private final int[] nameRank;
    private final Map<Long, int[]> children;
    private final SearchIndex index;

    SegmentList(MasterList kind, List<SegmentRow> input) {
        this.kind = kind;
        this.rows = input.stream().sorted(Comparator.comparingLong(SegmentRow::id)).toArray(SegmentRow[]::new);
        this.ids = new long[rows.length];
        this.keys = new String[rows.length];
        Map<Long, List<Integer>> parents = new HashMap<>();
        List<String> texts = new ArrayList<>(rows.length);
        boolean inNameOrder = true;
        for (int pos = 0; pos < rows.length; pos++) {
            SegmentRow row = rows[pos];
            ids[pos] = row.id();
            if (pos > 0 && ids[pos - 1] == row.id()) {
                throw new IllegalStateException(kind.file() + ": duplicate id " + row.id());
            }
            parents.computeIfAbsent(row.parentId(), p -> new ArrayList<>()).add(pos);
            StringBuilder text = new StringBuilder(row.name());
            for (String column : kind.searchColumns()) {
                text.append(' ').append(row.text(column));
            }
            texts.add(text.toString());
            keys[pos] = SearchIndex.sortKey(row.name());
            inNameOrder &= pos == 0 || keys[pos - 1].compareTo(keys[pos]) <= 0;
        }
        this.byName = new int[rows.length];
        if (inNameOrder) {
            Arrays.setAll(byName, i -> i);
        } else {
            Integer[] order = new Integer[rows.length];
            Arrays.setAll(order, i -> i);
            // Stable: rows with the same name keep their id order.
            Arrays.sort(order, (a, b) -> keys[a].compareTo(keys[b]));
            Arrays.setAll(byName, i -> order[i]);
        }
        this.nameRank = new int[rows.length];
        for (int rank = 0; rank < byName.length; rank++) {
            nameRank[byName[rank]] = rank;
        }
        this.children = new HashMap<>();
        parents.forEach((parent, list) -> children.put(parent, list.stream().mapToInt(Integer::intValue).toArray()));
        this.index = new SearchIndex(texts);
    }

    public MasterList kind() {
        return kind;
    }

    public int size() {
        return rows.length;
    }

    public boolean contains(long id) {
        return Arrays.binarySearch(ids, id) >= 0;
    }

    public Optional<SegmentRow> find(long id) {
        int pos = Arrays.binarySearch(ids, id);
        return pos < 0 ? Optional.empty() : Optional.of(rows[pos]);
    }

    /** The row's position in id order, or null. */
    private Integer position(long id) {
        int pos = Arrays.binarySearch(ids, id);
        return pos < 0 ? null : pos;
    }

    /** The positions of the rows named exactly {@code name}: a binary search in the name order. */
    private void named(String name, BitSet into) {
        String key = SearchIndex.sortKey(name);
        int lo = 0;
        int hi = byName.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[byName[mid]].compareTo(key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo; i < byName.length && keys[byName[i]].equals(key); i++) {
            if (rows[byName[i]].name().equals(name)) {
                into.set(byName[i]);
            }
        }
    }

    /** Every row, in id order. */
    public List<SegmentRow> rows() {
        return List.of(rows);
    }

    /** The ids of {@code ids} that are not in this list, in ascending order. O(ids). */
    public Set<Long> unknown(Collection<Long> ids) {
        Set<Long> unknown = new TreeSet<>();
        for (Long id : ids) {
            if (id != null && !contains(id)) {
                unknown.add(id);
            }
        }
        return unknown;
    }

    /** The page {@code query} asks for. */
    public SegmentPage query(SegmentQuery query) {
        BitSet matches = matches(query);
        Sequence sequence = matches == null ? new AllRows(query.sort()) : new Matched(matches, query.sort());
        int count = sequence.size();

        List<Integer> first = new ArrayList<>();
        Set<Integer> firstSet = new HashSet<>();
        for (Long id : new LinkedHashSet<>(query.firstIds())) {
            Integer pos = id == null ? null : position(id);
            if (pos != null && (matches == null || matches.get(pos)) && firstSet.add(pos)) {
                first.add(pos);
            }
        }
        first.sort(Comparator.comparingInt(sequence::rank));

        long offset = query.limit() < 0 ? 0 : query.offset();
        long limit = query.limit() < 0 ? count : query.limit();
        List<SegmentRow> page = new ArrayList<>((int) Math.min(limit, Math.max(0, count - offset)));
        for (long i = offset; i < first.size() && page.size() < limit; i++) {
            page.add(rows[first.get((int) i)]);
        }
        if (page.size() < limit && offset - first.size() < count) {
            // The (offset - |first|)-th row of the sequence without the first rows: step over those ranked before it.
            long index = Math.max(0, offset - first.size());
            for (int pos : first) {
                if (sequence.rank(pos) <= index) {
                    index++;
                }
            }
            for (long i = index; i < count && page.size() < limit; i++) {
                int pos = sequence.at((int) i);
                if (!firstSet.contains(pos)) {
                    page.add(rows[pos]);
                }
            }
        }
        return new SegmentPage(page, rows.length, count);
    }

    /** The positions the filters and search admit; null when nothing filters. */
    private BitSet matches(SegmentQuery query) {
        BitSet result = null;
        if (query.search() != null) {
            BitSet found = index.match(query.search());
            if (found != null) {
                try {
                    Integer pos = position(Long.parseLong(query.search()));
                    if (pos != null) {
                        found.set(pos);
                    }
                } catch (NumberFormatException notAnId) {
                    // a name, not an id
                }
                result = found;
            }
        }
        if (query.segmentIds() != null) {
            BitSet found = new BitSet(rows.length);
            for (Long id : query.segmentIds()) {
                Integer pos = position(id);
                if (pos != null) {
                    found.set(pos);
                }
            }
            result = and(result, found);
        }
        if (query.parentIds() != null) {
            BitSet parents = new BitSet(rows.length);
            for (Long parent : query.parentIds()) {
                for (int pos : children.getOrDefault(parent, new int[0])) {
                    parents.set(pos);
                }
            }
            result = and(result, parents);
        }
        if (query.names() != null) {
            BitSet names = new BitSet(rows.length);
            for (String name : query.names()) {
                named(name, names);
            }
            result = and(result, names);
        }
        return result;
    }

    private static BitSet and(BitSet a, BitSet b) {
        if (a == null) {
            return b;
        }
        a.and(b);
        return a;
    }

    /** The rows of a query in their order: at(i) is the i-th position, rank(pos) its index. */
    private interface Sequence {
        int size();

        int at(int i);

        /** Only called for positions in the sequence. */
        int rank(int pos);
    }

    /** Every row: the id order is the positions themselves, the name order is precomputed. */
    private final class AllRows implements Sequence {
        private final SegmentQuery.Sort sort;

        AllRows(SegmentQuery.Sort sort) {
            this.sort = sort;
        }

        public int size() {
            return rows.length;
        }

        public int at(int i) {
            int j = sort.descending() ? rows.length - 1 - i : i;
            return sort.field() == SegmentQuery.Field.ID ? j : byName[j];
        }

        public int rank(int pos) {
            int r = sort.field() == SegmentQuery.Field.ID ? pos : nameRank[pos];
            return sort.descending() ? rows.length - 1 - r : r;
        }
    }

    /** The matched rows, as sorted keys: positions for the id order, name ranks for the name order. */
    private final class Matched implements Sequence {
        private final SegmentQuery.Sort sort;
        private final int[] keys;

        Matched(BitSet matches, SegmentQuery.Sort sort) {
            this.sort = sort;
            int[] positions = matches.stream().toArray();
            if (sort.field() == SegmentQuery.Field.NAME) {
                for (int i = 0; i < positions.length; i++) {
                    positions[i] = nameRank[positions[i]];
                }
                Arrays.sort(positions);
            }
            this.keys = positions;
        }

        public int size() {
            return keys.length;
        }

        public int at(int i) {
            int key = keys[sort.descending() ? keys.length - 1 - i : i];
            return sort.field() == SegmentQuery.Field.ID ? key : byName[key];
        }

        public int rank(int pos) {
            int r = Arrays.binarySearch(keys, sort.field() == SegmentQuery.Field.ID ? pos : nameRank[pos]);
            return sort.descending() ? keys.length - 1 - r : r;
        }
    }
}
