package io.adplane.campaign;

import static io.adplane.campaign.CampaignStatus.DELETED;
import static io.adplane.campaign.CampaignStatus.DRAFT;
import static io.adplane.campaign.CampaignStatus.EXPIRED;
import static io.adplane.campaign.CampaignStatus.PAUSED;
import static io.adplane.campaign.CampaignStatus.PENDING;
import static io.adplane.campaign.CampaignStatus.REJECTED;
import static io.adplane.campaign.CampaignStatus.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.adplane.api.ApiException;
import io.adplane.campaign.CampaignStatus.Move;

/** D15: exactly the documented moves exist; everything else is a 409 that names both states. */
class CampaignStatusTest {

    private static final Map<CampaignStatus, Set<CampaignStatus>> ALLOWED = Map.of(
            DRAFT, EnumSet.of(PENDING, DELETED),
            PENDING, EnumSet.of(RUNNING, REJECTED, DELETED),
            RUNNING, EnumSet.of(PAUSED, EXPIRED, PENDING, DELETED),
            PAUSED, EnumSet.of(RUNNING, EXPIRED, PENDING, DELETED),
            REJECTED, EnumSet.of(PENDING, DELETED),
            EXPIRED, EnumSet.of(RUNNING, DELETED),
            DELETED, EnumSet.noneOf(CampaignStatus.class));

    @Test
    void everyPairIsAllowedOrA409() {
        for (CampaignStatus from : CampaignStatus.values()) {
            for (CampaignStatus to : CampaignStatus.values()) {
                if (ALLOWED.get(from).contains(to)) {
                    assertThat(from.moveTo(to)).as(from + "->" + to).isNotNull();
                } else {
                    assertThatThrownBy(() -> from.moveTo(to)).as(from + "->" + to)
                            .isInstanceOf(ApiException.class)
                            .hasMessage("Campaign status cannot change from '" + from.code() + "' to '" + to.code() + "'.")
                            .extracting(e -> ((ApiException) e).status().value()).isEqualTo(409);
                }
            }
        }
    }

    @Test
    void movesAreNamedForWhoMayMakeThem() {
        assertThat(PENDING.moveTo(RUNNING)).isEqualTo(Move.APPROVE);
        assertThat(PENDING.moveTo(REJECTED)).isEqualTo(Move.REJECT);
        assertThat(PAUSED.moveTo(RUNNING)).isEqualTo(Move.RESUME);
        assertThat(EXPIRED.moveTo(RUNNING)).isEqualTo(Move.RERUN);
        assertThat(DRAFT.moveTo(PENDING)).isEqualTo(Move.SUBMIT);
        assertThat(REJECTED.moveTo(PENDING)).isEqualTo(Move.RESUBMIT);
        assertThat(RUNNING.moveTo(DELETED)).isEqualTo(Move.DELETE);
        assertThat(RUNNING.moveTo(PENDING)).isEqualTo(Move.REVIEW);
        assertThat(PAUSED.moveTo(PENDING)).isEqualTo(Move.REVIEW);
    }

    @Test
    void runningAndPausedReadAsExpiredOnceTheEndHasPassed() {
        assertThat(RUNNING.effective(100L, null, 100)).isEqualTo(EXPIRED);
        assertThat(PAUSED.effective(99L, null, 100)).isEqualTo(EXPIRED);
        assertThat(RUNNING.effective(101L, null, 100)).isEqualTo(RUNNING);
        assertThat(RUNNING.effective(null, null, 100)).isEqualTo(RUNNING);
        assertThat(PENDING.effective(1L, 1L, 100)).isEqualTo(PENDING);
    }

    @Test
    void aCampaignWithoutAnEndEndsWithItsIo() {
        assertThat(RUNNING.effective(null, 100L, 100)).isEqualTo(EXPIRED);
        assertThat(PAUSED.effective(null, 101L, 100)).isEqualTo(PAUSED);
        // Its own end wins over the IO's.
        assertThat(RUNNING.effective(200L, 100L, 150)).isEqualTo(RUNNING);
    }
}
