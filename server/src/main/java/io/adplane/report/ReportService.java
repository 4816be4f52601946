package io.adplane.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import io.adplane.api.ApiException;
import io.adplane.api.Limits;
import io.adplane.api.Money;
import io.adplane.api.Paging;
import io.adplane.auth.Caller;
import io.adplane.auth.ProfileService;
import io.adplane.campaign.CampaignDelivery;
import io.adplane.campaign.CampaignDelivery.Described;
import io.adplane.delivery.DeliveryReports;
import io.adplane.delivery.DeliveryReports.By;
import io.adplane.delivery.DeliveryReports.Group;
import io.adplane.delivery.DeliveryReports.Measure;
import io.adplane.delivery.Metrics;
import io.adplane.master.MasterData;
import io.adplane.master.MasterList;
import io.adplane.master.Timezones;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs IQM's reports over the delivery rollups (S8–S10): parses and checks the request, limits it to the
 * organizations the caller may act for, groups delivery by the dimensions (and by day for daily reports), adds
 * the campaign and IO columns, and answers one page, sorted, with the totals of every row.
 */
@Service
public class ReportService {

    static final String NO_COLUMNS = "Please select columns for report creation";
    static final String NO_DIMENSIONS = "Please select at least one dimension for report creation";
    static final String OVER_A_YEAR = "The date range for a Report cannot exceed one year.";
    static final String OVER_THREE_MONTHS = "The date range for a Report with these dimensions cannot exceed three months.";
    static final String NO_ACCESS = "User does not have access for Report's customers";

    private static final Map<String, By> DIMENSIONS = Map.of("campaign", By.CAMPAIGN, "ioName", By.IO,
            "creative", By.CREATIVE, "exchange", By.EXCHANGE, "deviceType", By.DEVICE_TYPE, "country", By.COUNTRY);
    /** Metrics computed from delivery. */
    private static final Set<String> METRICS = Set.of("impressions", "clicks", "bidImpressions", "bidRequests",
            "conversions", "CTR", "winRate", "spent", "mediaSpent", "dataCost", "eCPM", "totalECPM", "eCPC", "totalECPC",
            "eCPCV", "startCount", "firstCount", "midCount", "thirdCount", "completeCount", "VCR");
    /** Columns describing a campaign (or its IO), filled when the report is by campaign. */
    private static final Set<String> CAMPAIGN_COLUMNS = Set.of("campaignId", "campaignName", "status", "startTime",
            "endTime", "budgetDay", "dailyBudget", "budgetTotal", "totalBudget", "maxBid", "campaignType",
            "campaignTimezone", "ioId", "ioBudget", "ioBudgetTypeId", "budgetCompletion", "budgetPacing");
    private static final Set<String> KEYS = Set.of("date", "dateRange", "campaign", "ioName", "creative", "creativeId", "exchange",
            "exchangeId", "deviceType", "deviceTypeId", "country", "countryId");

    private final DeliveryReports reports;
    private final CampaignDelivery campaigns;
    private final ProfileService profiles;
    private final Timezones timezones;
    private final MasterData master;
    private final JsonMapper json;
    private final Clock clock;

    ReportService(DeliveryReports reports, CampaignDelivery campaigns, ProfileService profiles, Timezones timezones,
            MasterData master, JsonMapper json, Clock clock) {
        this.reports = reports;
        this.campaigns = campaigns;
        this.profiles = profiles;
        this.timezones = timezones;
        this.master = master;
        this.json = json;
        this.clock = clock;
    }

    public ReportCatalog.Details details() {
        return ReportCatalog.DETAILS;
    }

    private record Dim(String key, By by, List<Long> values) {
    }

    private record Checked(List<Dim> dims, List<String> columns, int requestType, LocalDate from, LocalDate to) {
    }

    /** Checks a report's definition as execute does (S10), without running it. */
    public void check(Caller caller, ExecuteRequest r) {
        checked(r, clock.millis());
        customers(caller, r.customerIds());
    }

    private Checked checked(ExecuteRequest r, long now) {
        List<Dim> dims = dimensions(r.dimensions());
        List<String> columns = r.columns() == null ? List.of() : r.columns();
        if (columns.isEmpty()) {
            throw ApiException.unprocessable("columns", NO_COLUMNS);
        }
        Limits.ids("columns", columns);
        for (String c : columns) {
            if (c == null || !(METRICS.contains(c) || CAMPAIGN_COLUMNS.contains(c) || KEYS.contains(c))) {
                throw ApiException.unprocessable("columns", "Unknown column '" + c + "'.");
            }
        }
        int requestType = r.requestType() == null ? 2 : r.requestType();
        if (requestType < 1 || requestType > 4) {
            throw ApiException.unprocessable("requestType",
                    "requestType must be 1 (daily), 2 (aggregated), 3 (weekly) or 4 (monthly).");
        }
        ZoneId zone = r.timezoneId() == null ? ZoneId.of("UTC") : timezones.find(r.timezoneId())
                .orElseThrow(() -> ApiException.unprocessable("timezoneId", "Invalid timezone id.")).zoneId();
        long endMs = r.endDate() == null ? now : r.endDate();
        long startMs = r.startDate() == null
                ? ZonedDateTime.ofInstant(Instant.ofEpochMilli(endMs), zone).minusMonths(3).toInstant().toEpochMilli()
                : r.startDate();
        if (startMs > endMs) {
            throw ApiException.unprocessable("startDate", "startDate must not be after endDate.");
        }
        LocalDate from = LocalDate.ofInstant(Instant.ofEpochMilli(startMs), zone);
        LocalDate to = LocalDate.ofInstant(Instant.ofEpochMilli(endMs), zone);
        boolean campaignOnly = dims.stream().allMatch(d -> d.by() == By.CAMPAIGN || d.by() == By.IO);
        if (to.isAfter(from.plusYears(1))) {
            throw ApiException.unprocessable("endDate", OVER_A_YEAR);
        }
        if (!campaignOnly && to.isAfter(from.plusMonths(3))) {
            throw ApiException.unprocessable("endDate", OVER_THREE_MONTHS);
        }
        return new Checked(dims, columns, requestType, from, to);
    }

    /** {@code POST /api/v3/ra/report/execute}. */
    public ReportAnswer execute(Caller caller, ExecuteRequest r) {
        return run(caller, r, false);
    }

    /** The report with every row on one page (the request's page is ignored): what a scheduled run renders. */
    public ReportAnswer executeAll(Caller caller, ExecuteRequest r) {
        return run(caller, r, true);
    }

    private ReportAnswer run(Caller caller, ExecuteRequest r, boolean all) {
        long now = clock.millis();
        Checked checked = checked(r, now);
        List<Dim> dims = checked.dims();
        List<String> columns = checked.columns();
        int requestType = checked.requestType();
        LocalDate from = checked.from();
        LocalDate to = checked.to();
        Paging page = all ? null : Paging.of(r.pageNo(), r.noOfEntries(), null, 50);
        Collection<Long> owIds = customers(caller, r.customerIds());

        Map<By, Collection<Long>> only = new EnumMap<>(By.class);
        for (Dim d : dims) {
            if (d.values() != null && !d.values().isEmpty()) {
                only.put(d.by(), d.values());
            }
        }
        ExecuteRequest.Filters f = r.filters();
        if (f != null) {
            if (f.campaignIds() != null && !f.campaignIds().isEmpty()) {
                only.merge(By.CAMPAIGN, Limits.ids("filters.campaignIds", f.campaignIds()), ReportService::intersect);
            }
            List<String> statuses = f.campaignStatuses() == null ? List.of() : Limits.ids("filters.campaignStatuses", f.campaignStatuses());
            List<Integer> types = f.creativeTypeIds() == null ? List.of() : Limits.ids("filters.creativeTypeIds", f.creativeTypeIds());
            if (!statuses.isEmpty() || !types.isEmpty()) {
                only.merge(By.CAMPAIGN, campaigns.idsMatching(owIds, statuses, types, now / 1000), ReportService::intersect);
            }
        }
        List<By> by = new ArrayList<>();
        if (requestType != 2) {
            by.add(By.DAY);
        }
        dims.forEach(d -> by.add(d.by()));
        boolean byCampaign = by.contains(By.CAMPAIGN);
        if (byCampaign && !by.contains(By.IO)) {
            by.add(By.IO);
        }
        DeliveryReports.Query query = new DeliveryReports.Query(owIds, (int) from.toEpochDay(), (int) to.toEpochDay(),
                by, only);
        Sort sort = Sort.of(r.sortBy(), r.order());
        Measure measure = requestType <= 2 ? RANKED_IN_SQL.get(sort.key()) : null;
        if (measure != null) {
            // Ranked and paged by the database (S17): only the page's rows, with their campaigns and IOs, are read.
            DeliveryReports.Ranked ranked = reports.ranked(query, new DeliveryReports.Rank(measure, sort.descending(),
                    all ? 0 : page.offset(), all ? null : page.limit()));
            Rows rows = rows(requestType, dims, columns, byCampaign, owIds, ranked.page(), now);
            if (ranked.count() > 0) {
                sort.check(rows, by.contains(By.DAY), columns);
            }
            return answer(columns, ranked.total(), ranked.count(), ranked.page(), rows);
        }
        List<Group> groups = reports.groups(query);
        if (requestType == 3 || requestType == 4) {
            groups = byPeriod(groups, requestType);
        }
        List<Group> nonZero = new ArrayList<>(groups.size());
        for (Group g : groups) {
            if (!g.metrics().isZero()) {
                nonZero.add(g);
            }
        }
        Rows rows = rows(requestType, dims, columns, byCampaign, owIds, nonZero, now);
        // A report may group 100,000 rows: they are sorted by their sort key alone, and only the page's rows built.
        List<Group> sorted = sort(nonZero, rows, sort, columns);
        int fromRow = all ? 0 : (int) Math.min(sorted.size(), page.offset());
        int toRow = all ? sorted.size() : (int) Math.min(sorted.size(), fromRow + (long) page.limit());
        return answer(columns, Metrics.sum(nonZero.stream().map(Group::metrics).toList()), sorted.size(),
                sorted.subList(fromRow, toRow), rows);
    }

    /** The rows of these groups can be built: their campaigns, IOs and the master lists' names are read. */
    private Rows rows(int requestType, List<Dim> dims, List<String> columns, boolean byCampaign, Collection<Long> owIds,
            List<Group> groups, long now) {
        Set<Long> campaignIds = new HashSet<>();
        Set<Long> ioIds = new HashSet<>();
        for (Group g : groups) {
            if (g.keys().containsKey(By.CAMPAIGN)) {
                campaignIds.add(g.keys().get(By.CAMPAIGN));
            }
            if (g.keys().containsKey(By.IO)) {
                ioIds.add(g.keys().get(By.IO));
            }
        }
        Map<Long, Described> described = campaigns.describe(owIds, campaignIds, now / 1000);
        Map<Long, String> ioNames = campaigns.ioNames(owIds, ioIds);
        return new Rows(requestType, dims, columns, byCampaign, described, ioNames, names(MasterList.EXCHANGES),
                names(MasterList.DEVICE_TYPES), names(MasterList.COUNTRIES));
    }

    /** The answer: the totals of every row (with their count) and the page's rows. */
    private static ReportAnswer answer(List<String> columns, Metrics sum, long count, List<Group> page, Rows rows) {
        Map<String, Object> total = new LinkedHashMap<>();
        for (String col : columns) {
            total.put(col, METRICS.contains(col) ? metric(col, sum) : null);
        }
        total.put("totalRecords", count);
        return new ReportAnswer(total, count, page.stream().map(g -> new ReportAnswer.Row(rows.row(g))).toList());
    }

    /** How a group becomes a row: the day, each dimension's name and id, then the columns asked for. */
    private final class Rows {
        private final int requestType;
        private final List<Dim> dims;
        private final List<String> columns;
        private final boolean byCampaign;
        private final Map<Long, Described> described;
        private final Map<Long, String> ioNames;
        private final Map<Long, String> exchanges;
        private final Map<Long, String> devices;
        private final Map<Long, String> countries;

        Rows(int requestType, List<Dim> dims, List<String> columns, boolean byCampaign, Map<Long, Described> described,
                Map<Long, String> ioNames, Map<Long, String> exchanges, Map<Long, String> devices,
                Map<Long, String> countries) {
            this.requestType = requestType;
            this.dims = dims;
            this.columns = columns;
            this.byCampaign = byCampaign;
            this.described = described;
            this.ioNames = ioNames;
            this.exchanges = exchanges;
            this.devices = devices;
            this.countries = countries;
        }

        /** The keys every row has, in order, whatever its values. */
        Set<String> keys(boolean daily) {
            Map<String, Object> shape = new LinkedHashMap<>();
            if (daily) {
                shape.put(dayKey(), null);
            }
            for (Dim d : dims) {
                putDimension(shape, d.by(), 0);
            }
            columns.forEach(c -> shape.put(c, null));
            return shape.keySet();
        }

        Map<String, Object> row(Group g) {
            Map<String, Object> row = new LinkedHashMap<>();
            if (g.keys().containsKey(By.DAY)) {
                row.put(dayKey(), day(g));
            }
            for (Dim d : dims) {
                putDimension(row, d.by(), g.keys().get(d.by()));
            }
            for (String col : columns) {
                if (METRICS.contains(col) || CAMPAIGN_COLUMNS.contains(col)) {
                    row.put(col, column(g, col));
                } else {
                    row.putIfAbsent(col, null);
                }
            }
            return row;
        }

        /** A row's value under {@code key}, without building the row. */
        Object cell(Group g, String key) {
            if (columns.contains(key) && (METRICS.contains(key) || CAMPAIGN_COLUMNS.contains(key))) {
                return column(g, key);
            }
            if (key.equals(dayKey())) {
                return g.keys().get(By.DAY); // the day itself, so days, weeks and months sort by time
            }
            Map<String, Object> cells = new LinkedHashMap<>();
            for (Dim d : dims) {
                putDimension(cells, d.by(), g.keys().get(d.by()));
            }
            return cells.get(key);
        }

        /** A daily report's rows carry their {@code date}; weekly and monthly ones IQM's {@code dateRange} (S15). */
        private String dayKey() {
            return requestType == 1 ? "date" : "dateRange";
        }

        private String day(Group g) {
            LocalDate day = LocalDate.ofEpochDay(g.keys().get(By.DAY));
            return requestType == 1 ? day.toString() : dateRange(day, requestType);
        }

        private Object column(Group g, String col) {
            if (METRICS.contains(col)) {
                return metric(col, g.metrics());
            }
            Described c = byCampaign ? described.get(g.keys().get(By.CAMPAIGN)) : null;
            return c == null ? null : campaignColumn(col, c, g.metrics());
        }

        private void putDimension(Map<String, Object> row, By by, long key) {
            switch (by) {
                case CAMPAIGN -> {
                    Described c = described.get(key);
                    row.put("campaign", c == null ? null : c.name());
                    row.put("campaignId", key);
                }
                case IO -> {
                    row.put("ioName", ioNames.get(key));
                    row.put("ioId", key);
                }
                case CREATIVE -> {
                    row.put("creative", key == 0 ? null : "Creative " + key);
                    row.put("creativeId", key);
                }
                case EXCHANGE -> {
                    row.put("exchange", exchanges.get(key));
                    row.put("exchangeId", key);
                }
                case DEVICE_TYPE -> {
                    row.put("deviceType", devices.get(key));
                    row.put("deviceTypeId", key);
                }
                case COUNTRY -> {
                    row.put("country", countries.get(key));
                    row.put("countryId", key);
                }
                default -> {
                }
            }
        }
    }

    /** The organizations a report covers (S9): the ones named, each one the caller may act for. */
    private Collection<Long> customers(Caller caller, List<Long> customerIds) {
        List<Long> allowed = profiles.allowedOwIds(caller);
        if (customerIds == null || customerIds.isEmpty()) {
            return caller.owId() == caller.workspaceOwnerOwId() ? allowed : List.of(caller.owId());
        }
        Limits.ids("customerIds", customerIds);
        Set<Long> asked = new LinkedHashSet<>(customerIds);
        if (!new HashSet<>(allowed).containsAll(asked)) {
            throw ApiException.forbidden(NO_ACCESS);
        }
        return asked;
    }

    private List<Dim> dimensions(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.unprocessable("dimensions", NO_DIMENSIONS);
        }
        JsonNode tree;
        try {
            tree = json.readTree(text);
        } catch (RuntimeException e) {
            throw ApiException.unprocessable("dimensions", "dimensions must be a JSON array of {\"filter\": key, \"value\": [ids]}.");
        }
        if (!tree.isArray()) {
            throw ApiException.unprocessable("dimensions", "dimensions must be a JSON array of {\"filter\": key, \"value\": [ids]}.");
        }
        if (tree.isEmpty()) {
            throw ApiException.unprocessable("dimensions", NO_DIMENSIONS);
        }
        if (tree.size() > 6) {
            throw ApiException.unprocessable("dimensions", "A report has at most 6 dimensions.");
        }
        List<Dim> out = new ArrayList<>();
        Set<By> seen = new HashSet<>();
        for (JsonNode d : tree) {
            JsonNode filter = d.get("filter");
            By by = filter != null && filter.isString() ? DIMENSIONS.get(filter.asString()) : null;
            if (by == null) {
                throw ApiException.unprocessable("dimensions", "Unknown dimension '"
                        + (filter == null ? "" : filter.asString()) + "'; see GET /api/v3/ra/report/dimension-metrics/detail.");
            }
            if (!seen.add(by)) {
                throw ApiException.unprocessable("dimensions", "Dimension '" + filter.asString() + "' is given twice.");
            }
            List<Long> values = null;
            JsonNode v = d.get("value");
            if (v != null && !v.isNull()) {
                if (!v.isArray() || v.size() > Limits.MAX_IDS) {
                    throw ApiException.unprocessable("dimensions", "The value of a dimension is a list of at most "
                            + Limits.MAX_IDS + " ids.");
                }
                values = new ArrayList<>();
                for (JsonNode id : v) {
                    if (!id.canConvertToLong()) {
                        throw ApiException.unprocessable("dimensions", "The value of a dimension is a list of ids.");
                    }
                    values.add(id.longValue());
                }
            }
            out.add(new Dim(filter.asString(), by, values));
        }
        return out;
    }

    /**
     * Daily groups folded into IQM's weeks (Sunday to Saturday) or calendar months (S15): the day key becomes the
     * period's first day; the other keys stay.
     */
    static List<Group> byPeriod(List<Group> daily, int requestType) {
        Map<Map<By, Long>, Metrics> sums = new LinkedHashMap<>();
        for (Group g : daily) {
            Map<By, Long> keys = new EnumMap<>(By.class);
            keys.putAll(g.keys());
            keys.put(By.DAY, periodStart(LocalDate.ofEpochDay(g.keys().get(By.DAY)), requestType).toEpochDay());
            sums.merge(keys, g.metrics(), Metrics::plus);
        }
        List<Group> out = new ArrayList<>();
        sums.forEach((k, m) -> out.add(new Group(k, m)));
        return out;
    }

    private static LocalDate periodStart(LocalDate day, int requestType) {
        return requestType == 3 ? day.minusDays(day.getDayOfWeek().getValue() % 7) : day.withDayOfMonth(1);
    }

    /** IQM's {@code dateRange}: {@code 08/31/2025 - 09/06/2025}, the whole week or month. */
    static String dateRange(LocalDate start, int requestType) {
        LocalDate end = requestType == 3 ? start.plusDays(6) : start.withDayOfMonth(start.lengthOfMonth());
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy");
        return f.format(start) + " - " + f.format(end);
    }

    private static Collection<Long> intersect(Collection<Long> a, Collection<Long> b) {
        Set<Long> out = new LinkedHashSet<>(a);
        out.retainAll(new HashSet<>(b));
        return out;
    }

    private Map<Long, String> names(MasterList list) {
        Map<Long, String> out = new java.util.HashMap<>();
        for (Map<String, String> row : master.rows(list)) {
            try {
                out.put(Long.parseLong(row.get("id")), row.get("name"));
            } catch (NumberFormatException skip) {
                // not an id row
            }
        }
        return out;
    }

    /** A metric of IQM's report from summed delivery; ratios are 0 when their base is. */
    static Object metric(String key, Metrics m) {
        return switch (key) {
            case "impressions" -> m.impressions();
            case "clicks" -> m.clicks();
            case "bidImpressions" -> m.bidImpressions();
            case "bidRequests" -> m.bidRequests();
            case "conversions" -> m.conversions();
            case "startCount" -> m.videoStart();
            case "firstCount" -> m.videoFirstQuartile();
            case "midCount" -> m.videoMidpoint();
            case "thirdCount" -> m.videoThirdQuartile();
            case "completeCount" -> m.videoComplete();
            case "spent" -> Money.decimal(Metrics.dollars(m.totalSpendMicros()));
            case "mediaSpent" -> Money.decimal(Metrics.dollars(m.mediaSpendMicros()));
            case "dataCost" -> Money.decimal(Metrics.dollars(m.dataCostMicros()));
            case "CTR" -> ratio(BigDecimal.valueOf(m.clicks()).multiply(BigDecimal.valueOf(100)), m.impressions());
            case "VCR" -> ratio(BigDecimal.valueOf(m.videoComplete()).multiply(BigDecimal.valueOf(100)), m.videoStart());
            case "winRate" -> ratio(BigDecimal.valueOf(m.impressions()).multiply(BigDecimal.valueOf(100)), m.bidImpressions());
            case "eCPM", "totalECPM" -> ratio(Metrics.dollars(m.totalSpendMicros()).multiply(BigDecimal.valueOf(1000)), m.impressions());
            case "eCPC", "totalECPC" -> ratio(Metrics.dollars(m.totalSpendMicros()), m.clicks());
            case "eCPCV" -> ratio(Metrics.dollars(m.totalSpendMicros()), m.videoComplete());
            default -> null;
        };
    }

    private static BigDecimal ratio(BigDecimal top, long base) {
        return base == 0 ? BigDecimal.ZERO.setScale(1) : Money.decimal(top.divide(BigDecimal.valueOf(base), 6, RoundingMode.HALF_EVEN));
    }

    private Object campaignColumn(String key, Described c, Metrics m) {
        return switch (key) {
            case "campaignId" -> c.id();
            case "campaignName" -> c.name();
            case "status" -> c.status();
            case "startTime" -> c.startTime();
            case "endTime" -> c.endTime();
            case "budgetDay", "dailyBudget" -> Money.decimal(c.budgetDay());
            case "budgetTotal", "totalBudget" -> Money.decimal(c.budgetTotal());
            case "maxBid" -> Money.decimal(c.maxBid());
            case "campaignType" -> "cpm";
            case "campaignTimezone" -> c.timezoneId() == null ? null
                    : timezones.find(c.timezoneId()).map(Timezones.Timezone::name).orElse(null);
            case "ioId" -> c.ioId();
            case "ioBudget" -> Money.decimal(c.ioTotalBudget());
            case "ioBudgetTypeId" -> c.ioBudgetTypeId();
            case "budgetPacing" -> c.totalBudgetPacing();
            case "budgetCompletion" -> c.budgetTotal() == null || c.budgetTotal().signum() == 0 ? null
                    : Money.decimal(Metrics.dollars(m.totalSpendMicros()).multiply(BigDecimal.valueOf(100))
                            .divide(c.budgetTotal(), 6, RoundingMode.HALF_EVEN));
            default -> null;
        };
    }

    /** IQM's sortBy: {@code -impressions}, {@code +spent}, or a key with {@code order}; default {@code +impressions}. */
    private record Sort(String key, boolean descending) {

        static Sort of(String sortBy, String order) {
            String spec = sortBy == null || sortBy.isBlank() ? "+impressions" : sortBy.trim();
            boolean desc = spec.startsWith("-") || (!spec.startsWith("+") && "desc".equalsIgnoreCase(order));
            String key = spec.startsWith("-") || spec.startsWith("+") ? spec.substring(1) : spec;
            if (!(METRICS.contains(key) || CAMPAIGN_COLUMNS.contains(key) || KEYS.contains(key))) {
                throw ApiException.unprocessable("sortBy", "Can't sort by '" + key + "'.");
            }
            return new Sort(key, desc);
        }

        /** A report with rows sorts by one of its keys, or by impressions. */
        void check(Rows rows, boolean daily, List<String> columns) {
            if (!rows.keys(daily).contains(key) && !columns.contains(key) && !"impressions".equals(key)) {
                throw ApiException.unprocessable("sortBy", "sortBy must be one of the report's columns.");
            }
        }
    }

    /** Sort keys whose order is a metric column's (counts, and money in micros): ranked by the database (S17). */
    private static final Map<String, Measure> RANKED_IN_SQL = Map.ofEntries(Map.entry("impressions", Measure.IMPRESSIONS),
            Map.entry("clicks", Measure.CLICKS), Map.entry("bidImpressions", Measure.BID_IMPRESSIONS),
            Map.entry("bidRequests", Measure.BID_REQUESTS), Map.entry("conversions", Measure.CONVERSIONS),
            Map.entry("startCount", Measure.VIDEO_START), Map.entry("firstCount", Measure.VIDEO_FIRST_QUARTILE),
            Map.entry("midCount", Measure.VIDEO_MIDPOINT), Map.entry("thirdCount", Measure.VIDEO_THIRD_QUARTILE),
            Map.entry("completeCount", Measure.VIDEO_COMPLETE), Map.entry("spent", Measure.TOTAL_SPEND),
            Map.entry("mediaSpent", Measure.MEDIA_SPEND), Map.entry("dataCost", Measure.DATA_COST));

    /** Sorted by the key's value (each computed once), equal values in the groups' order (P1). */
    private static List<Group> sort(List<Group> groups, Rows rows, Sort sort, List<String> columns) {
        if (!groups.isEmpty()) {
            sort.check(rows, groups.get(0).keys().containsKey(By.DAY), columns);
        }
        List<Keyed> keyed = new ArrayList<>(groups.size());
        for (Group g : groups) {
            keyed.add(new Keyed(comparable(rows.cell(g, sort.key())), g));
        }
        Comparator<Keyed> cmp = Comparator.comparing(k -> (Comparable) k.key(), Comparator.nullsLast(Comparator.naturalOrder()));
        keyed.sort(sort.descending() ? cmp.reversed() : cmp);
        return keyed.stream().map(Keyed::group).toList();
    }

    private record Keyed(Comparable<?> key, Group group) {
    }
    private static Comparable<?> comparable(Object v) {
        if (v instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return v instanceof Boolean b ? b.toString() : (Comparable<?>) v;
    }
}
