package io.adplane.creative;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.adplane.api.ApiException;
import io.adplane.history.Actor;
import io.adplane.history.ChangeLog;
import io.adplane.history.EntityType;
import io.adplane.history.FieldChange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The one write path of creatives, in the caller's transaction: every change locks the creative's row, moves
 * its status only as D18 allows and with the rights it needs, records the changed fields (change history) and
 * publishes {@link CreativeChanged}.
 */
@Component
class CreativeWriter {

    static final String FORBIDDEN = "Logged in user does not have access to reject/approve/pause/delete/restore the creative";

    private final CreativeRepository creatives;
    private final ChangeLog history;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CreativeWriter(CreativeRepository creatives, ChangeLog history, ApplicationEventPublisher events, Clock clock) {
        this.creatives = creatives;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    long create(Actor actor, Creative c) {
        long id = creatives.insert(c);
        Creative created = creatives.lock(c.owId(), id).orElseThrow();
        finish(actor, null, created);
        return id;
    }

    /** Changes a creative of {@code owId} that is not deleted as {@code edit} asks; {@code missing} when there is none. */
    Creative change(Actor actor, long owId, long id, UnaryOperator<Creative> edit, Supplier<ApiException> missing) {
        Creative c = creatives.lock(owId, id).filter(x -> x.creativeStatusId() != Creative.DELETED).orElseThrow(missing);
        Creative edited = edit.apply(c);
        if (edited.creativeStatusId() != c.creativeStatusId()) {
            authorize(actor, c, edited.creativeStatusId());
        }
        Creative after = new Creative(c.creativeId(), c.owId(), c.uowId(), edited.creativeName(),
                c.platformCreativeTypeId(), c.creativeSourceType(), edited.creativeSource(), edited.clickUrl(),
                edited.externalCreativeId(), edited.details(), edited.creativeStatusId(), edited.rejectionReason(),
                edited.remarks(), c.fileName(), c.fileType(), c.fileSize(), c.createdAt(), clock.millis(), c.fileSha256());
        if (FieldChange.diff(input(c), input(after)).isEmpty()) {
            return c;
        }
        creatives.update(after);
        finish(actor, c, after);
        return after;
    }

    /** D18: which moves exist, and that approving and rejecting need approval rights. */
    private static void authorize(Actor actor, Creative c, int to) {
        int from = c.creativeStatusId();
        boolean approval = to == Creative.REJECTED || (to == Creative.RUNNING && from != Creative.PAUSED);
        if (approval && !actor.canApprove()) {
            throw new ApiException(HttpStatus.FORBIDDEN, FORBIDDEN);
        }
        boolean allowed = switch (to) {
            case Creative.RUNNING -> from == Creative.PENDING || from == Creative.PAUSED || from == Creative.REJECTED;
            case Creative.PAUSED -> from == Creative.RUNNING;
            case Creative.REJECTED -> from == Creative.PENDING || from == Creative.RUNNING;
            case Creative.DELETED -> true;
            default -> false;
        };
        if (!allowed) {
            throw ApiException.conflict("creativeStatusId", "Creative " + c.creativeId() + " can't move from "
                    + Creative.statusName(from) + " to " + Creative.statusName(to) + ".");
        }
    }

    private void finish(Actor actor, Creative before, Creative after) {
        List<FieldChange> changes = FieldChange.diff(before == null ? Map.of() : input(before), input(after));
        ChangeLog.Action action = before == null ? ChangeLog.Action.CREATED
                : after.creativeStatusId() == Creative.DELETED ? ChangeLog.Action.DELETED : ChangeLog.Action.UPDATED;
        history.record(after.owId(), EntityType.CREATIVE, after.creativeId(), action, actor, changes, after.modifiedAt());
        events.publishEvent(new CreativeChanged(after.owId(), after.creativeId(),
                changes.stream().map(FieldChange::field).toList(), actor.uowId(), after.modifiedAt()));
    }

    /** A creative in the API's field names (the file's bytes are not part of its history). */
    private static Map<String, JsonNode> input(Creative c) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Map<String, JsonNode> m = new LinkedHashMap<>();
        m.put("creativeName", f.stringNode(c.creativeName()));
        m.put("platformCreativeTypeId", f.numberNode(c.platformCreativeTypeId()));
        m.put("creativeSourceType", f.stringNode(c.creativeSourceType()));
        m.put("creativeSource", c.fileName() != null ? f.stringNode(c.fileName()) : f.stringNode(c.creativeSource()));
        m.put("clickUrl", c.clickUrl() == null ? null : f.stringNode(c.clickUrl()));
        m.put("externalCreativeId", c.externalCreativeId() == null ? null : f.stringNode(c.externalCreativeId()));
        m.put("creativeStatusId", f.numberNode(c.creativeStatusId()));
        m.put("creativeRejectionReason", c.rejectionReason() == null ? null : f.stringNode(c.rejectionReason()));
        m.put("creativeRemarks", c.remarks() == null ? null : f.stringNode(c.remarks()));
        m.put("details", f.stringNode(c.details()));
        return m;
    }
}
