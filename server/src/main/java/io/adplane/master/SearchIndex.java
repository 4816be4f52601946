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

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final int size;
    private final String[] words;
    private final int[][] rows;

    SearchIndex(List<String> texts) {
        this.size = texts.size();
        Map<String, Rows> postings = new HashMap<>(texts.size() * 2);
        for (int row = 0; row < texts.size(); row++) {
            for (String word : words(texts.get(row))) {
                postings.computeIfAbsent(word, w -> new Rows()).add(row);
            }
        }
        this.words = postings.keySet().toArray(String[]::new);
        Arrays.sort(words);
        this.rows = new int[words.length][];
        for (int i = 0; i < words.length; i++) {
            rows[i] = postings.get(words[i]).toArray();
        }
    }

    /** A growing list of row numbers, each added once (rows come in ascending order). */
    private static final class Rows {
        private int[] items = new int[2];
        private int count;

        void add(int row) {
            if (count > 0 && items[count - 1] == row) {
                return;
            }
            if (count == items.length) {
                items = Arrays.copyOf(items, count * 2);
            }
            items[count++] = row;
        }

        int[] toArray() {
            return Arrays.copyOf(items, count);
        }
    }

    /** The rows matching every word of {@code search}; null when the search has no words. */
    BitSet match(String search) {
        List<String> terms = words(search);
        if (terms.isEmpty()) {
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

    /** The words of a text: runs of letters and digits, folded ({@link #sortKey}). */
    static List<String> words(String text) {
        String folded = sortKey(text);
        List<String> words = new ArrayList<>(4);
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            boolean inWord = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(folded.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    /** The text a name sorts and matches by: lower case without accents, so "Åland" sorts with the A's. */
    static String sortKey(String text) {
        boolean ascii = true;
        for (int i = 0; i < text.length() && ascii; i++) {
            ascii = text.charAt(i) < 128;
        }
        String plain = ascii ? text : MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return plain.toLowerCase(Locale.ROOT);
    }
}
