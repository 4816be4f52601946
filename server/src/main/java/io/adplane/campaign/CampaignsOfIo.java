package io.adplane.campaign;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.adplane.api.ApiException;
import io.adplane.auth.Caller;
import io.adplane.insertionorder.IoCampaigns;

/** The campaign side of IO operations: deleting an IO deletes its campaigns; duplicating copies them. */
@Component
class CampaignsOfIo implements IoCampaigns {

    private final CampaignRepository campaigns;
    private final CampaignBulkEdits edits;
    private final JdbcClient jdbc;
    private final Clock clock;

    CampaignsOfIo(CampaignRepository campaigns, CampaignBulkEdits edits, JdbcClient jdbc, Clock clock) {
        this.campaigns = campaigns;
        this.edits = edits;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void deleteAll(Caller caller, Collection<Long> ioIds) {
        long now = clock.millis();
        for (Long ioId : ioIds) {
            for (Campaign c : campaigns.byIo(caller.owId(), ioId, true)) {
                if (campaigns.setStatus(caller.owId(), c.id(), c.status(), CampaignStatus.DELETED, null, null,
                        caller.uowId(), now)) {
                    campaigns.recordStatusChange(c.id(), caller.owId(), c.status(), CampaignStatus.DELETED,
                            "insertion order deleted", caller.uowId(), now);
                }
            }
        }
    }

    /** Copies the campaigns the IQM docs name (running, paused, pending, expired or rejected) into the new IO. */
    @Override
    public List<Long> duplicate(Caller caller, long sourceIoId, Collection<Long> campaignIds, long targetIoId,
            long startSeconds, Long endSeconds) {
        List<Campaign> sources = campaigns.findAll(caller.owId(), campaignIds);
        if (sources.size() != new java.util.HashSet<>(campaignIds).size()
                || sources.stream().anyMatch(c -> c.ioId() != sourceIoId || c.status() == CampaignStatus.DELETED
                        || c.status() == CampaignStatus.DRAFT)) {
            throw ApiException.unprocessable("ioExistingCampaignIds",
                    "ioExistingCampaignIds must be running, paused, pending, expired or rejected campaigns of the IO.");
        }
        List<Long> copies = new ArrayList<>();
        for (Campaign c : sources) {
            copies.add(edits.copy(caller, c.id(), targetIoId, startSeconds, endSeconds == null ? 0 : endSeconds, null));
        }
        return copies;
    }

    @Override
    public BigDecimal allocatedBudget(long owId, long ioId) {
        return jdbc.sql("SELECT COALESCE(SUM(budget_total), 0) FROM campaign WHERE ow_id = ? AND io_id = ? AND status <> 'deleted'")
                .params(owId, ioId).query(BigDecimal.class).single();
    }

    @Override
    public long allocatedImpressions(long owId, long ioId) {
        long sum = 0;
        for (Campaign c : campaigns.byIo(owId, ioId, false)) {
            var v = c.settings().get("totalImpressions");
            sum += v != null && v.canConvertToLong() ? v.longValue() : 0;
        }
        return sum;
    }
}
