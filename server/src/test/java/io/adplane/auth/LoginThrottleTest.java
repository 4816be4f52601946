package io.adplane.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle(null, null, new AuthSettings(Duration.ofSeconds(35999),
            Duration.ofDays(30), Duration.ofSeconds(1), 5, Duration.ofSeconds(1), Duration.ofMinutes(15),
            Duration.ofMinutes(15), Duration.ofSeconds(10)));

    @Test
    void fiveFailuresAreFreeThenTheLockDoublesUpToFifteenMinutes() {
        assertThat(throttle.delayMillis(1)).isZero();
        assertThat(throttle.delayMillis(5)).isZero();
        assertThat(throttle.delayMillis(6)).isEqualTo(1_000);
        assertThat(throttle.delayMillis(7)).isEqualTo(2_000);
        assertThat(throttle.delayMillis(10)).isEqualTo(16_000);
        assertThat(throttle.delayMillis(16)).isEqualTo(900_000);
        assertThat(throttle.delayMillis(1_000)).isEqualTo(900_000);
    }
}
