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

    /** The stored offset and how many resets have put it back to zero (E9). */
    public record Stored(long offsetMillis, long resets) {
    }

    public long offsetMillis() {
        return stored().offsetMillis();
    }

    public Stored stored() {
        return jdbc.sql("SELECT offset_millis, resets FROM simulation_clock WHERE id = 1")
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getLong(2))).optional().orElse(new Stored(0, 0));
    }

    /**
     * Puts the clock back to real time (E9: an emulator reset), counting the reset so every instance takes the lower
     * offset; writes the row when a reset of an older version emptied the table.
     */
    public void backToRealTime(long realNow) {
        if (jdbc.sql("UPDATE simulation_clock SET offset_millis = 0, resets = resets + 1, modified_at = ? WHERE id = 1")
                .param(realNow).update() == 0) {
            jdbc.sql("INSERT INTO simulation_clock (id, offset_millis, modified_at, resets) VALUES (1, 0, ?, 1)")
                    .param(realNow).update();
        }
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
