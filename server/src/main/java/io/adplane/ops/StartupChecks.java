package io.adplane.ops;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

import io.adplane.tenancy.Passwords;

/**
 * What {@code serve} checks before it builds anything, so that a bad setting is one line at once, not a stack
 * trace after the whole start: the mode and password cost, the bootstrap admin's password, the database URL,
 * the embedded database's data directory, the database's credentials (one connection), and the HTTP port. Each
 * failure is a {@link StartupProblem} naming the setting. Runs right after logging is set up, for web
 * applications only (the admin commands make their own checks).
 */
public class StartupChecks implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (event.getSpringApplication().getWebApplicationType() != WebApplicationType.SERVLET
                || !event.getEnvironment().getProperty("adplane.startup-checks.enabled", Boolean.class, true)) {
            return;
        }
        check(event.getEnvironment());
    }

    static void check(ConfigurableEnvironment env) {
        Mode mode = Mode.of(env);
        String cost = env.getProperty("adplane.passwords.cost", "standard").strip();
        if (!cost.equalsIgnoreCase("standard") && !cost.equalsIgnoreCase("low")) {
            throw new StartupProblem("adplane.passwords.cost (ADPLANE_PASSWORDS_COST) must be 'standard' or 'low', not '" + cost + "'");
        }
        if (mode == Mode.PRODUCTION && cost.equalsIgnoreCase("low")) {
            throw new StartupProblem("adplane.passwords.cost=low is for tests and development and is refused in production mode;"
                    + " remove it, or set ADPLANE_MODE=emulator");
        }
        String bootstrapPassword = env.getProperty("adplane.bootstrap.password", "");
        String refused = bootstrapPassword.isEmpty() ? null : Passwords.problem(bootstrapPassword);
        if (refused != null) {
            throw new StartupProblem("adplane.bootstrap.password (ADPLANE_BOOTSTRAP_PASSWORD) is refused: " + refused);
        }
        String url = env.getProperty("spring.datasource.url", "");
        checkUrl(url);
        if (DatabaseUrls.isH2File(url)) {
            checkDataDirectory(DatabaseUrls.h2File(url));
        }
        checkConnection(url, env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password"));
        int port = env.getProperty("server.port", Integer.class, 8080);
        if (port > 0) {
            checkPort(env.getProperty("server.address"), port);
        }
    }

    static void checkUrl(String url) {
        if (url.isBlank()) {
            throw new StartupProblem("ADPLANE_DB_URL is empty: leave it unset for the embedded database, or give"
                    + " jdbc:postgresql://host:5432/database");
        }
        if (!url.startsWith("jdbc:postgresql://") && !url.startsWith("jdbc:h2:")) {
            throw new StartupProblem("ADPLANE_DB_URL '" + DatabaseUrls.redact(url) + "' is not a database URL adplane"
                    + " supports: use jdbc:postgresql://host:5432/database (or postgres://user:password@host:5432/database)");
        }
    }

    /** The data directory exists or can be made, and adplane can write there (also as root, on a read-only mount). */
    static void checkDataDirectory(Path dbFile) {
        Path dir = dbFile.getParent();
        String where = "the data directory " + dir + " (ADPLANE_DATA_DIR)";
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StartupProblem(where + " is not a directory");
        }
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".adplane-write-check", ".tmp");
            Files.delete(probe);
        } catch (AccessDeniedException e) {
            throw new StartupProblem(where + " is not writable: permission denied; point ADPLANE_DATA_DIR at a directory"
                    + " adplane may write, or fix its permissions");
        } catch (FileSystemException e) {
            String reason = e.getReason() != null ? e.getReason()
                    : e instanceof java.nio.file.NoSuchFileException ? "it cannot be created there" : e.toString();
            throw new StartupProblem(where + " is not writable: " + reason + "; point ADPLANE_DATA_DIR at a writable directory");
        } catch (IOException e) {
            throw new StartupProblem(where + " is not writable: " + e.getMessage());
        }
        if (Files.exists(dbFile) && !Files.isWritable(dbFile)) {
            throw new StartupProblem("the database file " + dbFile + " is read-only; adplane needs to write it");
        }
    }

    /**
     * One connection with the configured credentials, so that a wrong password (or a PostgreSQL too old for
     * adplane's statements) is named before anything starts.
     */
    static void checkConnection(String url, String user, String password) {
        DriverManager.setLoginTimeout(10);
        int major;
        String product;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.isValid(5);
            product = c.getMetaData().getDatabaseProductName();
            major = c.getMetaData().getDatabaseMajorVersion();
        } catch (SQLException e) {
            throw new StartupProblem(DatabaseProblems.describe(url, user, e));
        }
        checkVersion(DatabaseUrls.redact(url), product, major);
    }

    /** The oldest PostgreSQL adplane runs on: the delivery simulator's rollups are written with {@code MERGE}. */
    static final int OLDEST_POSTGRESQL = 15;

    static void checkVersion(String url, String product, int major) {
        if ("PostgreSQL".equals(product) && major < OLDEST_POSTGRESQL) {
            throw new StartupProblem("the database at " + url + " is PostgreSQL " + major + "; adplane needs PostgreSQL "
                    + OLDEST_POSTGRESQL + " or newer (it writes with MERGE): upgrade it, or point ADPLANE_DB_URL at a newer one");
        }
    }

    static void checkPort(String address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            InetAddress bind = address == null || address.isBlank() ? null : InetAddress.getByName(address);
            socket.bind(bind == null ? new InetSocketAddress(port) : new InetSocketAddress(bind, port));
        } catch (BindException e) {
            throw new StartupProblem("port " + port + " is in use (another adplane, or another program, listens there):"
                    + " stop it, or set SERVER_PORT to a free port");
        } catch (IOException e) {
            throw new StartupProblem("cannot listen on " + (address == null ? "" : address + ":") + port + " (SERVER_PORT): "
                    + e.getMessage());
        }
    }
}
