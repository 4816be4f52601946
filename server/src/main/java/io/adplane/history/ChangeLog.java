package io.adplane.history;

import org.jspecify.annotations.Nullable;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.adplane.api.Paging;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The change history of IOs, campaigns and creatives (beyond IQM): each write path records here, in its own
 * transaction, every change it makes, so the history is complete exactly when the change is. Read newest
 * first, scoped by organization; kept for {@code adplane.history.retention} (13 months by default).
 */
@Component
public class ChangeLog {

    private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration retention;

    ChangeLog(JdbcClient jdbc, JsonMapper json, Clock clock,
            @Value("${adplane.history.retention:400d}") Duration retention) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.retention = retention;
    }

    /** What a change did to its object as a whole. */
    public enum Action {
        CREATED, UPDATED, DELETED;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Records one change; nothing is written when {@code changes} is empty (a write that changed nothing). */
    public void record(long owId, EntityType type, long entityId, Action action, Actor actor, List<FieldChange> changes,
            long at) {
        if (changes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO change_log (ow_id, entity_type, entity_id, action, uow_id, request_id, changed_at, changes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(owId, type.code(), entityId, action.code(), actor.uowId(), actor.requestId(), at,
                        json.writeValueAsString(changes))
                .update();
    }

    /** One recorded change, as {@code GET .../changes} answers it. */
    @JsonPropertyOrder({"id", "action", "changedAt", "uowId", "requestId", "fields"})
    public record Entry(long id, String action, long changedAt, @Nullable Long uowId, @Nullable String requestId,
            List<FieldChange> fields) {
    }

    /** A page of changes, newest first, with the counts IQM's lists answer with. */
    @JsonPropertyOrder({"changes", "totalRecords", "filteredRecords"})
    public record Page(List<Entry> changes, long totalRecords, long filteredRecords) {
    }

    /** The changes of one object of {@code owId}, newest first; the caller has checked the object is visible. */
    public Page page(long owId, EntityType type, long entityId, Integer pageNo, Integer noOfEntries) {
        Paging paging = Paging.of(pageNo, noOfEntries, null, 20);
        long total = jdbc.sql("SELECT COUNT(*) FROM change_log WHERE ow_id = ? AND entity_type = ? AND entity_id = ?")
                .params(owId, type.code(), entityId).query(Long.class).single();
        List<Entry> entries = jdbc.sql("""
                SELECT id, action, changed_at, uow_id, request_id, changes FROM change_log
                WHERE ow_id = ? AND entity_type = ? AND entity_id = ?
                ORDER BY id DESC LIMIT ? OFFSET ?""")
                .params(owId, type.code(), entityId, paging.limit(), paging.offset())
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, Long.class),
                        rs.getString(5), json.readValue(rs.getString(6), CHANGES)))
                .list();
        return new Page(entries, total, total);
    }

    /** Deletes changes older than the retention; how many. */
    public int purge() {
        return jdbc.sql("DELETE FROM change_log WHERE changed_at < ?")
                .param(clock.millis() - retention.toMillis()).update();
    }
}
