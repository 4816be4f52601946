package io.adplane.ops;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code adplane serve} as the user runs it: a separate JVM on this build's classpath, with its own environment
 * variables, its standard output and error captured apart (neither is a terminal).
 */
final class ServerProcess implements AutoCloseable {

    final Process process;
    final Path stdout;
    final Path stderr;
    final int port;

    private ServerProcess(Process process, Path stdout, Path stderr, int port) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.port = port;
    }

    static ServerProcess start(Map<String, String> env, String... args) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "server-processes"));
            Path out = Files.createTempFile(dir, "stdout-", ".log");
            Path err = Files.createTempFile(dir, "stderr-", ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "io.adplane.AdplaneApplication", "serve"));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().keySet().removeIf(k -> k.startsWith("ADPLANE_") || k.startsWith("SPRING_") || k.equals("SERVER_PORT"));
            int port = env.containsKey("SERVER_PORT") ? Integer.parseInt(env.get("SERVER_PORT")) : freePort();
            pb.environment().put("SERVER_PORT", Integer.toString(port));
            pb.environment().putAll(env);
            return new ServerProcess(pb.start(), out, err, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the process to end; its exit code. */
    int exitCode(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the server did not stop within " + timeout + "; stderr: " + stderr());
        }
        return process.exitValue();
    }

    /** Waits until readiness answers 200; false when the process ended first or the time ran out. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                var answer = http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        return false;
    }

    String url() {
        return "http://localhost:" + port;
    }

    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
