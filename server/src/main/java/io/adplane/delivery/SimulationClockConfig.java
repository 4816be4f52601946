package io.adplane.delivery;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The one clock every rule reads (S3): real time plus the stored simulation offset. */
@Configuration(proxyBeanMethods = false)
class SimulationClockConfig {

    @Bean
    ClockOffsets clockOffsets(JdbcClient jdbc) {
        return new ClockOffsets(jdbc);
    }

    @Bean
    Clock clock(ClockOffsets offsets, @Value("${adplane.simulation.clock-refresh:1s}") java.time.Duration refresh) {
        return new SimulationClock(Clock.systemUTC(), offsets::stored, refresh.toMillis());
    }
}
