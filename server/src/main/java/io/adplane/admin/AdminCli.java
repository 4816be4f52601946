package io.adplane.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import io.adplane.api.ApiException;
import io.adplane.delivery.ClockDurations;
import io.adplane.delivery.ClockOffsets;
import io.adplane.controls.Fixture;
import io.adplane.controls.Fixtures;
import io.adplane.controls.Reset;
import io.adplane.ops.AdplaneEnvironment;
import io.adplane.tenancy.Membership;
import io.adplane.tenancy.Organization;
import io.adplane.tenancy.TenancyService;
import io.adplane.tenancy.User;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./adplane admin ...}: the operator's commands (D9, D11). Each one checks its arguments first, then opens
 * the database {@code serve} is configured for (embedded or PostgreSQL, also while the server runs) and nothing
 * else: no web server, no migrations, and never a new database ({@link AdminDatabase}). The database it uses is
 * named on standard error; the answer is JSON on standard output; a problem is one line on standard error with
 * exit code 1 (2 for a usage error).
 */
@Command(name = "adplane admin", mixinStandardHelpOptions = true,
        description = "Operator commands on adplane's database.",
        subcommands = {AdminCli.CreateWorkspace.class, AdminCli.CreateOrganization.class, AdminCli.CreateUser.class,
                AdminCli.CreateClient.class, AdminCli.RotateClientSecret.class, AdminCli.HoldOrganization.class,
                AdminCli.ReleaseOrganization.class, AdminCli.SetAutoApprove.class, AdminCli.DisableUser.class,
                AdminCli.EnableUser.class, AdminCli.SetPassword.class, AdminCli.ListOrganizations.class,
                AdminCli.ListUsers.class, AdminCli.ListClients.class, AdminCli.ClockCommands.class,
                AdminCli.ResetCommand.class, AdminCli.CheckConsistency.class, AdminCli.ListOutbox.class,
                AdminCli.LoadFixtures.class, AdminCli.ExportFixtures.class})
public class AdminCli implements Runnable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Option(names = "--migrate", scope = CommandLine.ScopeType.INHERIT,
            description = "Upgrade a database schema that is behind this adplane first (default: refuse and say so).")
    boolean migrate;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private AdminDatabase database;
    private AnnotationConfigApplicationContext context;
    private ConfigurableEnvironment environment;

    private AdminCli(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /**
     * {@code adplane admin ...} as a process: logging is set to warnings on standard error (standard output
     * carries the JSON answer only), then the command runs; the exit code.
     */
    public static int main(String... args) {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logging.reset();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(logging);
        console.setTarget("System.err");
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(logging);
        encoder.setPattern("adplane admin: %level %logger{0}: %msg%n");
        encoder.start();
        console.setEncoder(encoder);
        console.start();
        Logger root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
        // Flyway warns that H2 is newer than the versions it was verified with, on every --migrate.
        logging.getLogger("org.flywaydb").setLevel(Level.ERROR);
        return run(args);
    }

    /** Runs one command with the process's standard streams; the exit code. */
    public static int run(String... args) {
        return run(System.in, System.out, System.err, args);
    }

    /** Runs one command reading {@code in} (for {@code --password-stdin}); the exit code. */
    public static int run(InputStream in, PrintStream out, PrintStream err, String... args) {
        AdminCli cli = new AdminCli(in, out, err);
        CommandLine commandLine = new CommandLine(cli);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            Throwable root = e;
            while (root.getCause() != null && !(root instanceof IllegalArgumentException)) {
                root = root.getCause();
            }
            cmd.getErr().println("error: " + (root instanceof IllegalArgumentException ? root.getMessage()
                    : "the command failed: " + root));
            return 1;
        });
        try {
            return commandLine.execute(args);
        } finally {
            if (cli.context != null) {
                cli.context.close();
            }
            if (cli.database != null) {
                cli.database.close();
            }
        }
    }

    @Override
    public void run() {
        CommandLine.usage(this, err);
    }

    private TenancyService tenancy() {
        if (context == null) {
            ConfigurableEnvironment environment = environment();
            database = AdminDatabase.open(environment, migrate, err);
            context = AdminContext.start(environment, database.dataSource);
        }
        return context.getBean(TenancyService.class);
    }

    private ClockOffsets clockOffsets() {
        tenancy();
        return context.getBean(ClockOffsets.class);
    }

    private int printClock(long offsetMillis) {
        long now = System.currentTimeMillis() + offsetMillis;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("now", now);
        m.put("nowUtc", java.time.Instant.ofEpochMilli(now).toString());
        m.put("offsetMillis", offsetMillis);
        return print(m);
    }

    private ConfigurableEnvironment environment() {
        if (environment == null) {
            environment = AdminContext.environment();
        }
        return environment;
    }

    /** A bean of the admin context (after {@link #tenancy()} opened it). */
    private <T> T bean(Class<T> type) {
        tenancy();
        return context.getBean(type);
    }

    /** Refuses an emulator control unless {@code adplane.controls.enabled} (E2). */
    private void requireControls() {
        if (!environment().getProperty(AdplaneEnvironment.CONTROLS, Boolean.class, false)) {
            throw new IllegalArgumentException("emulator controls are off (production mode): set"
                    + " ADPLANE_CONTROLS_ENABLED=true to use them on this database");
        }
    }

    private int print(Object value) {
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        out.flush();
        return 0;
    }

    private static Map<String, Object> organization(Organization org) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("owId", org.owId());
        m.put("name", org.name());
        m.put("parentOwId", org.parentOwId());
        m.put("status", org.status().code());
        m.put("reason", org.holdReason());
        m.put("autoApprove", org.autoApprove());
        return m;
    }

    private static Map<String, Object> user(User user) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("userId", user.id());
        m.put("email", user.email());
        m.put("disabled", user.disabled());
        return m;
    }

    /** A command: checks its arguments without the database ({@link #check}), then acts on it. */
    abstract static class Sub implements Callable<Integer> {
        @CommandLine.ParentCommand
        AdminCli cli;

        /** Refuses bad arguments before anything starts; the same rules the service applies again. */
        void check() {
        }

        abstract Integer execute(TenancyService tenancy);

        @Override
        public final Integer call() {
            check();
            return execute(cli.tenancy());
        }
    }

    /** {@code --password} or {@code --password-stdin}, for commands that set a password. */
    static class PasswordOptions {
        @Option(names = "--password", description = "At least 8 characters. Visible to other users of this machine"
                + " (ps); prefer --password-stdin.")
        String password;
        @Option(names = "--password-stdin", description = "Read the password from standard input (one line).")
        boolean stdin;

        String read(AdminCli cli) {
            if (password != null && stdin) {
                throw new IllegalArgumentException("give either --password or --password-stdin, not both");
            }
            if (!stdin) {
                return password;
            }
            try {
                String text = new String(cli.in.readAllBytes(), StandardCharsets.UTF_8);
                int end = text.indexOf('\n');
                String line = end < 0 ? text : text.substring(0, end);
                return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            } catch (IOException e) {
                throw new IllegalArgumentException("--password-stdin: cannot read standard input: " + e.getMessage());
            }
        }
    }

    @Command(name = "create-workspace", description = "Create a workspace (a domain) and its owner organization.")
    static class CreateWorkspace extends Sub {
        @Option(names = "--domain", required = true, description = "The workspace domain clients send as X-IAA-HOST.")
        String domain;
        @Option(names = "--name", required = true, description = "The owner organization's name.")
        String name;

        @Override
        void check() {
            TenancyService.requireDomain(domain);
            TenancyService.requireName(name);
        }

        @Override
        Integer execute(TenancyService tenancy) {
            var ws = tenancy.createWorkspace(domain, name);
            return cli.print(Map.of("workspaceId", ws.workspaceId(), "domain", ws.domain(), "owId", ws.owId()));
        }
    }

    @Command(name = "create-organization", description = "Create a customer organization.")
    static class CreateOrganization extends Sub {
        @Option(names = "--name", required = true)
        String name;
        @Option(names = "--parent", description = "Parent owId; default: the bootstrapped workspace's owner.")
        Long parent;

        @Override
        void check() {
            TenancyService.requireName(name);
        }

        @Override
        Integer execute(TenancyService tenancy) {
            return cli.print(organization(tenancy.createOrganization(name, parent)));
        }
    }

    @Command(name = "create-user", description = "Create a user, or add an existing one to an organization.")
    static class CreateUser extends Sub {
        @Option(names = "--email", required = true)
        String email;
        @CommandLine.Mixin
        PasswordOptions password;
        @Option(names = "--owid", required = true)
        long owId;
        @Option(names = "--role", required = true, description = "admin, approver, editor or viewer.")
        String role;
        private String secret;

        @Override
        void check() {
            TenancyService.requireEmail(email);
            TenancyService.requireRole(role);
            secret = password.read(cli);
            if (secret != null) {
                TenancyService.requirePassword(secret);
            }
        }

        @Override
        Integer execute(TenancyService tenancy) {
            Membership m = tenancy.createUser(email, secret, owId, role);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("userId", m.userId());
            out.put("email", TenancyService.requireEmail(email));
            out.put("uowId", m.uowId());
            out.put("owId", m.owId());
            out.put("role", m.role().code());
            return cli.print(out);
        }
    }

    @Command(name = "create-client", description = "Register an OAuth client for a workspace; the secret is shown once.")
    static class CreateClient extends Sub {
        @Option(names = "--domain", required = true)
        String domain;

        @Override
        void check() {
            TenancyService.requireDomain(domain);
        }

        @Override
        Integer execute(TenancyService tenancy) {
            var client = tenancy.createClient(domain);
            return cli.print(client(client));
        }
    }

    private static Map<String, Object> client(TenancyService.CreatedClient client) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clientId", client.clientId());
        m.put("clientSecret", client.clientSecret());
        m.put("domain", client.domain());
        return m;
    }

    @Command(name = "rotate-client-secret", description = "Give an OAuth client a new secret, shown once; the old one"
            + " stops working at once (tokens already issued stay valid).")
    static class RotateClientSecret extends Sub {
        @Option(names = "--client-id", required = true)
        String clientId;

        @Override
        void check() {
            if (clientId.isBlank()) {
                throw new IllegalArgumentException("--client-id must not be empty");
            }
        }

        @Override
        Integer execute(TenancyService tenancy) {
            return cli.print(client(tenancy.rotateClientSecret(clientId)));
        }
    }

    @Command(name = "hold-organization", description = "Put an organization on hold; its users can't log in.")
    static class HoldOrganization extends Sub {
        @Option(names = "--owid", required = true)
        long owId;
        @Option(names = "--reason", required = true)
        String reason;

        @Override
        void check() {
            if (reason.isBlank()) {
                throw new IllegalArgumentException("reason is required");
            }
        }

        @Override
        Integer execute(TenancyService tenancy) {
            return cli.print(organization(tenancy.holdOrganization(owId, reason)));
        }
    }

    @Command(name = "release-organization", description = "Make an organization active again.")
    static class ReleaseOrganization extends Sub {
        @Option(names = "--owid", required = true)
        long owId;

        @Override
        Integer execute(TenancyService tenancy) {
            return cli.print(organization(tenancy.releaseOrganization(owId)));
        }
    }

    @Command(name = "set-auto-approve", description = "Turn auto-approval of new campaigns on or off (D16).")
    static class SetAutoApprove extends Sub {
        @Option(names = "--owid", required = true)
        long owId;
        @Option(names = "--enabled", required = true, arity = "1", description = "true or false.")
        boolean enabled;

        @Override
        Integer execute(TenancyService tenancy) {
            return cli.print(organization(tenancy.setAutoApprove(owId, enabled)));
        }
    }

    @Command(name = "disable-user", description = "Disable a user and end all of its sessions.")
    static class DisableUser extends Sub {
        @Option(names = "--email", required = true)
        String email;

        @Override
        void check() {
            TenancyService.requireEmail(email);
        }

        @Override
        Integer execute(TenancyService tenancy) {
            return cli.print(user(tenancy.disableUser(email)));
        }
    }

    @Command(name = "enable-user", description = "Let a disabled user log in again.")
    static class EnableUser extends Sub {
        @Option(names = "--email", required = true)
        String email;

        @Override
        void check() {
            TenancyService.requireEmail(email);
        }

        @Override
        Integer execute(TenancyService tenancy) {
            return cli.print(user(tenancy.enableUser(email)));
        }
    }

    @Command(name = "set-password", description = "Set a user's password and end all of its sessions.")
    static class SetPassword extends Sub {
        @Option(names = "--email", required = true)
        String email;
        @CommandLine.Mixin
        PasswordOptions password;
        private String secret;

        @Override
        void check() {
            TenancyService.requireEmail(email);
            secret = password.read(cli);
            if (secret == null) {
                throw new IllegalArgumentException("--password or --password-stdin is required");
            }
            TenancyService.requirePassword(secret);
        }

        @Override
        Integer execute(TenancyService tenancy) {
            return cli.print(user(tenancy.setPassword(email, secret)));
        }
    }

    @Command(name = "list-organizations", description = "List organizations, of one workspace or of all.")
    static class ListOrganizations extends Sub {
        @Option(names = "--domain", description = "Only this workspace's organizations.")
        String domain;

        @Override
        void check() {
            if (domain != null) {
                TenancyService.requireDomain(domain);
            }
        }

        @Override
        Integer execute(TenancyService tenancy) {
            return cli.print(tenancy.listOrganizations(domain));
        }
    }

    @Command(name = "list-users", description = "List users and their memberships, of one organization or of all.")
    static class ListUsers extends Sub {
        @Option(names = "--owid", description = "Only the members of this organization.")
        Long owId;

        @Override
        Integer execute(TenancyService tenancy) {
            return cli.print(tenancy.listUsers(owId));
        }
    }

    @Command(name = "list-clients", description = "List OAuth clients (never their secrets), of one workspace or of all.")
    static class ListClients extends Sub {
        @Option(names = "--domain", description = "Only this workspace's clients.")
        String domain;

        @Override
        void check() {
            if (domain != null) {
                TenancyService.requireDomain(domain);
            }
        }

        @Override
        Integer execute(TenancyService tenancy) {
            List<?> clients = tenancy.listClients(domain);
            return cli.print(clients);
        }
    }

    @Command(name = "clock", description = "The simulation clock (S3): show it, or move it forward.",
            subcommands = {ClockShow.class, ClockAdvance.class})
    static class ClockCommands implements Runnable {
        @CommandLine.ParentCommand
        AdminCli cli;

        @Override
        public void run() {
            CommandLine.usage(this, cli.err);
        }
    }

    @Command(name = "show", description = "The simulated time and how far it runs ahead of real time.")
    static class ClockShow implements Callable<Integer> {
        @CommandLine.ParentCommand
        ClockCommands clock;

        @Override
        public Integer call() {
            return clock.cli.printClock(clock.cli.clockOffsets().offsetMillis());
        }
    }

    @Command(name = "advance", description = "Move the simulation clock forward; a running server delivers the"
            + " elapsed hours within adplane.simulation.interval.")
    static class ClockAdvance implements Callable<Integer> {
        @CommandLine.ParentCommand
        ClockCommands clock;
        @CommandLine.Parameters(paramLabel = "DURATION", description = "90m, 36h, 7d or ISO-8601 (PT36H).")
        String duration;

        @Override
        public Integer call() {
            java.time.Duration d;
            try {
                d = ClockDurations.parse("duration", duration);
            } catch (ApiException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
            return clock.cli.printClock(clock.cli.clockOffsets().advance(d.toMillis(), System.currentTimeMillis()));
        }
    }

    @Command(name = "reset", description = "Empty every table but the bootstrap's workspace, owner organization, admin"
            + " and client (emulator controls only; a running server keeps its journal and fault rules).")
    static class ResetCommand extends Sub {
        @Override
        void check() {
            cli.requireControls();
        }

        @Override
        Integer execute(TenancyService tenancy) {
            return cli.print(cli.bean(Reset.class).reset());
        }
    }

    @Command(name = "check-consistency", description = "Recount, with full scans, the totals and counts the write"
            + " paths keep (IO allocations and auto-sum totals, campaign counts by status, campaign ends) and list"
            + " the differences; exit code 3 when there is one.")
    static class CheckConsistency extends Sub {
        /** The exit code when a stored figure differs from its recount. */
        static final int INCONSISTENT = 3;

        @Option(names = "--owid", description = "Only this organization (repeatable); default: every organization.")
        List<Long> owIds = new java.util.ArrayList<>();

        @Override
        Integer execute(TenancyService tenancy) {
            ConsistencyCheck.Report report = cli.context.getBean(ConsistencyCheck.class).run(owIds);
            cli.print(report);
            if (!report.consistent()) {
                cli.err.println("error: " + report.differenceCount() + " stored figure(s) differ from their recount");
                return INCONSISTENT;
            }
            return 0;
        }
    }

    @Command(name = "list-outbox", description = "List the newest emails the server sent or could not send (with "
            + "their links while unsent: invitations and password resets to hand over when SMTP is not configured).")
    static class ListOutbox extends Sub {
        @Option(names = "--limit", description = "How many, newest first (default 20, at most 500).")
        int limit = 20;

        @Override
        void check() {
            if (limit < 1 || limit > 500) {
                throw new IllegalArgumentException("--limit must be from 1 to 500");
            }
        }

        @Override
        Integer execute(TenancyService tenancy) {
            return cli.print(cli.bean(io.adplane.users.Mailer.class).recent(limit));
        }
    }

    @Command(name = "load-fixtures", description = "Load a fixture file (YAML): workspaces, organizations, users and"
            + " clients with their ids, merged by id (emulator controls only; creatives, IOs and campaigns: the server).")
    static class LoadFixtures extends Sub {
        @CommandLine.Parameters(index = "0", paramLabel = "FILE", description = "The fixture (YAML or JSON).")
        java.nio.file.Path file;
        private Fixture fixture;

        @Override
        void check() {
            cli.requireControls();
            fixture = Fixtures.read(file);
            if (fixture.hasContent()) {
                // E8: their write paths publish events only the server's listeners receive.
                throw new IllegalArgumentException("fixture " + file + " holds creatives, insertion orders or campaigns,"
                        + " which only the running server loads: POST it to /api/v3/adplane/fixtures or start the"
                        + " server with ADPLANE_FIXTURES");
            }
        }

        @Override
        Integer execute(TenancyService tenancy) {
            try {
                return cli.print(cli.bean(Fixtures.class).load(fixture));
            } catch (io.adplane.api.ApiException e) {
                throw new IllegalArgumentException("fixture " + file + ": " + e.getMessage());
            }
        }
    }

    @Command(name = "export-fixtures", description = "Write the workspaces, organizations, users and clients as a"
            + " fixture (YAML, with password and secret hashes) to standard output or --output.")
    static class ExportFixtures extends Sub {
        @Option(names = "--output", paramLabel = "FILE", description = "Write to this file instead.")
        java.nio.file.Path output;

        @Override
        void check() {
            cli.requireControls();
        }

        @Override
        Integer execute(TenancyService tenancy) {
            String yaml = Fixtures.yaml(cli.bean(Fixtures.class).export());
            if (output == null) {
                cli.out.print(yaml);
                cli.out.flush();
                return 0;
            }
            try {
                java.nio.file.Files.writeString(output, yaml);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot write " + output + ": " + e.getMessage());
            }
            return cli.print(java.util.Map.of("written", output.toString()));
        }
    }
}
