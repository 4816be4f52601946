package io.adplane.report.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.V3Response;
import io.adplane.auth.Caller;
import io.adplane.report.ExecuteRequest;
import io.adplane.report.ReportAnswer;
import io.adplane.report.ReportCatalog;
import io.adplane.report.ReportService;
import io.adplane.report.SavedReports;

/** IQM's Reports API: dimensions and metrics, and executing a report. */
@RestController
class ReportController {

    private final ReportService reports;
    private final SavedReports saved;

    ReportController(ReportService reports, SavedReports saved) {
        this.reports = reports;
        this.saved = saved;
    }

    @GetMapping("/api/v3/ra/report/dimension-metrics/detail")
    V3Response<ReportCatalog.Details> details(Caller caller) {
        return V3Response.ok(reports.details());
    }

    @PostMapping("/api/v3/ra/report/execute")
    V3Response<ReportAnswer> execute(Caller caller, @RequestBody ExecuteRequest request) {
        return V3Response.ok(saved.execute(caller, request));
    }
}
