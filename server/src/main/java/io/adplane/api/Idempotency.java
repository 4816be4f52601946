package io.adplane.api;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on creates (D19). The first request with a key claims it, runs, and stores its
 * answer; a retry with the same key and the same request gets that answer again without creating anything;
 * the same key with another request is refused with 422. A request that failed releases its key, so it can
 * be retried. Keys are scoped by organization and kept in the database, so every instance honours them (D20),
 * for {@code adplane.idempotency.retention} (24 h, as long as any client retries); an older key is free again.
 */
@Component
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration retention;

    Idempotency(JdbcClient jdbc, JsonMapper json, Clock clock,
            @Value("${adplane.idempotency.retention:24h}") Duration retention) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.retention = retention;
    }

    private record Stored(String requestHash, Integer status, String body) {
    }

    /**
     * Runs {@code create} once per {@code key} in organization {@code owId}.
     *
     * @param key the header value, or {@code null} when the client sent none (then {@code create} just runs)
     * @param request what identifies the request: the path and the parsed body
     */
    public ResponseEntity<?> once(long owId, String key, Object request, Supplier<?> create) {
        if (key == null) {
            return ResponseEntity.ok(create.get());
        }
        if (key.isBlank() || key.length() > 255 || TextRules.problem(key) != null) {
            throw ApiException.badRequest(HEADER, "Header '" + HEADER + "' must be 1 to 255 printable characters.");
        }
        String hash = Secrets.sha256(json.writeValueAsString(request));
        // A key past its retention is free again: released only when it is in the way, off the usual path.
        if (!claim(owId, key, hash) && (releaseExpired(owId, key) == 0 || !claim(owId, key, hash))) {
            return replay(owId, key, hash);
        }
        Object answer;
        try {
            answer = create.get();
        } catch (RuntimeException e) {
            jdbc.sql("DELETE FROM idempotency_key WHERE ow_id = ? AND idem_key = ?").params(owId, key).update();
            throw e;
        }
        jdbc.sql("UPDATE idempotency_key SET status = ?, body = ? WHERE ow_id = ? AND idem_key = ?")
                .params(200, json.writeValueAsString(answer), owId, key).update();
        return ResponseEntity.ok(answer);
    }

    private boolean claim(long owId, String key, String hash) {
        try {
            jdbc.sql("INSERT INTO idempotency_key (ow_id, idem_key, request_hash, created_at) VALUES (?, ?, ?, ?)")
                    .params(owId, key, hash, clock.millis()).update();
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    private int releaseExpired(long owId, String key) {
        return jdbc.sql("DELETE FROM idempotency_key WHERE ow_id = ? AND idem_key = ? AND created_at < ?")
                .params(owId, key, expiredBefore()).update();
    }

    /** Deletes every key older than the retention; returns how many. */
    public int purge() {
        return jdbc.sql("DELETE FROM idempotency_key WHERE created_at < ?").param(expiredBefore()).update();
    }

    private long expiredBefore() {
        return clock.millis() - retention.toMillis();
    }

    private ResponseEntity<?> replay(long owId, String key, String hash) {
        Optional<Stored> stored = jdbc.sql("SELECT request_hash, status, body FROM idempotency_key WHERE ow_id = ? AND idem_key = ?")
                .params(owId, key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getObject(2, Integer.class), rs.getString(3)))
                .optional();
        if (stored.isEmpty()) {
            throw ApiException.conflict(HEADER, "A request with this Idempotency-Key failed just now; retry it.");
        }
        if (!stored.get().requestHash().equals(hash)) {
            throw ApiException.unprocessable(HEADER, "This Idempotency-Key was already used for another request.");
        }
        if (stored.get().status() == null) {
            throw ApiException.conflict(HEADER, "A request with this Idempotency-Key is still in progress.");
        }
        return ResponseEntity.status(HttpStatus.valueOf(stored.get().status()))
                .header("Idempotent-Replayed", "true")
                .contentType(MediaType.APPLICATION_JSON)
                .body(stored.get().body().getBytes(StandardCharsets.UTF_8));
    }
}
