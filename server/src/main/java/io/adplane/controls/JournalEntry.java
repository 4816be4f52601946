package io.adplane.controls;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import tools.jackson.databind.JsonNode;

/**
 * One request and its answer as the journal keeps them (E4), secrets redacted: {@code Authorization},
 * {@code Authentication} and cookies, and in bodies and query strings every field named like a password, secret
 * or token. A JSON body is kept as JSON, a form as its fields, anything else as a note of its type and size;
 * a body is cut at 8 KB ({@code truncated}).
 *
 * @param id the entry's number, increasing per workspace
 * @param time when the request arrived, epoch milliseconds
 */
@JsonPropertyOrder({"id", "time", "method", "path", "query", "status", "durationMillis", "requestId", "requestHeaders",
        "requestBody", "responseBody", "truncated"})
public record JournalEntry(long id, long time, String method, String path, @Nullable String query, int status,
        long durationMillis, @Nullable String requestId, Map<String, String> requestHeaders,
        @Nullable JsonNode requestBody, @Nullable JsonNode responseBody, boolean truncated) {
}
