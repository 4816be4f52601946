package io.adplane.console.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.adplane.api.ApiException;
import io.adplane.api.Paging;
import io.adplane.auth.Caller;
import io.adplane.report.ExecuteRequest;
import io.adplane.report.ReportAnswer;
import io.adplane.report.ReportCatalog;
import io.adplane.report.ReportService;
import io.swagger.v3.oas.annotations.Hidden;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reports: choose dimensions and metrics, run them through {@link ReportService#execute} (so the rules, the
 * organizations covered and the messages are those of {@code POST /api/v3/ra/report/execute}), page through the
 * rows, and download every row as CSV. A report is a GET: its address is the report.
 */
@Controller
@Hidden
class ReportPages {

    static final int PAGE_SIZE = 50;
    /** The rows a download holds at most (K6). */
    static final int CSV_LIMIT = 100_000;

    private final ReportService reports;
    private final ConsoleJson json;
    private final Clock clock;
    private final CsvMapper csv = new CsvMapper();

    ReportPages(ReportService reports, ConsoleJson json, Clock clock) {
        this.reports = reports;
        this.json = json;
        this.clock = clock;
    }

    /** One choice of the form: IQM's key and label. */
    record Choice(String key, String label, boolean defaultChosen) {
    }

    /** The rows of one run, as text, with the headers the page and the download show. */
    record Table(List<String> keys, List<String> headers, List<List<String>> rows, List<String> total, long totalRecords) {
    }

    @GetMapping("/console/reports")
    String page(Caller caller, @RequestParam(required = false) List<String> dimensions,
            @RequestParam(required = false) List<String> columns, @RequestParam(required = false) String startDate,
            @RequestParam(required = false) String endDate, @RequestParam(required = false) String daily,
            @RequestParam(required = false) String run, @RequestParam(defaultValue = "1") int page,
            HttpServletResponse response, Model model) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        boolean running = run != null;
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("dimensions", dimensions == null ? (running ? List.of() : List.of("campaign")) : dimensions);
        form.put("columns", columns == null ? (running ? List.of()
                : metricChoices().stream().filter(Choice::defaultChosen).map(Choice::key).toList()) : columns);
        form.put("startDate", startDate == null ? today.minusDays(29).toString() : startDate);
        form.put("endDate", endDate == null ? today.toString() : endDate);
        form.put("daily", "true".equals(daily));
        model.addAttribute("form", form);
        model.addAttribute("dimensionChoices", dimensionChoices());
        model.addAttribute("metricChoices", metricChoices());
        if (running) {
            try {
                Table table = run(caller, form, page, PAGE_SIZE);
                model.addAttribute("table", table);
                model.addAttribute("page", page);
                model.addAttribute("pages", Math.max(1, (table.totalRecords() + PAGE_SIZE - 1) / PAGE_SIZE));
                model.addAttribute("query", query(form));
            } catch (ApiException e) {
                response.setStatus(e.status().value());
                model.addAttribute("problems", Pages.problems(e));
            }
        }
        return "console/reports";
    }

    /** Every row of the report (up to {@link #CSV_LIMIT}), as CSV with a header line. */
    @GetMapping("/console/reports/csv")
    ResponseEntity<byte[]> download(Caller caller, @RequestParam(required = false) List<String> dimensions,
            @RequestParam(required = false) List<String> columns, @RequestParam(required = false) String startDate,
            @RequestParam(required = false) String endDate, @RequestParam(required = false) String daily) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("dimensions", dimensions == null ? List.of() : dimensions);
        form.put("columns", columns == null ? List.of() : columns);
        form.put("startDate", startDate);
        form.put("endDate", endDate);
        form.put("daily", "true".equals(daily));
        List<List<String>> lines = new ArrayList<>();
        Table first = run(caller, form, 1, Paging.MAX_ENTRIES);
        lines.add(first.headers());
        lines.addAll(first.rows());
        long pages = (Math.min(first.totalRecords(), CSV_LIMIT) + Paging.MAX_ENTRIES - 1) / Paging.MAX_ENTRIES;
        for (int p = 2; p <= pages; p++) {
            lines.addAll(run(caller, form, p, Paging.MAX_ENTRIES).rows());
        }
        byte[] body = csv(lines);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("adplane-report-" + form.get("startDate") + "-" + form.get("endDate") + ".csv")
                        .build().toString())
                .body(body);
    }

    /** CSV lines; a text cell that a spreadsheet would run as a formula is prefixed with an apostrophe (K6). */
    byte[] csv(List<List<String>> lines) {
        List<List<String>> safe = lines.stream().map(line -> line.stream().map(ReportPages::inert).toList()).toList();
        return csv.writer(CsvSchema.emptySchema()).writeValueAsBytes(safe);
    }

    static String inert(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        boolean formula = c == '=' || c == '+' || c == '@' || c == '\t' || c == '\r' || (c == '-' && !cell.matches("-\\d+(\\.\\d+)?"));
        return formula ? "'" + cell : cell;
    }

    @SuppressWarnings("unchecked")
    private Table run(Caller caller, Map<String, Object> form, int page, int size) {
        List<String> dims = (List<String>) form.get("dimensions");
        List<String> columns = (List<String>) form.get("columns");
        String dimensions = dims.isEmpty() ? null
                : json.write(dims.stream().map(d -> Map.of("filter", d)).toList());
        Long start = day("startDate", (String) form.get("startDate"));
        Long end = day("endDate", (String) form.get("endDate"));
        ReportAnswer answer = reports.execute(caller, new ExecuteRequest(null, dimensions, columns, null, null, null,
                Boolean.TRUE.equals(form.get("daily")) ? 1 : 2, null, start, end == null ? null : end + 86_399_999L, null,
                null, null, null, page, size, null));
        List<String> keys = new ArrayList<>();
        if (!answer.data().isEmpty()) {
            keys.addAll(answer.data().get(0).values().keySet());
        } else {
            if (Boolean.TRUE.equals(form.get("daily"))) {
                keys.add("date");
            }
            keys.addAll(dims);
            columns.stream().filter(c -> !keys.contains(c)).forEach(keys::add);
        }
        Map<String, String> labels = labels();
        List<List<String>> rows = answer.data().stream()
                .map(r -> keys.stream().map(k -> text(r.values().get(k))).toList()).toList();
        List<String> total = keys.stream().map(k -> text(answer.total().get(k))).toList();
        return new Table(keys, keys.stream().map(k -> labels.getOrDefault(k, k)).toList(), rows, total,
                answer.totalRecords());
    }

    private static Long day(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip()).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, "Enter a date, such as 2030-01-31.");
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static String query(Map<String, Object> form) {
        org.springframework.web.util.UriComponentsBuilder b = org.springframework.web.util.UriComponentsBuilder.newInstance();
        ((List<String>) form.get("dimensions")).forEach(d -> b.queryParam("dimensions", d));
        ((List<String>) form.get("columns")).forEach(c -> b.queryParam("columns", c));
        b.queryParam("startDate", form.get("startDate")).queryParam("endDate", form.get("endDate"));
        if (Boolean.TRUE.equals(form.get("daily"))) {
            b.queryParam("daily", "true");
        }
        return b.encode().build().getQuery();
    }

    private List<Choice> dimensionChoices() {
        List<Choice> out = new ArrayList<>();
        for (ReportCatalog.DimensionGroup g : reports.details().dimensions()) {
            g.group().values().forEach(list -> list.forEach(d -> out.add(new Choice(d.key(), d.label(), false))));
        }
        return out;
    }

    private List<Choice> metricChoices() {
        List<Choice> out = new ArrayList<>();
        for (ReportCatalog.MetricGroup g : reports.details().metrics()) {
            g.group().values().forEach(list -> list.forEach(m -> out.add(new Choice(m.key(), m.label(), m.defaultEnabled()))));
        }
        return out;
    }

    private Map<String, String> labels() {
        Map<String, String> out = new LinkedHashMap<>(Map.of("date", "Date", "campaignId", "Campaign id", "ioId", "IO id",
                "creativeId", "Creative id", "exchangeId", "Exchange id", "deviceTypeId", "Device type id",
                "countryId", "Country id"));
        dimensionChoices().forEach(c -> out.put(c.key(), c.label()));
        metricChoices().forEach(c -> out.put(c.key(), c.label()));
        return out;
    }
}
