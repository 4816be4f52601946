package io.adplane.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The cap on password checks, deterministically: one check at a time and a queue of one, the check held
 * open by a latch, so the burst the integration test can only hope for is made exactly.
 */
class PasswordCapacityTest {

    private static AuthSettings settings(int concurrency, int queue, Duration timeout) {
        return new AuthSettings(Duration.ofHours(1), Duration.ofDays(30), Duration.ofSeconds(1), 5,
                Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofSeconds(10),
                concurrency, queue, timeout, 100, 1000, Duration.ofMinutes(1));
    }

    @Test
    void pastTheRunningCheckAndTheQueueALoginIsTurnedAwayAtOnce() throws Exception {
        PasswordCapacity capacity = new PasswordCapacity(settings(1, 1, Duration.ofSeconds(10)));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> capacity.run(() -> {
            running.countDown();
            await(release);
            return "first";
        }));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> queued = CompletableFuture.supplyAsync(() -> capacity.run(() -> "queued"));
        waitUntilQueued(capacity);

        long started = System.nanoTime();
        assertThatThrownBy(() -> capacity.run(() -> "third")).isInstanceOf(PasswordCapacity.Busy.class)
                .hasMessage(PasswordCapacity.BUSY);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo("queued");
        // The permit and the queue place came back: the next login runs.
        assertThat(capacity.run(() -> "later")).isEqualTo("later");
    }

    @Test
    void aQueuedLoginThatWaitsTooLongIsTurnedAway() throws Exception {
        PasswordCapacity capacity = new PasswordCapacity(settings(1, 4, Duration.ofMillis(50)));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> capacity.run(() -> {
            running.countDown();
            await(release);
            return "first";
        }));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> capacity.run(() -> "late")).isInstanceOf(PasswordCapacity.Busy.class);
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
    }

    @Test
    void aThreadHoldingAPermitRunsItsChecksUnderIt() {
        PasswordCapacity capacity = new PasswordCapacity(settings(1, 0, Duration.ofMillis(50)));
        // The token endpoint's request holds the only permit; its password check and rehash run under it
        // instead of waiting for a second one.
        try (PasswordCapacity.Permit request = capacity.enter()) {
            assertThat(capacity.run(() -> capacity.run(() -> "checked"))).isEqualTo("checked");
            assertThatThrownBy(() -> CompletableFuture.supplyAsync(() -> capacity.run(() -> "other")).join())
                    .hasCauseInstanceOf(PasswordCapacity.Busy.class);
        }
        // Closing the request's permit gave the only one back; the inner checks gave back nothing extra.
        assertThat(CompletableFuture.supplyAsync(() -> capacity.run(() -> "next")).join()).isEqualTo("next");
        try (PasswordCapacity.Permit one = capacity.enter()) {
            assertThatThrownBy(() -> CompletableFuture.supplyAsync(capacity::enter).join())
                    .hasCauseInstanceOf(PasswordCapacity.Busy.class);
        }
    }

    private static void waitUntilQueued(PasswordCapacity capacity) throws InterruptedException {
        for (int i = 0; i < 500 && capacity.waiting() == 0; i++) {
            Thread.sleep(10);
        }
        assertThat(capacity.waiting()).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
