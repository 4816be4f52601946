package io.adplane.report;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.adplane.api.ApiException;
import io.adplane.api.ErrorObject;
import io.adplane.auth.Caller;
import io.adplane.master.Timezones;
import io.adplane.tenancy.Names;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A saved report's schedule (S13): IQM's save (which replaces an existing schedule), update (the fields sent) and
 * remove, each scoped by the acting organization; another organization's report answers like a missing one.
 */
@Service
public class ReportSchedules {

    static final String NO_EVENT = "Report event does not exists for the given id";
    static final String SAVED = "Report schedule has been successfully updated.";
    static final int MAX_SUBSCRIBERS = 50;
    private static final TypeReference<List<String>> EMAILS = new TypeReference<>() {
    };

    /** What saving or updating answers: the schedule, and the addresses left out as invalid (IQM's errorObjects). */
    public record Saved(ReportSchedule.Answer answer, @Nullable List<ErrorObject> invalid) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Timezones timezones;
    private final Clock clock;

    ReportSchedules(JdbcClient jdbc, JsonMapper json, Timezones timezones, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.timezones = timezones;
        this.clock = clock;
    }

    /** {@code POST /api/v3/ra/report/email/schedule}: schedules the report {@code reportId}, replacing its schedule. */
    @Transactional
    public Saved save(Caller caller, ReportSchedule.Request r) {
        if (r.reportId() == null) {
            throw ApiException.unprocessable("reportId", SavedReports.NOT_FOUND);
        }
        return save(caller, r.reportId(), r);
    }

    /** Schedules a report just added or edited with {@code reportSchedulingEventDetails} (S13). */
    @Transactional
    public Saved save(Caller caller, long reportId, ReportSchedule.Request r) {
        caller.requireWrite();
        ExecuteRequest report = lockReport(caller.owId(), reportId)
                .orElseThrow(() -> ApiException.unprocessable("reportId", SavedReports.NOT_FOUND));
        Stored s = checked(caller, report, new Stored(null, reportId, null, null, null, null, null, false, null), r, true);
        long now = clock.millis();
        jdbc.sql("DELETE FROM report_schedule WHERE report_id = ? AND ow_id = ?").params(reportId, caller.owId()).update();
        jdbc.sql("""
                INSERT INTO report_schedule (report_id, ow_id, user_id, uow_id, workspace_id, workspace_owner_ow_id,
                member_ow_id, role, subscriber_emails, file_type, delivery_frequency, delivery_day, event_end_date,
                running_total_enabled, earliest_campaign_start_date, next_run_at, created_at, modified_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(reportId, caller.owId(), caller.userId(), caller.uowId(), caller.workspaceId(),
                        caller.workspaceOwnerOwId(), caller.memberOwId(), caller.role().code(),
                        json.writeValueAsString(s.emails()), s.fileType(), s.frequency(), s.day(), s.endDate(),
                        s.runningTotal(), s.earliest(), nextRun(s, report, now), now, now)
                .update();
        return new Saved(new ReportSchedule.Answer(s.data(), SAVED), s.invalid());
    }

    /** {@code PATCH /api/v3/ra/report/email/schedule/{reportId}}: changes the fields sent. */
    @Transactional
    public Saved update(Caller caller, long reportId, ReportSchedule.Request r) {
        caller.requireWrite();
        ExecuteRequest report = lockReport(caller.owId(), reportId)
                .orElseThrow(() -> ApiException.unprocessable("reportId", SavedReports.NOT_FOUND));
        Stored current = find(caller.owId(), reportId).orElseThrow(() -> ApiException.unprocessable("reportId", NO_EVENT));
        Stored s = checked(caller, report, current, r, false);
        long now = clock.millis();
        jdbc.sql("""
                UPDATE report_schedule SET subscriber_emails = ?, file_type = ?, delivery_frequency = ?, delivery_day = ?,
                event_end_date = ?, running_total_enabled = ?, earliest_campaign_start_date = ?, next_run_at = ?,
                modified_at = ? WHERE id = ? AND ow_id = ?""")
                .params(json.writeValueAsString(s.emails()), s.fileType(), s.frequency(), s.day(), s.endDate(),
                        s.runningTotal(), s.earliest(), nextRun(s, report, now), now, current.id(), caller.owId())
                .update();
        return new Saved(new ReportSchedule.Answer(s.data(), SAVED), s.invalid());
    }

    /** {@code DELETE /api/v3/ra/report/email/schedule/{reportId}}. */
    @Transactional
    public ReportSchedule.Message delete(Caller caller, long reportId) {
        caller.requireWrite();
        if (jdbc.sql("DELETE FROM report_schedule WHERE report_id = ? AND ow_id = ?").params(reportId, caller.owId())
                .update() == 0) {
            throw ApiException.unprocessable("reportId", NO_EVENT);
        }
        return new ReportSchedule.Message("Report event is removed.");
    }

    /** The schedules of some of an organization's reports, in one query: IQM's {@code reportSchedulingEventDetails}. */
    Map<Long, ReportSchedule.Details> details(long owId, Collection<Long> reportIds) {
        Map<Long, ReportSchedule.Details> out = new HashMap<>();
        if (reportIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT " + COLUMNS + " FROM report_schedule WHERE ow_id = :owId AND report_id IN (:ids)")
                .param("owId", owId).param("ids", reportIds).query(this::stored).list()
                .forEach(s -> out.put(s.reportId(), new ReportSchedule.Details(s.id(), s.reportId(), s.frequency(),
                        s.fileType(), s.emails(), s.endDate(), s.day(), s.runningTotal(), s.earliest())));
        return out;
    }

    /** A schedule as stored. */
    record Stored(@Nullable Long id, long reportId, @Nullable List<String> emails, @Nullable Integer fileType,
            @Nullable Integer frequency, @Nullable String day, @Nullable Long endDate, boolean runningTotal,
            @Nullable Long earliest, @Nullable List<ErrorObject> invalid) {

        Stored(@Nullable Long id, long reportId, @Nullable List<String> emails, @Nullable Integer fileType,
                @Nullable Integer frequency, @Nullable String day, @Nullable Long endDate, boolean runningTotal,
                @Nullable Long earliest) {
            this(id, reportId, emails, fileType, frequency, day, endDate, runningTotal, earliest, null);
        }

        ReportSchedule.ScheduledData data() {
            return new ReportSchedule.ScheduledData(earliest == null ? 0 : earliest, reportId, frequency, fileType,
                    emails, endDate, day, runningTotal);
        }
    }

    static final String COLUMNS = "id, report_id, subscriber_emails, file_type, delivery_frequency, delivery_day, "
            + "event_end_date, running_total_enabled, earliest_campaign_start_date";

    Stored stored(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Stored(rs.getLong(1), rs.getLong(2), json.readValue(rs.getString(3), EMAILS), rs.getInt(4),
                rs.getInt(5), rs.getString(6), rs.getObject(7, Long.class), rs.getBoolean(8), rs.getObject(9, Long.class));
    }

    private Optional<Stored> find(long owId, long reportId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM report_schedule WHERE report_id = ? AND ow_id = ?")
                .params(reportId, owId).query(this::stored).optional();
    }

    /** The report's definition, its row locked so a schedule and its report change one at a time. */
    private Optional<ExecuteRequest> lockReport(long owId, long reportId) {
        return jdbc.sql("SELECT definition FROM saved_report WHERE id = ? AND ow_id = ? FOR UPDATE").params(reportId, owId)
                .query(String.class).optional().map(d -> json.readValue(d, ExecuteRequest.class));
    }

    /** The request over {@code base}, every field checked; {@code whole}: a new schedule, whose fields are required. */
    private Stored checked(Caller caller, ExecuteRequest report, Stored base, ReportSchedule.Request r, boolean whole) {
        List<String> emails = base.emails();
        List<ErrorObject> invalid = null;
        if (whole || r.subscriberEmails() != null) {
            List<String> asked = r.subscriberEmails() == null ? List.of() : r.subscriberEmails();
            if (asked.isEmpty()) {
                throw ApiException.unprocessable("subscriberEmails", "Please provide at least one subscriber email.");
            }
            if (asked.size() > MAX_SUBSCRIBERS) {
                throw ApiException.unprocessable("subscriberEmails",
                        "A schedule has at most " + MAX_SUBSCRIBERS + " subscriber emails.");
            }
            LinkedHashSet<String> valid = new LinkedHashSet<>();
            List<String> wrong = new ArrayList<>();
            for (String e : asked) {
                String normal = Names.email(e);
                if (Names.isEmail(normal) && normal.indexOf('.', normal.indexOf('@')) > 0) {
                    valid.add(normal);
                } else {
                    wrong.add(String.valueOf(e));
                }
            }
            String message = "Invalid email provided - invalid Emails : " + wrong + ".";
            String reason = "One or more subscribers emails are empty or not provided as per the email format";
            if (valid.isEmpty()) {
                throw ApiException.unprocessable("subscriberEmails", message).withReason(reason);
            }
            if (!wrong.isEmpty()) {
                invalid = List.of(new ErrorObject(message, reason, "subscriberEmails"));
            }
            emails = List.copyOf(valid);
        }
        int fileType = whole || r.fileType() != null ? ScheduleRules.fileType(r.fileType()) : base.fileType();
        boolean frequencyChanged = whole || r.deliveryFrequency() != null;
        int frequency = frequencyChanged ? ScheduleRules.frequency(r.deliveryFrequency()) : base.frequency();
        String day = ScheduleRules.deliveryDay(frequency, r.deliveryDay() != null ? r.deliveryDay() : base.day());
        long now = clock.millis();
        Long endDate = ScheduleRules.eventEndDate(frequency, r.eventEndDate() != null ? r.eventEndDate() : base.endDate(), now);
        boolean runningTotal = r.runningTotalEnabled() != null ? r.runningTotalEnabled() : base.runningTotal();
        Long earliest = r.earliestCampaignStartDate() != null ? r.earliestCampaignStartDate() : base.earliest();
        if (runningTotal) {
            if (report.dimensions() == null || !report.dimensions().contains("\"campaign\"")) {
                throw ApiException.unprocessable("runningTotalEnabled",
                        "A running total is supported only for reports with the campaign dimension.");
            }
            if (earliest == null || earliest <= 0) {
                throw ApiException.unprocessable("earliestCampaignStartDate",
                        "earliestCampaignStartDate is required when runningTotalEnabled is true.");
            }
            if (earliest > now) {
                throw ApiException.unprocessable("earliestCampaignStartDate",
                        "earliestCampaignStartDate must not be in the future.");
            }
        }
        return new Stored(base.id(), base.reportId(), emails, fileType, frequency, day, endDate, runningTotal,
                earliest, invalid);
    }

    private Long nextRun(Stored s, ExecuteRequest report, long now) {
        return ScheduleRules.nextRun(s.frequency(), s.day(), s.endDate(), zone(report), now, false);
    }

    /** The timezone a report's days are read in: its {@code timezoneId}, else UTC (as execute reads them). */
    ZoneId zone(ExecuteRequest report) {
        return report.timezoneId() == null ? ZoneId.of("UTC")
                : timezones.find(report.timezoneId()).map(Timezones.Timezone::zoneId).orElse(ZoneId.of("UTC"));
    }
}
