package io.adplane.controls;

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
