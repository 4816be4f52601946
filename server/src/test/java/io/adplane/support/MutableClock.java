package io.adplane.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import io.adplane.delivery.ClockOffset;

/**
 * The system clock plus an offset that tests move forward instead of sleeping; it can also stand still. It also
 * follows the server's simulation clock ({@link ClockOffset}): {@link #reset()} leaves that offset alone, as the
 * database keeps it.
 */
public final class MutableClock extends Clock implements ClockOffset {

    private final AtomicLong offsetMillis = new AtomicLong();
    /** When not {@code Long.MIN_VALUE}, the time this clock stands still at. */
    private final AtomicLong frozenAt = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong simulated = new AtomicLong();

    @Override
    public void simulationOffset(long millis) {
        simulated.accumulateAndGet(millis, Math::max);
    }

    @Override
    public void backToRealTime() {
        simulated.set(0);
    }

    public void advance(Duration duration) {
        offsetMillis.addAndGet(duration.toMillis());
    }

    /** Stops the clock at its current time, so a burst of requests all happen at one instant. */
    public void freeze() {
        frozenAt.set(System.currentTimeMillis());
    }

    public void reset() {
        offsetMillis.set(0);
        frozenAt.set(Long.MIN_VALUE);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long millis() {
        long frozen = frozenAt.get();
        return (frozen == Long.MIN_VALUE ? System.currentTimeMillis() : frozen) + offsetMillis.get() + simulated.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }
}
