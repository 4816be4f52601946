package io.adplane.delivery;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The stored simulation offset (S3): one row, moved only forward by one atomic statement, so concurrent
 * advances add up and every instance reads the same value. Plain JDBC, so the admin commands can use it.
 */
public final class ClockOffsets {

    private final JdbcClient jdbc;

    public ClockOffsets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long offsetMillis() {
        return jdbc.sql("SELECT offset_millis FROM simulation_clock WHERE id = 1").query(Long.class).optional().orElse(0L);
    }

    /** Adds {@code millis} (positive) to the offset; the new offset. */
    public long advance(long millis, long realNow) {
        if (millis <= 0) {
            throw new IllegalArgumentException("The clock moves only forward");
        }
        jdbc.sql("UPDATE simulation_clock SET offset_millis = offset_millis + ?, modified_at = ? WHERE id = 1")
                .params(millis, realNow).update();
        return offsetMillis();
    }
}
