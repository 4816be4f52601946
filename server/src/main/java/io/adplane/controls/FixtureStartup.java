package io.adplane.controls;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.adplane.ops.AdplaneEnvironment;

/**
 * Loads {@code adplane.fixtures} ({@code ADPLANE_FIXTURES}) once the server has started and bootstrapped, before
 * it reports ready (E5). A fixture is an emulator control: with the controls off the start fails and says so.
 */
@Component
class FixtureStartup {

    private static final Logger log = LoggerFactory.getLogger(FixtureStartup.class);

    private final Fixtures fixtures;
    private final Environment environment;

    FixtureStartup(Fixtures fixtures, Environment environment) {
        this.fixtures = fixtures;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        String file = environment.getProperty("adplane.fixtures", "");
        if (file.isBlank()) {
            return;
        }
        if (!environment.getProperty(AdplaneEnvironment.CONTROLS, Boolean.class, false)) {
            throw new IllegalStateException("ADPLANE_FIXTURES (adplane.fixtures) is an emulator control, and the controls"
                    + " are off (production mode): set ADPLANE_CONTROLS_ENABLED=true or unset ADPLANE_FIXTURES");
        }
        Path path = Path.of(file.strip()).toAbsolutePath();
        FixtureLoaded loaded = fixtures.load(Fixtures.read(path), path.getParent());
        log.info("Loaded the fixture {}: {} workspaces, {} organizations, {} users, {} clients, {} creatives, {} IOs,"
                + " {} campaigns", file.strip(), loaded.workspaces(), loaded.organizations(), loaded.users(),
                loaded.clients(), loaded.creatives(), loaded.insertionOrders(), loaded.campaigns());
    }
}
