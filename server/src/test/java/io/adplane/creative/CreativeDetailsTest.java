package io.adplane.creative;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** F17: the details a client sent are answered unchanged, completed by IQM's keys it left out. */
class CreativeDetailsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anImageKeepsWhatWasSentAndGainsIqmsPixelUrl() {
        JsonNode stored = JSON.readTree("{\"imageDetails\":{\"creativeWidth\":728,\"note\":\"x\"},\"subMediaType\":\"display\"}");
        JsonNode answered = CreativeDetails.answered(CreativeType.IMAGE, stored);
        assertThat(answered.get("imageDetails").toString())
                .isEqualTo("{\"creativeWidth\":728,\"note\":\"x\",\"pixelUrl\":\"\",\"creativeHeight\":0}");
        assertThat(answered.get("subMediaType").stringValue()).isEqualTo("display");
        assertThat(stored.get("imageDetails").has("pixelUrl")).as("what is stored is not changed").isFalse();
    }

    @Test
    void aSentValueIsNeverReplaced() {
        JsonNode stored = JSON.readTree("{\"imageDetails\":{\"pixelUrl\":\"https://p.example.com\",\"creativeWidth\":\"300\"}}");
        JsonNode answered = CreativeDetails.answered(CreativeType.IMAGE, stored).get("imageDetails");
        assertThat(answered.get("pixelUrl").stringValue()).isEqualTo("https://p.example.com");
        assertThat(answered.get("creativeWidth").stringValue()).isEqualTo("300");
    }

    @Test
    void aVideoWithoutDetailsGetsIqmsObject() {
        JsonNode answered = CreativeDetails.answered(CreativeType.VIDEO, JSON.readTree("{}"));
        assertThat(answered.get("videoDetails").toString()).isEqualTo(
                "{\"duration\":0,\"xmlType\":\"\",\"creativeSourceUrl\":\"\",\"availableXmlVersions\":\"\",\"transformed\":false}");
        assertThat(answered.has("imageDetails")).isFalse();
    }

    @Test
    void typesIqmShowsNoDetailsForAreAnsweredAsStored() {
        JsonNode stored = JSON.readTree("{\"audioDetails\":{\"duration\":30}}");
        assertThat(CreativeDetails.answered(CreativeType.AUDIO, stored)).isSameAs(stored);
    }
}
