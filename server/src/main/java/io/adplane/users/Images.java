package io.adplane.users;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import io.adplane.api.ApiException;
import io.adplane.api.Secrets;

/**
 * Logos, avatars and favicons uploaded over the User API (U15): at most {@link #MAX_BYTES}, recognised as PNG,
 * JPEG, GIF, WebP or ICO by their first bytes (never by the name or type the client sends; SVG, which may carry
 * scripts, is refused), each distinct image stored once by its SHA-256 and served at a public address naming it.
 */
@Service
public class Images {

    /** The largest image accepted: 2 MiB. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    static final String PATH = "/api/v3/ua/images/";

    /** A stored image. */
    public record Image(String contentType, byte[] content) {
    }

    private final JdbcClient jdbc;
    private final Environment environment;
    private final Clock clock;

    Images(JdbcClient jdbc, Environment environment, Clock clock) {
        this.jdbc = jdbc;
        this.environment = environment;
        this.clock = clock;
    }

    /** Stores the uploaded image of part {@code field} and answers its address; null for no file. */
    public String store(String field, MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        if (file.getSize() > MAX_BYTES) {
            throw ApiException.badRequest(field, "Field '" + field + "' must be an image of at most 2 MB.");
        }
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw ApiException.badRequest(field, "Field '" + field + "' could not be read.");
        }
        if (content.length > MAX_BYTES) {
            throw ApiException.badRequest(field, "Field '" + field + "' must be an image of at most 2 MB.");
        }
        String type = sniff(content);
        if (type == null) {
            throw ApiException.badRequest(field, "Field '" + field + "' must be a PNG, JPEG, GIF, WebP or ICO image.");
        }
        String sha = Secrets.sha256(content);
        jdbc.sql("""
                INSERT INTO uploaded_image (sha256, content_type, size, content, created_at)
                SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM uploaded_image WHERE sha256 = ?)""")
                .params(sha, type, content.length, content, clock.millis(), sha).update();
        return PublicUrl.base(environment) + PATH + sha;
    }

    /** The image stored under {@code sha256}, if any. */
    public Optional<Image> find(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT content_type, content FROM uploaded_image WHERE sha256 = ?").param(sha256)
                .query((rs, n) -> new Image(rs.getString(1), rs.getBytes(2))).optional();
    }

    /** The image type of {@code b} by its signature, or null when it is none of those accepted. */
    static String sniff(byte[] b) {
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(b, 'G', 'I', 'F', '8', '7', 'a') || starts(b, 'G', 'I', 'F', '8', '9', 'a')) {
            return "image/gif";
        }
        if (b.length >= 12 && starts(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        if (b.length >= 6 && starts(b, 0, 0, 1, 0) && (b[4] != 0 || b[5] != 0)) {
            return "image/x-icon";
        }
        return null;
    }

    private static boolean starts(byte[] b, int... signature) {
        if (b.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((b[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
