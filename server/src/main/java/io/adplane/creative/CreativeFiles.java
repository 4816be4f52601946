package io.adplane.creative;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What an uploaded file is, judged by its first bytes, never by its name; and IQM's size limits per format
 * (iqm-reference §5.1: 2 MB JPG/PNG, 750 KB GIF, 400 MB MP4/MOV, 100 MB MP3/WAV/OGG).
 */
final class CreativeFiles {

    private CreativeFiles() {
    }

    /** A recognised format: its name, its size limit, and the creative types it can be. */
    enum Format {
        PNG(2_000_000L), JPEG(2_000_000L), GIF(750_000L), MP4(400_000_000L), MOV(400_000_000L),
        MP3(100_000_000L), WAV(100_000_000L), OGG(100_000_000L), ZIP(2_000_000L), HTML(2_000_000L);

        final long maxBytes;

        Format(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        boolean fits(CreativeType type) {
            return switch (type) {
                case IMAGE -> this == PNG || this == JPEG || this == GIF;
                case HTML -> this == ZIP || this == HTML;
                case VIDEO -> this == MP4 || this == MOV;
                case AUDIO -> this == MP3 || this == WAV || this == OGG;
                case NATIVE -> this == PNG || this == JPEG || this == GIF || this == MP4 || this == MOV;
            };
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The format of {@code bytes}, or null when it is none adplane accepts. */
    static Format detect(byte[] b) {
        if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Format.PNG;
        }
        if (starts(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Format.JPEG;
        }
        if (starts(b, 0, 'G', 'I', 'F', '8')) {
            return Format.GIF;
        }
        if (starts(b, 4, 'f', 't', 'y', 'p')) {
            return starts(b, 8, 'q', 't', ' ', ' ') ? Format.MOV : Format.MP4;
        }
        if (starts(b, 0, 'I', 'D', '3') || (b.length > 1 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0)) {
            return Format.MP3;
        }
        if (starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'A', 'V', 'E')) {
            return Format.WAV;
        }
        if (starts(b, 0, 'O', 'g', 'g', 'S')) {
            return Format.OGG;
        }
        if (starts(b, 0, 'P', 'K', 3, 4)) {
            return Format.ZIP;
        }
        String head = new String(b, 0, Math.min(b.length, 512), StandardCharsets.UTF_8).stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("<!doctype html") || head.startsWith("<html")) {
            return Format.HTML;
        }
        return null;
    }

    private static boolean starts(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
