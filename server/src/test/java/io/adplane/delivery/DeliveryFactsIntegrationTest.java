package io.adplane.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.adplane.support.IntegrationTestSupport;

class DeliveryFactsIntegrationTest extends IntegrationTestSupport {

    @Autowired
    DeliveryFacts facts;
    @Autowired
    TransactionTemplate tx;

    static Metrics spend(long impressions, long micros) {
        return new Metrics(impressions * 10, impressions * 2, impressions, impressions / 100, micros, 0, micros,
                0, 0, 0, 0, 0, 0);
    }

    List<Fact> record(List<Fact> batch, long now) {
        return tx.execute(s -> facts.record(batch, "simulator", now));
    }

    @Test
    void aFactIsCountedOnceAndTheRollupsFollowWhatArrives() {
        long owId = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41);
        long campaign = owId + 1;
        long io = owId + 2;
        long hour = 1_790_000_000L / 3600 * 3600;
        Fact first = new Fact(campaign, owId, io, hour, 20_700, 7, 1, 2, 30100001, spend(1000, 2_500_000));
        Fact second = new Fact(campaign, owId, io, hour + 3600, 20_700, 7, 1, 2, 30100001, spend(500, 1_250_000));
        Fact nextDay = new Fact(campaign, owId, io, hour + 86400, 20_701, 8, 3, 2, 30100001, spend(100, 250_000));

        assertThat(record(List.of(first, second), 1)).hasSize(2);
        // A replay, and a batch that repeats a recorded fact, add only what is new.
        assertThat(record(List.of(first, second), 2)).isEmpty();
        assertThat(record(List.of(second, nextDay), 3)).containsExactly(nextDay);

        Metrics total = facts.total(owId, campaign);
        assertThat(total.impressions()).isEqualTo(1600);
        assertThat(total.spent()).isEqualByComparingTo(new BigDecimal("4.0"));
        assertThat(facts.days(owId, campaign, 20_700, 20_701))
                .containsEntry(20_700, spend(1500, 3_750_000)).containsEntry(20_701, spend(100, 250_000));
        assertThat(facts.ioTotal(owId, io)).isEqualTo(new DeliveryFacts.IoSpend(new BigDecimal("4"), 1600));
        // Another organization's id sees nothing.
        assertThat(facts.total(owId + 5, campaign)).isEqualTo(Metrics.ZERO);
        assertThat(facts.ioTotal(owId + 5, io).impressions()).isZero();
    }

    @Test
    void largeBatchesAreWrittenInChunksAndAReplayThatOverlapsThemAddsOnlyTheNewFacts() {
        long owId = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41);
        long hour = 1_790_000_000L / 3600 * 3600;
        // 700 facts of 3 campaigns in 2 IOs over 2 days: more than two chunks, and chunks of several sizes.
        List<Fact> all = new java.util.ArrayList<>();
        for (int i = 0; i < 700; i++) {
            long campaign = owId + 1 + i % 3;
            all.add(new Fact(campaign, owId, campaign == owId + 3 ? owId + 20 : owId + 10, hour + (i / 30) * 3600L,
                    20_700 + i / 350, 1 + i % 5, 1 + (i / 5) % 6, 2, 30100001, spend(10 + i, 1000L * (i + 1))));
        }
        assertThat(record(all.subList(0, 450), 1)).containsExactlyElementsOf(all.subList(0, 450));
        // Overlaps the first batch by 150 facts: those chunks fall back to one fact at a time.
        assertThat(record(all.subList(300, 700), 2)).containsExactlyElementsOf(all.subList(450, 700));
        assertThat(record(all, 3)).isEmpty();

        for (long campaign = owId + 1; campaign <= owId + 3; campaign++) {
            long c = campaign;
            List<Fact> mine = all.stream().filter(f -> f.campaignId() == c).toList();
            assertThat(facts.total(owId, c)).isEqualTo(Metrics.sum(mine.stream().map(Fact::metrics).toList()));
            assertThat(facts.days(owId, c, 20_700, 20_701)).containsEntry(20_701,
                    Metrics.sum(mine.stream().filter(f -> f.localDay() == 20_701).map(Fact::metrics).toList()));
        }
        Metrics io = Metrics.sum(all.stream().filter(f -> f.ioId() == owId + 10).map(Fact::metrics).toList());
        assertThat(facts.ioTotal(owId, owId + 10).impressions()).isEqualTo(io.impressions());
        assertThat(facts.ioTotal(owId, owId + 10).spent()).isEqualByComparingTo(io.spent());
    }
}
