package io.adplane.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.adplane.support.TestDatabase;

/** The start-up failures of {@link StartupFailuresTest} that need a PostgreSQL server: run in the PostgreSQL tier. */
class StartupFailuresPostgresTest {

    @Test
    void aLibpqUrlIsTranslatedAndAnUnknownRoleNamed() throws Exception {
        TestDatabase.assumeAvailable();
        try (ServerProcess server = ServerProcess.start(Map.of("ADPLANE_DB_URL", "postgres://nobody-here:pw@127.0.0.1:5432/test"))) {
            assertThat(StartupFailuresTest.onlyLine(server)).isEqualTo("adplane: cannot start: the database has no role 'nobody-here'"
                    + " (ADPLANE_DB_USER) at jdbc:postgresql://127.0.0.1:5432/test");
        }
        try (ServerProcess server = ServerProcess.start(Map.of("ADPLANE_DB_URL", "postgresql://postgres@127.0.0.1:5432/no_such_db_here"))) {
            assertThat(StartupFailuresTest.onlyLine(server)).startsWith("adplane: cannot start: the database in ADPLANE_DB_URL does not exist");
        }
        try (ServerProcess server = ServerProcess.start(Map.of("ADPLANE_DB_URL", "jdbc:postgresql://127.0.0.1:1/test"))) {
            assertThat(StartupFailuresTest.onlyLine(server)).startsWith("adplane: cannot start: cannot reach the database at"
                    + " jdbc:postgresql://127.0.0.1:1/test (ADPLANE_DB_URL): Connection to 127.0.0.1:1 refused");
        }
    }
}
