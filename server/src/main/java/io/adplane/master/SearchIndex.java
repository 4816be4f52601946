package io.adplane.master;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A word-prefix index over the names (and search columns) of one list, built once: every word of every row,
 * sorted, with the rows it occurs in. A search matches the rows that have, for each word of the search, a
 * word starting with it (case and accents ignored; docs/api.md M5). Cost: the binary search per word plus the
 * matching rows, never a scan of the list.
 */
final class SearchIndex {

    private static final Pattern WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final int size;
    private final String[] words;
    private final int[][] rows;

    SearchIndex(List<String> texts) {
        this.size = texts.size();
        Map<String, List<Integer>> postings = new HashMap<>();
        for (int row = 0; row < texts.size(); row++) {
            for (String word : words(texts.get(row))) {
                List<Integer> list = postings.computeIfAbsent(word, w -> new ArrayList<>(2));
                if (list.isEmpty() || list.get(list.size() - 1) != row) {
                    list.add(row);
                }
            }
        }
        this.words = postings.keySet().toArray(String[]::new);
        Arrays.sort(words);
        this.rows = new int[words.length][];
        for (int i = 0; i < words.length; i++) {
            rows[i] = postings.get(words[i]).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** The rows matching every word of {@code search}; null when the search has no words. */
    BitSet match(String search) {
        String[] terms = words(search);
        if (terms.length == 0) {
            return null;
        }
        BitSet result = null;
        for (String term : terms) {
            BitSet matches = new BitSet(size);
            int i = Arrays.binarySearch(words, term);
            for (i = i < 0 ? -i - 1 : i; i < words.length && words[i].startsWith(term); i++) {
                for (int row : rows[i]) {
                    matches.set(row);
                }
            }
            if (result == null) {
                result = matches;
            } else {
                result.and(matches);
            }
            if (result.isEmpty()) {
                break;
            }
        }
        return result;
    }

    static String[] words(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(WORD.split(folded)).filter(w -> !w.isEmpty()).toArray(String[]::new);
    }

    /** The text a name sorts by: folded like the index, so "Åland" sorts with the A's. */
    static String sortKey(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
