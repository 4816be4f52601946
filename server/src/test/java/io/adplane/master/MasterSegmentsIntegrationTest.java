package io.adplane.master;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.adplane.support.IntegrationTestSupport;

/** IQM's audience, device, video, creative and inventory lists. */
class MasterSegmentsIntegrationTest extends IntegrationTestSupport {

    @Test
    void demographics() {
        Login login = loginAdmin();
        // IQM's v3 segment lists default to -id.
        as(login).body("{}").post("/api/v3/master/segment/gender").then().statusCode(200)
                .body("data.data.id", contains(10299999, 10200002, 10200001)).body("data.totalRecords", equalTo(3));
        as(login).body("{\"sortBy\":\"+id\",\"noOfEntries\":2}").post("/api/v3/master/segment/gender").then()
                .body("data.data", equalTo(List.of(Map.of("id", 10200001, "name", "Male"), Map.of("id", 10200002, "name", "Female"))))
                .body("data.filteredRecords", equalTo(3));
        // Age sorts by name by default, as IQM documents.
        as(login).get("/api/v2/master/segment/age").then().statusCode(200).body("statusCode", equalTo(200))
                .body("responseObject.data[0].name", equalTo("13-17")).body("responseObject.data[1].name", equalTo("18-20"));
        as(login).get("/api/v2/master/segment/gender?ids=10299999").then().body("responseObject.data[0].name", equalTo("Unknown"));
        as(login).get("/api/v2/master/segment/income?segmentIds=10300001,10300006").then()
                .body("responseObject.data.name", contains("Less than $25000", "$250000+"));
        as(login).get("/api/v2/master/segment/language?searchField=span").then()
                .body("responseObject.data", equalTo(List.of(Map.of("id", 10500164, "name", "Spanish"))));
        as(login).get("/api/v2/master/segment/interest?searchField=golf").then().body("responseObject.data.id", contains(10801341));
        as(login).get("/api/v2/master/segment/ethnicity-group").then().body("responseObject.totalRecords", equalTo(6));
        as(login).get("/api/v2/master/segment/ethnicity?noOfEntries=2").then()
                .body("responseObject.data[1]", equalTo(Map.of("id", 10600002, "name", "African/American", "parentId", 10700003)));
        as(login).get("/api/v2/master/segment/age?campaignId=abc").then().statusCode(422)
                .body("responseObject.errorMsg", equalTo("invalid arguments campaignId!"));
    }

    @Test
    void devices() {
        Login login = loginAdmin();
        as(login).body("{\"sortBy\":\"+id\"}").post("/api/v3/master/segment/device-type").then()
                .body("data.data.name", contains("Mobile", "Desktop", "Connected TV", "Tablet", "Unknown"));
        as(login).get("/api/v2/master/segment/device-type").then().body("responseObject.data[0].id", equalTo(20300001));
        as(login).get("/api/v2/master/segment/device-os?noOfEntries=2").then()
                .body("responseObject.data.name", contains("Android", "Chrome OS"));
        as(login).get("/api/v2/master/segment/device-manufacturer?searchField=apple").then()
                .body("responseObject.data", equalTo(List.of(Map.of("id", 20100004, "name", "Apple"))));
        as(login).get("/api/v2/master/segment/device-carrier?noOfEntries=2").then()
                .body("responseObject.data.name", contains("AT&T Internet Services", "Comcast Cable"));
        as(login).get("/api/v2/master/segment/connection-type").then()
                .body("responseObject.data.name", contains("Broadband", "Cellular", "Unknown"));
        as(login).get("/api/manufacturers").then().statusCode(200).body("", equalTo(List.of(Map.of("name", "3Q", "id", 317))));
        as(login).get("/api/source_traffic_types").then().body("name", contains("App", "Web"));
    }

    @Test
    void videoCreativeAndInventoryAttributes() {
        Login login = loginAdmin();
        as(login).get("/api/v3/master/creative/video/skippability").then().statusCode(200)
                .body("data.data.name", contains("Skippable", "Non-Skippable", "Unknown")).body("data.totalRecords", equalTo(3));
        as(login).get("/api/v3/master/creative/video/roll-position?sortBy=-id").then()
                .body("data.data.id", contains(20799999, 20700003, 20700002, 20700001));
        as(login).queryParam("sortBy", "+name").get("/api/v3/master/creative/video/player-size").then()
                .body("data.data.name", contains("Medium & Big", "Small", "Unknown"));
        as(login).get("/api/v3/master/creative/video/playback-method").then().body("data.data[0].name", equalTo("Sound On"));
        as(login).get("/api/v3/master/creative/video/placement-type?sortBy=popularity").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("Invalid sortBy value."));
        as(login).get("/api/v3/master/segment/channel?ids=21199999&limit=2").then()
                .body("data.data.id", contains(21199999, 21100001)).body("data.filteredRecords", equalTo(4));
        as(login).get("/api/v3/master/rtb-creative-types").then().body("data.data.name", contains("Banner", "Audio", "Video", "Native"));
        as(login).get("/api/v3/master/inventory-types").then().body("data.data.id", contains(1, 2, 3, 99));
        as(login).get("/api/v2/master/segment/inventoryTypes").then().body("responseObject.name", hasItem("Other App"));
        as(login).get("/api/v3/master/deal-curation-type").then().body("data.data.name", contains("Standard", "Tailored", "Open Exchange"));
        as(login).get("/api/v3/master/creative-sizes").then()
                .body("data.standardDimensions[0]", equalTo(Map.of("id", 1, "name", "320x50")))
                .body("data.standardDimensions[24]", equalTo(Map.of("id", 131, "name", "320x30")))
                .body("data.creativeDurations", hasSize(8)).body("data.videoPlayerSizes.id", contains(1, 3, 4));
        as(login).get("/api/v2/master/segment/creativeSizes").then()
                .body("responseObject.standardDimensions[0]", equalTo("320x50"))
                .body("responseObject.creativeDurations[7].name", equalTo("Above 120s"));
        as(login).body("{\"pageNo\":-1,\"sortBy\":\"+id\"}").post("/api/v3/master/inventory").then()
                .body("data.data[0]", equalTo(Map.of("id", 0, "publisherId", 0, "trafficType", "UN", "bundleDomain", "",
                        "name", "UNKNOWN"))).body("data.data", hasSize(12));
        as(login).body("{\"searchField\":\"a1234a\"}").post("/api/v3/master/inventory").then().body("data.data", empty());
        as(login).body("{\"publisherIds\":[18]}").post("/api/v3/master/inventory").then().body("data.data.bundleDomain", contains("90min.com"));
    }
}
