package io.adplane.creative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.adplane.support.IntegrationTestSupport;
import io.restassured.response.Response;

/** Creative groups: create, list, add and remove creatives, duplicate, delete, IQM's errors, and isolation. */
class CreativeGroupIntegrationTest extends IntegrationTestSupport {

    long creative(Login login, String name, int type) {
        String details = type == 11 ? "\"imageDetails\":{\"creativeWidth\":300,\"creativeHeight\":250}"
                : "\"htmlDetails\":{\"creativeWidth\":300,\"creativeHeight\":250}";
        String source = type == 11 ? "\"creativeSourceType\":\"URL\",\"creativeSource\":\"https://cdn.example.com/a.png\""
                : "\"creativeSourceType\":\"HTML\",\"creativeSource\":\"<div>ad</div>\"";
        Response r = as(login).contentType("multipart/form-data").multiPart("creativeRequest",
                "{\"C\":{\"creativeName\":\"" + name + "\",\"platformCreativeTypeId\":" + type + "," + source
                        + ",\"clickUrl\":\"https://iqm.com\"," + details + "}}", "application/json")
                .post("/api/v3/crt/creatives");
        return Long.parseLong(r.then().statusCode(200).extract().jsonPath().getString("data.successData.C"));
    }

    long group(Login login, String name, int type, long... ids) {
        return as(login).body(Map.of("creativeGroupName", name, "creativeTypeId", type, "creativeIds", ids))
                .post("/api/v3/crt/creatives/groups").then().statusCode(200)
                .body("data.message", equalTo(name + " group created successfully"))
                .extract().jsonPath().getLong("data.creativeGroupId");
    }

    @Test
    void createListModifyDuplicateDelete() {
        Login login = login(newTenant("editor"));
        long a = creative(login, "Banner A", 11);
        long b = creative(login, "Banner B", 11);
        long g = group(login, "Summer", 11, a);

        as(login).body(Map.of("creativeIds", List.of(b), "creativeGroupIds", List.of(g), "actionType", "ADD"))
                .post("/api/v3/crt/creatives/groups/modify-creatives").then().statusCode(200)
                .body("data.message", equalTo("Banner B creative added to Summer group successfully"));
        // Adding what the group holds already changes nothing.
        as(login).body(Map.of("creativeIds", List.of(a, b), "creativeGroupIds", List.of(g), "actionType", "add"))
                .post("/api/v3/crt/creatives/groups/modify-creatives").then().statusCode(200)
                .body("data.message", equalTo("2 creatives added to Summer group successfully"));
        as(login).body(Map.of("pageNo", 1, "noOfEntries", 10, "creativeGroupIds", List.of(g)))
                .post("/api/v3/crt/creatives/groups/list").then().statusCode(200)
                .body("data.totalRecords", equalTo(1)).body("data.filteredRecords", equalTo(1))
                .body("data.creativeGroupList[0].creativeGroupId", equalTo((int) g))
                .body("data.creativeGroupList[0].creativeGroupName", equalTo("Summer"))
                .body("data.creativeGroupList[0].creativeTypeId", equalTo(11))
                .body("data.creativeGroupList[0].creativesCount", equalTo(2));
        // The creative list filters by group.
        as(login).body(Map.of("creativeGroupId", g)).post("/api/v3/crt/creatives/list").then().statusCode(200)
                .body("data.filteredList.creativeId", contains((int) b, (int) a));

        Response dup = as(login).post("/api/v3/crt/creatives/groups/duplicate/" + g);
        dup.then().statusCode(200).body("data.message", equalTo("Summer group duplicated successfully"));
        long copy = dup.jsonPath().getLong("data.duplicatedCreativeGroupId");
        as(login).body(Map.of("creativeGroupIds", List.of(copy))).post("/api/v3/crt/creatives/groups/list").then()
                .body("data.creativeGroupList[0].creativeGroupName", equalTo("Summer copy"))
                .body("data.creativeGroupList[0].creativesCount", equalTo(2));
        List<Long> copies = jdbc.sql("SELECT creative_id FROM creative_group_creative WHERE creative_group_id = ?")
                .param(copy).query(Long.class).list();
        assertThat(copies).hasSize(2).doesNotContain(a, b);

        as(login).body(Map.of("creativeIds", List.of(a), "creativeGroupIds", List.of(g, copy), "actionType", "REMOVE"))
                .post("/api/v3/crt/creatives/groups/modify-creatives").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("Creative " + a + " is not in group Summer copy."));
        as(login).body(Map.of("creativeIds", List.of(a), "creativeGroupIds", List.of(g), "actionType", "REMOVE"))
                .post("/api/v3/crt/creatives/groups/modify-creatives").then().statusCode(200)
                .body("data.message", equalTo("Banner A creative removed from Summer group successfully"));

        as(login).delete("/api/v3/crt/creatives/groups?creativeGroupIds=" + g + "," + copy).then().statusCode(200)
                .body("data.message", equalTo("2 groups deleted successfully"));
        as(login).body(Map.of("creativeGroupIds", List.of(g, copy))).post("/api/v3/crt/creatives/groups/list").then()
                .body("data.filteredRecords", equalTo(0)).body("data.creativeGroupList", hasSize(0));
        as(login).delete("/api/v3/crt/creatives/groups?creativeGroupIds=" + g).then().statusCode(422)
                .body("errorObjects[0].error", equalTo(CreativeGroups.INVALID_GROUPS));
    }

    @Test
    void iqmRulesAndMessages() {
        Login login = login(newTenant("editor"));
        long image = creative(login, "Image", 11);
        long html = creative(login, "Html", 13);
        Map<String, Object> mixed = Map.of("creativeGroupName", "G", "creativeTypeId", 11, "creativeIds", List.of(image, html));
        as(login).body(mixed).post("/api/v3/crt/creatives/groups").then().statusCode(422)
                .body("errorObjects[0].error", equalTo(CreativeGroups.MIXED_TYPES));
        as(login).body(Map.of("creativeGroupName", "G", "creativeTypeId", 13, "creativeIds", List.of(image)))
                .post("/api/v3/crt/creatives/groups").then().statusCode(422)
                .body("errorObjects[0].error", equalTo(CreativeGroups.WRONG_TYPE));
        as(login).body(Map.of("creativeGroupName", "G", "creativeTypeId", 11, "creativeIds", List.of(1L)))
                .post("/api/v3/crt/creatives/groups").then().statusCode(422)
                .body("errorObjects[0].error", equalTo(CreativeGroups.INVALID_CREATIVES));
        as(login).body(Map.of("creativeGroupName", " ", "creativeTypeId", 11, "creativeIds", List.of(image)))
                .post("/api/v3/crt/creatives/groups").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("creativeGroupName"));
        as(login).body(Map.of("creativeGroupName", "G", "creativeTypeId", 12, "creativeIds", List.of(image)))
                .post("/api/v3/crt/creatives/groups").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("creativeTypeId"));
        long g = group(login, "Images", 11, image);
        as(login).body(Map.of("creativeIds", List.of(html), "creativeGroupIds", List.of(g), "actionType", "ADD"))
                .post("/api/v3/crt/creatives/groups/modify-creatives").then().statusCode(422)
                .body("errorObjects[0].error", equalTo(CreativeGroups.WRONG_TYPE));
        as(login).body(Map.of("creativeIds", List.of(image), "creativeGroupIds", List.of(g), "actionType", "MOVE"))
                .post("/api/v3/crt/creatives/groups/modify-creatives").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("actionType"));
        as(login).post("/api/v3/crt/creatives/groups/duplicate/1").then().statusCode(422)
                .body("errorObjects[0].error", equalTo(CreativeGroups.INVALID_GROUPS));
        as(login).body(Map.of("sortBy", "-nothing")).post("/api/v3/crt/creatives/groups/list").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("sortBy"));
        as(login).body(Map.of("sortCriteriaMap", Map.of("creativeGroupName", "asc")))
                .post("/api/v3/crt/creatives/groups/list").then().statusCode(200)
                .body("data.creativeGroupList[0].creativeGroupId", equalTo((int) g));
        // IQM's own examples of the list, as IQM writes them.
        as(login).body("{\"pageNo\": 1, \"noOfEntries\": 2, \"searchField\": \"test\", \"creativeGroupIds\": [46652, 46639],"
                + " \"startTime\": 1737023769000, \"endTime\": 1737369441000, \"sortBy\": \"-creativeGroupId\","
                + " \"platformCreativeTypeIds\": [11, 13, 14, 15, 17], \"creativeStatusIds\": [1, 2, 3, 4]}")
                .post("/api/v3/crt/creatives/groups/list").then().statusCode(200).body("data.filteredRecords", equalTo(0));
    }

    @Test
    void anotherOrganizationsGroupsAndCreativesAreMissing() {
        Login a = login(newTenant("editor"));
        Login b = login(newTenant("editor"));
        long creativeOfA = creative(a, "A's", 11);
        long creativeOfB = creative(b, "B's", 11);
        long groupOfA = group(a, "A group", 11, creativeOfA);
        as(b).body(Map.of("creativeGroupName", "G", "creativeTypeId", 11, "creativeIds", List.of(creativeOfA)))
                .post("/api/v3/crt/creatives/groups").then().statusCode(422)
                .body("errorObjects[0].error", equalTo(CreativeGroups.INVALID_CREATIVES));
        as(b).body(Map.of("creativeIds", List.of(creativeOfB), "creativeGroupIds", List.of(groupOfA), "actionType", "ADD"))
                .post("/api/v3/crt/creatives/groups/modify-creatives").then().statusCode(422)
                .body("errorObjects[0].error", equalTo(CreativeGroups.INVALID_GROUPS));
        as(b).post("/api/v3/crt/creatives/groups/duplicate/" + groupOfA).then().statusCode(422)
                .body("errorObjects[0].error", equalTo(CreativeGroups.INVALID_GROUPS));
        as(b).delete("/api/v3/crt/creatives/groups?creativeGroupIds=" + groupOfA).then().statusCode(422);
        as(b).body(Map.of()).post("/api/v3/crt/creatives/groups/list").then().statusCode(200)
                .body("data.totalRecords", equalTo(0));
        as(b).body(Map.of("creativeGroupId", groupOfA)).post("/api/v3/crt/creatives/list").then().statusCode(200)
                .body("data.filteredList", hasSize(0));
        as(a).body(Map.of("creativeGroupIds", List.of(groupOfA))).post("/api/v3/crt/creatives/groups/list").then()
                .body("data.creativeGroupList[0].creativesCount", equalTo(1));
    }

    @Test
    void viewersCannotChangeGroups() {
        Tenant t = newTenant("viewer");
        as(login(t)).body(Map.of("creativeGroupName", "G", "creativeTypeId", 11, "creativeIds", List.of()))
                .post("/api/v3/crt/creatives/groups").then().statusCode(403);
    }
}
