package io.adplane;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.adplane.admin.AdminCli;

/**
 * adplane: a self-hosted server that speaks IQM's campaign REST API.
 * {@code serve} (the default) runs the HTTP server; {@code admin ...} runs an operator command and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AdplaneApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("admin")) {
            System.exit(AdminCli.main(Arrays.copyOfRange(args, 1, args.length)));
        }
        String[] rest = args.length > 0 && args[0].equals("serve") ? Arrays.copyOfRange(args, 1, args.length) : args;
        SpringApplication.run(AdplaneApplication.class, rest);
    }
}
