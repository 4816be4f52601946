package io.adplane.users;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.adplane.api.Paging;

/**
 * The SQL of customer assignments (U13): the customers a membership is assigned to and those it may still be,
 * each a page of the customer list's rows, bounded to one workspace and the acting organization's subtree.
 */
@Repository
class AssignmentRepository {

    private final JdbcClient jdbc;

    AssignmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A membership of the user that covers an organization (its own or above it), live. */
    record Covering(long uowId, long owId, Long assignedFromUowId) {
    }

    /** The user's live memberships at or above the organization of {@code path}. */
    List<Covering> covering(long userId, String path) {
        return jdbc.sql("""
                SELECT m.uow_id, m.ow_id, m.assigned_from_uow_id FROM membership m
                JOIN organization o ON o.ow_id = m.ow_id
                WHERE m.user_id = ? AND m.status <> 'removed' AND ? LIKE o.path || '%'""")
                .params(userId, path)
                .query((rs, n) -> new Covering(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class))).list();
    }

    /** Which rows: below {@code underPath} in one workspace, matching {@code search} (name or owId). */
    record Scope(long workspaceId, String underPath, String search) {
    }

    List<CustomerRepository.Row> assigned(Scope scope, long sourceUowId, String orderBy, int limit, long offset) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = CustomerRepository.SELECT + assignedJoin() + where(scope, params)
                + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset";
        var spec = jdbc.sql(sql).param("source", sourceUowId).param("limit", limit).param("offset", offset);
        params.forEach(spec::param);
        return spec.query(CustomerRepository::row).list();
    }

    long countAssigned(Scope scope, long sourceUowId) {
        Map<String, Object> params = new LinkedHashMap<>();
        var spec = jdbc.sql("SELECT COUNT(*) " + CustomerRepository.FROM + assignedJoin() + where(scope, params))
                .param("source", sourceUowId);
        params.forEach(spec::param);
        return spec.query(Long.class).single();
    }

    List<CustomerRepository.Row> remaining(Scope scope, long userId, List<Long> excluded, String orderBy, int limit,
            long offset) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = CustomerRepository.SELECT + where(scope, params) + uncovered(excluded, params)
                + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset";
        var spec = jdbc.sql(sql).param("user", userId).param("limit", limit).param("offset", offset);
        params.forEach(spec::param);
        return spec.query(CustomerRepository::row).list();
    }

    long countRemaining(Scope scope, long userId, List<Long> excluded) {
        Map<String, Object> params = new LinkedHashMap<>();
        var spec = jdbc.sql("SELECT COUNT(*) " + CustomerRepository.FROM + where(scope, params)
                + uncovered(excluded, params)).param("user", userId);
        params.forEach(spec::param);
        return spec.query(Long.class).single();
    }

    private static String assignedJoin() {
        return " JOIN membership am ON am.ow_id = o.ow_id AND am.assigned_from_uow_id = :source"
                + " AND am.status <> 'removed'";
    }

    /** Not covered by any live membership of the user, and not one of {@code excluded}. */
    private static String uncovered(List<Long> excluded, Map<String, Object> params) {
        params.put("excluded", excluded);
        return " AND o.ow_id NOT IN (:excluded) AND NOT EXISTS (SELECT 1 FROM membership um"
                + " JOIN organization uo ON uo.ow_id = um.ow_id"
                + " WHERE um.user_id = :user AND um.status <> 'removed' AND o.path LIKE uo.path || '%')";
    }

    private static String where(Scope scope, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE o.workspace_id = :ws AND o.path LIKE :under");
        params.put("ws", scope.workspaceId());
        params.put("under", scope.underPath() + "%");
        if (scope.search() != null && !scope.search().isBlank()) {
            where.append(" AND (LOWER(o.name) LIKE :search ESCAPE '\\' OR CAST(o.ow_id AS VARCHAR(20)) = :searchExact)");
            params.put("search", Paging.likePattern(scope.search()));
            params.put("searchExact", scope.search().strip());
        }
        return where.toString();
    }
}
