package io.adplane.admin;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.adplane.tenancy.Membership;
import io.adplane.tenancy.Organization;
import io.adplane.tenancy.TenancyService;
import io.adplane.tenancy.User;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./adplane admin ...}: the operator's commands (D9, D11). They open the same database as
 * {@code serve} (embedded or PostgreSQL, also while the server runs), print JSON on standard output, and exit
 * non-zero with a one-line message on standard error when something is wrong.
 */
@Command(name = "adplane admin", mixinStandardHelpOptions = true,
        description = "Operator commands on adplane's database.",
        subcommands = {AdminCli.CreateWorkspace.class, AdminCli.CreateOrganization.class, AdminCli.CreateUser.class,
                AdminCli.CreateClient.class, AdminCli.HoldOrganization.class, AdminCli.ReleaseOrganization.class, AdminCli.SetAutoApprove.class,
                AdminCli.DisableUser.class, AdminCli.SetPassword.class})
public class AdminCli implements Runnable {

    private final Class<?> application;
    private ConfigurableApplicationContext context;

    private AdminCli(Class<?> application) {
        this.application = application;
    }

    /** Runs one command against the database that {@code application} is configured for; the exit code. */
    public static int run(Class<?> application, String... args) {
        AdminCli cli = new AdminCli(application);
        CommandLine commandLine = new CommandLine(cli);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            Throwable root = e;
            while (root.getCause() != null && !(root instanceof IllegalArgumentException)) {
                root = root.getCause();
            }
            cmd.getErr().println("error: " + (root instanceof IllegalArgumentException ? root.getMessage()
                    : "the command failed: " + root.getMessage()));
            return 1;
        });
        try {
            return commandLine.execute(args);
        } finally {
            if (cli.context != null) {
                cli.context.close();
            }
        }
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.err);
    }

    private TenancyService tenancy() {
        if (context == null) {
            context = new SpringApplicationBuilder(application)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    // Command-line properties outrank application.yml. Standard output carries the JSON answer only.
                    .run("--spring.main.banner-mode=off", "--adplane.bootstrap.enabled=false",
                            "--adplane.jobs.enabled=false", "--logging.level.root=ERROR",
                            "--logging.level.org.flywaydb=ERROR");
        }
        return context.getBean(TenancyService.class);
    }

    private int print(Object value) {
        JsonMapper json = context.getBean(JsonMapper.class);
        PrintWriter out = new PrintWriter(System.out, true);
        out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(value));
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

    abstract static class Sub implements Callable<Integer> {
        @CommandLine.ParentCommand
        AdminCli cli;
    }

    @Command(name = "create-workspace", description = "Create a workspace (a domain) and its owner organization.")
    static class CreateWorkspace extends Sub {
        @Option(names = "--domain", required = true, description = "The workspace domain clients send as X-IAA-HOST.")
        String domain;
        @Option(names = "--name", required = true, description = "The owner organization's name.")
        String name;

        @Override
        public Integer call() {
            var ws = cli.tenancy().createWorkspace(domain, name);
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
        public Integer call() {
            Organization org = cli.tenancy().createOrganization(name, parent);
            return cli.print(organization(org));
        }
    }

    @Command(name = "create-user", description = "Create a user, or add an existing one to an organization.")
    static class CreateUser extends Sub {
        @Option(names = "--email", required = true)
        String email;
        @Option(names = "--password", description = "Required for a new user; at least 8 characters.")
        String password;
        @Option(names = "--owid", required = true)
        long owId;
        @Option(names = "--role", required = true, description = "admin, approver, editor or viewer.")
        String role;

        @Override
        public Integer call() {
            Membership m = cli.tenancy().createUser(email, password, owId, role);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("userId", m.userId());
            out.put("email", io.adplane.tenancy.Names.email(email));
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
        public Integer call() {
            var client = cli.tenancy().createClient(domain);
            return cli.print(Map.of("clientId", client.clientId(), "clientSecret", client.clientSecret(),
                    "domain", client.domain()));
        }
    }

    @Command(name = "hold-organization", description = "Put an organization on hold; its users can't log in.")
    static class HoldOrganization extends Sub {
        @Option(names = "--owid", required = true)
        long owId;
        @Option(names = "--reason", required = true)
        String reason;

        @Override
        public Integer call() {
            return cli.print(organization(cli.tenancy().holdOrganization(owId, reason)));
        }
    }

    @Command(name = "release-organization", description = "Make an organization active again.")
    static class ReleaseOrganization extends Sub {
        @Option(names = "--owid", required = true)
        long owId;

        @Override
        public Integer call() {
            return cli.print(organization(cli.tenancy().releaseOrganization(owId)));
        }
    }

    @Command(name = "set-auto-approve", description = "Turn auto-approval of new campaigns on or off (D16).")
    static class SetAutoApprove extends Sub {
        @Option(names = "--owid", required = true)
        long owId;
        @Option(names = "--enabled", required = true, arity = "1", description = "true or false.")
        boolean enabled;

        @Override
        public Integer call() {
            return cli.print(organization(cli.tenancy().setAutoApprove(owId, enabled)));
        }
    }

    @Command(name = "disable-user", description = "Disable a user and end all of its sessions.")
    static class DisableUser extends Sub {
        @Option(names = "--email", required = true)
        String email;

        @Override
        public Integer call() {
            return cli.print(user(cli.tenancy().disableUser(email)));
        }
    }

    @Command(name = "set-password", description = "Set a user's password and end all of its sessions.")
    static class SetPassword extends Sub {
        @Option(names = "--email", required = true)
        String email;
        @Option(names = "--password", required = true)
        String password;

        @Override
        public Integer call() {
            return cli.print(user(cli.tenancy().setPassword(email, password)));
        }
    }
}
