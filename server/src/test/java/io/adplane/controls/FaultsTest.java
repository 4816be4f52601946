package io.adplane.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.adplane.api.ApiException;

/** The fault rules: matching by method and path pattern, their share of requests, and the bounds of each field. */
class FaultsTest {

    private double next = 0.5;
    private final Faults faults = new Faults(() -> next);

    private static FaultRequest rule(String method, String path, Integer status, String delay, Double share) {
        return new FaultRequest(method, path, status, delay, share);
    }

    @Test
    void theFirstMatchingRuleOfTheWorkspaceApplies() {
        faults.add(1, rule("post", "/api/v3/cmp/io/add", 503, null, null));
        faults.add(1, rule(null, "/api/v3/cmp/**", null, "250ms", null));

        assertThat(faults.match(1L, "POST", "/api/v3/cmp/io/add").status()).isEqualTo(503);
        Faults.Effect slow = faults.match(1L, "GET", "/api/v3/cmp/io/7");
        assertThat(slow.status()).isNull();
        assertThat(slow.delay()).isEqualTo(Duration.ofMillis(250));
        assertThat(faults.match(1L, "GET", "/api/v3/ua/profile")).isNull();
        assertThat(faults.match(2L, "POST", "/api/v3/cmp/io/add")).as("another workspace").isNull();
        assertThat(faults.match(null, "POST", "/api/v3/cmp/io/add")).isNull();
    }

    @Test
    void aShareAppliesToThatPartOfTheRequests() {
        faults.add(1, rule("GET", "/api/v3/ua/profile", 500, null, 0.3));
        next = 0.29;
        assertThat(faults.match(1L, "GET", "/api/v3/ua/profile")).isNotNull();
        next = 0.31;
        assertThat(faults.match(1L, "GET", "/api/v3/ua/profile")).isNull();
    }

    @Test
    void rulesAreListedRemovedAndCleared() {
        FaultRule first = faults.add(1, rule("GET", "/a", 500, null, null));
        FaultRule second = faults.add(1, rule("GET", "/b", 502, "1s", 0.5));
        assertThat(second.id()).isEqualTo(first.id() + 1);
        assertThat(second.delay()).isEqualTo("1s");
        assertThat(faults.list(1)).containsExactly(first, second);
        assertThat(faults.remove(1, first.id())).isTrue();
        assertThat(faults.remove(2, second.id())).isFalse();
        assertThat(faults.list(1)).containsExactly(second);
        faults.clear(1);
        assertThat(faults.list(1)).isEmpty();
    }

    @Test
    void eachFieldIsBounded() {
        assertField(rule("GET", "/a", 200, null, null), "status");
        assertField(rule("GET", "/a", 600, null, null), "status");
        assertField(rule("GET", "/a", null, null, null), "status");
        assertField(rule("GET", "/a", null, "61s", null), "delay");
        assertField(rule("GET", "/a", null, "soon", null), "delay");
        assertField(rule("GET", "/a", 500, null, 1.5), "share");
        assertField(rule("GET", "/a", 500, null, -0.1), "share");
        assertField(rule("FETCH", "/a", 500, null, null), "method");
        assertField(rule("GET", "api/v3", 500, null, null), "path");
        assertField(rule("GET", "/a/**/b", 500, null, null), "path");
        assertField(rule("GET", null, 500, null, null), "path");
        assertThat(Faults.delay("X-Adplane-Delay", "2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Faults.delay("X-Adplane-Delay", "1500")).isEqualTo(Duration.ofMillis(1500));
    }

    private void assertField(FaultRequest request, String field) {
        assertThatThrownBy(() -> faults.add(1, request)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.status().value()).isEqualTo(400);
        });
    }
}
