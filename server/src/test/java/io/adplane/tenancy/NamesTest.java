package io.adplane.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void emailsAreTrimmedAndLowerCased() {
        assertThat(Names.email("  Test-User@Example.COM ")).isEqualTo("test-user@example.com");
        assertThat(Names.isEmail("a@b")).isTrue();
        assertThat(Names.isEmail("no-at-sign")).isFalse();
        assertThat(Names.isEmail("two@@example.com")).isFalse();
        assertThat(Names.isEmail("@example.com")).isFalse();
        assertThat(Names.isEmail("a b@example.com")).isFalse();
    }

    @Test
    void workspaceDomainsLoseSchemePortPathAndCase() {
        assertThat(Names.domain("https://App.Example.com:443/login")).isEqualTo("app.example.com");
        assertThat(Names.domain("localhost:8080")).isEqualTo("localhost");
        assertThat(Names.domain("example.com.")).isEqualTo("example.com");
        assertThat(Names.domain("[::1]:8080")).isEqualTo("[::1]");
        assertThat(Names.domain("bücher.example")).isEqualTo("xn--bcher-kva.example");
    }
}
