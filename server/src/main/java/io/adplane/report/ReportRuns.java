package io.adplane.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.adplane.api.ApiException;
import io.adplane.api.Secrets;
import io.adplane.auth.Caller;
import io.adplane.tenancy.Role;
import io.adplane.users.Mailer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs due report schedules (S13) and serves what they made. Each due schedule is claimed by a guarded update of
 * its next run time ({@code WHERE next_run_at = <what was read>}), in the transaction that records the run, so two
 * instances on one database never run it twice. A run executes the saved report as the user who scheduled it,
 * renders every row as CSV or XLSX, stores the file under an unguessable token and, once committed, mails it with
 * its download link when SMTP is configured ({@code spring.mail.host}).
 */
@Service
public class ReportRuns {

    private static final Logger log = LoggerFactory.getLogger(ReportRuns.class);
    static final String NO_FILE = "Report file does not exist or has expired.";
    private static final TypeReference<List<String>> EMAILS = new TypeReference<>() {
    };
    private static final int BATCH = 20;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ReportService reports;
    private final ReportSchedules schedules;
    private final TransactionTemplate tx;
    private final ObjectProvider<JavaMailSender> smtp;
    private final Mailer mailer;
    private final Environment environment;
    private final Clock clock;
    private final Duration fileTtl;

    ReportRuns(JdbcClient jdbc, JsonMapper json, ReportService reports, ReportSchedules schedules, TransactionTemplate tx,
            ObjectProvider<JavaMailSender> smtp, Mailer mailer, Environment environment, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.reports = reports;
        this.schedules = schedules;
        this.tx = tx;
        this.smtp = smtp;
        this.mailer = mailer;
        this.environment = environment;
        this.clock = clock;
        this.fileTtl = environment.getProperty("adplane.reports.file-ttl", Duration.class, Duration.ofDays(7));
    }

    private record Due(long id, long reportId, long owId, long userId, long uowId, long workspaceId, long workspaceOwner,
            long memberOwId, String role, long nextRunAt) {
    }

    /** A run made and committed, to mail. */
    private record Made(long owId, long runId, String reportName, List<String> to, ReportSchedule.@Nullable File file,
            @Nullable String url, long expiresAt, int rows) {
    }

    /** Runs the schedules due now, in batches; answers how many this instance ran. */
    public int runDue() {
        int ran = 0;
        while (true) {
            long now = clock.millis();
            List<Due> due = jdbc.sql("""
                    SELECT id, report_id, ow_id, user_id, uow_id, workspace_id, workspace_owner_ow_id, member_ow_id, role,
                    next_run_at FROM report_schedule WHERE next_run_at <= ? ORDER BY next_run_at, id LIMIT ?""")
                    .params(now, BATCH)
                    .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getString(9), rs.getLong(10)))
                    .list();
            int claimed = 0;
            for (Due d : due) {
                Made made = tx.execute(status -> runOne(d, now));
                if (made != null) {
                    claimed++;
                    mail(made);
                }
            }
            ran += claimed;
            if (due.size() < BATCH || claimed == 0) {
                return ran;
            }
        }
    }

    /** Claims and runs one schedule; null when another instance claimed it first. */
    private @Nullable Made runOne(Due d, long now) {
        var row = jdbc.sql("SELECT " + ReportSchedules.COLUMNS + " FROM report_schedule WHERE id = ? AND ow_id = ?")
                .params(d.id(), d.owId())
                .query(schedules::stored).optional();
        var report = jdbc.sql("SELECT report_name, definition FROM saved_report WHERE id = ? AND ow_id = ?")
                .params(d.reportId(), d.owId())
                .query((rs, n) -> new Object[] {rs.getString(1), json.readValue(rs.getString(2), ExecuteRequest.class)})
                .optional();
        if (row.isEmpty() || report.isEmpty()) {
            return null;
        }
        ReportSchedules.Stored s = row.get();
        String name = (String) report.get()[0];
        ExecuteRequest definition = (ExecuteRequest) report.get()[1];
        Long next = ScheduleRules.nextRun(s.frequency(), s.day(), s.endDate(), schedules.zone(definition), now, true);
        if (jdbc.sql("UPDATE report_schedule SET next_run_at = ? WHERE ow_id = ? AND id = ? AND next_run_at = ?")
                .params(next, d.owId(), d.id(), d.nextRunAt()).update() != 1) {
            return null;
        }
        Caller caller = new Caller(0, d.userId(), "", d.workspaceId(), d.workspaceOwner(), d.owId(), d.uowId(),
                Role.of(d.role()), d.memberOwId());
        ExecuteRequest r = window(definition, s, now);
        String error = null;
        ReportSchedule.File file = null;
        int rows = 0;
        try {
            ReportAnswer answer = reports.executeAll(caller, r);
            rows = answer.data().size();
            List<String> header = ReportFiles.header(answer, definition.columns());
            String base = fileBase(name) + "__" + now;
            file = s.fileType() == ScheduleRules.XLSX
                    ? new ReportSchedule.File(base + ".xlsx", ReportFiles.XLSX_TYPE, ReportFiles.xlsx(header, answer.data()))
                    : new ReportSchedule.File(base + ".csv", ReportFiles.CSV_TYPE, ReportFiles.csv(header, answer.data()));
        } catch (ApiException e) {
            // The report no longer runs as saved (its user lost access, a limit): the run records why.
            error = e.getMessage().length() > 1000 ? e.getMessage().substring(0, 1000) : e.getMessage();
        }
        String token = file == null ? null : Secrets.generate("rpt_");
        long expires = now + fileTtl.toMillis();
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO report_run (report_id, ow_id, run_at, file_type, file_name, content, row_count, token,
                expires_at, recipients, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.reportId(), d.owId(), now, s.fileType(), file == null ? null : file.fileName(),
                        file == null ? null : file.content(), file == null ? null : rows, token,
                        file == null ? null : expires, json.writeValueAsString(s.emails()), error)
                .update(key, "id");
        long runId = key.getKey().longValue();
        if (file == null) {
            return new Made(d.owId(), runId, name, List.of(), null, null, expires, 0);
        }
        return new Made(d.owId(), runId, name, s.emails(), file, url(token), expires, rows);
    }

    /**
     * The period a run covers (S13): with a running total, from the earliest campaign start to the run; else as
     * long as the saved report's range, ending at the run; a report without dates covers execute's default.
     */
    static ExecuteRequest window(ExecuteRequest d, ReportSchedules.Stored s, long now) {
        Long start = null;
        Long end = null;
        if (s.runningTotal() && s.earliest() != null) {
            start = s.earliest();
            end = now;
        } else if (d.startDate() != null && d.endDate() != null) {
            start = now - (d.endDate() - d.startDate());
            end = now;
        }
        return new ExecuteRequest(null, d.dimensions(), d.columns(), d.customerIds(), d.filters(), null, d.requestType(),
                d.reportAggregated(), start, end, d.timezoneId(), d.timezoneName(), null, null, null, null, null);
    }

    private void mail(Made made) {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null || made.file() == null) {
            return;
        }
        try {
            var message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(mailer.from());
            helper.setTo(made.to().toArray(String[]::new));
            helper.setSubject("Report: " + made.reportName());
            helper.setText("Your scheduled report \"" + made.reportName() + "\" (" + made.rows()
                    + " rows) is attached.\n\nDownload it until " + Instant.ofEpochMilli(made.expiresAt())
                    + " (with a login of the organization): " + made.url() + "\n");
            helper.addAttachment(made.file().fileName(), new ByteArrayResource(made.file().content()),
                    made.file().contentType());
            sender.send(message);
            jdbc.sql("UPDATE report_run SET sent_at = ? WHERE ow_id = ? AND id = ?")
                    .params(clock.millis(), made.owId(), made.runId()).update();
        } catch (jakarta.mail.MessagingException | org.springframework.mail.MailException e) {
            log.warn("Report run {} not mailed: {}", made.runId(), e.getMessage());
            String error = String.valueOf(e.getMessage());
            jdbc.sql("UPDATE report_run SET error = ? WHERE ow_id = ? AND id = ?")
                    .params(error.length() > 1000 ? error.substring(0, 1000) : error, made.owId(), made.runId()).update();
        }
    }

    /** The latest runs of one of the caller's reports, newest first. */
    public List<ReportSchedule.Run> runs(Caller caller, long reportId) {
        if (jdbc.sql("SELECT COUNT(*) FROM saved_report WHERE id = ? AND ow_id = ?").params(reportId, caller.owId())
                .query(Long.class).single() == 0) {
            throw ApiException.unprocessable("reportId", SavedReports.NOT_FOUND);
        }
        long now = clock.millis();
        List<ReportSchedule.Run> out = new ArrayList<>();
        jdbc.sql("""
                SELECT id, report_id, run_at, file_type, file_name, row_count, token, expires_at, recipients, sent_at, error
                FROM report_run WHERE ow_id = ? AND report_id = ? ORDER BY id DESC LIMIT 50""")
                .params(caller.owId(), reportId)
                .query((rs, n) -> {
                    Long expires = rs.getObject(8, Long.class);
                    boolean live = rs.getString(7) != null && expires != null && expires > now;
                    return out.add(new ReportSchedule.Run(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                            rs.getObject(4, Integer.class), rs.getString(5), rs.getObject(6, Integer.class),
                            live ? url(rs.getString(7)) : null, expires, json.readValue(rs.getString(9), EMAILS),
                            rs.getObject(10, Long.class), rs.getString(11)));
                }).list();
        return out;
    }

    /** A run's file by its token, for a caller of the run's organization, until it expires (S14). */
    public ReportSchedule.File download(Caller caller, String token) {
        Optional<ReportSchedule.File> file = jdbc.sql("""
                SELECT file_name, file_type, content FROM report_run WHERE token = ? AND ow_id = ? AND expires_at > ?""")
                .params(token, caller.owId(), clock.millis())
                .query((rs, n) -> new ReportSchedule.File(rs.getString(1),
                        rs.getInt(2) == ScheduleRules.XLSX ? ReportFiles.XLSX_TYPE : ReportFiles.CSV_TYPE, rs.getBytes(3)))
                .optional();
        return file.orElseThrow(() -> ApiException.notFound("token", NO_FILE));
    }

    private String url(String token) {
        String base = environment.getProperty("adplane.url", "");
        if (base.isBlank()) {
            base = "http://localhost:" + environment.getProperty("local.server.port",
                    environment.getProperty("server.port", "8080"));
        }
        return base.strip().replaceAll("/+$", "") + "/api/v3/adplane/reports/files/" + token;
    }

    private static String fileBase(String reportName) {
        String s = reportName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return s.isEmpty() ? "report" : s.length() > 100 ? s.substring(0, 100) : s;
    }
}
