package io.adplane.users;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of application access (U14): an organization's grants and a membership's, each a few rows. */
@Repository
class ApplicationRepository {

    private final JdbcClient jdbc;

    ApplicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The applications granted to {@code owId}, by id, with when. */
    Map<Integer, Long> organizationGrants(long owId) {
        Map<Integer, Long> grants = new LinkedHashMap<>();
        jdbc.sql("SELECT app_id, granted_at FROM customer_application WHERE ow_id = ? ORDER BY app_id").param(owId)
                .query((rs, n) -> grants.put(rs.getInt(1), rs.getLong(2))).list();
        return grants;
    }

    /** The applications granted to membership {@code uowId}, by id, with when. */
    Map<Integer, Long> membershipGrants(long uowId) {
        Map<Integer, Long> grants = new LinkedHashMap<>();
        jdbc.sql("SELECT app_id, granted_at FROM user_application WHERE uow_id = ? ORDER BY app_id").param(uowId)
                .query((rs, n) -> grants.put(rs.getInt(1), rs.getLong(2))).list();
        return grants;
    }

    void grantOrganization(long owId, int appId, String accessLevel, long byUowId, long now) {
        jdbc.sql("""
                INSERT INTO customer_application (ow_id, app_id, access_level, granted_by_uow_id, granted_at)
                SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS
                    (SELECT 1 FROM customer_application WHERE ow_id = ? AND app_id = ?)""")
                .params(owId, appId, accessLevel, byUowId, now, owId, appId).update();
    }

    /** Revokes from the organization and from every membership in it. */
    void revokeOrganization(long owId, List<Integer> appIds) {
        jdbc.sql("DELETE FROM customer_application WHERE ow_id = :ow AND app_id IN (:apps)")
                .param("ow", owId).param("apps", appIds).update();
        jdbc.sql("""
                DELETE FROM user_application WHERE app_id IN (:apps)
                  AND uow_id IN (SELECT uow_id FROM membership WHERE ow_id = :ow)""")
                .param("ow", owId).param("apps", appIds).update();
    }

    void grantMembership(long uowId, int appId, String accessLevel, long byUowId, long now) {
        jdbc.sql("""
                INSERT INTO user_application (uow_id, app_id, access_level, granted_by_uow_id, granted_at)
                SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS
                    (SELECT 1 FROM user_application WHERE uow_id = ? AND app_id = ?)""")
                .params(uowId, appId, accessLevel, byUowId, now, uowId, appId).update();
    }

    void revokeMembership(long uowId, List<Integer> appIds) {
        jdbc.sql("DELETE FROM user_application WHERE uow_id = :uow AND app_id IN (:apps)")
                .param("uow", uowId).param("apps", appIds).update();
    }

    /** How many memberships of {@code owId} have each application. */
    Map<Integer, Integer> userCounts(long owId) {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT ua.app_id, COUNT(*) FROM user_application ua JOIN membership m ON m.uow_id = ua.uow_id
                WHERE m.ow_id = ? AND m.status <> 'removed' GROUP BY ua.app_id""")
                .param(owId).query((rs, n) -> counts.put(rs.getInt(1), rs.getInt(2))).list();
        return counts;
    }
}
