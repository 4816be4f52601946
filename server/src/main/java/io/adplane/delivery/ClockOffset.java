package io.adplane.delivery;

/**
 * A clock that runs ahead of real time by the simulation offset (S3). The server's clock is one
 * ({@link SimulationClock}); a test's clock may be another, so moving the simulation moves it too.
 */
public interface ClockOffset {

    /** Sets how far ahead of real time this clock runs, in milliseconds; never less than before. */
    void simulationOffset(long millis);

    /** Runs at real time again (E9: an emulator reset put the stored offset back to zero). */
    void backToRealTime();
}
