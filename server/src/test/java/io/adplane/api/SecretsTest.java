package io.adplane.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Hashes are SHA-256 in lower-case hex, the same from every thread. */
class SecretsTest {

    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void sha256IsTheStandardDigest() {
        assertThat(Secrets.sha256("abc")).isEqualTo(ABC);
        assertThat(Secrets.sha256("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void concurrentHashesDoNotShareState() {
        List<String> hashes = IntStream.range(0, 2_000).parallel().mapToObj(i -> Secrets.sha256("abc")).toList();
        assertThat(hashes).containsOnly(ABC);
    }
}
