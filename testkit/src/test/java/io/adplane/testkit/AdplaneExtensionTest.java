package io.adplane.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.adplane.client.AdplaneClient;

/**
 * The extension's promises: a server with the class's settings, a reset before each test (the organization made
 * by one test is gone in the next), clients for the bootstrapped admin, and a README example that is this
 * module's own test.
 */
@AdplaneTest(properties = "adplane.controls.journal.size=7")
class AdplaneExtensionTest {

    @Test
    void theServerRunsWithTheClassSettings(AdplaneServer server, AdplaneClient adplane) {
        assertThat(server.url()).startsWith("http://localhost:");
        assertThat(server.bean(org.springframework.core.env.Environment.class)
                .getProperty("adplane.controls.journal.size")).isEqualTo("7");
        assertThat(adplane.profile().email()).isEqualTo(AdplaneServer.ADMIN_EMAIL);
        assertThat(adplane.owId()).isPositive();
    }

    @Test
    void aResetRunsBeforeEachTest(AdplaneServer server, AdplaneClient adplane) {
        assertThat(adplane.allowedOrganizations()).containsExactly(adplane.owId());
        server.bean(io.adplane.tenancy.TenancyService.class).createOrganization("Made by a test", adplane.owId());
        assertThat(server.adminClient().allowedOrganizations()).hasSize(2);
        server.reset();
        assertThat(server.adminClient().allowedOrganizations()).containsExactly(adplane.owId());
    }

    @Test
    void theReadmeShowsTheExampleTestAsItIs() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String example = Files.readString(Path.of("src/test/java/io/adplane/testkit/InsertionOrderExampleTest.java"));
        String body = example.substring(example.indexOf("import static"));
        assertThat(readme).contains(body.strip());
    }
}
