package io.adplane.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class LoginThrottleTest {

    /** The defaults, as {@code application.yml} leaves them. */
    private final AuthSettings defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("adplane.auth", AuthSettings.class);
    private final LoginThrottle throttle = new LoginThrottle(null, null, defaults);

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
