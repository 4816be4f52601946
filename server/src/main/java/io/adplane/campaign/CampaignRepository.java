package io.adplane.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.adplane.creative.CampaignCreatives.CampaignOfCreative;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of campaigns and their status history. Every statement is scoped by {@code ow_id}. */
@Repository
class CampaignRepository {

    static final String COLUMNS = "c.id, c.ow_id, c.io_id, c.uow_id, c.status, c.campaign_name, c.campaign_type_id, "
            + "c.creative_type_id, c.budget_type_id, c.budget_total, c.budget_day, c.max_bid, c.total_budget_pacing, "
            + "c.start_time, c.end_time, c.timezone_id, c.country_id, c.advertiser_domain, c.creative_ids, c.exchanges, "
            + "c.publisher_ad_category, c.device_type, c.traffic_type, c.is_agreement_checked, c.settings, "
            + "c.rejection_reason, c.version, c.created_at, c.modified_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CampaignRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts a campaign; with a {@code fixedId} (a fixture's, E7) under that id, else under a new one. */
    long insert(Long fixedId, long owId, long uowId, CampaignStatus status, CampaignSpec s, Long expiresAt, long now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO campaign (" + (fixedId != null ? "id, " : "") + """
                ow_id, io_id, uow_id, modified_by_uow_id, campaign_name, campaign_type_id,
                    creative_type_id, status, budget_type_id, budget_total, budget_day, max_bid, total_budget_pacing,
                    start_time, end_time, timezone_id, country_id, advertiser_domain, creative_ids, exchanges,
                    publisher_ad_category, device_type, traffic_type, is_agreement_checked, settings, created_at,
                    modified_at, expires_at)
                VALUES (""" + (fixedId != null ? ":id, " : "") + """
                :owId, :ioId, :uowId, :uowId, :name, :campaignType, :creativeType, :status, :budgetType,
                    :budgetTotal, :budgetDay, :maxBid, :pacing, :startTime, :endTime, :timezone, :countryId, :domain,
                    :creativeIds, :exchanges, :adCategories, :deviceType, :trafficType, :agreement, :settings, :now, :now,
                    :expiresAt)""")
                .params(specParams(s)).param("owId", owId).param("ioId", s.ioId()).param("uowId", uowId)
                .param("status", status.code()).param("now", now).param("expiresAt", expiresAt).param("id", fixedId)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Writes a campaign's settings, status and rejection reason; false when {@code expectedVersion} is stale (a
     * concurrent write won, which the row lock the writer holds makes impossible, so this is a last guard).
     */
    boolean update(long owId, long id, int expectedVersion, Long uowId, CampaignStatus status, CampaignSpec s,
            String rejectionReason, Long expiresAt, long now) {
        return jdbc.sql("""
                UPDATE campaign SET modified_by_uow_id = COALESCE(:uowId, modified_by_uow_id), campaign_name = :name,
                    creative_type_id = :creativeType, status = :status, budget_total = :budgetTotal,
                    budget_day = :budgetDay, max_bid = :maxBid, total_budget_pacing = :pacing, start_time = :startTime,
                    end_time = :endTime, timezone_id = :timezone, country_id = :countryId, advertiser_domain = :domain,
                    creative_ids = :creativeIds, exchanges = :exchanges, publisher_ad_category = :adCategories,
                    device_type = :deviceType, traffic_type = :trafficType, is_agreement_checked = :agreement,
                    settings = :settings, rejection_reason = :rejection, version = version + 1, modified_at = :now,
                    expires_at = :expiresAt
                WHERE id = :id AND ow_id = :owId AND version = :version""")
                .params(specParams(s)).param("uowId", uowId).param("status", status.code()).param("expiresAt", expiresAt)
                .param("rejection", rejectionReason).param("now", now).param("id", id).param("owId", owId)
                .param("version", expectedVersion)
                .update() == 1;
    }

    private Map<String, Object> specParams(CampaignSpec s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", s.campaignName());
        p.put("campaignType", s.campaignType());
        p.put("creativeType", s.creativeType());
        p.put("budgetType", s.budgetTypeId());
        p.put("budgetTotal", s.budgetTotal());
        p.put("budgetDay", s.budgetDay());
        p.put("maxBid", s.maxBid());
        p.put("pacing", s.totalBudgetPacing());
        p.put("startTime", s.startTime());
        p.put("endTime", s.endTime());
        p.put("timezone", s.timezone());
        p.put("countryId", s.countryId());
        p.put("domain", s.advertiserDomain());
        p.put("creativeIds", CampaignIds.join(s.creativeIds()));
        p.put("exchanges", CampaignIds.join(s.exchanges()));
        p.put("adCategories", CampaignIds.join(s.publisherAdCategory()));
        p.put("deviceType", CampaignIds.join(s.deviceType()));
        p.put("trafficType", CampaignIds.join(s.trafficType()));
        p.put("agreement", s.isAgreementChecked());
        p.put("settings", json.writeValueAsString(s.settings()));
        return p;
    }

    /** A campaign with the status a reader sees at {@code nowSec} (D17). */
    record Stored(Campaign campaign, CampaignStatus effective) {
    }

    /**
     * Every campaign of the database, by id, for the emulator's export (E7) only: like the consistency check, an
     * operator's command whose cost grows with the database; the API never reads this.
     */
    List<Stored> everyCampaign(long nowSec) {
        return jdbc.sql("SELECT " + COLUMNS + ", " + CampaignStatus.EFFECTIVE_SQL + " AS effective FROM campaign c ORDER BY c.id")
                .param("nowSec", nowSec)
                .query((rs, n) -> new Stored(campaign(rs, n), CampaignStatus.of(rs.getString("effective")))).list();
    }

    /** Whether a campaign has this id, in any organization: {@code owId} when it has. */
    Optional<Long> ownerOf(long id) {
        return jdbc.sql("SELECT ow_id FROM campaign WHERE id = ?").param(id).query(Long.class).optional();
    }

    Optional<Campaign> find(long owId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign c WHERE c.id = ? AND c.ow_id = ?")
                .params(id, owId).query(this::campaign).optional();
    }

    /** The campaign type of each of {@code ids} that is a campaign of {@code owId} and not deleted. */
    Map<Long, Integer> typesOf(long owId, Collection<Long> ids) {
        Map<Long, Integer> types = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return types;
        }
        jdbc.sql("SELECT id, campaign_type_id FROM campaign WHERE ow_id = :owId AND id IN (:ids) AND status <> 'deleted' ORDER BY id")
                .param("owId", owId).param("ids", ids)
                .query(rs -> {
                    types.put(rs.getLong(1), rs.getInt(2));
                });
        return types;
    }

    /** The IO of a campaign of {@code owId}: what the writer locks first. */
    Optional<Long> ioIdOf(long owId, long id) {
        return jdbc.sql("SELECT io_id FROM campaign WHERE id = ? AND ow_id = ?").params(id, owId)
                .query(Long.class).optional();
    }

    /** The campaign, its row locked for this transaction (taken after its IO's, D12). */
    Optional<Campaign> lock(long owId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign c WHERE c.id = ? AND c.ow_id = ? FOR UPDATE")
                .params(id, owId).query(this::campaign).optional();
    }

    List<Campaign> findAll(long owId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign c WHERE c.ow_id = :owId AND c.id IN (:ids) ORDER BY c.id")
                .param("owId", owId).param("ids", ids).query(this::campaign).list();
    }

    /** The names of campaigns of {@code owId}, for failure reports. */
    Optional<String> name(long owId, long id) {
        return jdbc.sql("SELECT campaign_name FROM campaign WHERE id = ? AND ow_id = ?").params(id, owId)
                .query(String.class).optional();
    }

    /** Replaces the creatives the campaign names (its {@code creativeIds}) in the link table. */
    void linkCreatives(long owId, long campaignId, List<Long> creativeIds) {
        jdbc.sql("DELETE FROM campaign_creative WHERE campaign_id = ? AND ow_id = ?").params(campaignId, owId).update();
        // A draft may name no creatives yet (a PG draft without creativeTargeting).
        for (long creativeId : creativeIds == null ? List.<Long>of() : new java.util.LinkedHashSet<>(creativeIds)) {
            jdbc.sql("INSERT INTO campaign_creative (campaign_id, creative_id, ow_id) VALUES (?, ?, ?)")
                    .params(campaignId, creativeId, owId).update();
        }
    }

    /** Replaces the audiences the campaign includes (its {@code whiteListedAudienceIds}) in the link table (F13). */
    void linkAudiences(long owId, long campaignId, List<Long> audienceIds) {
        jdbc.sql("DELETE FROM campaign_audience WHERE campaign_id = ? AND ow_id = ?").params(campaignId, owId).update();
        for (long audienceId : new java.util.LinkedHashSet<>(audienceIds)) {
            jdbc.sql("INSERT INTO campaign_audience (campaign_id, audience_id, ow_id) VALUES (?, ?, ?)")
                    .params(campaignId, audienceId, owId).update();
        }
    }

    /** The audiences each of these campaigns of these organizations includes, ascending (F13); one statement. */
    java.util.Map<Long, List<Long>> audiencesOf(Collection<Long> owIds, Collection<Long> campaignIds) {
        java.util.Map<Long, List<Long>> out = new java.util.HashMap<>();
        List<Long> ids = List.copyOf(campaignIds);
        // A page nests at most 500 campaigns per IO; a page of many full IOs is read 1,000 campaigns a statement.
        for (int from = 0; from < ids.size(); from += 1000) {
            jdbc.sql("""
                    SELECT campaign_id, audience_id FROM campaign_audience
                    WHERE ow_id IN (:owIds) AND campaign_id IN (:campaignIds) ORDER BY campaign_id, audience_id""")
                    .param("owIds", owIds).param("campaignIds", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getLong(2)))
                    .list();
        }
        return out;
    }

    /** The distinct creatives the given campaigns of these organizations name. */
    List<Long> creativesOf(Collection<Long> owIds, Collection<Long> campaignIds) {
        return jdbc.sql("""
                SELECT DISTINCT creative_id FROM campaign_creative
                WHERE ow_id IN (:owIds) AND campaign_id IN (:campaignIds) ORDER BY creative_id""")
                .param("owIds", owIds).param("campaignIds", campaignIds).query(Long.class).list();
    }

    /** The campaigns of {@code owId} naming a creative, not deleted, with their effective status (D17), oldest first. */
    List<CampaignOfCreative> campaignsOfCreative(long owId, long creativeId,
            long nowSec, int limit) {
        return jdbc.sql("SELECT c.id, c.campaign_name, " + CampaignStatus.EFFECTIVE_SQL + """
                 AS effective_status, (SELECT COUNT(*) FROM campaign_creative n WHERE n.ow_id = c.ow_id AND n.campaign_id = c.id) AS creatives
                FROM campaign_creative cc JOIN campaign c ON c.id = cc.campaign_id AND c.ow_id = cc.ow_id
                WHERE cc.ow_id = :owId AND cc.creative_id = :creativeId AND c.status <> 'deleted'
                ORDER BY c.id LIMIT :limit""")
                .param("owId", owId).param("creativeId", creativeId).param("nowSec", nowSec).param("limit", limit)
                .query((rs, n) -> new CampaignOfCreative(rs.getLong(1),
                        rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    /**
     * The campaigns (not deleted) naming each of these creatives, ascending, at most {@code limit} per creative: one
     * statement over the link table's (ow_id, creative_id) index, cut per creative by a window.
     */
    java.util.Map<Long, List<Long>> campaignIdsOfCreatives(Collection<Long> owIds, Collection<Long> creativeIds, int limit) {
        java.util.Map<Long, List<Long>> out = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                SELECT creative_id, campaign_id FROM (
                  SELECT cc.creative_id, cc.campaign_id,
                         ROW_NUMBER() OVER (PARTITION BY cc.creative_id ORDER BY cc.campaign_id) AS n
                  FROM campaign_creative cc JOIN campaign c ON c.id = cc.campaign_id AND c.ow_id = cc.ow_id
                  WHERE cc.ow_id IN (:owIds) AND cc.creative_id IN (:creativeIds) AND c.status <> 'deleted') t
                WHERE n <= :limit ORDER BY creative_id, campaign_id""")
                .param("owIds", owIds).param("creativeIds", creativeIds).param("limit", limit)
                .query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getLong(2)))
                .list();
        return out;
    }

    /** The campaigns of {@code owId} that name a creative and are not deleted, newest first. */
    List<Campaign> usingCreative(long owId, long creativeId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM campaign_creative cc JOIN campaign c ON c.id = cc.campaign_id AND c.ow_id = cc.ow_id
                WHERE cc.ow_id = ? AND cc.creative_id = ? AND c.status <> 'deleted'
                ORDER BY c.id DESC LIMIT ?""")
                .params(owId, creativeId, limit).query(this::campaign).list();
    }

    void recordStatusChange(long campaignId, long owId, CampaignStatus from, CampaignStatus to, String reason,
            Long uowId, long now) {
        jdbc.sql("""
                INSERT INTO campaign_status_change (campaign_id, ow_id, from_status, to_status, reason, uow_id, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(campaignId, owId, from == null ? null : from.code(), to.code(), reason, uowId, now).update();
    }

    /** One status change as recorded. */
    record StatusChange(String fromStatus, String toStatus, String reason, Long uowId, long changedAt) {
    }

    List<StatusChange> statusHistory(long owId, long campaignId) {
        return jdbc.sql("""
                SELECT from_status, to_status, reason, uow_id, changed_at FROM campaign_status_change
                WHERE campaign_id = ? AND ow_id = ? ORDER BY id""")
                .params(campaignId, owId)
                .query((rs, n) -> new StatusChange(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, Long.class), rs.getLong(5)))
                .list();
    }

    /** The ids of an IO's campaigns that are not deleted, for the IO's own changes. */
    List<Long> idsOfIo(long owId, long ioId) {
        return jdbc.sql("SELECT id FROM campaign WHERE ow_id = ? AND io_id = ? AND status <> 'deleted' ORDER BY id")
                .params(owId, ioId).query(Long.class).list();
    }

    /** The flights of an IO's campaigns that are neither drafts (checked when submitted) nor deleted (D13). */
    record Flights(Long earliestStart, Long latestStart, Long latestEnd) {
    }

    Flights flightsOfIo(long owId, long ioId) {
        return jdbc.sql("""
                SELECT MIN(start_time), MAX(start_time), MAX(end_time) FROM campaign
                WHERE ow_id = ? AND io_id = ? AND status NOT IN ('deleted', 'draft')""")
                .params(owId, ioId)
                .query((rs, n) -> new Flights(rs.getObject(1, Long.class), rs.getObject(2, Long.class),
                        rs.getObject(3, Long.class))).single();
    }

    /**
     * Running and paused campaigns whose end (or, without one, their IO's end) has passed (D17), as (owId, id)
     * pairs; the expiry job moves each through the writer, so several instances may run it at once.
     */
    List<long[]> dueForExpiry(long nowSeconds, int limit) {
        return jdbc.sql("""
                SELECT c.ow_id, c.id FROM campaign c
                WHERE c.status IN ('running', 'paused') AND c.expires_at <= ?
                ORDER BY c.expires_at, c.id LIMIT ?""")
                .params(nowSeconds, limit).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    /** How many count shards an organization's count of one status is spread over. */
    static final int COUNT_SHARDS = 8;

    /** Adds {@code delta} to the organization's count of campaigns stored with {@code status}. */
    void count(long owId, long campaignId, CampaignStatus status, int delta) {
        int shard = (int) (campaignId % COUNT_SHARDS);
        jdbc.sql("INSERT INTO campaign_count (ow_id, status, shard, n) VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING")
                .params(owId, status.code(), shard).update();
        jdbc.sql("UPDATE campaign_count SET n = n + ? WHERE ow_id = ? AND status = ? AND shard = ?")
                .params(delta, owId, status.code(), shard).update();
    }

    /** The organizations' campaigns by stored status, from the counts: a read of a few rows per organization. */
    Map<String, Long> storedCounts(Collection<Long> owIds) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT status, SUM(n) FROM campaign_count WHERE ow_id IN (:owIds) GROUP BY status")
                .param("owIds", owIds).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    /** Running and paused campaigns whose end has passed but that are still stored so: the expiry job's backlog. */
    Map<String, Long> dueCounts(Collection<Long> owIds, long nowSeconds) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT status, COUNT(*) FROM campaign WHERE ow_id IN (:owIds) AND status IN ('running', 'paused')
                AND expires_at <= :now GROUP BY status""")
                .param("owIds", owIds).param("now", nowSeconds)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    /** An IO's end moved: its campaigns without an end of their own now end then (null: never). */
    void ioEndMoved(long owId, long ioId, Long endSeconds) {
        jdbc.sql("UPDATE campaign SET expires_at = ? WHERE io_id = ? AND ow_id = ? AND end_time IS NULL")
                .params(endSeconds, ioId, owId).update();
    }

    /**
     * A campaign with the names its GET answer shows, read in one statement. The IO is read by its key in
     * subqueries: as a join, PostgreSQL may merge-join the one campaign with the whole IO index when its
     * statistics place the campaign's IO early (seen in the benchmark: 50 ms instead of 0.05).
     */
    record View(Campaign campaign, String organizationName, String parentOrganizationName, String userEmail,
            String userFirstName, String userLastName, String ioName, Long ioEndTime) {
    }

    Optional<View> view(long owId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + """
                , o.name AS org_name, p.name AS parent_name, u.email, u.first_name, u.last_name,
                  (SELECT i.io_name FROM insertion_order i WHERE i.io_id = c.io_id AND i.ow_id = c.ow_id) AS io_name,
                  (SELECT i.io_end_time FROM insertion_order i WHERE i.io_id = c.io_id AND i.ow_id = c.ow_id) AS io_end_time
                FROM campaign c
                JOIN organization o ON o.ow_id = c.ow_id
                LEFT JOIN organization p ON p.ow_id = o.parent_ow_id
                JOIN membership m ON m.uow_id = c.uow_id
                JOIN app_user u ON u.id = m.user_id
                WHERE c.id = ? AND c.ow_id = ?""")
                .params(id, owId)
                .query((rs, n) -> new View(campaign(rs, n), rs.getString(AFTER_COLUMNS), rs.getString(AFTER_COLUMNS + 1),
                        rs.getString(AFTER_COLUMNS + 2), rs.getString(AFTER_COLUMNS + 3), rs.getString(AFTER_COLUMNS + 4),
                        rs.getString(AFTER_COLUMNS + 5), rs.getObject(AFTER_COLUMNS + 6, Long.class)))
                .optional();
    }

    /**
     * A campaign from a row that starts with {@link #COLUMNS}. Columns are read by position, in COLUMNS' order:
     * by name, the driver builds a name index for every result set, a cost a one-row read pays in full.
     */
    Campaign campaign(ResultSet rs, int n) throws SQLException {
        Map<String, JsonNode> settings = new LinkedHashMap<>();
        json.readTree(rs.getString(25)).properties().forEach(e -> settings.put(e.getKey(), e.getValue()));
        CampaignSpec spec = new CampaignSpec(rs.getString(6), rs.getLong(3), rs.getObject(17, Long.class), rs.getString(18),
                rs.getObject(8, Integer.class), rs.getInt(7), CampaignIds.split(rs.getString(19)),
                rs.getObject(14, Long.class), rs.getObject(15, Long.class), rs.getObject(16, Integer.class),
                rs.getBoolean(13), rs.getBigDecimal(11), rs.getBigDecimal(10), rs.getInt(9), rs.getBigDecimal(12),
                CampaignIds.split(rs.getString(20)), CampaignIds.split(rs.getString(21)),
                CampaignIds.split(rs.getString(22)), CampaignIds.split(rs.getString(23)), rs.getBoolean(24), settings);
        return new Campaign(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), CampaignStatus.of(rs.getString(5)),
                spec, rs.getString(26), rs.getInt(27), rs.getLong(28), rs.getLong(29));
    }

    /** How many columns {@link #COLUMNS} names: a query's own columns follow from this position on. */
    private static final int AFTER_COLUMNS = 30;
}
