package io.adplane.api;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on creates and duplicates (D19). The first request with a key claims it, runs, and
 * stores its answer; a retry with the same key and the same request gets that answer again without creating
 * anything; the same key with another request is refused with 422. A request that failed releases its key, so
 * it can be retried.
 *
 * <p>Keys are scoped by organization <em>and user</em>: another user's request with the same key is another
 * request, never answered from this one's store (issue 18). The claim is a lease of
 * {@code adplane.idempotency.lease} (1 min): while it runs, a retry answers 409; a claim whose request died
 * without answering (a crash between claim and answer) frees itself when the lease has passed, and the retry
 * runs. Keys are kept in the database, so every instance honours them (D20), for
 * {@code adplane.idempotency.retention} (24 h, as long as any client retries); an older key is free again.
 */
@Component
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final Logger log = LoggerFactory.getLogger(Idempotency.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration retention;
    private final Duration lease;

    Idempotency(JdbcClient jdbc, JsonMapper json, Clock clock,
            @Value("${adplane.idempotency.retention:24h}") Duration retention,
            @Value("${adplane.idempotency.lease:1m}") Duration lease) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.retention = retention;
        this.lease = lease;
    }

    private record Stored(String requestHash, Integer status, String body) {
    }

    /** The scope of a key: who asked, for which organization. */
    private record Scope(long owId, long userId, String key) {
    }

    /**
     * Runs {@code create} once per {@code key} of user {@code userId} in organization {@code owId}.
     *
     * @param key the header value, or {@code null} when the client sent none (then {@code create} just runs)
     * @param request what identifies the request: the operation and the parsed body
     */
    public ResponseEntity<?> once(long owId, long userId, String key, Object request, Supplier<?> create) {
        if (key == null) {
            return ResponseEntity.ok(create.get());
        }
        if (key.isBlank() || key.length() > 255 || TextRules.problem(key) != null) {
            throw ApiException.badRequest(HEADER, "Header '" + HEADER + "' must be 1 to 255 printable characters.");
        }
        Scope scope = new Scope(owId, userId, key);
        String hash = Secrets.sha256(json.writeValueAsString(request));
        long now = clock.millis();
        long leaseUntil = now + lease.toMillis();
        if (!claim(scope, hash, now, leaseUntil) && !takeOver(scope, hash, now, leaseUntil)) {
            return replay(scope, hash);
        }
        Object answer;
        try {
            answer = create.get();
        } catch (RuntimeException e) {
            jdbc.sql("DELETE FROM idempotency_key WHERE ow_id = ? AND user_id = ? AND idem_key = ? AND status IS NULL AND lease_until = ?")
                    .params(owId, userId, key, leaseUntil).update();
            throw e;
        }
        int stored = jdbc.sql("""
                UPDATE idempotency_key SET status = ?, body = ?
                WHERE ow_id = ? AND user_id = ? AND idem_key = ? AND status IS NULL AND lease_until = ?""")
                .params(200, json.writeValueAsString(answer), owId, userId, key, leaseUntil).update();
        if (stored == 0) {
            log.warn("An idempotent create outlasted its lease of {}; a retry may have run it again", lease);
        }
        return ResponseEntity.ok(answer);
    }

    private boolean claim(Scope scope, String hash, long now, long leaseUntil) {
        try {
            jdbc.sql("""
                    INSERT INTO idempotency_key (ow_id, user_id, idem_key, request_hash, created_at, lease_until)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(scope.owId(), scope.userId(), scope.key(), hash, now, leaseUntil).update();
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /**
     * Takes over a key that is in the way but no longer held: past its retention, or a claim whose lease ran
     * out without an answer. One atomic statement, so of two retries only one takes it.
     */
    private boolean takeOver(Scope scope, String hash, long now, long leaseUntil) {
        return jdbc.sql("""
                UPDATE idempotency_key
                SET request_hash = ?, status = NULL, body = NULL, created_at = ?, lease_until = ?
                WHERE ow_id = ? AND user_id = ? AND idem_key = ?
                  AND (created_at < ? OR (status IS NULL AND lease_until < ?))""")
                .params(hash, now, leaseUntil, scope.owId(), scope.userId(), scope.key(), expiredBefore(), now)
                .update() == 1;
    }

    /** Deletes every key older than the retention; returns how many. */
    public int purge() {
        return jdbc.sql("DELETE FROM idempotency_key WHERE created_at < ?").param(expiredBefore()).update();
    }

    private long expiredBefore() {
        return clock.millis() - retention.toMillis();
    }

    private ResponseEntity<?> replay(Scope scope, String hash) {
        Optional<Stored> stored = jdbc.sql("""
                SELECT request_hash, status, body FROM idempotency_key WHERE ow_id = ? AND user_id = ? AND idem_key = ?""")
                .params(scope.owId(), scope.userId(), scope.key())
                .query((rs, n) -> new Stored(rs.getString(1), rs.getObject(2, Integer.class), rs.getString(3)))
                .optional();
        if (stored.isEmpty()) {
            throw ApiException.conflict(HEADER, "A request with this Idempotency-Key failed just now; retry it.");
        }
        if (stored.get().status() == null) {
            // Whatever this retry sends, the first request may yet fail and free the key: ask to retry.
            throw new ApiException(HttpStatus.CONFLICT, "A request with this Idempotency-Key is still in progress.",
                    HEADER, null, null, Map.of("Retry-After", "1"));
        }
        if (!stored.get().requestHash().equals(hash)) {
            throw ApiException.unprocessable(HEADER, "This Idempotency-Key was already used for another request.");
        }
        return ResponseEntity.status(HttpStatus.valueOf(stored.get().status()))
                .header("Idempotent-Replayed", "true")
                .contentType(MediaType.APPLICATION_JSON)
                .body(stored.get().body().getBytes(StandardCharsets.UTF_8));
    }
}
