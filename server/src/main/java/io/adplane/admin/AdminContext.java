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
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

import io.adplane.auth.SessionRevocations;
import io.adplane.delivery.ClockOffsets;
import io.adplane.delivery.SimulationClock;
import io.adplane.controls.Fixtures;
import io.adplane.controls.Reset;
import io.adplane.tenancy.OperatorRepository;
import io.adplane.tenancy.Passwords;
import io.adplane.tenancy.TenancyRepository;
import io.adplane.tenancy.TenancyService;

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
        ClockOffsets offsets = new ClockOffsets(JdbcClient.create(dataSource));
        context.registerBean(ClockOffsets.class, () -> offsets);
        context.registerBean(Clock.class, () -> new SimulationClock(Clock.systemUTC(), offsets::stored, 1000));
        context.registerBean(Passwords.class);
        context.registerBean(TenancyRepository.class);
        context.registerBean(OperatorRepository.class);
        context.registerBean(TenancyService.class);
        context.registerBean(SessionRevocations.class);
        context.registerBean(Reset.class);
        context.registerBean(ConsistencyCheck.class, () -> new ConsistencyCheck(context.getBean(JdbcClient.class),
                context.getBean(DataSourceTransactionManager.class)));
        context.registerBean(io.adplane.users.Mailer.class);
        context.registerBean(Fixtures.class);
        context.refresh();
        return context;
    }
}
