package io.adplane.master;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.adplane.support.IntegrationTestSupport;

/** Every master endpoint answers IQM's envelope and field names with the documented ids (iqm-reference §6). */
class MasterDataIntegrationTest extends IntegrationTestSupport {

    @Test
    void timezones() {
        Login login = loginAdmin();
        as(login).get("/api/v3/master/timezones?searchField=US/Eastern").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.data[0]", equalTo(Map.of("name", "US/Eastern", "id", 29, "label", "US/Eastern")))
                .body("data.totalRecords", equalTo(603));
        as(login).get("/api/v3/master/timezones?searchField=Kolkata").then().body("data.data.id", contains(105));
        as(login).get("/api/v3/master/timezones?searchField=UTC").then().body("data.data.id", hasItem(11));
        as(login).get("/api/v3/master/timezones?searchField=Addis").then()
                .body("data.data[0].label", equalTo("Africa/Addis Ababa"))
                .body("data.data[0].name", equalTo("Africa/Addis_Ababa"));
        as(login).get("/api/v2/adv/static/timezones").then().statusCode(200)
                .body("statusCode", equalTo(200)).body("responseObject.id", hasItem(433));
    }

    @Test
    void countriesFollowIqmsIds() {
        Login login = loginAdmin();
        as(login).body("{\"noOfEntries\":3}").post("/api/v3/master/segment/country").then().statusCode(200)
                .body("data.data.id", contains(30100001, 30100002, 30100011))
                .body("data.data[0]", equalTo(Map.of("id", 30100001, "name", "United States", "abbreviation", "US")))
                .body("data.totalRecords", equalTo(249));
        as(login).body("{\"searchField\":\"Armenia\"}").post("/api/v3/master/segment/country").then()
                .body("data.data[0].id", equalTo(30100022));
        as(login).body("{\"ids\":[30100013],\"noOfEntries\":1}").post("/api/v3/master/segment/country").then()
                .body("data.data[0].name", equalTo("Albania"));
        as(login).body("{\"noOfEntries\":501}").post("/api/v3/master/segment/country").then().statusCode(400);
    }

    @Test
    void exchangesCategoriesAndTypes() {
        Login login = loginAdmin();
        as(login).get("/api/v3/master/exchanges?sortBy=+id&noOfEntries=2").then().statusCode(200)
                .body("data.data[0]", equalTo(Map.of("id", 1, "name", "iQM", "urlName", "iqm")))
                .body("data.data[1].name", equalTo("Beachfront"));
        as(login).body("{\"ids\":[12],\"noOfEntries\":1}").post("/api/v3/master/adcategories").then().statusCode(200)
                .body("data.data[0].name", equalTo("Books & Literature (IAB1-1)"))
                .body("data.data[0].parentId", equalTo(11))
                .body("data.data[0].iabCategoryId", equalTo("IAB1-1"))
                .body("data.data[0].parentName", equalTo("Arts & Entertainment"));
        as(login).get("/api/device_types").then().statusCode(200)
                .body("name", contains("Connected TV", "Desktop", "Mobile", "Set-top box", "Tablet"))
                .body("id", contains(13, 15, 11, 16, 12));
        as(login).get("/api/v3/master/traffic-types").then()
                .body("data.data[0]", equalTo(Map.of("name", "App", "isTvAd", false, "id", 11)))
                .body("data.totalRecords", equalTo(4));
        as(login).get("/api/network_types").then().body("id", contains(13, 12));
        as(login).get("/api/device_os").then().body("name", hasItem("Roku"));
        as(login).get("/api/v3/cmp/static/frequency-cap-types").then()
                .body("data.frequencyCapTypes[0].displayName", equalTo("Day(s)"))
                .body("data.frequencyCapTypes[3].minDuration", equalTo(null))
                .body("data.totalRecords", equalTo(4));
        as(login).get("/api/v3/conversion/static/conversion-type").then().body("data.data.name", contains("pixel", "postback", "universalPixel"));
    }

    @Test
    void masterListsNeedALogin() {
        given().get("/api/v3/master/timezones").then().statusCode(401);
    }
}
