package io.adplane.tenancy;

import io.adplane.api.Secrets;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives an empty database one workspace, organization, admin user and OAuth client (D11), from
 * {@code ADPLANE_BOOTSTRAP_*}; whatever is not configured is generated. Generated secrets never go to the log:
 * they are written, as {@code export} lines, to a file only the owner may read
 * ({@code $ADPLANE_DATA_DIR/bootstrap-credentials.env}, mode 0600; an older one is kept beside it with a time
 * stamp), and printed on standard output only when that is a terminal (not a log collector).
 */
@Component
@ConditionalOnProperty(name = "adplane.bootstrap.enabled", havingValue = "true", matchIfMissing = true)
class Bootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    /**
     * {@code adplane.bootstrap.*}, from {@code ADPLANE_BOOTSTRAP_DOMAIN}, {@code ..._EMAIL} and so on;
     * {@code credentialsFile} empty: write none.
     */
    @ConfigurationProperties("adplane.bootstrap")
    record Settings(String domain, String organization, String email, String password, String clientId,
            String clientSecret, String credentialsFile) {
    }

    private final Settings settings;
    private final TenancyRepository repository;
    private final TenancyService tenancy;
    private final TransactionTemplate tx;
    private final Environment environment;
    private final PrintStream out;
    private final BooleanSupplier terminal;
    /** The admin's password and its hash, null when the database had a workspace when the server started. */
    private final AdminPassword admin;

    /**
     * The admin's password, hashed on a thread of its own from the bean's construction (O2): a JVM's first Argon2
     * hash takes a few hundred milliseconds, which the rest of the start-up now overlaps instead of waiting for.
     */
    private record AdminPassword(String password, CompletableFuture<String> hash) {
    }

    Bootstrap(Settings settings, TenancyRepository repository, TenancyService tenancy, TransactionTemplate tx,
            Environment environment, Passwords passwords) {
        this.settings = settings;
        this.repository = repository;
        this.tenancy = tenancy;
        this.tx = tx;
        this.environment = environment;
        this.out = System.out;
        this.terminal = Bootstrap::standardOutputIsATerminal;
        if (repository.anyWorkspace()) {
            this.admin = null;
        } else {
            String password = or(settings.password(), Secrets.generate("").substring(0, 24));
            CompletableFuture<String> hash = new CompletableFuture<>();
            Thread hashing = new Thread(() -> {
                try {
                    hash.complete(passwords.hash(password));
                } catch (RuntimeException e) {
                    hash.completeExceptionally(e);
                }
            }, "bootstrap-password");
            hashing.setDaemon(true);
            hashing.start();
            this.admin = new AdminPassword(password, hash);
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (admin == null || repository.anyWorkspace()) {
            return;
        }
        Created created;
        try {
            created = tx.execute(status -> create());
        } catch (DuplicateKeyException e) {
            log.info("Another instance bootstrapped the database first");
            return;
        }
        // After the commit: a file or a screen never shows credentials that a rolled-back bootstrap did not keep.
        Path file = created.generated() ? writeCredentials(created.exports()) : null;
        log.info("Bootstrapped workspace '{}' with organization {} and admin {}{}", created.domain(), created.owId(),
                created.email(), file == null ? "" : "; generated credentials are in " + file + " (readable by its owner only)");
        if (terminal.getAsBoolean()) {
            String exports = created.exports();
            out.println("\n=== adplane: bootstrapped workspace '" + created.domain() + "' ===");
            out.print(exports.substring(exports.indexOf('\n') + 1));
            out.println(file == null ? "" : "(also in " + file + ": '. " + file + "' in another shell)\n");
            out.flush();
        }
    }

    /** What a bootstrap made: its export lines, and whether any secret in them was generated. */
    private record Created(String domain, long owId, String email, String exports, boolean generated) {
    }

    /** The base URL clients use: {@code adplane.url} ({@code ADPLANE_URL}), else this server on localhost. */
    String baseUrl() {
        String configured = environment.getProperty("adplane.url", "");
        if (!configured.isBlank()) {
            return configured.strip();
        }
        return "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080"));
    }

    private Created create() {
        String domain = or(settings.domain(), "localhost");
        String email = or(settings.email(), "admin@" + (domain.contains(".") ? domain : domain + ".test"));
        String password = admin.password();
        String clientId = or(settings.clientId(), "adp-" + Secrets.generate("").substring(0, 16));
        String clientSecret = or(settings.clientSecret(), Secrets.generate(""));

        var ws = tenancy.createWorkspace(domain, or(settings.organization(), "adplane"));
        var membership = tenancy.createUser(email, password, () -> admin.hash().join(), ws.owId(), "admin");
        tenancy.registerClient(ws.workspaceId(), clientId, clientSecret);

        boolean generated = isBlank(settings.password()) || isBlank(settings.clientSecret()) || isBlank(settings.clientId());
        String exports = new StringBuilder()
                .append("# adplane: bootstrapped workspace '").append(ws.domain()).append("' (owId ").append(ws.owId())
                .append(", uowId ").append(membership.uowId()).append(")\n")
                .append("export ADPLANE_URL=").append(baseUrl()).append('\n')
                .append("export ADPLANE_HOST=").append(ws.domain()).append('\n')
                .append("export ADPLANE_CLIENT_ID=").append(clientId).append('\n')
                .append(isBlank(settings.clientSecret()) ? "export ADPLANE_CLIENT_SECRET=" + clientSecret
                        : "# ADPLANE_CLIENT_SECRET: as configured").append('\n')
                .append("export ADPLANE_EMAIL=").append(email).append('\n')
                .append(isBlank(settings.password()) ? "export ADPLANE_PASSWORD=" + password
                        : "# ADPLANE_PASSWORD: as configured").append('\n')
                .toString();
        return new Created(ws.domain(), ws.owId(), email, exports, generated);
    }

    /** Writes the export lines to the credentials file, owner-only; the file, or null when none is configured. */
    private Path writeCredentials(String exports) {
        String configured = settings.credentialsFile();
        if (isBlank(configured)) {
            return null;
        }
        Path file = Path.of(configured).toAbsolutePath().normalize();
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                Path old = file.resolveSibling(file.getFileName() + "."
                        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
                Files.move(file, old, StandardCopyOption.REPLACE_EXISTING);
                log.info("Kept the previous bootstrap credentials as {}", old);
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                throw new IOException("a concurrent bootstrap is writing " + tmp, e);
            }
            Files.writeString(tmp, exports, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            // The workspace exists either way; without the file the operator resets the password with the CLI.
            log.warn("Could not write the bootstrap credentials to {} ({}); set new ones with './adplane admin set-password'"
                    + " and 'rotate-client-secret'", file, e.toString());
            return null;
        }
    }

    /**
     * True when standard output is an interactive terminal. Java 22+ always has a console object; there,
     * {@code Console.isTerminal()} tells. On older versions a console exists only for a terminal.
     */
    static boolean standardOutputIsATerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static String or(String value, String fallback) {
        return isBlank(value) ? fallback : value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
