package io.adplane.report;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.adplane.api.ApiException;
import io.adplane.api.Limits;
import io.adplane.api.Paging;
import io.adplane.auth.Caller;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Saved reports of an organization (S11): each is a name and the execute request that defines it, checked by the
 * same rules as {@code execute}. Every statement is scoped by the acting organization; another organization's
 * report answers like a missing one.
 */
@Service
public class SavedReports {

    static final String NOT_FOUND = "Report does not exists for the given id";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ReportService reports;
    private final ReportSchedules schedules;
    private final Clock clock;

    SavedReports(JdbcClient jdbc, JsonMapper json, ReportService reports, ReportSchedules schedules, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.reports = reports;
        this.schedules = schedules;
        this.clock = clock;
    }

    @Transactional
    public long add(Caller caller, SavedReportRequest r) {
        caller.requireWrite();
        String name = name(r.reportName());
        ExecuteRequest definition = definition(caller, r, null);
        long now = clock.millis();
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO saved_report (ow_id, uow_id, report_name, definition, created_at, modified_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)").params(caller.owId(), caller.uowId(), name,
                json.writeValueAsString(definition), now, now).update(key, "id");
        long id = key.getKey().longValue();
        ReportSchedule.Request schedule = schedule(r);
        if (schedule != null) {
            schedules.save(caller, id, schedule);
        }
        return id;
    }

    /** {@code execute}: a saved report by {@code id} (with the request's page and sort), or the request itself. */
    public ReportAnswer execute(Caller caller, ExecuteRequest r) {
        if (r.id() == null) {
            return reports.execute(caller, r);
        }
        ExecuteRequest d = stored(caller.owId(), r.id()).orElseThrow(() -> ApiException.unprocessable("id", NOT_FOUND));
        return reports.execute(caller, new ExecuteRequest(null, d.dimensions(), d.columns(), d.customerIds(), d.filters(),
                null, d.requestType(), d.reportAggregated(), d.startDate(), d.endDate(), d.timezoneId(), d.timezoneName(),
                r.sortBy(), r.order(), r.pageNo(), r.noOfEntries(), null));
    }

    public SavedReport get(Caller caller, long id) {
        return find(caller.owId(), id).orElseThrow(() -> ApiException.unprocessable("reportId", NOT_FOUND));
    }

    @Transactional
    public String edit(Caller caller, long id, SavedReportRequest r) {
        caller.requireWrite();
        SavedReport current = get(caller, id);
        String name = r.reportName() == null ? current.reportName() : name(r.reportName());
        ExecuteRequest definition = definition(caller, r, stored(caller.owId(), id).orElseThrow());
        jdbc.sql("UPDATE saved_report SET report_name = ?, definition = ?, modified_at = ? WHERE id = ? AND ow_id = ?")
                .params(name, json.writeValueAsString(definition), clock.millis(), id, caller.owId()).update();
        ReportSchedule.Request schedule = schedule(r);
        if (schedule != null) {
            if (schedules.details(caller.owId(), List.of(id)).containsKey(id)) {
                schedules.update(caller, id, schedule);
            } else {
                schedules.save(caller, id, schedule);
            }
        }
        return "Report with id " + id + " updated successfully";
    }

    @Transactional
    public String delete(Caller caller, long id) {
        caller.requireWrite();
        if (jdbc.sql("DELETE FROM saved_report WHERE id = ? AND ow_id = ?").params(id, caller.owId()).update() == 0) {
            throw ApiException.unprocessable("reportId", NOT_FOUND);
        }
        return "Report with id " + id + " deleted successfully";
    }

    /** The acting organization's saved reports, newest first unless {@code sortBy} says otherwise. */
    public SavedReport.Page list(Caller caller, String searchField, String sortBy, Integer pageNo, Integer size) {
        Paging page = Paging.of(pageNo, size, null, 50);
        String order = Paging.orderBy(sortBy, null, Map.of("id", "id", "reportName", "report_name",
                "created", "created_at", "modifiedDate", "modified_at"), "-id", "id");
        String search = searchField == null || searchField.isBlank() ? null
                : Paging.likePattern(Limits.text("searchField", searchField, Limits.NAME));
        String where = " FROM saved_report WHERE ow_id = :owId" + (search == null ? "" : " AND LOWER(report_name) LIKE :search ESCAPE '\\'");
        var count = jdbc.sql("SELECT COUNT(*)" + where).param("owId", caller.owId());
        var rows = jdbc.sql("SELECT id, report_name, definition" + where + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
                .param("owId", caller.owId()).param("limit", page.limit()).param("offset", page.offset());
        if (search != null) {
            count = count.param("search", search);
            rows = rows.param("search", search);
        }
        long filtered = count.query(Long.class).single();
        long total = search == null ? filtered : jdbc.sql("SELECT COUNT(*) FROM saved_report WHERE ow_id = ?")
                .param(caller.owId()).query(Long.class).single();
        List<Object[]> found = rows.query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}).list();
        Map<Long, ReportSchedule.Details> scheduled = schedules.details(caller.owId(),
                found.stream().map(f -> (Long) f[0]).toList());
        List<SavedReport> data = found.stream()
                .map(f -> view((Long) f[0], (String) f[1], (String) f[2], scheduled.get((Long) f[0]))).toList();
        return new SavedReport.Page(data, total, filtered);
    }

    /** The definition of a saved report of {@code owId}, for {@code execute} by id. */
    Optional<ExecuteRequest> stored(long owId, long id) {
        return jdbc.sql("SELECT definition FROM saved_report WHERE id = ? AND ow_id = ?").params(id, owId)
                .query(String.class).optional().map(d -> json.readValue(d, ExecuteRequest.class));
    }

    private Optional<SavedReport> find(long owId, long id) {
        return jdbc.sql("SELECT report_name, definition FROM saved_report WHERE id = ? AND ow_id = ?").params(id, owId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
                .map(f -> view(id, f[0], f[1], schedules.details(owId, List.of(id)).get(id)));
    }

    private SavedReport view(long id, String name, String definition, ReportSchedule.Details schedule) {
        ExecuteRequest d = json.readValue(definition, ExecuteRequest.class);
        return new SavedReport(id, name, d.startDate(), d.endDate(), d.dimensions(), d.columns(), d.customerIds(),
                d.timezoneId(), d.timezoneName(), d.requestType(), d.reportAggregated(), d.filters(),
                schedule == null ? ReportSchedule.Details.NONE : schedule);
    }

    /**
     * The schedule a report request carries, if any. IQM's own example sends {@code "runningTotalEnabled": 0}: a
     * number there is read as the boolean it means.
     */
    private ReportSchedule.Request schedule(SavedReportRequest r) {
        JsonNode node = r.reportSchedulingEventDetails();
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("reportSchedulingEventDetails", "reportSchedulingEventDetails must be an object.");
        }
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        JsonNode running = copy.get("runningTotalEnabled");
        if (running != null && running.isIntegralNumber()) {
            copy.put("runningTotalEnabled", running.asLong() != 0);
        }
        try {
            return json.treeToValue(copy, ReportSchedule.Request.class);
        } catch (tools.jackson.core.JacksonException e) {
            throw ApiException.badRequest("reportSchedulingEventDetails", "reportSchedulingEventDetails is not a schedule: "
                    + e.getOriginalMessage());
        }
    }

    private static String name(String reportName) {
        if (reportName == null || reportName.isBlank()) {
            throw ApiException.unprocessable("reportName", "Please enter a report name");
        }
        return Limits.text("reportName", reportName.trim(), Limits.NAME);
    }

    /** The request merged over {@code base} (null for a new report), checked as execute checks it. */
    private ExecuteRequest definition(Caller caller, SavedReportRequest r, ExecuteRequest base) {
        ExecuteRequest b = base != null ? base
                : new ExecuteRequest(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null);
        ExecuteRequest d = new ExecuteRequest(null, r.dimensions() != null ? r.dimensions() : b.dimensions(),
                r.columns() != null ? r.columns() : b.columns(), r.customerIds() != null ? r.customerIds() : b.customerIds(),
                r.filters() != null ? r.filters() : b.filters(), null,
                r.requestType() != null ? r.requestType() : b.requestType(),
                r.reportAggregated() != null ? r.reportAggregated() : b.reportAggregated(),
                r.startDate() != null ? r.startDate() : b.startDate(), r.endDate() != null ? r.endDate() : b.endDate(),
                r.timezoneId() != null ? r.timezoneId() : b.timezoneId(),
                r.timezoneName() != null ? r.timezoneName() : b.timezoneName(), null, null, null, null, null);
        reports.check(caller, d);
        return d;
    }
}
