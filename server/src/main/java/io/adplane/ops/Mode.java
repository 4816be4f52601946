package io.adplane.ops;

import java.util.Locale;

import org.springframework.core.env.Environment;

/**
 * How adplane runs: as an {@code emulator} (a stateful IQM-compatible server to build and test integrations
 * against; the default on the embedded database) or in {@code production} (the default when PostgreSQL is
 * configured). Set {@code adplane.mode} ({@code ADPLANE_MODE}) to choose. Production mode refuses settings meant
 * for tests ({@code adplane.passwords.cost=low}) and will keep emulator controls and the live Swagger examples
 * off; features gate on it with {@code @ConditionalOnProperty(name = "adplane.mode", havingValue = "emulator")}.
 */
public enum Mode {
    EMULATOR, PRODUCTION;

    public static final String PROPERTY = "adplane.mode";

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode of a prepared environment ({@link AdplaneEnvironment} always sets one). */
    public static Mode of(Environment environment) {
        return of(environment.getProperty(PROPERTY, "emulator"));
    }

    public static Mode of(String value) {
        for (Mode m : values()) {
            if (m.code().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return m;
            }
        }
        throw new StartupProblem("adplane.mode (ADPLANE_MODE) must be 'emulator' or 'production', not '" + value + "'");
    }
}
