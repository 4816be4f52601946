package io.adplane.tenancy;

import io.adplane.api.Secrets;
import java.io.PrintStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives an empty database one workspace, organization, admin user and OAuth client (D11), from
 * {@code ADPLANE_BOOTSTRAP_*}; whatever is not configured is generated and printed once, on standard output
 * only, never to the log.
 */
@Component
@ConditionalOnProperty(name = "adplane.bootstrap.enabled", havingValue = "true", matchIfMissing = true)
class Bootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    /** {@code adplane.bootstrap.*}, from {@code ADPLANE_BOOTSTRAP_DOMAIN}, {@code ..._EMAIL} and so on. */
    @ConfigurationProperties("adplane.bootstrap")
    record Settings(String domain, String organization, String email, String password, String clientId,
            String clientSecret) {
    }

    private final Settings settings;
    private final TenancyRepository repository;
    private final TenancyService tenancy;
    private final TransactionTemplate tx;
    private final PrintStream out;

    Bootstrap(Settings settings, TenancyRepository repository, TenancyService tenancy, TransactionTemplate tx) {
        this.settings = settings;
        this.repository = repository;
        this.tenancy = tenancy;
        this.tx = tx;
        this.out = System.out;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (repository.anyWorkspace()) {
            return;
        }
        try {
            tx.executeWithoutResult(status -> create());
        } catch (DuplicateKeyException e) {
            log.info("Another instance bootstrapped the database first");
        }
    }

    private void create() {
        String domain = or(settings.domain(), "localhost");
        String email = or(settings.email(), "admin@" + (domain.contains(".") ? domain : domain + ".test"));
        String password = or(settings.password(), Secrets.generate("").substring(0, 24));
        String clientId = or(settings.clientId(), "adp-" + Secrets.generate("").substring(0, 16));
        String clientSecret = or(settings.clientSecret(), Secrets.generate(""));

        var ws = tenancy.createWorkspace(domain, or(settings.organization(), "adplane"));
        var membership = tenancy.createUser(email, password, ws.owId(), "admin");
        tenancy.registerClient(ws.workspaceId(), clientId, clientSecret);
        log.info("Bootstrapped workspace '{}' with organization {} and admin {}", ws.domain(), ws.owId(), email);

        StringBuilder sb = new StringBuilder()
                .append("\n=== adplane: bootstrapped workspace '").append(ws.domain()).append("' (owId ")
                .append(ws.owId()).append(", uowId ").append(membership.uowId()).append(") ===\n")
                .append("Credentials are printed this once; keep them.\n")
                .append("export ADPLANE_HOST=").append(ws.domain()).append('\n')
                .append("export ADPLANE_CLIENT_ID=").append(clientId).append('\n')
                .append(isBlank(settings.clientSecret()) ? "export ADPLANE_CLIENT_SECRET=" + clientSecret
                        : "# ADPLANE_CLIENT_SECRET: as configured").append('\n')
                .append("export ADPLANE_EMAIL=").append(email).append('\n')
                .append(isBlank(settings.password()) ? "export ADPLANE_PASSWORD=" + password
                        : "# ADPLANE_PASSWORD: as configured").append('\n');
        out.println(sb);
        out.flush();
    }

    private static String or(String value, String fallback) {
        return isBlank(value) ? fallback : value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
