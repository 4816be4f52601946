package io.adplane;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.adplane.admin.AdminCli;

/**
 * adplane: a self-hosted server that speaks IQM's campaign REST API.
 * {@code serve} (the default) runs the HTTP server ({@code --in-memory}: on a database that lives only as long as
 * the process); {@code admin ...} runs an operator command and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AdplaneApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("admin")) {
            System.exit(AdminCli.main(Arrays.copyOfRange(args, 1, args.length)));
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        if (!rest.isEmpty() && rest.get(0).equals("serve")) {
            rest.remove(0);
        }
        if (rest.remove("--in-memory")) {
            rest.add("--adplane.in-memory=true");
        }
        try {
            SpringApplication.run(AdplaneApplication.class, rest.toArray(String[]::new));
        } catch (RuntimeException e) {
            // Already reported: in one line (io.adplane.ops.OneLineFailureReporter) or with its stack trace.
            System.exit(1);
        }
    }
}
