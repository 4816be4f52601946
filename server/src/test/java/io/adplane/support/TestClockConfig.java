package io.adplane.support;

import java.time.Clock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Replaces the server's clock with a {@link MutableClock} (the bean named {@code clock} is overridden). */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfig {

    @Bean
    Clock clock() {
        return new MutableClock();
    }
}
