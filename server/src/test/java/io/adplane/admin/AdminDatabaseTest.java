package io.adplane.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The admin commands compare a database's schema with the newest migration of this build, SQL or Java. */
class AdminDatabaseTest {

    @Test
    void theNewestMigrationMayBeAJavaMigration() {
        // V115 (tenant keys, P2) is a Java migration: a build whose newest migration is a class is not "behind".
        assertThat(AdminDatabase.latestMigration()).isNotEmpty();
        assertThat(AdminDatabase.latestMigration().get(0)).isGreaterThanOrEqualTo(115);
    }
}
