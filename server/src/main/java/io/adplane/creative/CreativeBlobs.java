package io.adplane.creative;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.support.SqlBinaryValue;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import io.adplane.api.ApiException;

/**
 * Where uploaded files live: each distinct content once per organization ({@code creative_blob}, keyed by
 * SHA-256), streamed into the database, within the organization's storage quota
 * ({@code adplane.creatives.storage-quota}). Uploads of one organization take its organization row's lock, so
 * the quota and the one-copy rule hold under concurrent uploads.
 */
@Component
class CreativeBlobs {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final long quota;

    CreativeBlobs(JdbcClient jdbc, Clock clock, @Value("${adplane.creatives.storage-quota:10GB}") DataSize quota) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.quota = quota.toBytes();
    }

    /** Stores the upload for {@code owId} unless the organization already has this content. */
    void store(long owId, CreativeUploads.Upload upload) {
        jdbc.sql("SELECT ow_id FROM organization WHERE ow_id = ? FOR UPDATE").param(owId).query(Long.class).single();
        boolean present = jdbc.sql("SELECT COUNT(*) FROM creative_blob WHERE ow_id = ? AND sha256 = ?")
                .params(owId, upload.sha256()).query(Long.class).single() > 0;
        if (present) {
            return;
        }
        long used = jdbc.sql("SELECT bytes FROM creative_storage WHERE ow_id = ?").param(owId).query(Long.class)
                .optional().orElse(-1L);
        if (Math.max(used, 0) + upload.size() > quota) {
            throw ApiException.unprocessable("creativeFiles", "File " + upload.name() + " would pass this organization's "
                    + "storage quota of " + DataSize.ofBytes(quota).toMegabytes() + " MB (" + DataSize.ofBytes(Math.max(used, 0)).toMegabytes()
                    + " MB stored).");
        }
        try (InputStream in = upload.open()) {
            jdbc.sql("INSERT INTO creative_blob (ow_id, sha256, size, content, created_at) VALUES (?, ?, ?, ?, ?)")
                    .params(owId, upload.sha256(), upload.size(), new SqlBinaryValue(in, upload.size()), clock.millis())
                    .update();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (used < 0) {
            jdbc.sql("INSERT INTO creative_storage (ow_id, bytes) VALUES (?, ?)").params(owId, upload.size()).update();
        } else {
            jdbc.sql("UPDATE creative_storage SET bytes = bytes + ? WHERE ow_id = ?").params(upload.size(), owId).update();
        }
    }

    /** The bytes an organization's files take. */
    long used(long owId) {
        return jdbc.sql("SELECT bytes FROM creative_storage WHERE ow_id = ?").param(owId).query(Long.class)
                .optional().orElse(0L);
    }
}
