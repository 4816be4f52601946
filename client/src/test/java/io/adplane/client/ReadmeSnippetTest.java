package io.adplane.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;

/**
 * The README's quickstarts, exactly as printed there, against a real server with the variables the bootstrap
 * writes ({@code ADPLANE_URL}, {@code ADPLANE_HOST}, ...): the curl blocks run by bash, the Java class compiled
 * against this client and run.
 */
class ReadmeSnippetTest {

    private static final Pattern SNIPPET = Pattern.compile("```java\\n(.*?public class CreateACampaign.*?)```", Pattern.DOTALL);

    private static Map<String, String> variables(TestServer server) {
        return Map.of("ADPLANE_URL", server.url, "ADPLANE_HOST", TestServer.HOST,
                "ADPLANE_CLIENT_ID", TestServer.CLIENT_ID, "ADPLANE_CLIENT_SECRET", TestServer.CLIENT_SECRET,
                "ADPLANE_EMAIL", TestServer.EMAIL, "ADPLANE_PASSWORD", TestServer.PASSWORD);
    }

    @Test
    void theReadmesCurlQuickstartRuns() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("## The quickstart, with curl"), readme.indexOf("## The quickstart, in Java"));
        StringBuilder script = new StringBuilder("set -euo pipefail\n");
        Matcher block = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(section);
        int blocks = 0;
        while (block.find()) {
            script.append(block.group(1)).append('\n');
            blocks++;
        }
        assertThat(blocks).isEqualTo(5);
        script.append("echo \"final status: $(curl -s $ADPLANE_URL/api/v2/cmp/campaign/$CAMPAIGN -H \"Authorization: Bearer $TOKEN\""
                + " -H \"X-IAA-OW-ID: $OWID\" | jq -r .responseObject.status)\"\n");
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(true);
        pb.environment().putAll(variables(TestServer.get()));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("output: %s", output).isZero();
        assertThat(output).contains("\"message\":\"Campaign saved successfully.\"", "\"status\":\"pending\"",
                "\"updatedData\":[{").endsWith("final status: running\n");
    }

    @Test
    void theReadmesJavaQuickstartCompilesAndRuns() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher m = SNIPPET.matcher(readme);
        assertThat(m.find()).as("README.md has a ```java block with class CreateACampaign").isTrue();
        Path dir = Files.createDirectories(Path.of("target", "readme-snippet"));
        Path source = dir.resolve("CreateACampaign.java");
        Files.writeString(source, m.group(1));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int compiled = javac.run(null, null, errors, "-d", dir.toString(), "-cp", System.getProperty("java.class.path"),
                source.toString());
        assertThat(compiled).as("javac: %s", errors.toString(StandardCharsets.UTF_8)).isZero();

        TestServer server = TestServer.get();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", dir + java.io.File.pathSeparator + System.getProperty("java.class.path"), "CreateACampaign")
                .redirectErrorStream(true);
        pb.environment().putAll(variables(server));
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("output: %s", output).isZero();
        assertThat(output.lines().toList()).last().asString().matches("Campaign [0-9]+ is running");
    }
}
