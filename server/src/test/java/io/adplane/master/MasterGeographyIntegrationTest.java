package io.adplane.master;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import io.adplane.support.IntegrationTestSupport;

/** IQM's geography lists: ids, search, filters, paging, the legacy lists and the documented errors. */
class MasterGeographyIntegrationTest extends IntegrationTestSupport {

    @Test
    void zipCodes() {
        Login login = loginAdmin();
        as(login).body("{\"noOfEntries\":2,\"sortBy\":\"+id\",\"parentSegmentIds\":[30200020]}").post("/api/v3/master/segment/zip")
                .then().statusCode(200)
                .body("data.data[0]", equalTo(Map.of("id", 30501001, "name", "01001", "parentId", 30200020, "geojsonUrl", "")))
                .body("data.filteredRecords", greaterThan(600)).body("data.totalRecords", greaterThan(40_000));
        as(login).body("{\"searchField\":\"9021\",\"sortBy\":\"+id\"}").post("/api/v3/master/segment/zip").then()
                .body("data.data.name", hasItem("90210")).body("data.data.parentId", everyItem(equalTo(30200005)));
        // "1001" is 01001, as IQM's own example writes it.
        as(login).body("{\"zipCodes\":[\"90210\",\"1001\",\"00000\"],\"sortBy\":\"+id\"}").post("/api/v3/master/segment/zip").then()
                .body("data.data.id", contains(30501001, 30590210));
        as(login).body("{\"zipIds\":[30590210],\"segmentIds\":[30501001]}").post("/api/v3/master/segment/zip").then()
                .body("data.data.id", contains(30590210, 30501001));
        as(login).body("{\"zipCodes\":[\"9021A\"]}").post("/api/v3/master/segment/zip").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("invalid arguments zipCodes!"));
    }

    @Test
    void statesCountiesAndCities() {
        Login login = loginAdmin();
        as(login).body("{\"noOfEntries\":2,\"sortBy\":\"+id\"}").post("/api/v3/master/segment/state").then().statusCode(200)
                .body("data.data[0]", equalTo(Map.of("id", 30200001, "name", "Alaska", "abbreviation", "AK",
                        "parentId", 30100001, "geojsonUrl", "")))
                .body("data.data[1].name", equalTo("Alabama"));
        // 246 is IQM's legacy id of the United States.
        as(login).body("{\"parentSegmentIds\":[246]}").post("/api/v3/master/segment/state").then()
                .body("data.filteredRecords", equalTo(56));
        as(login).body("{\"parentSegmentIds\":[30100002]}").post("/api/v3/master/segment/state").then()
                .body("data.data", empty()).body("data.filteredRecords", equalTo(0));
        as(login).body("{\"searchField\":\"california\"}").post("/api/v3/master/segment/state").then()
                .body("data.data.id", contains(30200005));
        as(login).get("/api/v2/master/segment/states?countryIds=30100001&noOfEntries=2").then()
                .body("responseObject.data[0]", equalTo(Map.of("id", 30200001, "name", "AK")));

        as(login).body("{\"noOfEntries\":3,\"sortBy\":\"+id\"}").post("/api/v3/master/segment/county").then()
                .body("data.data.name", contains("Aleutians East, AK", "Aleutians West, AK", "Anchorage, AK"))
                .body("data.totalRecords", equalTo(3142));
        // Legacy state id 4661 is Alaska.
        as(login).get("/api/v2/master/segment/county?stateIds=4661&noOfEntries=1").then()
                .body("responseObject.data[0]", equalTo(Map.of("id", 30300001, "name", "Aleutians East, AK", "stateId", 30200001)));

        as(login).body("{\"searchField\":\"new york\",\"parentSegmentIds\":[30200035],\"sortBy\":\"+name\"}")
                .post("/api/v3/master/segment/city").then().statusCode(200)
                .body("data.data.name", hasItem("New York, NY")).body("data.data.parentId", everyItem(equalTo(30200035)));
        as(login).body("{\"noOfEntries\":1,\"sortBy\":\"+id\"}").post("/api/v3/master/segment/city").then()
                .body("data.data[0].name", equalTo("Adak, AK"));
        as(login).get("/api/v2/master/segment/city?stateIds=30200035&searchField=york&sortBy=name&order=desc&noOfEntries=500").then()
                .body("responseObject.data.stateId", everyItem(equalTo(30200035)))
                .body("responseObject.data.name", hasItem("New York, NY"));
    }

    @Test
    void dmasAndDistricts() {
        Login login = loginAdmin();
        as(login).body("{\"noOfEntries\":2,\"sortBy\":\"+id\"}").post("/api/v3/master/segment/dma").then()
                .body("data.data[0]", equalTo(Map.of("id", 30900001, "name", "Portland-Auburn, ME", "abbreviation", "500",
                        "parentId", 30200022, "geojsonUrl", "")))
                .body("data.data[1].name", equalTo("New York, NY")).body("data.totalRecords", equalTo(210));
        // IQM: DMAs are searched by name or abbreviation (the DMA code).
        as(login).body("{\"searchField\":\"803\"}").post("/api/v3/master/segment/dma").then()
                .body("data.data.name", contains("Los Angeles, CA"));
        as(login).get("/api/dma_codes").then().statusCode(200).body("", hasSize(210))
                .body("[0]", equalTo(Map.of("id", 1, "dma_code", "500", "dma_region", "Portland-Auburn, ME", "dma_source", "nielsen")));

        as(login).body("{\"parentSegmentIds\":[30200002],\"sortBy\":\"+id\"}").post("/api/v3/master/segment/congressional-district")
                .then().body("data.data.abbreviation", contains("AL-1", "AL-2", "AL-3", "AL-4", "AL-5", "AL-6", "AL-7"))
                .body("data.data[0].id", equalTo(30600502));
        as(login).get("/api/v2/master/segment/congressional-district?stateIds=30200001").then()
                .body("responseObject.data", equalTo(java.util.List.of(Map.of("id", 30600501, "name", "1, AK"))));
        as(login).body("{\"noOfEntries\":1,\"sortBy\":\"+id\"}").post("/api/v3/master/segment/senate-district").then()
                .body("data.data[0].abbreviation", equalTo("AK-A"));
        as(login).body("{\"noOfEntries\":1,\"sortBy\":\"+id\"}").post("/api/v3/master/segment/house-district").then()
                .body("data.data[0].id", equalTo(30800073)).body("data.data[0].abbreviation", equalTo("AK-01"));
        as(login).get("/api/v2/master/segment/senate-district?stateIds=30200001&noOfEntries=1").then()
                .body("responseObject.data[0].name", equalTo("A, AK"));

        as(login).get("/api/v2/master/district/list?stateIds=4660,30200004&type=congressional").then().statusCode(200)
                .body("responseObject", hasKey("4660"))
                .body("responseObject.'4660'.stateName", equalTo("Alabama"))
                .body("responseObject.'4660'.stateCode", equalTo("01"))
                .body("responseObject.'4660'.districtList", hasSize(7))
                .body("responseObject.'4660'.districtList[0]", equalTo(Map.of("id", 30600502, "geoCode", "101",
                        "districtName", "Alabama-1", "districtId", "AL-1")))
                .body("responseObject.'4663'.districtList", hasSize(9));
        as(login).get("/api/v2/master/district/list?stateIds=4660&type=house&searchStr=alabama-10").then()
                .body("responseObject.'4660'.districtList.districtId", hasItem("AL-10"));
        as(login).get("/api/v2/master/district/list?stateIds=4660&type=mayor").then().statusCode(400)
                .body("responseObject.errorMsg", equalTo("Invalid request parameters"))
                .body("responseObject.errorField", equalTo("type"));
        as(login).get("/api/v2/master/district/list?type=senate").then().statusCode(400)
                .body("responseObject.errorField", equalTo("stateIds"));
    }

    @Test
    void locationTypes() {
        Login login = loginAdmin();
        as(login).get("/api/v3/master/segment/locationtype").then().statusCode(200)
                .body("data.id", contains(302, 304, 309, 303, 306, 307, 308))
                .body("data[0]", equalTo(Map.of("id", 302, "name", "State", "order", 1)));
        as(login).get("/api/v3/master/segment/locationtype?isZipRequired=true").then()
                .body("data.id", contains(302, 304, 309, 303, 306, 307, 308, 305));
        as(login).get("/api/v3/master/segment/locationtype-details?locationTypeIds=302,303&searchField=oregon").then()
                .body("data.'302'.name", contains("Oregon")).body("data.'303'.name", hasItem("Oregon, MO"))
                .body("data", not(hasKey("304")));
        as(login).get("/api/v3/master/segment/locationtype-details?locationTypeIds=302&countryIds=30100002").then()
                .body("data.'302'", empty());
        as(login).get("/api/v3/master/segment/locationtype-details?locationTypeIds=302,999").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("Invalid location type ids"));
        as(login).get("/api/v3/master/segment/locationtype-details?locationTypeIds=abc").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("Invalid location type ids"));
        as(login).get("/api/v3/master/segment/locationtype?isZipRequired=maybe").then().statusCode(422);
    }

    @Test
    void legacyListsByCountry() {
        Login login = loginAdmin();
        as(login).get("/api/countries/246/states").then().statusCode(200).body("", hasSize(56))
                .body("[0]", equalTo(Map.of("name", "Alabama", "id", 4660, "country_id", 246, "abbreviation", "AL",
                        "is_active", 1, "is_territory", 0, "state_code", "01", "tblm_iqm_segment_id", 30200002)))
                .body("find { it.abbreviation == 'PR' }.is_territory", equalTo(1));
        as(login).get("/api/countries/30100001/carriers").then().statusCode(200).body("", hasSize(32))
                .body("[0]", equalTo(Map.of("id", 292, "name", "AT&T Mobility", "country_id", 246)));
        as(login).get("/api/countries/30100002/carriers").then().statusCode(200).body("", empty());
        as(login).get("/api/countries/1/carriers").then().statusCode(404)
                .body("errorObjects[0].field", equalTo("country_id"));
        as(login).get("/api/countries/abc/states").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("invalid arguments country_id!"));
    }

    @Test
    void absurdArgumentsAreClear4xxs() {
        Login login = loginAdmin();
        as(login).body("{\"pageNo\":2147483647,\"noOfEntries\":500}").post("/api/v3/master/segment/zip").then().statusCode(200)
                .body("data.data", empty()).body("data.filteredRecords", greaterThan(40_000));
        as(login).body("{\"noOfEntries\":-1}").post("/api/v3/master/segment/city").then().statusCode(422)
                .body("errorObjects[0].field", equalTo("noOfEntries"));
        as(login).body("{\"pageNo\":0}").post("/api/v3/master/segment/city").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("invalid arguments pageNo!"));
        as(login).body("{\"pageNo\":-1}").post("/api/v3/master/segment/city").then().statusCode(422);
        as(login).body("{\"sortBy\":\"-population\"}").post("/api/v3/master/segment/city").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("Invalid sortBy value."));
        as(login).body("{\"ids\":[\"abc\"]}").post("/api/v3/master/segment/city").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("ids[0]"));
        as(login).body("{\"segmentIds\":[-5]}").post("/api/v3/master/segment/city").then().statusCode(422);
        as(login).body("{\"campaignId\":-1}").post("/api/v3/master/segment/city").then().statusCode(422);
        as(login).body("{\"unknownField\":1}").post("/api/v3/master/segment/city").then().statusCode(400);
        as(login).get("/api/v2/master/segment/city?stateIds=NY").then().statusCode(422)
                .body("statusCode", equalTo(422)).body("responseObject.errorMsg", equalTo("invalid arguments stateIds!"));
        as(login).get("/api/v2/master/segment/county?noOfEntries=99999999999").then().statusCode(422)
                .body("responseObject.errorField", equalTo("noOfEntries"));
        String tenThousand = LongStream.range(30_400_001, 30_410_001).mapToObj(Long::toString).collect(Collectors.joining(","));
        as(login).body("{\"ids\":[" + tenThousand + "],\"noOfEntries\":5,\"sortBy\":\"+id\"}").post("/api/v3/master/segment/city").then()
                .statusCode(200).body("data.data.id", contains(30400001, 30400002, 30400003, 30400004, 30400005));
        // One more than any JSON list may carry: the rule every request shares (A9).
        as(login).body("{\"ids\":[" + tenThousand + ",1]}").post("/api/v3/master/segment/city").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("ids"))
                .body("errorObjects[0].error", equalTo("Field 'ids' may list at most 10000 items."));
    }
}
