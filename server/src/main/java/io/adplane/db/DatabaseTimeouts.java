package io.adplane.db;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Bounded waits on every connection adplane opens (issue 18): a statement runs at most
 * {@code adplane.db.statement-timeout} (5 s) and waits for a row lock at most {@code adplane.db.lock-timeout}
 * (2 s), so one stuck transaction holds the others up for seconds, not minutes; a request that can't get a
 * connection within {@code spring.datasource.hikari.connection-timeout} gives up. Set per database, as each
 * spells it. The pool is sized to the machine (three connections per core, at least 4) unless
 * {@code ADPLANE_DB_POOL_SIZE} says otherwise.
 */
@Component
class DatabaseTimeouts implements BeanPostProcessor {

    private final Duration statementTimeout;
    private final Duration lockTimeout;
    private final int poolSize;

    DatabaseTimeouts(@Value("${adplane.db.statement-timeout:5s}") Duration statementTimeout,
            @Value("${adplane.db.lock-timeout:2s}") Duration lockTimeout,
            @Value("${adplane.db.pool-size:0}") int poolSize) {
        this.statementTimeout = statementTimeout;
        this.lockTimeout = lockTimeout;
        this.poolSize = poolSize;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
            pool.setConnectionInitSql(initSql(pool.getJdbcUrl()));
            pool.setMaximumPoolSize(poolSize > 0 ? poolSize : defaultPoolSize());
        }
        return bean;
    }

    static int defaultPoolSize() {
        return Math.max(4, 3 * Runtime.getRuntime().availableProcessors());
    }

    String initSql(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return "SET statement_timeout = " + statementTimeout.toMillis() + "; SET lock_timeout = " + lockTimeout.toMillis();
        }
        if (url.startsWith("jdbc:h2:")) {
            return "SET QUERY_TIMEOUT " + statementTimeout.toMillis() + "; SET LOCK_TIMEOUT " + lockTimeout.toMillis();
        }
        return null;
    }
}
