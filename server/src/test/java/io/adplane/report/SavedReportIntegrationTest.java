package io.adplane.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.adplane.support.IntegrationTestSupport;

class SavedReportIntegrationTest extends IntegrationTestSupport {

    static final String REPORT = """
            {"reportName":"Campaigns by day","dimensions":"[{\\"filter\\":\\"campaign\\"}]",
            "columns":["impressions","clicks","spent"],"requestType":1,"reportAggregated":"0","timezoneId":29,
            "timezoneName":"US/Eastern","customerIds":[]}""";

    @Test
    void addGetEditListExecuteAndDeleteAReport() {
        Login login = login(newTenant("admin"));
        long id = as(login).body(REPORT).post("/api/v3/ra/report/add").then().statusCode(200)
                .extract().jsonPath().getLong("data");
        as(login).get("/api/v3/ra/report/" + id).then().statusCode(200)
                .body("data.id", equalTo((int) id)).body("data.reportName", equalTo("Campaigns by day"))
                .body("data.columns", org.hamcrest.Matchers.contains("impressions", "clicks", "spent"))
                .body("data.requestType", equalTo(1));
        as(login).body("{\"reportName\":\"Renamed\",\"columns\":[\"impressions\"]}").patch("/api/v3/ra/report/" + id)
                .then().statusCode(200).body("data", equalTo("Report with id " + id + " updated successfully"));
        as(login).get("/api/v3/ra/report/" + id).then().statusCode(200).body("data.reportName", equalTo("Renamed"))
                .body("data.columns", org.hamcrest.Matchers.contains("impressions"))
                .body("data.dimensions", equalTo("[{\"filter\":\"campaign\"}]"));
        as(login).body(REPORT.replace("Campaigns by day", "Second")).post("/api/v3/ra/report/add").then().statusCode(200);

        var list = as(login).get("/api/v3/ra/reports/list?pageNo=1&limit=10").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("data.data.reportName")).containsExactly("Second", "Renamed");
        assertThat(list.getLong("data.totalRecords")).isEqualTo(2);
        as(login).body("{\"customerIds\":\"\",\"pageNo\":1,\"noOfEntries\":30,\"sortBy\":\"+id\",\"searchField\":\"renam\"}")
                .post("/api/v3/ra/reports/list").then().statusCode(200)
                .body("data.data.reportName", org.hamcrest.Matchers.contains("Renamed")).body("data.filteredRecords", equalTo(1));
        // Run by id: the saved definition, with the request's page.
        as(login).body("{\"id\":" + id + ",\"pageNo\":1,\"noOfEntries\":10}").post("/api/v3/ra/report/execute")
                .then().statusCode(200).body("data.totalRecords", equalTo(0)).body("data.total.impressions", equalTo(0));

        // Another organization: like a missing report, everywhere.
        Login other = login(newTenant("admin"));
        as(other).get("/api/v3/ra/report/" + id).then().statusCode(422)
                .body("errorObjects[0].error", equalTo("Report does not exists for the given id"));
        as(other).body("{\"reportName\":\"x\"}").patch("/api/v3/ra/report/" + id).then().statusCode(422);
        as(other).delete("/api/v3/ra/report/" + id).then().statusCode(422);
        as(other).body("{\"id\":" + id + "}").post("/api/v3/ra/report/execute").then().statusCode(422);
        assertThat(as(other).get("/api/v3/ra/reports/list").then().statusCode(200).extract().jsonPath()
                .getList("data.data")).isEmpty();

        as(login).delete("/api/v3/ra/report/" + id).then().statusCode(200)
                .body("data", equalTo("Report with id " + id + " deleted successfully"));
        as(login).get("/api/v3/ra/report/" + id).then().statusCode(422);
    }

    @Test
    void aReportIsCheckedAsExecuteChecksIt() {
        Login login = login(newTenant("admin"));
        as(login).body(REPORT.replace("\"reportName\":\"Campaigns by day\",", "")).post("/api/v3/ra/report/add")
                .then().statusCode(422).body("errorObjects[0].field", equalTo("reportName"));
        as(login).body(REPORT.replace("[\"impressions\",\"clicks\",\"spent\"]", "[]")).post("/api/v3/ra/report/add")
                .then().statusCode(422).body("errorObjects[0].field", equalTo("columns"));
        as(login).body(REPORT.replace("\\\"campaign\\\"", "\\\"planet\\\"")).post("/api/v3/ra/report/add")
                .then().statusCode(422).body("errorObjects[0].field", equalTo("dimensions"));
        as(login).body(REPORT.replace("\"customerIds\":[]", "\"customerIds\":[" + workspaceOwnerOwId() + "]"))
                .post("/api/v3/ra/report/add").then().statusCode(403);
        Login viewer = login(newUserIn(login.owId(), "viewer", "x"));
        as(viewer).body(REPORT).post("/api/v3/ra/report/add").then().statusCode(403);
    }
}
