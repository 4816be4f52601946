package db.migration;

import java.io.InputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves the files of creatives made before V44 into {@code creative_blob}, one copy per organization and
 * content, and counts each organization's stored bytes; then drops the old per-creative copies.
 */
public class V45__Creative_files_by_digest extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        Set<String> stored = new HashSet<>();
        Map<Long, Long> bytes = new HashMap<>();
        try (Statement select = c.createStatement();
                ResultSet rs = select.executeQuery("""
                        SELECT f.creative_id, k.ow_id, k.created_at, f.content FROM creative_file f
                        JOIN creative k ON k.creative_id = f.creative_id ORDER BY f.creative_id""");
                PreparedStatement blob = c.prepareStatement(
                        "INSERT INTO creative_blob (ow_id, sha256, size, content, created_at) VALUES (?, ?, ?, ?, ?)");
                PreparedStatement link = c.prepareStatement("UPDATE creative SET file_sha256 = ? WHERE creative_id = ?")) {
            while (rs.next()) {
                long owId = rs.getLong(2);
                byte[] content;
                try (InputStream in = rs.getBinaryStream(4)) {
                    content = in.readAllBytes();
                }
                String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
                if (stored.add(owId + ":" + sha)) {
                    blob.setLong(1, owId);
                    blob.setString(2, sha);
                    blob.setLong(3, content.length);
                    blob.setBytes(4, content);
                    blob.setLong(5, rs.getLong(3));
                    blob.executeUpdate();
                    bytes.merge(owId, (long) content.length, Long::sum);
                }
                link.setString(1, sha);
                link.setLong(2, rs.getLong(1));
                link.executeUpdate();
            }
        }
        try (PreparedStatement count = c.prepareStatement("INSERT INTO creative_storage (ow_id, bytes) VALUES (?, ?)")) {
            for (Map.Entry<Long, Long> e : bytes.entrySet()) {
                count.setLong(1, e.getKey());
                count.setLong(2, e.getValue());
                count.executeUpdate();
            }
        }
        try (Statement drop = c.createStatement()) {
            drop.execute("DROP TABLE creative_file");
        }
    }
}
