package io.adplane.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.adplane.api.Paging;
import io.adplane.tenancy.Names;
import io.adplane.tenancy.OrganizationStatus;

/**
 * The SQL of the customer lists. Every statement is bounded to one workspace and the caller's subtree (the
 * organization's materialised path), and reads one page; the counts per row (customers, running campaigns,
 * last login) are indexed look-ups, not scans.
 */
@Repository
class CustomerRepository {

    static final String FROM = """
            FROM organization o
            LEFT JOIN organization p ON p.ow_id = o.parent_ow_id
            LEFT JOIN app_user u ON u.id = o.owner_user_id
            LEFT JOIN app_user a ON a.id = o.approved_by_user_id
            LEFT JOIN customer_operation co ON co.ow_id = o.ow_id
            """;

    static final String SELECT = """
            SELECT o.ow_id, o.name, o.status, o.hold_reason, o.created_at, o.modified_at, o.account_type,
                   o.bid_shading, o.logo_url, o.industry_id, o.company_size_id, o.media_budget_id, o.vertical_id,
                   o.workspace_id, o.parent_ow_id, o.path, p.name AS parent_name,
                   u.email AS owner_email, u.first_name AS owner_first, u.last_name AS owner_last,
                   a.email AS approver_email, a.first_name AS approver_first, a.last_name AS approver_last,
                   (SELECT COUNT(*) FROM organization c WHERE c.parent_ow_id = o.ow_id) AS customers_count,
                   COALESCE((SELECT SUM(cc.n) FROM campaign_count cc
                             WHERE cc.ow_id = o.ow_id AND cc.status = 'running'), 0) AS running,
                   (SELECT MAX(s.created_at) FROM auth_session s WHERE s.ow_id = o.ow_id) AS last_access
            """ + FROM;

    /** IQM's sort names of the customer lists. */
    static final Map<String, String> SORTS = ListArgs.columns("owId", "o.ow_id", "organizationName", "LOWER(o.name)",
            "status", "o.status", "contactPersonEmail", "u.email", "createdAt", "o.created_at", "balance", "o.ow_id",
            "workspaceId", "o.workspace_id", "runningCampaigns", "running", "activeCampaignsCount", "running",
            "customersCount", "customers_count", "lastAccess", "last_access", "modifiedAt", "o.modified_at");

    private final JdbcClient jdbc;

    CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Which customers a list shows: the subtree below {@code underPath} (without {@code excludeOwId}), only
     * direct customers of {@code parentOwId} when set, only the subtrees of {@code scopePaths} when any, and the
     * filters that are not empty.
     */
    record Filter(long workspaceId, String underPath, long excludeOwId, List<Long> parentOwIds, List<String> scopePaths,
            List<Long> onlyIds, List<String> statuses, List<String> accountTypes, String search, Operations ops) {

        Filter(long workspaceId, String underPath, long excludeOwId, List<Long> parentOwIds, List<String> scopePaths,
                List<Long> onlyIds, List<String> statuses, List<String> accountTypes, String search) {
            this(workspaceId, underPath, excludeOwId, parentOwIds, scopePaths, onlyIds, statuses, accountTypes, search,
                    null);
        }

        /** The same list without its filters: what {@code totalRecords} counts. */
        Filter unfiltered() {
            return new Filter(workspaceId, underPath, excludeOwId, parentOwIds, scopePaths, List.of(), List.of(),
                    List.of(), null);
        }
    }

    /**
     * Filters on the customer's vertical and its own customer-operation details (empty or null: any): customer
     * and payment types, country, assignees and labels (each list: any of them).
     */
    record Operations(Long verticalId, List<Long> customerTypes, List<Long> paymentTypes, Long countryId,
            List<Long> adOps, List<Long> sellers, List<Long> labels) {
    }

    /** A customer row with what the views need. */
    record Row(long owId, String name, OrganizationStatus status, String holdReason, long createdAt, Long modifiedAt,
            String accountType, boolean bidShading, String logoUrl, Integer industry, Integer companySize,
            Integer mediaBudget, Integer vertical, long workspaceId, Long parentOwId, String path, String parentName,
            String ownerEmail, String ownerName, String approverEmail, String approverName, long customersCount,
            long running, Long lastAccess) {

        String createdIso() {
            return Instant.ofEpochMilli(createdAt).toString();
        }

        String modifiedIso() {
            return Instant.ofEpochMilli(modifiedAt == null ? createdAt : modifiedAt).toString();
        }
    }

    List<Row> page(Filter filter, String orderBy, int limit, long offset) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        var spec = jdbc.sql(SELECT + where + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset");
        params.forEach(spec::param);
        return spec.param("limit", limit).param("offset", offset).query(CustomerRepository::row).list();
    }

    long count(Filter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        var spec = jdbc.sql("SELECT COUNT(*) " + FROM + where);
        params.forEach(spec::param);
        return spec.query(Long.class).single();
    }

    /** Customers below {@code underPath} per stored status. */
    Map<String, Long> countByStatus(long workspaceId, String underPath, long excludeOwId, List<String> scopePaths) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(new Filter(workspaceId, underPath, excludeOwId, List.of(), scopePaths, List.of(), List.of(),
                List.of(), null), params);
        var spec = jdbc.sql("SELECT o.status, COUNT(*) " + FROM + where + " GROUP BY o.status");
        params.forEach(spec::param);
        Map<String, Long> counts = new LinkedHashMap<>();
        spec.query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    /** The rows of the subtrees of {@code roots} (their owIds), down to {@code depth} levels, ordered by path. */
    List<Row> subtree(long workspaceId, List<String> rootPaths, long excludeOwId) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(new Filter(workspaceId, "/", excludeOwId, List.of(), rootPaths, List.of(), List.of(),
                List.of(), null), params);
        var spec = jdbc.sql(SELECT + where + " ORDER BY LENGTH(o.path), o.ow_id LIMIT 10000");
        params.forEach(spec::param);
        return spec.query(CustomerRepository::row).list();
    }

    String accountType(long owId) {
        return jdbc.sql("SELECT account_type FROM organization WHERE ow_id = ?").param(owId).query(String.class).single();
    }

    /** Turns bid shading on; false when it already was. */
    boolean enableBidShading(long owId) {
        return jdbc.sql("UPDATE organization SET bid_shading = TRUE WHERE ow_id = ? AND bid_shading = FALSE")
                .param(owId).update() == 1;
    }

    private static String where(Filter f, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE o.workspace_id = :ws AND o.path LIKE :under AND o.ow_id <> :exclude");
        params.put("ws", f.workspaceId());
        params.put("under", f.underPath() + "%");
        params.put("exclude", f.excludeOwId());
        if (!f.parentOwIds().isEmpty()) {
            where.append(" AND o.parent_ow_id IN (:parents)");
            params.put("parents", f.parentOwIds());
        }
        if (!f.scopePaths().isEmpty()) {
            List<String> any = new ArrayList<>();
            for (int i = 0; i < f.scopePaths().size(); i++) {
                any.add("o.path LIKE :scope" + i);
                params.put("scope" + i, f.scopePaths().get(i) + "%");
            }
            where.append(" AND (").append(String.join(" OR ", any)).append(')');
        }
        if (!f.onlyIds().isEmpty()) {
            where.append(" AND o.ow_id IN (:only)");
            params.put("only", f.onlyIds());
        }
        if (!f.statuses().isEmpty()) {
            where.append(" AND o.status IN (:statuses)");
            params.put("statuses", f.statuses());
        }
        if (!f.accountTypes().isEmpty()) {
            where.append(" AND o.account_type IN (:types)");
            params.put("types", f.accountTypes());
        }
        if (f.ops() != null) {
            Operations ops = f.ops();
            if (ops.verticalId() != null) {
                where.append(" AND o.vertical_id = :vertical");
                params.put("vertical", ops.verticalId());
            }
            if (!ops.customerTypes().isEmpty()) {
                where.append(" AND co.customer_type_id IN (:ctypes)");
                params.put("ctypes", ops.customerTypes());
            }
            if (!ops.paymentTypes().isEmpty()) {
                where.append(" AND co.customer_payment_type_id IN (:ptypes)");
                params.put("ptypes", ops.paymentTypes());
            }
            if (ops.countryId() != null) {
                where.append(" AND co.country_id = :country");
                params.put("country", ops.countryId());
            }
            anyOf(where, params, "co.ad_ops_user_ids", "adops", ops.adOps());
            anyOf(where, params, "co.seller_user_ids", "sellers", ops.sellers());
            anyOf(where, params, "co.label_ids", "labels", ops.labels());
        }
        if (f.search() != null && !f.search().isBlank()) {
            where.append(" AND (LOWER(o.name) LIKE :search ESCAPE '\\' OR CAST(o.ow_id AS VARCHAR(20)) = :searchExact"
                    + " OR LOWER(u.email) LIKE :search ESCAPE '\\'"
                    + " OR LOWER(COALESCE(u.first_name, '') || ' ' || COALESCE(u.last_name, '')) LIKE :search ESCAPE '\\')");
            params.put("search", Paging.likePattern(f.search()));
            params.put("searchExact", f.search().strip());
        }
        return where.toString();
    }

    /** The comma-separated ids of {@code column} include one of {@code ids}. */
    private static void anyOf(StringBuilder where, Map<String, Object> params, String column, String name,
            List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<String> any = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            any.add("(',' || " + column + " || ',') LIKE :" + name + i);
            params.put(name + i, "%," + ids.get(i) + ",%");
        }
        where.append(" AND (").append(String.join(" OR ", any)).append(')');
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        String ownerEmail = rs.getString("owner_email");
        String approverEmail = rs.getString("approver_email");
        return new Row(rs.getLong("ow_id"), rs.getString("name"), OrganizationStatus.of(rs.getString("status")),
                rs.getString("hold_reason"), rs.getLong("created_at"), rs.getObject("modified_at", Long.class),
                rs.getString("account_type"), rs.getBoolean("bid_shading"), rs.getString("logo_url"),
                rs.getObject("industry_id", Integer.class), rs.getObject("company_size_id", Integer.class),
                rs.getObject("media_budget_id", Integer.class), rs.getObject("vertical_id", Integer.class),
                rs.getLong("workspace_id"), rs.getObject("parent_ow_id", Long.class), rs.getString("path"),
                rs.getString("parent_name"),
                ownerEmail, ownerEmail == null ? null
                        : Names.displayName(rs.getString("owner_first"), rs.getString("owner_last"), ownerEmail),
                approverEmail, approverEmail == null ? null
                        : Names.displayName(rs.getString("approver_first"), rs.getString("approver_last"), approverEmail),
                rs.getLong("customers_count"), rs.getLong("running"), rs.getObject("last_access", Long.class));
    }
}
