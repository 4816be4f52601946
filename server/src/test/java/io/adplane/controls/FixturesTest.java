package io.adplane.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import io.adplane.ops.AdplaneEnvironment;

/** The fixture format: a campaign's and a creative's API fields sit beside their fixture keys, read and written flat. */
class FixturesTest {

    private static final String CONTENT = """
            campaigns:
              - campaignId: 590001
                owId: 300002
                uowId: 400002
                status: running
                ioId: 19001
                campaignName: Spring
                budgetTotal: 1500
            creatives:
              - creativeId: 790001
                owId: 300002
                uowId: 400002
                creativeName: Banner
                imageDetails: {creativeWidth: 300}
            """;

    @Test
    void apiFieldsAreReadBesideTheFixtureKeysAndWrittenBackFlat() {
        Fixture fixture = Fixtures.parse(CONTENT);
        Fixture.Campaign campaign = fixture.campaigns().get(0);
        assertThat(campaign.campaignId()).isEqualTo(590001);
        assertThat(campaign.status()).isEqualTo("running");
        assertThat(campaign.fields()).containsOnlyKeys("ioId", "campaignName", "budgetTotal");
        assertThat(fixture.creatives().get(0).request().get("imageDetails").get("creativeWidth").intValue()).isEqualTo(300);
        assertThat(fixture.hasContent()).isTrue();

        String yaml = Fixtures.yaml(fixture);
        assertThat(yaml).contains("  campaignName: \"Spring\"").doesNotContain("fields").doesNotContain("request");
        assertThat(Fixtures.parse(yaml)).isEqualTo(fixture);
    }

    @Test
    void aTenancyOnlyFixtureHasNoContent() {
        assertThat(Fixtures.parse("users: []").hasContent()).isFalse();
    }

    @Test
    void aStartWithAFixtureFailsWhenTheControlsAreOff() {
        MockEnvironment environment = new MockEnvironment().withProperty("adplane.fixtures", "agency.yaml")
                .withProperty(AdplaneEnvironment.CONTROLS, "false");
        assertThatThrownBy(() -> new FixtureStartup(null, environment).load())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ADPLANE_CONTROLS_ENABLED=true");
    }
}
