package io.adplane.creative;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Files are recognised by content, not by name. */
class CreativeFilesTest {

    @Test
    void formatsByMagicBytes() {
        assertThat(CreativeFiles.detect(CreativeIntegrationTest.PNG)).isEqualTo(CreativeFiles.Format.PNG);
        assertThat(CreativeFiles.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).isEqualTo(CreativeFiles.Format.JPEG);
        assertThat(CreativeFiles.detect("GIF89a....".getBytes())).isEqualTo(CreativeFiles.Format.GIF);
        assertThat(CreativeFiles.detect(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'})).isEqualTo(CreativeFiles.Format.MP4);
        assertThat(CreativeFiles.detect("ID3\u0004...".getBytes())).isEqualTo(CreativeFiles.Format.MP3);
        assertThat(CreativeFiles.detect("RIFF\0\0\0\0WAVEfmt ".getBytes())).isEqualTo(CreativeFiles.Format.WAV);
        assertThat(CreativeFiles.detect("  <!DOCTYPE html><html>".getBytes())).isEqualTo(CreativeFiles.Format.HTML);
        assertThat(CreativeFiles.detect("hello".getBytes())).isNull();
        assertThat(CreativeFiles.Format.PNG.fits(CreativeType.IMAGE)).isTrue();
        assertThat(CreativeFiles.Format.MP4.fits(CreativeType.IMAGE)).isFalse();
        assertThat(CreativeFiles.Format.GIF.maxBytes).isEqualTo(750_000L);
    }
}
