package io.adplane.master;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.adplane.support.IntegrationTestSupport;

/** The master lists campaigns name directly answer IQM's envelope, field names and documented ids (iqm-reference §6). */
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
        as(login).get("/api/v3/master/timezones?ids=423,29&noOfEntries=2").then().body("data.data.id", contains(29, 423));
        as(login).get("/api/v2/adv/static/timezones").then().statusCode(200)
                .body("statusCode", equalTo(200)).body("responseObject.id", hasItem(433));
    }

    @Test
    void countriesFollowIqmsIdsAndDefaultToDescendingIds() {
        Login login = loginAdmin();
        as(login).body("{\"noOfEntries\":3,\"sortBy\":\"+id\"}").post("/api/v3/master/segment/country").then().statusCode(200)
                .body("data.data.id", contains(30100001, 30100002, 30100011))
                .body("data.data[0]", equalTo(Map.of("id", 30100001, "name", "United States", "abbreviation", "US")))
                .body("data.totalRecords", equalTo(249));
        // IQM: "Default value is -id".
        as(login).body("{\"noOfEntries\":1}").post("/api/v3/master/segment/country").then()
                .body("data.data[0].id", equalTo(30100257));
        as(login).body("{\"searchField\":\"Armenia\"}").post("/api/v3/master/segment/country").then()
                .body("data.data[0].id", equalTo(30100022)).body("data.filteredRecords", equalTo(1));
        as(login).body("{\"ids\":[30100013],\"noOfEntries\":1}").post("/api/v3/master/segment/country").then()
                .body("data.data[0].name", equalTo("Albania"));
        as(login).body("{\"noOfEntries\":501}").post("/api/v3/master/segment/country").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("invalid arguments noOfEntries!"))
                .body("errorObjects[0].field", equalTo("noOfEntries"))
                .body("errorObjects[0].reason", equalTo("noOfEntries must be from 1 to 500."));
        as(login).get("/api/v2/master/segment/country?noOfEntries=2").then().statusCode(200)
                .body("responseObject.data[0]", equalTo(Map.of("id", 30100001, "name", "United States")));
    }

    @Test
    void exchangesAreIqms26() {
        Login login = loginAdmin();
        as(login).get("/api/v3/master/exchanges?sortBy=+id&noOfEntries=2").then().statusCode(200)
                .body("data.data[0]", equalTo(Map.of("id", 1, "name", "iQM", "urlName", "test")))
                .body("data.data[1].name", equalTo("Smaato"))
                .body("data.totalRecords", equalTo(26));
        as(login).get("/api/v3/master/exchanges").then().body("data.data", hasSize(20)).body("data.filteredRecords", equalTo(26));
        as(login).get("/api/v3/master/exchanges?exchangeIds=84,80,78,1&ids=84&sortBy=id&order=asc").then()
                .body("data.data.id", contains(84, 1, 78, 80)).body("data.filteredRecords", equalTo(4));
        as(login).get("/api/v3/master/exchanges?searchField=google").then().body("data.data.urlName", contains("adx"));
        as(login).get("/api/v3/master/exchanges?sortBy=-name&noOfEntries=1").then().body("data.data[0].name", equalTo("Vidazoo"));
        // IQM: 422 "invalid arguments ids!" for ids=abc.
        as(login).get("/api/v3/master/exchanges?ids=abc").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("invalid arguments ids!")).body("errorObjects[0].field", equalTo("ids"));
        as(login).get("/api/v3/master/exchanges?exchangeIds=1,x").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("invalid arguments exchangeIds!"));
        as(login).get("/api/v3/master/exchanges?pageNo=abc").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("invalid arguments pageNo!"));
        as(login).get("/api/v3/master/exchanges?sortBy=urlName").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("Invalid sortBy value."));
        as(login).get("/api/v3/master/exchanges?order=sideways").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("invalid arguments order!"));
    }

    @Test
    void adCategoriesAndTheStaticTypes() {
        Login login = loginAdmin();
        as(login).body("{\"ids\":[12],\"noOfEntries\":1}").post("/api/v3/master/adcategories").then().statusCode(200)
                .body("data.data[0].name", equalTo("Books & Literature (IAB1-1)"))
                .body("data.data[0].parentId", equalTo(11))
                .body("data.data[0].iabCategoryId", equalTo("IAB1-1"))
                .body("data.data[0].parentName", equalTo("Arts & Entertainment"));
        // pageNo -1: every category, as IQM documents; tier-1 categories have parent 0, never null.
        as(login).body("{\"pageNo\":-1,\"sortBy\":\"+id\"}").post("/api/v3/master/adcategories").then()
                .body("data.data", hasSize(392)).body("data.data[0].parentId", equalTo(0))
                .body("data.data[0].parentName", equalTo(""));
        as(login).body("{\"searchField\":\"travel\",\"pageNo\":-1}").post("/api/v3/master/adcategories").then()
                .body("data.data.iabCategoryId", everyItem(startsWith("IAB20")));
        as(login).get("/api/adcategories").then().statusCode(200)
                .body("find { it.id == 12 }", equalTo(Map.of("id", 12, "name", "Books & Literature (IAB1-1)",
                        "group", "Arts & Entertainment", "iab_id", "IAB1-1", "parent_id", 11)))
                .body("find { it.id == 11 }.group", equalTo("Arts & Entertainment"));
        as(login).get("/api/device_types").then().statusCode(200)
                .body("name", contains("Connected TV", "Desktop", "Mobile", "Set-top box", "Tablet"))
                .body("id", contains(13, 15, 11, 16, 12));
        as(login).get("/api/v3/master/traffic-types").then()
                .body("data.data[0]", equalTo(Map.of("name", "App", "isTvAd", false, "id", 11)))
                .body("data.data.name", contains("App", "CTV", "OTT", "Web"))
                .body("data.totalRecords", equalTo(4));
        as(login).get("/api/network_types").then().body("id", contains(13, 12));
        as(login).get("/api/device_os").then().body("name", contains("Android", "BlackBerry", "Desktop", "iOS", "IPTV", "Roku", "Windows"));
        as(login).get("/api/v3/cmp/static/frequency-cap-types").then()
                .body("data.frequencyCapTypes[0].displayName", equalTo("Day(s)"))
                .body("data.frequencyCapTypes[3].minDuration", equalTo(null))
                .body("data.totalRecords", equalTo(4));
        as(login).get("/api/v3/conversion/static/conversion-type").then().body("data.data.name", contains("pixel", "postback", "universalPixel"));
    }

    @Test
    void masterListsNeedALoginAndAnOrganization() {
        given().get("/api/v3/master/timezones").then().statusCode(401);
        given().body("{}").post("/api/v3/master/segment/zip").then().statusCode(401);
        given().header("Authorization", "Bearer " + loginAdmin().accessToken()).get("/api/v3/master/exchanges").then().statusCode(400);
    }
}
