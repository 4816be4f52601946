package io.adplane.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void plainTextTabsNewlinesAndEmojiPass() {
        assertThat(TextRules.problem("IO Name 1")).isNull();
        assertThat(TextRules.problem("line\tone\r\nline two")).isNull();
        assertThat(TextRules.problem("Café 🚀 广告")).isNull();
    }

    @Test
    void controlsBidiOverridesAndLoneSurrogatesAreRefused() {
        assertThat(TextRules.problem("a\u0000b")).isEqualTo("must not contain control characters");
        assertThat(TextRules.problem("a\u007fb")).isEqualTo("must not contain control characters");
        assertThat(TextRules.problem("a\u0085b")).isEqualTo("must not contain control characters");
        assertThat(TextRules.problem("abc\u202Efdp.exe")).isEqualTo("must not contain bidirectional override characters");
        assertThat(TextRules.problem("a\uD800")).isEqualTo("must not contain unpaired surrogates");
        assertThat(TextRules.problem("\uDC00a")).isEqualTo("must not contain unpaired surrogates");
    }
}
