package io.adplane.creative;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.multipart.MultipartFile;

/**
 * The files of one creative upload, each read once as a stream (never whole into memory): its SHA-256, size
 * and format (judged by its first bytes). The digest identifies the file for storage (one copy per organization)
 * and for idempotent retries.
 */
public final class CreativeUploads {

    /** Where an upload's bytes are read from, as often as needed. */
    interface Content {
        InputStream open() throws IOException;
    }

    /** One uploaded file. */
    record Upload(String name, String sha256, long size, CreativeFiles.Format format, Content content) {

        InputStream open() throws IOException {
            return content.open();
        }
    }

    private final Map<String, Upload> byName;

    private CreativeUploads(Map<String, Upload> byName) {
        this.byName = byName;
    }

    /** Reads each file once; a later file with the same name replaces an earlier one, as a map of parts would. */
    public static CreativeUploads read(List<MultipartFile> files) {
        Map<String, Upload> byName = new LinkedHashMap<>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            byName.put(f.getOriginalFilename(), upload(f));
        }
        return new CreativeUploads(byName);
    }

    /** Files given whole, by name: a fixture's (E7). */
    public static CreativeUploads of(Map<String, byte[]> files) {
        Map<String, Upload> byName = new LinkedHashMap<>();
        files.forEach((name, bytes) -> byName.put(name, upload(name, () -> new java.io.ByteArrayInputStream(bytes))));
        return new CreativeUploads(byName);
    }

    private static Upload upload(MultipartFile f) {
        return upload(f.getOriginalFilename(), f::getInputStream);
    }

    private static Upload upload(String name, Content content) {
        try (DigestInputStream in = new DigestInputStream(content.open(), MessageDigest.getInstance("SHA-256"))) {
            byte[] head = in.readNBytes(512);
            long size = head.length;
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
            }
            String sha = HexFormat.of().formatHex(in.getMessageDigest().digest());
            return new Upload(name, sha, size, CreativeFiles.detect(head), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Upload get(String name) {
        return byName.get(name);
    }

    /** What identifies the files of a request for {@code Idempotency-Key}: each name with its digest. */
    public List<String> fingerprint() {
        return byName.values().stream().map(u -> u.name() + ":" + u.sha256()).toList();
    }
}
