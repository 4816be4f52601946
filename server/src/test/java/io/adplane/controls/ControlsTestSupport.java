package io.adplane.controls;

import static java.nio.charset.StandardCharsets.UTF_8;

import javax.sql.DataSource;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import com.zaxxer.hikari.HikariDataSource;

import io.adplane.support.IntegrationTestSupport;
import io.adplane.support.TestDatabase;

/**
 * The integration tier on a database of its own: the controls reset and reload everything, which the tests sharing
 * the main database must never see. Tests here still make their own organizations: a reset may run between two.
 */
@Import(ControlsTestSupport.SeparateDatabase.class)
abstract class ControlsTestSupport extends IntegrationTestSupport {

    /**
     * Runs {@code ./adplane admin ...} on this database, as the launcher would; asserts it succeeds and answers what it
     * printed.
     */
    protected static String adminCli(String... args) {
        CliRun run = adminCliRun(args);
        org.assertj.core.api.Assertions.assertThat(run.code()).as("%s: %s", String.join(" ", args), run.err()).isZero();
        return run.out();
    }

    /** What an admin command printed and its exit code. */
    protected record CliRun(int code, String out, String err) {
    }

    protected static CliRun adminCliRun(String... args) {
        String before = System.getProperty("spring.datasource.url");
        System.setProperty("spring.datasource.url", TestDatabase.separateUrl("controls"));
        System.setProperty("spring.datasource.username", TestDatabase.user());
        System.setProperty("spring.datasource.password", TestDatabase.password());
        System.setProperty("adplane.mode", "emulator");
        try {
            var out = new java.io.ByteArrayOutputStream();
            var err = new java.io.ByteArrayOutputStream();
            int code = io.adplane.admin.AdminCli.run(System.in, new java.io.PrintStream(out, true, UTF_8),
                    new java.io.PrintStream(err, true, UTF_8), args);
            return new CliRun(code, out.toString(UTF_8), err.toString(UTF_8));
        } finally {
            System.clearProperty("adplane.mode");
            System.clearProperty("spring.datasource.username");
            System.clearProperty("spring.datasource.password");
            if (before == null) {
                System.clearProperty("spring.datasource.url");
            } else {
                System.setProperty("spring.datasource.url", before);
            }
        }
    }

    /** The database of the controls' tests ({@link TestDatabase#separateUrl}), in place of the shared one. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SeparateDatabase {
        @Bean
        DataSource dataSource() {
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(TestDatabase.separateUrl("controls"));
            pool.setUsername(TestDatabase.user());
            pool.setPassword(TestDatabase.password());
            pool.setMaximumPoolSize(8);
            return pool;
        }
    }
}
