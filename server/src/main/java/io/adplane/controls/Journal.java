package io.adplane.controls;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.adplane.api.ApiException;
import io.adplane.api.Limits;

/**
 * The request journal (E4): the last {@code capacity} requests of each workspace with their answers, in this
 * instance's memory, a ring per workspace (the oldest entry makes room for the newest).
 */
public class Journal {

    /** The most entries one query answers. */
    static final int MAX_LIMIT = 1000;

    /** A recorded request before it is numbered. */
    record Recorded(long time, String method, String path, String query, int status, long durationMillis,
            String requestId, Map<String, String> requestHeaders, tools.jackson.databind.JsonNode requestBody,
            tools.jackson.databind.JsonNode responseBody, boolean truncated) {
    }

    private static final class Ring {
        private final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();
        private long next = 1;
    }

    private final int capacity;
    private final Map<Long, Ring> rings = new ConcurrentHashMap<>();

    Journal(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("adplane.controls.journal.size must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
    }

    int capacity() {
        return capacity;
    }

    void record(long workspaceId, Recorded r) {
        Ring ring = rings.computeIfAbsent(workspaceId, w -> new Ring());
        synchronized (ring) {
            if (ring.entries.size() >= capacity) {
                ring.entries.removeFirst();
            }
            ring.entries.addLast(new JournalEntry(ring.next++, r.time(), r.method(), r.path(), r.query(), r.status(),
                    r.durationMillis(), r.requestId(), r.requestHeaders(), r.requestBody(), r.responseBody(),
                    r.truncated()));
        }
    }

    /**
     * The workspace's entries, newest first, that match: {@code path} a path pattern ({@code /api/v3/cmp/**}),
     * {@code method}, {@code status} exactly, {@code since} at or after (epoch milliseconds); at most {@code limit}.
     */
    public JournalPage query(long workspaceId, String path, String method, Integer status, Long since, Integer limit) {
        PathPattern pattern = null;
        if (path != null && !path.isBlank()) {
            String text = Limits.text("path", path, Limits.URL);
            try {
                pattern = PathPatternParser.defaultInstance.parse(text.startsWith("/") ? text : "/" + text);
            } catch (RuntimeException e) {
                throw ApiException.badRequest("path", "Field 'path' is not a valid path pattern: " + e.getMessage());
            }
        }
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw ApiException.badRequest("limit", "Field 'limit' must be from 1 to " + MAX_LIMIT + ".");
        }
        String verb = method == null || method.isBlank() ? null : method.strip().toUpperCase(java.util.Locale.ROOT);
        List<JournalEntry> out = new ArrayList<>();
        Ring ring = rings.get(workspaceId);
        if (ring != null) {
            synchronized (ring) {
                Iterator<JournalEntry> newestFirst = ring.entries.descendingIterator();
                while (newestFirst.hasNext() && out.size() < max) {
                    JournalEntry e = newestFirst.next();
                    if ((status == null || e.status() == status) && (since == null || e.time() >= since)
                            && (verb == null || verb.equals(e.method()))
                            && (pattern == null || pattern.matches(PathContainer.parsePath(e.path())))) {
                        out.add(e);
                    }
                }
            }
        }
        return new JournalPage(capacity, out);
    }

    public void clear(long workspaceId) {
        rings.remove(workspaceId);
    }

    void clearAll() {
        rings.clear();
    }
}
