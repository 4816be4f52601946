package io.adplane.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.adplane.client.AdplaneClient;
import io.adplane.client.ApiError;

/** A class's fixture is there in every test, with its ids and credentials, whatever the test before changed. */
@AdplaneTest(fixture = "agency.yaml")
class FixtureExtensionTest {

    private static AdplaneClient buyer(AdplaneServer server) {
        AdplaneClient client = AdplaneClient.builder().baseUrl(server.url()).host("agency.example")
                .clientCredentials("agency-client", "agency-client-secret-0123").build();
        client.login("buyer@agency.example", "buyer-password-1");
        return client;
    }

    @Test
    void theFixtureUserLogsInWithItsIds(AdplaneServer server) {
        AdplaneClient buyer = buyer(server);
        assertThat(buyer.owId()).isEqualTo(700002);
        assertThat(buyer.profile().uowId()).isEqualTo(700100);
    }

    /** Whichever runs first, the other test still finds the fixture: it is loaded again after each reset. */
    @Test
    void aResetAloneRemovesTheFixture(AdplaneServer server) {
        server.reset();
        assertThatThrownBy(() -> buyer(server)).isInstanceOf(ApiError.class);
        assertThat(server.adminClient().profile().email()).isEqualTo(AdplaneServer.ADMIN_EMAIL);
    }
}
