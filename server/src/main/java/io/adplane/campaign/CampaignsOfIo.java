package io.adplane.campaign;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.adplane.api.ApiException;
import io.adplane.auth.Caller;
import io.adplane.campaign.CampaignWriter.Edit;
import io.adplane.history.Actor;
import io.adplane.insertionorder.IoCampaigns;

/** The campaign side of IO operations: deleting an IO deletes its campaigns; duplicating copies them; D13. */
@Component
class CampaignsOfIo implements IoCampaigns {

    private final CampaignWriter writer;
    private final CampaignRepository campaigns;
    private final CampaignBulkEdits edits;

    CampaignsOfIo(CampaignWriter writer, CampaignRepository campaigns, CampaignBulkEdits edits) {
        this.writer = writer;
        this.campaigns = campaigns;
        this.edits = edits;
    }

    @Override
    public void deleteAll(Caller caller, Collection<Long> ioIds) {
        Actor actor = Actor.of(caller);
        for (Long ioId : ioIds) {
            for (long id : campaigns.idsOfIo(caller.owId(), ioId)) {
                writer.change(actor, caller.owId(), id,
                        Edit.move(CampaignStatus.DELETED, "insertion order deleted", null, Map.of()));
            }
        }
    }

    /** Copies the campaigns the IQM docs name (running, paused, pending, expired or rejected) into the new IO. */
    @Override
    public List<Long> duplicate(Caller caller, long sourceIoId, Collection<Long> campaignIds, long targetIoId,
            long startSeconds, Long endSeconds) {
        List<Campaign> sources = campaigns.findAll(caller.owId(), campaignIds);
        if (sources.size() != new HashSet<>(campaignIds).size()
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
    public void endMoved(long owId, long ioId, Long ioEndMillis) {
        campaigns.ioEndMoved(owId, ioId, ioEndMillis == null ? null : ioEndMillis / 1000);
    }

    @Override
    public Flights flights(long owId, long ioId) {
        CampaignRepository.Flights f = campaigns.flightsOfIo(owId, ioId);
        return new Flights(f.earliestStart(), f.latestStart(), f.latestEnd());
    }
}
