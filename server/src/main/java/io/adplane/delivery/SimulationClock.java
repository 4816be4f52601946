package io.adplane.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The server's clock (S3): real time plus the simulation offset stored in the database, so two instances agree.
 * The offset is re-read at most once per {@code refreshMillis} (by one caller at a time; the others use the
 * value they have), and at once on this instance when it advances the clock. It goes back only at an emulator
 * reset (E9), which the stored count of resets announces: otherwise a read lower than the offset already seen is a
 * stale one and is ignored.
 */
public final class SimulationClock extends Clock implements ClockOffset {

    private final Clock real;
    private final Supplier<ClockOffsets.Stored> stored;
    private final AtomicLong resets = new AtomicLong();
    private final long refreshMillis;
    private final AtomicLong offset = new AtomicLong();
    private final AtomicLong readAt = new AtomicLong(Long.MIN_VALUE);
    private final AtomicBoolean reading = new AtomicBoolean();

    public SimulationClock(Clock real, Supplier<ClockOffsets.Stored> stored, long refreshMillis) {
        this.real = real;
        this.stored = stored;
        this.refreshMillis = refreshMillis;
    }

    @Override
    public void simulationOffset(long millis) {
        offset.accumulateAndGet(millis, Math::max);
    }

    @Override
    public void backToRealTime() {
        offset.set(0);
        readAt.set(Long.MIN_VALUE);
    }

    @Override
    public long millis() {
        long now = real.millis();
        long last = readAt.get();
        if ((last == Long.MIN_VALUE || now - last >= refreshMillis) && reading.compareAndSet(false, true)) {
            try {
                ClockOffsets.Stored read = stored.get();
                synchronized (resets) {
                    if (read.resets() > resets.get()) {
                        resets.set(read.resets());
                        offset.set(read.offsetMillis());
                    } else {
                        simulationOffset(read.offsetMillis());
                    }
                }
                readAt.set(now);
            } catch (RuntimeException unavailable) {
                // The database is down or not yet migrated: keep the offset seen last; the next read tries again.
            } finally {
                reading.set(false);
            }
        }
        return now + offset.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The simulation clock is UTC");
    }
}
