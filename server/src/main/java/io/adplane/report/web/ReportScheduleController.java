package io.adplane.report.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.V3Response;
import io.adplane.auth.Caller;
import io.adplane.report.ReportRuns;
import io.adplane.report.ReportSchedule;
import io.adplane.report.ReportSchedules;

/** IQM's report schedules (save, update, remove), and adplane's runs of them with their files. */
@RestController
class ReportScheduleController {

    private final ReportSchedules schedules;
    private final ReportRuns runs;

    ReportScheduleController(ReportSchedules schedules, ReportRuns runs) {
        this.schedules = schedules;
        this.runs = runs;
    }

    @PostMapping("/api/v3/ra/report/email/schedule")
    V3Response<ReportSchedule.Answer> save(Caller caller, @RequestBody ReportSchedule.Request request) {
        return answer(schedules.save(caller, request));
    }

    @PatchMapping("/api/v3/ra/report/email/schedule/{reportId}")
    V3Response<ReportSchedule.Answer> update(Caller caller, @PathVariable long reportId,
            @RequestBody ReportSchedule.Request request) {
        return answer(schedules.update(caller, reportId, request));
    }

    @DeleteMapping("/api/v3/ra/report/email/schedule/{reportId}")
    V3Response<ReportSchedule.Message> delete(Caller caller, @PathVariable long reportId) {
        return V3Response.ok(schedules.delete(caller, reportId));
    }

    @GetMapping("/api/v3/adplane/reports/{reportId}/runs")
    V3Response<List<ReportSchedule.Run>> runs(Caller caller, @PathVariable long reportId) {
        return V3Response.ok(runs.runs(caller, reportId));
    }

    @GetMapping("/api/v3/adplane/reports/files/{token}")
    ResponseEntity<byte[]> download(Caller caller, @PathVariable String token) {
        ReportSchedule.File file = runs.download(caller, token);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }

    /** IQM answers a schedule with some invalid addresses as a success that lists them in errorObjects. */
    private static V3Response<ReportSchedule.Answer> answer(ReportSchedules.Saved saved) {
        return new V3Response<>(true, saved.answer(), saved.invalid());
    }
}
