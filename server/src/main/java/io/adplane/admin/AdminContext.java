package io.adplane.admin;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

import io.adplane.tenancy.OperatorRepository;
import io.adplane.tenancy.Passwords;
import io.adplane.tenancy.TenancyRepository;
import io.adplane.tenancy.TenancyService;
import io.adplane.tenancy.UserSessionsRevoked;

/**
 * The admin commands' Spring context: the configured environment (application.yml, environment variables,
 * system properties, as for {@code serve}), one database connection, and the tenancy beans whose rules the
 * HTTP API uses too. No web server, no auto-configuration, no Flyway: it starts in a fraction of a second.
 */
final class AdminContext {

    private AdminContext() {
    }

    /** An empty application whose only purpose is to prepare the environment the way {@code serve} does. */
    @Configuration(proxyBeanMethods = false)
    static class EnvironmentOnly {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement(proxyTargetClass = true)
    static class Beans {
    }

    /** The environment of {@code serve}: the same property sources, profiles and adplane's defaults. */
    static ConfigurableEnvironment environment() {
        SpringApplication application = new SpringApplicationBuilder(EnvironmentOnly.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .build();
        // Logging stays as the process set it up (AdminCli.main: warnings on standard error), not as serve's.
        application.setListeners(application.getListeners().stream()
                .filter(l -> !(l instanceof LoggingApplicationListener)).toList());
        try (ConfigurableApplicationContext env = application.run()) {
            return env.getEnvironment();
        }
    }

    /** The tenancy beans on {@code dataSource}. */
    static AnnotationConfigApplicationContext start(ConfigurableEnvironment environment, DataSource dataSource) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.setEnvironment(environment);
        context.register(Beans.class);
        context.registerBean(DataSource.class, () -> dataSource);
        context.registerBean(JdbcClient.class, () -> JdbcClient.create(dataSource));
        context.registerBean("transactionManager", DataSourceTransactionManager.class,
                () -> new DataSourceTransactionManager(dataSource));
        context.registerBean(Clock.class, Clock::systemUTC);
        context.registerBean(Passwords.class);
        context.registerBean(TenancyRepository.class);
        context.registerBean(OperatorRepository.class);
        context.registerBean(TenancyService.class);
        context.registerBean(SessionRevoker.class);
        context.refresh();
        return context;
    }

    /**
     * Ends a user's logins when tenancy says so ({@link UserSessionsRevoked}, D3), in the command's transaction.
     * In the server the auth feature does this; the admin context has no auth beans, so it runs the same single
     * statement on auth's session table. Another instance's bearer-gate cache forgets within its TTL (D20).
     */
    static class SessionRevoker {

        private final JdbcClient jdbc;
        private final Clock clock;

        SessionRevoker(JdbcClient jdbc, Clock clock) {
            this.jdbc = jdbc;
            this.clock = clock;
        }

        @EventListener
        void on(UserSessionsRevoked event) {
            jdbc.sql("UPDATE auth_session SET revoked_at = ?, revoke_reason = ? WHERE user_id = ? AND revoked_at IS NULL")
                    .params(clock.millis(), event.reason(), event.userId()).update();
        }
    }
}
