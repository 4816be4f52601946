package io.adplane.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.adplane.support.IntegrationTestSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The snippets of {@code docs/reports.md}, as printed there: each block under an HTML comment naming its request is
 * sent (the example report id 1234 replaced by a real one) and answers 200; an {@code answer} block is the exact
 * answer of the request before it; a {@code shape of} block names the fields the answer has; the download command
 * runs in bash.
 */
class ReportsDocIntegrationTest extends IntegrationTestSupport {

    private static final Pattern BLOCK = Pattern.compile("<!-- (.+?) -->\\n```(json|sh)\\n(.*?)```", Pattern.DOTALL);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ReportRuns runs;

    private record Snippet(String label, String kind, String text) {
    }

    private static List<Snippet> snippets() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "reports.md"));
        List<Snippet> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(doc);
        while (m.find()) {
            out.add(new Snippet(m.group(1), m.group(2), m.group(3)));
        }
        return out;
    }

    @Test
    void everySnippetOfTheReportsPageRuns() throws Exception {
        Tenant tenant = newTenant("admin");
        Login login = login(tenant);
        long report = as(login).body(ReportScheduleIntegrationTest.REPORT).post("/api/v3/ra/report/add").then()
                .statusCode(200).extract().jsonPath().getLong("data");
        String id = Long.toString(report);
        List<Snippet> snippets = snippets();
        assertThat(snippets).extracting(Snippet::label).containsExactly("POST /api/v3/ra/report/execute",
                "POST /api/v3/ra/report/email/schedule", "answer", "PATCH /api/v3/ra/report/email/schedule/1234",
                "shape of GET /api/v3/adplane/reports/1234/runs", "download");
        String last = null;
        for (Snippet s : snippets) {
            String text = s.text().replace("1234", id);
            if (s.label().equals("answer")) {
                assertThat(JSON.readTree(last)).isEqualTo(JSON.readTree(text));
            } else if (s.label().startsWith("POST ") || s.label().startsWith("PATCH ")) {
                String[] request = s.label().replace("1234", id).split(" ", 2);
                last = as(login).body(text).request(request[0], request[1]).then().statusCode(200).extract().asString();
            }
        }

        // A run to list and download: once, now.
        as(login).body("{\"reportId\":" + id + ",\"subscriberEmails\":[\"analyst@agency.example\"],\"fileType\":1,"
                + "\"deliveryFrequency\":1}").post("/api/v3/ra/report/email/schedule").then().statusCode(200);
        runs.runDue();
        JsonNode listed = null;
        for (int i = 0; i < 50 && (listed == null || listed.path("data").isEmpty()); i++) {
            listed = JSON.readTree(as(login).get("/api/v3/adplane/reports/" + id + "/runs").then().statusCode(200)
                    .extract().asString());
            Thread.sleep(listed.path("data").isEmpty() ? 100 : 0);
        }
        Snippet shape = snippets.get(4);
        JsonNode documented = JSON.readTree(shape.text()).path("data").get(0);
        JsonNode actual = listed.path("data").get(0);
        for (Iterator<String> names = documented.propertyNames().iterator(); names.hasNext();) {
            String name = names.next();
            assertThat(actual.has(name)).as("a run has %s", name).isTrue();
        }

        Path dir = Files.createTempDirectory("reports-doc");
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "set -euo pipefail\n" + snippets.get(5).text()
                + "cat report.csv\n").directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("URL", actual.path("url").asString());
        pb.environment().put("TOKEN", login.accessToken());
        pb.environment().put("OWID", Long.toString(login.owId()));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("output: %s", output).isZero();
        assertThat(output).isEqualTo("impressions,clicks,spent\r\n");
    }
}
