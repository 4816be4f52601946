package io.adplane.creative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.adplane.support.IntegrationTestSupport;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Creatives: upload (file and URL), approval (D18), read, list, edit, and isolation (iqm-reference §5). */
class CreativeIntegrationTest extends IntegrationTestSupport {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    static String image(String name, String sourceType, String source) {
        return "{\"creativeName\":\"" + name + "\",\"platformCreativeTypeId\":11,\"creativeSourceType\":\"" + sourceType
                + "\",\"creativeSource\":\"" + source + "\",\"clickUrl\":\"https://iqm.com\","
                + "\"imageDetails\":{\"creativeWidth\":300,\"creativeHeight\":250}}";
    }

    RequestSpecification multipart(Login login, String request) {
        return as(login).contentType("multipart/form-data").multiPart("creativeRequest", request, "application/json");
    }

    long created(Response r, String key) {
        return Long.parseLong(r.then().statusCode(200).extract().jsonPath().getString("data.successData." + key));
    }

    @Test
    void uploadByFileAndByUrlWithPartialSuccess() {
        Tenant t = newTenant("editor");
        Login login = login(t);
        Response r = multipart(login, "{\"I1\":" + image("File banner", "FILE", "banner.png") + ",\"I2\":"
                + image("Url banner", "URL", "https://cdn.example.com/b.png") + ",\"I3\":"
                + image("Missing", "FILE", "nowhere.png") + ",\"I4\":" + image("Bad", "FILE", "fake.png") + "}")
                .multiPart("creativeFiles", "banner.png", PNG, "image/png")
                .multiPart("creativeFiles", "fake.png", "this is text, not a PNG".getBytes(), "image/png")
                .post("/api/v3/crt/creatives");
        r.then().statusCode(200).body("success", equalTo(true))
                .body("data.failedData.I3", equalTo("Creative file missing. Please attach the required file. : nowhere.png"))
                .body("data.failedData.I4", equalTo("Invalid file format for Image creative: fake.png."));
        long file = created(r, "I1");
        long url = created(r, "I2");
        as(login).get("/api/v3/crt/creatives/" + file).then().statusCode(200)
                .body("data.creativeName", equalTo("File banner"))
                .body("data.creativeStatusId", equalTo(1))
                .body("data.platformCreativeTypeId", equalTo(11))
                .body("data.rtbCreativeTypeId", equalTo(1))
                .body("data.creativeSourceType", equalTo("file"))
                .body("data.fileType", equalTo("png"))
                .body("data.fileSize", equalTo(PNG.length))
                .body("data.imageDetails.creativeWidth", equalTo(300))
                .body("data.userDetails.uowId", equalTo((int) t.uowId()))
                .body("data.organizationDetails.owId", equalTo((int) t.owId()));
        as(login).get("/api/v3/crt/creatives/" + url).then().body("data.creativeSource", equalTo("https://cdn.example.com/b.png"));
        byte[] stored = jdbc.sql("""
                SELECT b.content FROM creative c JOIN creative_blob b ON b.ow_id = c.ow_id AND b.sha256 = c.file_sha256
                WHERE c.creative_id = ?""").param(file).query(byte[].class).single();
        assertThat(stored).isEqualTo(PNG);
    }

    @Test
    void badRequestsAreNamed() {
        Login login = login(newTenant("editor"));
        multipart(login, "not json").post("/api/v3/crt/creatives").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("creativeRequest"));
        as(login).contentType("multipart/form-data").multiPart("other", "x").post("/api/v3/crt/creatives").then()
                .statusCode(400).body("errorObjects[0].error", equalTo("Part 'creativeRequest' is required."));
        Response r = multipart(login, "{\"A\":{\"creativeName\":\"x\",\"platformCreativeTypeId\":12},"
                + "\"B\":" + image("y", "URL", "not-a-url") + ",\"C\":" + image("z", "VAST_URL", "https://v") + "}")
                .post("/api/v3/crt/creatives");
        r.then().statusCode(200)
                .body("data.failedData.A", equalTo("platformCreativeTypeId must be 11, 13, 14, 15 or 17."))
                .body("data.failedData.B", equalTo("creativeSource must be an http(s) URL for URL."))
                .body("data.failedData.C", startsWith("creativeSourceType must be one of FILE, URL for Image."));
        byte[] big = new byte[2_000_001];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        multipart(login, "{\"L\":" + image("Large", "FILE", "large.png") + "}")
                .multiPart("creativeFiles", "large.png", big, "image/png").post("/api/v3/crt/creatives").then()
                .statusCode(200).body("data.failedData.L", equalTo("File large.png exceeds the png limit of 2000000 bytes."));
    }

    @Test
    void approvalFlow() {
        Tenant t = newTenant("admin");
        Login login = login(t);
        long id = created(multipart(login, "{\"I\":" + image("Flow", "URL", "https://cdn.example.com/f.png") + "}")
                .post("/api/v3/crt/creatives"), "I");
        String body = "{\"creativeIds\":[" + id + "],\"creativeStatusId\":2}";
        // A customer's own admin may not approve; the workspace owner's admin may (D16, D18).
        as(login).body(body).patch("/api/v3/crt/creatives/update-status").then().statusCode(403)
                .body("errorObjects[0].error", equalTo(CreativeWriter.FORBIDDEN));
        Login owner = loginAdmin();
        as(owner, t.owId()).body(body).patch("/api/v3/crt/creatives/update-status").then().statusCode(200)
                .body("data.message", equalTo("Flow creative updated successfully"));
        as(login).body("{\"creativeIds\":[" + id + "],\"creativeStatusId\":3}").patch("/api/v3/crt/creatives/update-status")
                .then().statusCode(200);
        as(login).get("/api/v3/crt/creatives/" + id).then().body("data.creativeStatusId", equalTo(3));
        as(owner, t.owId()).body("{\"creativeIds\":[" + id + "],\"creativeStatusId\":5}")
                .patch("/api/v3/crt/creatives/update-status").then().statusCode(400)
                .body("errorObjects[0].error", equalTo("Rejection reason not provided. Please provide the reason for rejecting the creative/s."));
        as(owner, t.owId()).body("{\"creativeIds\":[999999999],\"creativeStatusId\":2}")
                .patch("/api/v3/crt/creatives/update-status").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("Invalid creative ids found. Please provide valid creative ids"));
        as(login).body("{\"creativeIds\":[" + id + "],\"creativeStatusId\":4}").patch("/api/v3/crt/creatives/update-status")
                .then().statusCode(200);
        as(login).body("{\"creativeIds\":[" + id + "],\"creativeStatusId\":2}").patch("/api/v3/crt/creatives/update-status")
                .then().statusCode(422)
                .body("errorObjects[0].error", equalTo("Creative/s not in running/pending/paused/rejected state. Please pass valid creative/s."));
    }

    @Test
    void listEditAndStaticLists() {
        Tenant t = newTenant("editor");
        Login login = login(t);
        long a = created(multipart(login, "{\"I\":" + image("Alpha", "URL", "https://cdn.example.com/a.png") + "}")
                .post("/api/v3/crt/creatives"), "I");
        long b = created(multipart(login, "{\"I\":" + image("Beta", "URL", "https://cdn.example.com/b.png") + "}")
                .post("/api/v3/crt/creatives"), "I");
        as(login).body("{}").post("/api/v3/crt/creatives/list").then().statusCode(200)
                .body("data.totalRecords", equalTo(2)).body("data.filteredList.creativeId", contains((int) b, (int) a));
        as(login).body("{\"searchField\":\"alp\"}").post("/api/v3/crt/creatives/list").then()
                .body("data.filteredList.creativeId", contains((int) a));
        as(login).body("{\"sortBy\":\"+creativeName\",\"noOfEntries\":1,\"pageNo\":2}").post("/api/v3/crt/creatives/list")
                .then().body("data.filteredList.creativeName", contains("Beta"));
        as(login).body("{\"creativeName\":\"Alpha 2\"}").patch("/api/v3/crt/creatives/" + a).then().statusCode(200)
                .body("data.id", equalTo((int) a)).body("data.message", equalTo("Alpha 2 updated successfully"));
        as(login).get("/api/v3/crt/master/static/creative-types").then().statusCode(200)
                .body("data.creativeTypeList.id", contains(11, 13, 14, 15, 17));
        as(login).get("/api/v3/crt/master/static/creative-status").then().statusCode(200)
                .body("data.creativeStatusList.id", contains(1, 2, 3, 5, 4));
    }

    @Test
    void aCreativeOfAnotherOrganizationIsInvisible() {
        Login a = login(newTenant("editor"));
        long id = created(multipart(a, "{\"I\":" + image("Secret", "URL", "https://cdn.example.com/s.png") + "}")
                .post("/api/v3/crt/creatives"), "I");
        Login b = login(newTenant("admin"));
        String missing = as(b).get("/api/v3/crt/creatives/999999999").then().statusCode(422).extract().path("errorObjects[0].error");
        assertThat(missing).isEqualTo("No creative details found for creativeId: 999999999");
        as(b).get("/api/v3/crt/creatives/" + id).then().statusCode(422)
                .body("errorObjects[0].error", equalTo("No creative details found for creativeId: " + id));
        as(b).body("{}").post("/api/v3/crt/creatives/list").then().body("data.filteredRecords", equalTo(0));
        as(b).body("{\"creativeName\":\"x\"}").patch("/api/v3/crt/creatives/" + id).then().statusCode(422);
        as(b).body("{\"creativeIds\":[" + id + "],\"creativeStatusId\":4}").patch("/api/v3/crt/creatives/update-status")
                .then().statusCode(422);
        as(a).get("/api/v3/crt/creatives/" + id).then().statusCode(200).body("data.creativeName", equalTo("Secret"));
    }

    @Test
    void idempotentUpload() {
        Tenant t = newTenant("editor");
        Login login = login(t);
        String req = "{\"I\":" + image("Once", "URL", "https://cdn.example.com/o.png") + "}";
        Map<String, Object> first = multipart(login, req).header("Idempotency-Key", "crt-1").post("/api/v3/crt/creatives")
                .then().statusCode(200).extract().jsonPath().getMap("data.successData");
        Map<String, Object> again = multipart(login, req).header("Idempotency-Key", "crt-1").post("/api/v3/crt/creatives")
                .then().statusCode(200).extract().jsonPath().getMap("data.successData");
        assertThat(again).isEqualTo(first);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM creative WHERE ow_id = ?").param(t.owId()).query(Long.class).single()).isEqualTo(1);
    }
}
