package io.adplane.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The access log's path: what a forged line would need is replaced, and a long path is cut. */
class RequestIdsTest {

    @Test
    void controlCharactersAreReplaced() {
        assertThat(RequestIds.clean("/api/v3/cmp/io/1")).isEqualTo("/api/v3/cmp/io/1");
        assertThat(RequestIds.clean("/a\nb\r\u0000c\u007fd\u0080")).isEqualTo("/a?b??c?d\u0080");
        assertThat(RequestIds.clean(null)).isEmpty();
    }

    @Test
    void aLongPathIsCutAt512Characters() {
        String path = "/" + "x".repeat(600) + "\n";
        assertThat(RequestIds.clean(path)).isEqualTo("/" + "x".repeat(511) + "...");
        assertThat(RequestIds.clean("/" + "\t".repeat(511))).isEqualTo("/" + "?".repeat(511));
        assertThat(RequestIds.clean("/\t" + "x".repeat(600))).isEqualTo("/?" + "x".repeat(510) + "...");
    }

    @Test
    void durationsHaveOneDecimal() {
        assertThat(RequestIds.millis(12_449_999)).isEqualTo("12.4");
        assertThat(RequestIds.millis(12_450_000)).isEqualTo("12.5");
    }
}
