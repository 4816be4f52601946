package io.adplane.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The journal's ring per workspace and what redaction leaves of a body. */
class JournalTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Journal.Recorded at(long time, String path, int status) {
        return new Journal.Recorded(time, "GET", path, null, status, 1, "r" + time, Map.of(), null, null, false);
    }

    @Test
    void eachWorkspaceKeepsItsLastEntriesNewestFirst() {
        Journal journal = new Journal(2);
        journal.record(1, at(10, "/api/v3/a", 200));
        journal.record(1, at(20, "/api/v3/b", 404));
        journal.record(1, at(30, "/api/v3/c", 200));
        journal.record(2, at(40, "/api/v3/d", 200));

        assertThat(journal.query(1, null, null, null, null, null).entries())
                .extracting(JournalEntry::path).containsExactly("/api/v3/c", "/api/v3/b");
        assertThat(journal.query(1, null, null, 404, null, null).entries()).extracting(JournalEntry::id).containsExactly(2L);
        assertThat(journal.query(1, null, null, null, 25L, null).entries()).hasSize(1);
        assertThat(journal.query(1, "/api/v3/*", "get", null, null, 1).entries()).hasSize(1);
        assertThat(journal.query(2, null, null, null, null, null).entries()).extracting(JournalEntry::path)
                .containsExactly("/api/v3/d");
        journal.clear(1);
        assertThat(journal.query(1, null, null, null, null, null).entries()).isEmpty();
    }

    @Test
    void secretsAreRedactedWhereverTheyAre() {
        byte[] body = """
                {"email":"a@b.example","password":"hunter22","nested":[{"clientSecret":"s","name":"n"}],
                 "data":{"access_token":"t","refresh_token":"r","owId":1}}""".getBytes(StandardCharsets.UTF_8);
        JsonNode kept = Redaction.body(body, true, "application/json", JSON);
        assertThat(kept.get("email").asString()).isEqualTo("a@b.example");
        assertThat(kept.get("password").asString()).isEqualTo("[redacted]");
        assertThat(kept.get("nested").get(0).get("clientSecret").asString()).isEqualTo("[redacted]");
        assertThat(kept.get("nested").get(0).get("name").asString()).isEqualTo("n");
        assertThat(kept.get("data").get("access_token").asString()).isEqualTo("[redacted]");
        assertThat(kept.get("data").get("owId").asInt()).isEqualTo(1);

        JsonNode form = Redaction.body("grant_type=password&username=u&password=p%20q".getBytes(StandardCharsets.UTF_8),
                true, "application/x-www-form-urlencoded", JSON);
        assertThat(form.get("password").asString()).isEqualTo("[redacted]");
        assertThat(form.get("username").asString()).isEqualTo("u");
        assertThat(Redaction.body(body, false, "application/json", JSON).asString()).startsWith("[redacted]");
        assertThat(Redaction.body(new byte[] {1, 2}, true, "multipart/form-data; boundary=x", JSON).asString())
                .isEqualTo("[multipart/form-data body not recorded]");
        assertThat(Redaction.query("a=1&access_token=xyz")).isEqualTo("a=1&access_token=[redacted]");
    }
}
