package io.adplane.report.web;

import java.util.Arrays;
import java.util.List;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.V3Response;
import io.adplane.auth.Caller;
import io.adplane.report.SavedReport;
import io.adplane.report.SavedReportRequest;
import io.adplane.report.SavedReports;

/** IQM's saved reports: add, get, edit, delete, list (GET and POST). */
@RestController
class SavedReportController {

    private final SavedReports reports;

    SavedReportController(SavedReports reports) {
        this.reports = reports;
    }

    @PostMapping("/api/v3/ra/report/add")
    V3Response<Long> add(Caller caller, @RequestBody SavedReportRequest request) {
        return V3Response.ok(reports.add(caller, request));
    }

    @GetMapping("/api/v3/ra/report/{reportId}")
    V3Response<SavedReport> get(Caller caller, @PathVariable long reportId) {
        return V3Response.ok(reports.get(caller, reportId));
    }

    @PatchMapping("/api/v3/ra/report/{reportId}")
    V3Response<String> edit(Caller caller, @PathVariable long reportId, @RequestBody SavedReportRequest request) {
        return V3Response.ok(reports.edit(caller, reportId, request));
    }

    @DeleteMapping("/api/v3/ra/report/{reportId}")
    V3Response<String> delete(Caller caller, @PathVariable long reportId) {
        return V3Response.ok(reports.delete(caller, reportId));
    }

    @GetMapping("/api/v3/ra/reports/list")
    V3Response<SavedReport.Page> list(Caller caller, @RequestParam(required = false) String customerIds,
            @RequestParam(required = false) String sortBy, @RequestParam(required = false) String searchField,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer pageNo) {
        return V3Response.ok(reports.list(caller, searchField, sortBy, pageNo, limit));
    }

    @PostMapping("/api/v3/ra/reports/list")
    V3Response<SavedReport.Page> listByPost(Caller caller, @RequestBody SavedReport.ListRequest request) {
        return V3Response.ok(reports.list(caller, request.searchField(), request.sortBy(), request.pageNo(),
                request.noOfEntries()));
    }
}
