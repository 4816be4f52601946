package io.adplane.campaign;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.adplane.api.ApiException;
import io.adplane.api.Paging;
import io.adplane.api.Money;
import io.adplane.auth.Caller;
import io.adplane.tenancy.TenancyRepository;

/**
 * Campaign lists and counts (iqm-reference §4.10): filtered, sorted and paged in SQL, over the organizations
 * the caller names and may act for (the acting one by default). Statuses are the effective ones: a running
 * campaign past its end counts as expired (D17).
 */
@Service
public class CampaignQueries {

    /** The order IQM gives statuses in its counts. */
    static final Map<String, Integer> STATUS_ORDER = new LinkedHashMap<>();

    static {
        STATUS_ORDER.put("running", 0);
        STATUS_ORDER.put("pending", 1);
        STATUS_ORDER.put("paused", 2);
        STATUS_ORDER.put("draft", 3);
        STATUS_ORDER.put("rejected", 4);
        STATUS_ORDER.put("deleted", 5);
        STATUS_ORDER.put("expired", 6);
    }

    /** The effective status in SQL (D17), as {@link CampaignStatus#effective} computes it in Java. */
    private static final String STATUS = CampaignStatus.EFFECTIVE_SQL;
    // Joined on ow_id too (always equal: campaign's foreign key is (ow_id, io_id)), so a database distributed by
    // organization routes the statement to one shard (docs/scaling.md).
    private static final String FROM = " FROM campaign c JOIN insertion_order i ON i.io_id = c.io_id AND i.ow_id = c.ow_id "
            + "JOIN organization o ON o.ow_id = c.ow_id ";
    private static final Map<String, String> SORTS = Map.ofEntries(
            Map.entry("id", "c.id"), Map.entry("campaignId", "c.id"), Map.entry("name", "c.campaign_name"),
            Map.entry("campaignName", "c.campaign_name"), Map.entry("status", STATUS),
            Map.entry("created", "c.created_at"), Map.entry("createdAt", "c.created_at"),
            Map.entry("modifiedDate", "c.modified_at"), Map.entry("modifiedAt", "c.modified_at"),
            Map.entry("startTime", "c.start_time"), Map.entry("endTime", "c.end_time"),
            Map.entry("budgetTotal", "c.budget_total"), Map.entry("ioId", "c.io_id"), Map.entry("ioName", "i.io_name"));

    /** How many campaigns one IO nests in {@code POST /api/v3/cmp/io/campaign/basic/list}. */
    static final int CAMPAIGNS_PER_IO = Paging.MAX_ENTRIES;

    private final JdbcClient jdbc;
    private final CampaignRepository campaigns;
    private final TenancyRepository tenancy;
    private final java.time.Clock clock;

    CampaignQueries(JdbcClient jdbc, CampaignRepository campaigns, TenancyRepository tenancy, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /**
     * The filters every list and count understands. Null means "no filter". {@code audienceTypeId} keeps campaigns
     * that include an audience of that type; {@code matchesNone} says a filter names data no campaign holds (F13).
     */
    public record Filter(Collection<Long> owIds, boolean allOwIds, Collection<Long> campaignIds, Collection<Long> ioIds,
            Collection<String> statuses, Collection<Integer> creativeTypeIds, Collection<Integer> campaignTypeIds,
            Collection<Integer> ioBudgetTypeIds, String search, Long expiredAfterEpoch, Integer audienceTypeId,
            boolean matchesNone) {

        public Filter(Collection<Long> owIds, boolean allOwIds, Collection<Long> campaignIds, Collection<Long> ioIds,
                Collection<String> statuses, Collection<Integer> creativeTypeIds, Collection<Integer> campaignTypeIds,
                Collection<Integer> ioBudgetTypeIds, String search, Long expiredAfterEpoch) {
            this(owIds, allOwIds, campaignIds, ioIds, statuses, creativeTypeIds, campaignTypeIds, ioBudgetTypeIds, search,
                    expiredAfterEpoch, null, false);
        }
    }

    /** Paging and sorting: {@code sortBy} like {@code -created,+name}; {@code ids} listed first. */
    public record Page(Integer pageNo, Integer noOfEntries, Integer offset, String sortBy, String order,
            Collection<Long> ids) {
    }

    /** A page of rows and the counts IQM answers with. */
    public record Result(List<Map<String, Object>> rows, long totalRecords, long filteredRecords) {
    }

    private final class Query {
        private static final String OWNED = " WHERE c.ow_id IN (:owIds)";

        final StringBuilder where = new StringBuilder(OWNED);
        final Map<String, Object> params = new LinkedHashMap<>();
        /** The statuses asked for, or null for every status but deleted. */
        List<String> statuses;
        /** Whether a filter other than the organizations and statuses applies: then counts are counted. */
        boolean narrowed;

        Query(Caller caller, Filter f) {
            params.put("owIds", owIds(caller, f));
            params.put("nowSec", clock.millis() / 1000);
            boolean statusGiven = f.statuses() != null && !f.statuses().isEmpty();
            if (statusGiven) {
                for (String s : f.statuses()) {
                    if (!STATUS_ORDER.containsKey(s)) {
                        throw ApiException.badRequest("status", "Please provide valid value of status.");
                    }
                }
                // Each status as an index-friendly condition on the stored status and the effective end (D17).
                where.append(" AND (").append(String.join(" OR ", f.statuses().stream().distinct()
                        .map(st -> CampaignStatus.of(st).effectiveIsSql()).toList())).append(")");
                statuses = List.copyOf(new java.util.LinkedHashSet<>(f.statuses()));
            } else {
                where.append(" AND c.status <> 'deleted'");
            }
            in("c.id", "campaignIds", f.campaignIds());
            in("c.io_id", "ioIds", f.ioIds());
            in("c.creative_type_id", "creativeTypeIds", f.creativeTypeIds());
            in("c.campaign_type_id", "campaignTypeIds", f.campaignTypeIds());
            in("i.io_budget_type_id", "ioBudgetTypeIds", f.ioBudgetTypeIds());
            if (f.search() != null && !f.search().isBlank()) {
                narrowed = true;
                where.append(" AND (LOWER(c.campaign_name) LIKE :search ESCAPE '\\' OR CAST(c.id AS VARCHAR(20)) = :searchExact)");
                params.put("search", Paging.likePattern(f.search()));
                params.put("searchExact", f.search().strip());
            }
            if (f.audienceTypeId() != null) {
                narrowed = true;
                // Per campaign row: the link table's primary key (campaign_id, audience_id), then the audience's own.
                where.append(" AND EXISTS (SELECT 1 FROM campaign_audience ca JOIN audience a ON a.id = ca.audience_id"
                        + " AND a.ow_id = ca.ow_id WHERE ca.campaign_id = c.id AND ca.ow_id = c.ow_id"
                        + " AND a.audience_type_id = :audienceTypeId)");
                params.put("audienceTypeId", f.audienceTypeId());
            }
            if (f.matchesNone()) {
                narrowed = true;
                where.append(" AND 1 = 0");
            }
            if (f.expiredAfterEpoch() != null) {
                narrowed = true;
                where.append(" AND (").append(STATUS).append(" <> 'expired' OR COALESCE(c.end_time, 0) >= :expiredAfter)");
                params.put("expiredAfter", f.expiredAfterEpoch());
            }
        }

        private void in(String column, String name, Collection<?> values) {
            if (values != null && !values.isEmpty()) {
                narrowed = true;
                where.append(" AND ").append(column).append(" IN (:").append(name).append(")");
                params.put(name, values);
            }
        }

        JdbcClient.StatementSpec sql(String sql) {
            return jdbc.sql(sql).params(params);
        }
    }

    /** The organizations a list covers: those named (each must be allowed), all allowed, or the acting one. */
    private List<Long> owIds(Caller caller, Filter f) {
        if (!f.allOwIds() && (f.owIds() == null || f.owIds().isEmpty())) {
            return List.of(caller.owId());
        }
        List<Long> allowed = tenancy.allowedOwIds(caller.userId(), caller.workspaceId());
        if (f.allOwIds()) {
            return allowed;
        }
        if (!allowed.containsAll(f.owIds())) {
            throw ApiException.forbidden("owIds names an organization you may not act for.");
        }
        return List.copyOf(f.owIds());
    }

    /**
     * The organizations' campaigns by effective status (D17), without a scan: the counts the write path keeps by
     * stored status, less the running and paused campaigns whose end has passed, which count as expired (an
     * index range over the expiry job's backlog).
     */
    private Map<String, Long> effectiveCounts(Collection<Long> owIds) {
        Map<String, Long> counts = new LinkedHashMap<>(campaigns.storedCounts(owIds));
        campaigns.dueCounts(owIds, clock.millis() / 1000).forEach((status, due) -> {
            counts.merge(status, -due, Long::sum);
            counts.merge("expired", due, Long::sum);
        });
        return counts;
    }

    private static long sum(Map<String, Long> counts, Collection<String> statuses) {
        return statuses.stream().mapToLong(s -> counts.getOrDefault(s, 0L)).sum();
    }

    private static final List<String> NOT_DELETED = STATUS_ORDER.keySet().stream().filter(s -> !s.equals("deleted")).toList();

    /** Campaign rows for {@code POST /api/v3/cmp/basic/list} and {@code GET /api/v2/cmp/campaigns/data}. */
    public Result list(Caller caller, Filter filter, Page page) {
        Query q = new Query(caller, filter);
        @SuppressWarnings("unchecked")
        Collection<Long> owIds = (Collection<Long>) q.params.get("owIds");
        Map<String, Long> counts = effectiveCounts(owIds);
        long total = sum(counts, NOT_DELETED);
        long filtered;
        if (!q.narrowed) {
            filtered = sum(counts, q.statuses == null ? NOT_DELETED : q.statuses);
        } else {
            // The joins matter to the count only when a filter reads the IO.
            String countFrom = q.where.indexOf("i.") >= 0
                    ? " FROM campaign c JOIN insertion_order i ON i.io_id = c.io_id AND i.ow_id = c.ow_id "
                    : " FROM campaign c ";
            filtered = q.sql("SELECT COUNT(*)" + countFrom + q.where).query(Long.class).single();
        }
        Paging paging = Paging.of(page.pageNo(), page.noOfEntries(), page.offset(), 20);
        String order = Paging.orderBy(page.sortBy(), page.order(), SORTS, "-created", "c.id DESC");
        if (page.ids() != null && !page.ids().isEmpty()) {
            order = "CASE WHEN c.id IN (:firstIds) THEN 0 ELSE 1 END, " + order;
            q.params.put("firstIds", page.ids());
        }
        q.params.put("limit", paging.limit());
        q.params.put("offset", paging.offset());
        // The page's ids first, from the campaign table alone (its indexes, no joined columns carried through the
        // sort), then the page's 20 rows with their IO and organization: sorting wide joined rows was what made
        // deep pages of a large organization slow.
        String pageFrom = q.where.indexOf("i.") >= 0 || order.contains("i.")
                ? " FROM campaign c JOIN insertion_order i ON i.io_id = c.io_id AND i.ow_id = c.ow_id "
                : " FROM campaign c ";
        List<Map<String, Object>> rows = q.sql(SELECT + FROM + "JOIN (SELECT c.ow_id, c.id" + pageFrom + q.where + " ORDER BY "
                        + order + " LIMIT :limit OFFSET :offset) page_ids ON page_ids.ow_id = c.ow_id AND page_ids.id = c.id "
                        + "ORDER BY " + order)
                .query(CampaignQueries::row).list();
        return new Result(rows, total, filtered);
    }

    /** The columns of a campaign row in the lists. */
    private static final String SELECT = "SELECT c.id, c.campaign_name, c.creative_type_id, c.campaign_type_id, "
            + STATUS + " AS effective_status, c.start_time, c.end_time, c.created_at, c.modified_at, c.ow_id, "
            + "c.uow_id, o.name AS org_name, c.io_id, i.io_name, i.io_status_id, i.io_budget_type_id, c.timezone_id, "
            + "c.budget_total, c.budget_day, c.max_bid";

    /** A list row from the columns of {@link #SELECT}, read by position in that order. */
    private static Map<String, Object> row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Map<String, Object> m = new LinkedHashMap<>(32);
        long id = rs.getLong(1);
        m.put("campaignId", id);
        m.put("id", id);
        m.put("name", rs.getString(2));
        m.put("creativeTypeId", rs.getObject(3, Integer.class));
        m.put("campaignTypeId", rs.getInt(4));
        m.put("status", rs.getString(5));
        m.put("startTime", rs.getObject(6, Long.class));
        m.put("endTime", rs.getLong(7)); // F14: 0 when the campaign has no end of its own
        m.put("createdAt", rs.getLong(8) / 1000);
        m.put("modifiedAt", rs.getLong(9) / 1000);
        m.put("owId", rs.getLong(10));
        m.put("uowId", rs.getLong(11));
        m.put("organizationName", rs.getString(12));
        m.put("organizationLogo", "");
        m.put("ioId", rs.getLong(13));
        m.put("ioName", rs.getString(14));
        m.put("ioStatusId", rs.getInt(15));
        m.put("ioBudgetTypeId", rs.getInt(16));
        m.put("timezoneId", rs.getObject(17, Integer.class));
        m.put("budgetTotal", Money.decimal(rs.getBigDecimal(18)));
        m.put("budgetDay", Money.decimal(rs.getBigDecimal(19)));
        m.put("maxBid", Money.decimal(rs.getBigDecimal(20)));
        return m;
    }

    /** Per-status counts: {@code [{order, status_key, status_label, status_count}]}, with the pseudo-status all. */
    public List<Map<String, Object>> countByStatus(Caller caller, Filter filter) {
        Filter all = new Filter(filter.owIds(), filter.allOwIds(), filter.campaignIds(), filter.ioIds(),
                STATUS_ORDER.keySet(), filter.creativeTypeIds(), filter.campaignTypeIds(), filter.ioBudgetTypeIds(),
                filter.search(), filter.expiredAfterEpoch());
        Query q = new Query(caller, all);
        Map<String, Long> counts;
        if (q.narrowed) {
            Map<String, Long> counted = new LinkedHashMap<>();
            q.sql("SELECT s, COUNT(*) AS n FROM (SELECT " + STATUS + " AS s" + FROM + q.where + ") t GROUP BY s")
                    .query((rs, n) -> counted.put(rs.getString("s"), rs.getLong("n"))).list();
            counts = counted;
        } else {
            @SuppressWarnings("unchecked")
            Collection<Long> owIds = (Collection<Long>) q.params.get("owIds");
            counts = effectiveCounts(owIds);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        long sum = 0;
        for (Map.Entry<String, Integer> e : STATUS_ORDER.entrySet()) {
            long n = counts.getOrDefault(e.getKey(), 0L);
            if (!e.getKey().equals("deleted")) {
                sum += n;
            }
            out.add(count(e.getValue(), e.getKey(), n));
        }
        out.add(count(8, "all", sum));
        return out;
    }

    private static Map<String, Object> count(int order, String key, long n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("order", order);
        m.put("status_key", key);
        m.put("status_label", Character.toUpperCase(key.charAt(0)) + key.substring(1));
        m.put("status_count", n);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Collection<Long> owIdsOf(Query q) {
        return (Collection<Long>) q.params.get("owIds");
    }

    /**
     * IOs with their campaigns nested ({@code POST /api/v3/cmp/io/campaign/basic/list}): two queries a page, and with
     * {@code targetedAudiences} a third for the nested campaigns' included audiences (F13).
     */
    public Result ioCampaigns(Caller caller, Filter filter, Page page, boolean targetedAudiences) {
        Query q = new Query(caller, filter);
        String ioWhere = " WHERE i.ow_id IN (:owIds) AND i.io_status_id <> 3"
                + (filter.ioIds() != null && !filter.ioIds().isEmpty() ? " AND i.io_id IN (:ioIds)" : "")
                + (filter.ioBudgetTypeIds() != null && !filter.ioBudgetTypeIds().isEmpty()
                        ? " AND i.io_budget_type_id IN (:ioBudgetTypeIds)" : "");
        long total = jdbc.sql("SELECT COUNT(*) FROM insertion_order i WHERE i.ow_id IN (:owIds) AND i.io_status_id <> 3")
                .param("owIds", q.params.get("owIds")).query(Long.class).single();
        long filtered = q.sql("SELECT COUNT(*) FROM insertion_order i" + ioWhere).query(Long.class).single();
        Paging paging = Paging.of(page.pageNo(), page.noOfEntries(), page.offset(), 20);
        q.params.put("limit", paging.limit());
        q.params.put("offset", paging.offset());
        Map<Long, Long> kept = new LinkedHashMap<>();
        List<Map<String, Object>> ios = q.sql("SELECT i.io_id, i.io_name, i.io_budget_type_id, i.io_status_id, "
                + "i.created_at, i.modified_at, i.ow_id, i.created_by_uow_id, i.allocated_campaigns FROM insertion_order i"
                + ioWhere + " ORDER BY i.io_id DESC LIMIT :limit OFFSET :offset")
                .query((rs, n) -> {
                    kept.put(rs.getLong(1), rs.getLong(9));
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("ioId", rs.getLong("io_id"));
                    m.put("ioName", rs.getString("io_name"));
                    m.put("ioBudgetTypeId", rs.getInt("io_budget_type_id"));
                    m.put("ioStatusId", rs.getInt("io_status_id"));
                    m.put("created", rs.getLong("created_at") / 1000);
                    m.put("lastModified", rs.getLong("modified_at") / 1000);
                    m.put("owId", rs.getLong("ow_id"));
                    m.put("uowId", rs.getLong("created_by_uow_id"));
                    return m;
                }).list();
        if (!ios.isEmpty()) {
            List<Long> ioIds = ios.stream().map(m -> (Long) m.get("ioId")).toList();
            Filter inPage = new Filter(filter.owIds(), filter.allOwIds(), filter.campaignIds(), ioIds, filter.statuses(),
                    filter.creativeTypeIds(), filter.campaignTypeIds(), null, filter.search(), null,
                    filter.audienceTypeId(), filter.matchesNone());
            Query c = new Query(caller, inPage);
            Map<Long, Long> counts;
            if (none(filter.campaignIds()) && none(filter.statuses()) && none(filter.creativeTypeIds())
                    && none(filter.campaignTypeIds()) && (filter.search() == null || filter.search().isBlank())
                    && filter.audienceTypeId() == null && !filter.matchesNone()) {
                // Every campaign that is not deleted: the count the write path keeps on the IO (issue 17).
                counts = kept;
            } else {
                Map<Long, Long> counted = new LinkedHashMap<>();
                c.sql("SELECT c.io_id, COUNT(*) AS n" + FROM + c.where + " GROUP BY c.io_id")
                        .query((rs, n) -> counted.put(rs.getLong("io_id"), rs.getLong("n"))).list();
                counts = counted;
            }
            // Each IO nests at most CAMPAIGNS_PER_IO of its campaigns; campaignCount is the true count (A4). One
            // branch per IO, each an index range of (io_id, created_at) cut at the limit, in one statement.
            String order = Paging.orderBy(page.sortBy(), null, SORTS, "-created", "c.id DESC");
            c.params.put("perIo", CAMPAIGNS_PER_IO);
            List<String> branches = new ArrayList<>();
            for (int k = 0; k < ioIds.size(); k++) {
                c.params.put("io" + k, ioIds.get(k));
                branches.add("(" + SELECT + FROM + c.where + " AND c.io_id = :io" + k + " ORDER BY " + order
                        + " LIMIT :perIo)");
            }
            Map<Object, List<Map<String, Object>>> byIo = c.sql(String.join(" UNION ALL ", branches))
                    .query(CampaignQueries::row).list().stream()
                    .collect(Collectors.groupingBy(m -> m.get("ioId"), LinkedHashMap::new, Collectors.toList()));
            Map<Long, List<Long>> audiences = targetedAudiences
                    ? campaigns.audiencesOf(owIdsOf(c), byIo.values().stream().flatMap(List::stream)
                            .map(m -> (Long) m.get("campaignId")).toList())
                    : Map.of();
            for (Map<String, Object> io : ios) {
                io.put("campaignCount", counts.getOrDefault((Long) io.get("ioId"), 0L));
                List<Map<String, Object>> nested = byIo.getOrDefault(io.get("ioId"), List.of());
                // F13: IQM's targetedAudienceIds, null when not asked for or when the campaign includes none.
                nested.forEach(m -> m.put("targetedAudienceIds", audiences.get((Long) m.get("campaignId"))));
                io.put("campaigns", nested);
            }
        }
        return new Result(ios, total, filtered);
    }

    private static boolean none(Collection<?> values) {
        return values == null || values.isEmpty();
    }
}
