package io.adplane.report;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** IQM's report schedule shapes ({@code /api/v3/ra/report/email/schedule}, S13). */
public final class ReportSchedule {

    private ReportSchedule() {
    }

    /**
     * IQM's {@code ReportSchedulingEventDetailsVO}: what {@code POST .../email/schedule} takes (with
     * {@code reportId}), what a PATCH changes (the fields sent) and what a saved report's
     * {@code reportSchedulingEventDetails} carries. {@code eventId} is the schedule's own id, ignored when sent.
     */
    public record Request(@Nullable Long eventId, @Nullable Long reportId, @Nullable List<String> subscriberEmails,
            @Nullable Integer fileType, @Nullable Integer deliveryFrequency, @Nullable String deliveryDay,
            @Nullable Long eventEndDate, @Nullable Boolean runningTotalEnabled, @Nullable Long earliestCampaignStartDate) {
    }

    /** IQM's {@code scheduledData}: the schedule as stored. */
    @JsonPropertyOrder({"earliestCampaignStartDate", "reportId", "deliveryFrequency", "fileType", "subscriberEmails",
            "eventEndDate", "deliveryDay", "runningTotalEnabled"})
    public record ScheduledData(long earliestCampaignStartDate, long reportId, int deliveryFrequency, int fileType,
            List<String> subscriberEmails, @Nullable Long eventEndDate, @Nullable String deliveryDay,
            boolean runningTotalEnabled) {
    }

    /** The answer of saving or updating a schedule. */
    @JsonPropertyOrder({"scheduledData", "message"})
    public record Answer(ScheduledData scheduledData, String message) {
    }

    /** The answer of removing a schedule. */
    public record Message(String message) {
    }

    /**
     * A saved report's {@code reportSchedulingEventDetails}: IQM's fields, or none ({@code {}}) when the report is
     * not scheduled.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"eventId", "reportId", "deliveryFrequency", "fileType", "subscriberEmails", "eventEndDate",
            "deliveryDay", "runningTotalEnabled", "earliestCampaignStartDate"})
    public record Details(@Nullable Long eventId, @Nullable Long reportId, @Nullable Integer deliveryFrequency,
            @Nullable Integer fileType, @Nullable List<String> subscriberEmails, @Nullable Long eventEndDate,
            @Nullable String deliveryDay, @Nullable Boolean runningTotalEnabled, @Nullable Long earliestCampaignStartDate) {

        static final Details NONE = new Details(null, null, null, null, null, null, null, null, null);
    }

    /** One run of a schedule (adplane's own, {@code GET /api/v3/adplane/reports/{reportId}/runs}). */
    @JsonPropertyOrder({"runId", "reportId", "runAt", "fileType", "fileName", "rows", "url", "expiresAt",
            "subscriberEmails", "sentAt", "error"})
    public record Run(long runId, long reportId, long runAt, @Nullable Integer fileType, @Nullable String fileName,
            @Nullable Integer rows, @Nullable String url, @Nullable Long expiresAt, List<String> subscriberEmails,
            @Nullable Long sentAt, @Nullable String error) {
    }

    /** A stored report file. */
    public record File(String fileName, String contentType, byte[] content) {
    }
}
