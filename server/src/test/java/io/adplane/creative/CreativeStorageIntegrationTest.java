package io.adplane.creative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.startsWith;

import java.util.StringJoiner;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;

import io.adplane.support.IntegrationTestSupport;
import io.restassured.specification.RequestSpecification;

/** One copy per file and organization, however many creatives use it, within a storage quota (issue 18). */
class CreativeStorageIntegrationTest extends IntegrationTestSupport {

    /** A 1 MB MP4: its first bytes say so. */
    static final byte[] MP4 = new byte[1_000_000];

    static {
        byte[] head = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
        System.arraycopy(head, 0, MP4, 0, head.length);
        for (int i = head.length; i < MP4.length; i++) {
            MP4[i] = (byte) (i * 31);
        }
    }

    @Autowired
    CreativeBlobs blobs;

    static String video(String name, String file) {
        return "{\"creativeName\":\"" + name + "\",\"platformCreativeTypeId\":14,\"creativeSourceType\":\"FILE\","
                + "\"creativeSource\":\"" + file + "\",\"clickUrl\":\"https://iqm.com\"}";
    }

    RequestSpecification upload(Login login, int creatives, byte[] file) {
        StringJoiner items = new StringJoiner(",", "{", "}");
        for (int i = 0; i < creatives; i++) {
            items.add("\"V" + i + "\":" + video("Video " + i, "clip.mp4"));
        }
        return as(login).contentType("multipart/form-data").multiPart("creativeRequest", items.toString(), "application/json")
                .multiPart("creativeFiles", "clip.mp4", file, "video/mp4");
    }

    long blobs(long owId) {
        return jdbc.sql("SELECT COUNT(*) FROM creative_blob WHERE ow_id = ?").param(owId).query(Long.class).single();
    }

    @Test
    void fiftyCreativesOfOneFileStoreItOnce() {
        Tenant tenant = newTenant("editor");
        Login login = login(tenant);
        upload(login, 50, MP4).post("/api/v3/crt/creatives").then().statusCode(200)
                .body("data.successData", aMapWithSize(50)).body("data.failedData", anEmptyMap());
        assertThat(blobs(tenant.owId())).isEqualTo(1);
        assertThat(blobs.used(tenant.owId())).isEqualTo(MP4.length);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT file_sha256) FROM creative WHERE ow_id = ?").param(tenant.owId())
                .query(Long.class).single()).isEqualTo(1);
        // The same file again, in another request: still one copy.
        upload(login, 1, MP4).post("/api/v3/crt/creatives").then().statusCode(200).body("data.successData", aMapWithSize(1));
        assertThat(blobs(tenant.owId())).isEqualTo(1);
        assertThat(blobs.used(tenant.owId())).isEqualTo(MP4.length);
        // Another organization keeps its own copy: storage is per tenant.
        Tenant other = newTenant("editor");
        upload(login(other), 1, MP4).post("/api/v3/crt/creatives").then().statusCode(200);
        assertThat(blobs(other.owId())).isEqualTo(1);
    }

    @Test
    void aFileBeyondTheQuotaIsRefusedWithItsReason() {
        Tenant tenant = newTenant("editor");
        Login login = login(tenant);
        Object quota = ReflectionTestUtils.getField(blobs, "quota");
        ReflectionTestUtils.setField(blobs, "quota", 1_500_000L);
        try {
            upload(login, 1, MP4).post("/api/v3/crt/creatives").then().statusCode(200).body("data.successData", aMapWithSize(1));
            byte[] second = MP4.clone();
            second[100] ^= 1;
            upload(login, 1, second).post("/api/v3/crt/creatives").then().statusCode(200)
                    .body("data.failedData.V0", startsWith("File clip.mp4 would pass this organization's storage quota"));
            assertThat(blobs(tenant.owId())).isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM creative WHERE ow_id = ?").param(tenant.owId()).query(Long.class)
                    .single()).isEqualTo(1);
        } finally {
            ReflectionTestUtils.setField(blobs, "quota", quota);
        }
    }
}
