package io.adplane.campaign;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.adplane.api.ApiException;
import io.adplane.campaign.CampaignWriter.Edit;
import io.adplane.history.Actor;
import tools.jackson.databind.JsonNode;

/**
 * What delivery needs of campaigns (issue 13): the running ones, each with what decides its delivery and its
 * status history, and the one way delivery changes a campaign: expiry on a spent budget, through
 * {@link CampaignWriter}. A server job's view: it reads across organizations, by campaign id.
 */
@Component
public class CampaignDelivery {

    /** A status and the time (epoch ms) it began. */
    public record StatusSince(String status, long since) {
    }

    /** A campaign as delivery sees it; campaign times epoch seconds, amounts decimal, caps 0 when absent. */
    public record Deliverable(long id, long owId, long ioId, String status, int budgetTypeId, BigDecimal budgetTotal,
            BigDecimal budgetDay, BigDecimal maxBid, boolean totalBudgetPacing, Long startTime, Long endTime,
            Integer timezoneId, int ioTimezoneId, Long ioEndSeconds, BigDecimal ioTotalBudget, Long ioTotalImpressions,
            int ioBudgetTypeId, Integer creativeType, List<Long> creativeIds, Long countryId, List<Long> exchanges,
            List<Long> deviceTypes, List<Long> trafficTypes, boolean bidShading, long maxDayImpressions,
            long totalImpressions, long maxDayClicks, long totalClicks, List<StatusSince> history) {

        /** The campaign's end, else its IO's (D13); null when neither has one. */
        public Long end() {
            return endTime != null ? endTime : ioEndSeconds;
        }
    }

    private final JdbcClient jdbc;
    private final CampaignRepository campaigns;
    private final CampaignWriter writer;

    CampaignDelivery(JdbcClient jdbc, CampaignRepository campaigns, CampaignWriter writer) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.writer = writer;
    }

    /**
     * Running campaigns with an id above {@code afterId}, in id order, as (id, owId, ioId, start): the start is
     * epoch seconds, the campaign's creation when it has none.
     */
    public List<long[]> running(long afterId, int limit) {
        return jdbc.sql("SELECT id, ow_id, io_id, COALESCE(start_time, created_at / 1000) FROM campaign "
                + "WHERE status = 'running' AND id > ? ORDER BY id LIMIT ?").params(afterId, limit)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).list();
    }

    /** The campaigns of {@code owId} with these ids, with their IO's facts and status history; two queries. */
    public List<Deliverable> load(long owId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<StatusSince>> history = new HashMap<>();
        jdbc.sql("SELECT campaign_id, to_status, changed_at FROM campaign_status_change WHERE ow_id = :owId "
                + "AND campaign_id IN (:ids) ORDER BY campaign_id, id").param("owId", owId).param("ids", ids)
                .query((rs, n) -> history.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new StatusSince(rs.getString(2), rs.getLong(3))))
                .list();
        return jdbc.sql("SELECT " + CampaignRepository.COLUMNS + ", i.io_time_zone_id, i.io_end_time, i.io_total_budget, "
                + "i.io_total_impressions, i.io_budget_type_id FROM campaign c JOIN insertion_order i "
                + "ON i.io_id = c.io_id AND i.ow_id = c.ow_id WHERE c.ow_id = :owId AND c.id IN (:ids) ORDER BY c.id")
                .param("owId", owId).param("ids", ids)
                .query((rs, n) -> {
                    Campaign c = campaigns.campaign(rs, n);
                    CampaignSpec s = c.spec();
                    Long ioEnd = rs.getObject("io_end_time", Long.class);
                    return new Deliverable(c.id(), c.owId(), c.ioId(), c.status().code(), s.budgetTypeId(),
                            s.budgetTotal(), s.budgetDay(), s.maxBid(), s.totalBudgetPacing(), s.startTime(),
                            s.endTime(), s.timezone(), rs.getInt("io_time_zone_id"), ioEnd == null ? null : ioEnd / 1000,
                            rs.getBigDecimal("io_total_budget"), rs.getObject("io_total_impressions", Long.class),
                            rs.getInt("io_budget_type_id"), s.creativeType(), s.creativeIds(), s.countryId(),
                            s.exchanges(), s.deviceType(), s.trafficType(), flag(s, "isBidShading"),
                            count(s, "maxDayImpressions"), count(s, "totalImpressions"), count(s, "maxDayClicks"),
                            count(s, "totalClicks"), history.getOrDefault(c.id(), List.of()));
                })
                .list();
    }

    /**
     * Expires a running or paused campaign whose budget is spent, recording {@code reason} in its status
     * history; false when it is in no state to expire (already expired, deleted, or pending again). Call inside
     * a transaction.
     */
    public boolean expireSpent(long owId, long id, String reason) {
        try {
            Campaign c = campaigns.find(owId, id).orElse(null);
            if (c == null || (c.status() != CampaignStatus.RUNNING && c.status() != CampaignStatus.PAUSED)) {
                return false;
            }
            return writer.change(Actor.server(), owId, id, Edit.move(CampaignStatus.EXPIRED, reason, null, Map.of()))
                    .status() == CampaignStatus.EXPIRED;
        } catch (ApiException notNow) {
            return false;
        }
    }

    /** What a report shows of a campaign and its IO. */
    public record Described(long id, long owId, String name, long ioId, String ioName, String status,
            BigDecimal budgetDay, BigDecimal budgetTotal, BigDecimal maxBid, boolean totalBudgetPacing, Integer timezoneId,
            Long startTime, Long endTime, Integer creativeType, BigDecimal ioTotalBudget, int ioBudgetTypeId,
            Long ioEndSeconds, int ioTimezoneId) {
    }

    /** The campaigns of {@code owIds} with these ids (the status as a reader sees it at {@code nowSec}, D17). */
    public Map<Long, Described> describe(Collection<Long> owIds, Collection<Long> ids, long nowSec) {
        Map<Long, Described> out = new HashMap<>();
        if (owIds.isEmpty() || ids.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT c.id, c.ow_id, c.campaign_name, c.io_id, i.io_name, " + CampaignStatus.EFFECTIVE_SQL + " AS st, "
                + "c.budget_day, c.budget_total, c.max_bid, c.total_budget_pacing, c.timezone_id, c.start_time, c.end_time, "
                + "c.creative_type_id, i.io_total_budget, i.io_budget_type_id, i.io_end_time, i.io_time_zone_id "
                + "FROM campaign c JOIN insertion_order i "
                + "ON i.io_id = c.io_id AND i.ow_id = c.ow_id WHERE c.ow_id IN (:owIds) AND c.id IN (:ids)")
                .param("owIds", owIds).param("ids", ids).param("nowSec", nowSec)
                .query((rs, n) -> out.put(rs.getLong(1), new Described(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getLong(4), rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                        rs.getBigDecimal(9), rs.getBoolean(10), rs.getObject(11, Integer.class),
                        rs.getObject(12, Long.class), rs.getObject(13, Long.class), rs.getObject(14, Integer.class),
                        rs.getBigDecimal(15), rs.getInt(16), rs.getObject(17) == null ? null : rs.getLong(17) / 1000,
                        rs.getInt(18))))
                .list();
        return out;
    }

    /** Names of the IOs of {@code owIds} with these ids. */
    public Map<Long, String> ioNames(Collection<Long> owIds, Collection<Long> ioIds) {
        Map<Long, String> out = new HashMap<>();
        if (owIds.isEmpty() || ioIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT io_id, io_name FROM insertion_order WHERE ow_id IN (:owIds) AND io_id IN (:ids)")
                .param("owIds", owIds).param("ids", ioIds)
                .query((rs, n) -> out.put(rs.getLong(1), rs.getString(2))).list();
        return out;
    }

    /**
     * Ids of the campaigns of {@code owIds} in one of {@code statuses} (as a reader sees them) and of one of
     * {@code creativeTypes}; an empty list means any.
     */
    public List<Long> idsMatching(Collection<Long> owIds, Collection<String> statuses, Collection<Integer> creativeTypes,
            long nowSec) {
        if (owIds.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT c.id FROM campaign c WHERE c.ow_id IN (:owIds)");
        if (!statuses.isEmpty()) {
            sql.append(" AND ").append(CampaignStatus.EFFECTIVE_SQL).append(" IN (:statuses)");
        }
        if (!creativeTypes.isEmpty()) {
            sql.append(" AND c.creative_type_id IN (:types)");
        }
        var spec = jdbc.sql(sql.toString()).param("owIds", owIds).param("nowSec", nowSec);
        if (!statuses.isEmpty()) {
            spec = spec.param("statuses", statuses);
        }
        if (!creativeTypes.isEmpty()) {
            spec = spec.param("types", creativeTypes);
        }
        return spec.query(Long.class).list();
    }

    private static boolean flag(CampaignSpec s, String field) {
        JsonNode v = s.settings().get(field);
        return v != null && v.isBoolean() && v.booleanValue();
    }

    private static long count(CampaignSpec s, String field) {
        JsonNode v = s.settings().get(field);
        return v != null && v.canConvertToLong() && v.longValue() > 0 ? v.longValue() : 0;
    }
}
