package io.adplane.controls;

import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The in-memory parts of the controls, only when they are enabled. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "adplane.controls.enabled", havingValue = "true")
class ControlsConfig {

    @Bean
    Journal journal(@Value("${adplane.controls.journal.size:1000}") int size) {
        return new Journal(size);
    }

    @Bean
    Faults faults() {
        return new Faults(() -> ThreadLocalRandom.current().nextDouble());
    }
}
