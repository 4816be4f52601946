package io.adplane.ops;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings derived from other settings, before anything starts (also for the admin commands):
 * <ul>
 * <li>{@code adplane.in-memory=true} ({@code ./adplane serve --in-memory}): an H2 database in memory, gone when
 * the process ends; it wins over {@code ADPLANE_DB_URL}.</li>
 * <li>a libpq-style {@code ADPLANE_DB_URL} ({@code postgres://user:secret@host/db}) becomes its JDBC form, with
 * the user and password it carries ({@link DatabaseUrls}).</li>
 * <li>{@code adplane.mode}, when not set: {@code emulator} on H2, {@code production} on anything else
 * ({@link Mode}).</li>
 * <li>{@code adplane.controls.enabled}, when not set: {@code true} in emulator mode, {@code false} in production.</li>
 * </ul>
 */
public class AdplaneEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "adplaneDerived";
    /** Emulator controls (clock, reset, fixtures, journal, faults): on in emulator mode, off in production. */
    public static final String CONTROLS = "adplane.controls.enabled";
    /** The settings of adplane's embedded H2 databases (application.yml's file URL spells them too). */
    public static final String H2_SETTINGS = "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    public static final String IN_MEMORY_URL = "jdbc:h2:mem:adplane;" + H2_SETTINGS + ";DB_CLOSE_DELAY=-1";

    @Override
    public int getOrder() {
        // After the config data (application.yml) has been loaded.
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> derived = new HashMap<>();
        String url;
        if (environment.getProperty("adplane.in-memory", Boolean.class, false)) {
            url = IN_MEMORY_URL;
            derived.put("spring.datasource.url", url);
            derived.put("spring.datasource.username", "sa");
            derived.put("spring.datasource.password", "");
        } else {
            url = environment.getProperty("spring.datasource.url", "");
            if (DatabaseUrls.isLibpq(url)) {
                DatabaseUrls.Jdbc jdbc = DatabaseUrls.fromLibpq(url);
                url = jdbc.url();
                derived.put("spring.datasource.url", url);
                if (jdbc.user() != null) {
                    derived.put("spring.datasource.username", jdbc.user());
                }
                if (jdbc.password() != null) {
                    derived.put("spring.datasource.password", jdbc.password());
                }
            }
        }
        if (environment.getProperty(Mode.PROPERTY, "").isBlank()) {
            derived.put(Mode.PROPERTY, url.startsWith("jdbc:h2:") ? Mode.EMULATOR.code() : Mode.PRODUCTION.code());
        }
        if (environment.getProperty(CONTROLS, "").isBlank()) {
            // Leniently: an invalid mode is reported by the start-up checks, as one line.
            String mode = String.valueOf(derived.getOrDefault(Mode.PROPERTY,
                    environment.getProperty(Mode.PROPERTY, Mode.EMULATOR.code())));
            derived.put(CONTROLS, String.valueOf(Mode.EMULATOR.code().equalsIgnoreCase(mode.strip())));
        }
        if (!derived.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, derived));
        }
    }
}
