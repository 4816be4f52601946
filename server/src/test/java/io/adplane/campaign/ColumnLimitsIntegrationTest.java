package io.adplane.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.restassured.response.Response;

/**
 * No input reaches a column longer than the column holds (issue 11): for every text column a client writes,
 * its declared length (read from the database, so the test follows the schema) is accepted and one character
 * more is a 400 naming the request field, never a 500.
 */
class ColumnLimitsIntegrationTest extends CampaignTestSupport {

    /** A text column, the request field that fills it, and a request sending a value of a given length. */
    record Case(String table, String column, String field, Writer writer) {
        @Override
        public String toString() {
            return table + "." + column + " <- " + field;
        }
    }

    interface Writer {
        Response send(ColumnLimitsIntegrationTest t, String value);
    }

    Login login;
    Login approver;
    long owId;
    long ioId;
    long creativeId;

    @BeforeEach
    void setUp() {
        Tenant tenant = newTenant("admin");
        login = login(tenant);
        owId = tenant.owId();
        approver = login(newUserIn(workspaceOwnerOwId(), "approver", "adplane"));
        ioId = newIo(login);
        creativeId = runningCreative(login, 11);
    }

    static String text(int length) {
        return "x".repeat(length);
    }

    /** An email address of exactly {@code length} characters. */
    static String email(int length) {
        String domain = "@example.com";
        return "x".repeat(length - domain.length()) + domain;
    }

    /** A URL of exactly {@code length} characters. */
    static String url(int length) {
        String base = "https://iqm.com/";
        return base + "p".repeat(length - base.length());
    }

    Response creative(Map<String, Object> overrides) {
        Map<String, Object> item = new java.util.LinkedHashMap<>(Map.of("creativeName", "Banner", "platformCreativeTypeId", 11,
                "creativeSourceType", "URL", "creativeSource", "https://cdn.example.com/a.png", "clickUrl", "https://iqm.com",
                "imageDetails", Map.of("creativeWidth", 300, "creativeHeight", 250)));
        item.putAll(overrides);
        String request = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(Map.of("C1", item));
        return as(login).contentType("multipart/form-data").multiPart("creativeRequest", request, "application/json")
                .post("/api/v3/crt/creatives");
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("insertion_order", "io_name", "ioName", (t, v) -> t.as(t.login)
                        .body(Map.of("ioName", v, "ioStartTime", t.clock.millis() + 3_600_000L, "ioBudgetTypeId", 1,
                                "ioTimeZoneId", 29)).post("/api/v3/cmp/io/add")),
                new Case("campaign", "campaign_name", "campaignName", (t, v) -> {
                    long start = t.nowSeconds() + HOUR;
                    return t.as(t.login).body(seedCampaign(t.ioId, t.creativeId, start, start + DAY)
                            .replace("\"NewTest\"", "\"" + v + "\"")).post("/api/v2/cmp/campaigns/add");
                }),
                new Case("campaign", "advertiser_domain", "advertiserDomain", (t, v) -> {
                    long start = t.nowSeconds() + HOUR;
                    return t.as(t.login).body(seedCampaign(t.ioId, t.creativeId, start, start + DAY)
                            .replace("\"https://iqm.com\"", "\"" + v + "\"")).post("/api/v2/cmp/campaigns/add");
                }),
                new Case("campaign", "campaign_name", "campaignName", (t, v) -> t.as(t.login)
                        .body(Map.of("campaignName", v))
                        .patch("/api/v3/cmp/campaign/update-name/" + t.newCampaign(t.login, t.ioId, t.creativeId))),
                new Case("campaign", "rejection_reason", "rejectionReason", (t, v) -> t.as(t.approver, t.owId)
                        .body(Map.of("campaignIds", String.valueOf(t.newCampaign(t.login, t.ioId, t.creativeId)),
                                "status", "rejected", "rejectionReason", v))
                        .put("/api/v2/cmp/campaigns/update-status")),
                new Case("creative", "creative_name", "creativeName", (t, v) -> t.creative(Map.of("creativeName", v))),
                new Case("creative", "click_url", "clickUrl", (t, v) -> t.creative(Map.of("clickUrl", v))),
                new Case("creative", "external_creative_id", "externalCreativeId",
                        (t, v) -> t.creative(Map.of("externalCreativeId", v))),
                new Case("creative", "external_creative_id", "externalCreativeId", (t, v) -> t.as(t.login)
                        .body(Map.of("externalCreativeId", v)).patch("/api/v3/crt/creatives/" + t.creativeId)),
                new Case("creative", "remarks", "creativeRemarks", (t, v) -> t.as(t.login)
                        .body(Map.of("creativeRemarks", v)).patch("/api/v3/crt/creatives/" + t.creativeId)),
                new Case("creative", "rejection_reason", "creativeRejectionReason", (t, v) -> t.as(t.login)
                        .body(Map.of("creativeRejectionReason", v)).patch("/api/v3/crt/creatives/" + t.creativeId)),
                new Case("creative", "rejection_reason", "creativeRejectionReason", (t, v) -> t.as(t.approver, t.owId)
                        .body(Map.of("creativeIds", List.of(t.pendingCreative(t.login, 11)), "creativeStatusId", 5,
                                "creativeRejectionReason", v))
                        .patch("/api/v3/crt/creatives/update-status")),
                new Case("creative", "click_url", "clickUrl", (t, v) -> t.as(t.login)
                        .body(Map.of("clickUrl", v)).patch("/api/v3/crt/creatives/" + t.creativeId)),
                new Case("creative_group", "creative_group_name", "creativeGroupName", (t, v) -> t.as(t.login)
                        .body(Map.of("creativeGroupName", v, "creativeTypeId", 11, "creativeIds", List.of(t.creativeId)))
                        .post("/api/v3/crt/creatives/groups")),
                new Case("deal", "deal_name", "dealName", (t, v) -> t.as(t.login)
                        .body(Map.of("dealId", "D1", "dealName", v, "exchangeId", 1)).post("/api/v3/adplane/pmp-deals")),
                new Case("deal", "deal_id", "dealId", (t, v) -> t.as(t.login)
                        .body(Map.of("dealId", v, "dealName", "Deal", "exchangeId", 1)).post("/api/v3/adplane/pg-deals")),
                new Case("audience", "audience_name", "audienceName", (t, v) -> t.as(t.login)
                        .body(Map.of("audienceName", v)).post("/api/v3/adplane/audiences")),
                new Case("inventory_group", "group_name", "groupName", (t, v) -> t.as(t.login)
                        .body(Map.of("groupName", v)).post("/api/v3/adplane/inventory-groups")),
                new Case("idempotency_key", "idem_key", "Idempotency-Key", (t, v) -> t.as(t.login)
                        .header("Idempotency-Key", v)
                        .body(Map.of("ioName", "Keyed", "ioStartTime", t.clock.millis() + 3_600_000L, "ioBudgetTypeId", 1,
                                "ioTimeZoneId", 29)).post("/api/v3/cmp/io/add")),
                // The User API (issue 14, V80-V87).
                profile("name", "organizationName"), profile("email", "email"), profile("website", "website"),
                profile("contact_number", "contactNumber"), profile("address", "address"), profile("city", "city"),
                profile("zipcode", "zipcode"), profile("company_id", "companyId"), profile("tax_id", "taxId"),
                profile("currency", "currency"), profile("date_format", "dateFormat"),
                new Case("organization", "logo_url", "organizationLogo", (t, v) -> t.as(t.login)
                        .body(Map.of("organizationLogo", v)).patch("/api/v3/ua/organization/update-profile")),
                new Case("organization", "hold_reason", "statusReason", (t, v) -> t.as(t.login)
                        .body(Map.of("owId", t.customer(), "statusReason", v)).patch("/api/v3/ua/customer/hold")),
                new Case("app_user", "display_name", "displayName", (t, v) -> t.as(t.login).queryParam("displayName", v)
                        .patch("/api/v3/ua/user/update-profile")),
                new Case("app_user", "avatar_url", "userAvatar", (t, v) -> t.as(t.login)
                        .body(Map.of("userAvatar", v)).patch("/api/v3/ua/user/update-profile")),
                advertiser("advertiser_name", "advertiserName"), advertiser("website", "website"),
                advertiser("chief_name", "chiefName"), advertiser("contact_number", "contactNumber"),
                advertiser("address", "address"), advertiser("political_identifier", "politicalIdentifier"),
                advertiser("legal_info", "legalInfo"),
                new Case("customer_application", "access_level", "accessLevel", (t, v) -> t.as(t.login)
                        .body(Map.of("owId", t.customer(), "appIds", "1", "accessLevel", v))
                        .post("/api/v3/ua/customer/application/add")),
                new Case("user_application", "access_level", "accessLevel", (t, v) -> {
                    long customer = t.customer();
                    t.as(t.login).body(Map.of("owId", customer, "appIds", "1"))
                            .post("/api/v3/ua/customer/application/add").then().statusCode(200);
                    long uowId = t.newUserIn(customer, "editor", "Customer").uowId();
                    return t.as(t.login).body(Map.of("uowId", uowId, "applicationIds", List.of(1), "accessLevel", v))
                            .post("/api/v3/ua/user/application/add");
                }));
    }

    /** A column of the organization's profile, filled by the query parameter {@code field}. */
    static Case profile(String column, String field) {
        return new Case("organization", column, field, (t, v) -> t.as(t.login).queryParam(field, v)
                .patch("/api/v3/ua/organization/update-profile"));
    }

    /** A column of an advertiser profile, filled by {@code field} of a new one. */
    static Case advertiser(String column, String field) {
        return new Case("advertiser_profile", column, field, (t, v) -> {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("politicalIdentifier", "P1"));
            body.put(field, v);
            return t.as(t.login).body(body).post("/api/v3/ua/organization/advertiser/add");
        });
    }

    /** A new customer of the tenant's organization. */
    long customer() {
        return tenancy.createOrganization("Customer", owId).owId();
    }

    int declaredLength(String table, String column) {
        Integer length = jdbc.sql("""
                SELECT character_maximum_length FROM information_schema.columns
                WHERE LOWER(table_name) = ? AND LOWER(column_name) = ? AND LOWER(table_schema) = LOWER(CURRENT_SCHEMA)""")
                .params(table, column).query(Integer.class).single();
        assertThat(length).as(table + "." + column + " has a declared length").isNotNull().isPositive();
        return length;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theColumnsLengthIsAcceptedAndOneMoreIsA400NamingTheField(Case c) {
        int max = declaredLength(c.table(), c.column());
        IntFunction<String> value = c.column().contains("url") || c.column().equals("advertiser_domain")
                || c.column().equals("website") ? ColumnLimitsIntegrationTest::url
                : c.column().equals("email") ? ColumnLimitsIntegrationTest::email : ColumnLimitsIntegrationTest::text;

        Response ok = c.writer().send(this, value.apply(max));
        assertThat(ok.statusCode()).as("%s of %d characters", c, max).isEqualTo(200);
        assertThat(ok.asString()).as("%s of %d characters", c, max).doesNotContain("failedData\":{\"C1");

        Response tooLong = c.writer().send(this, value.apply(max + 1));
        if (c.table().equals("creative") && tooLong.statusCode() == 200 && tooLong.asString().contains("successData")) {
            // Creative uploads answer each item on its own, inside an HTTP 200 (IQM's shape).
            assertThat(tooLong.jsonPath().getString("data.failedData.C1")).as(c.toString()).contains(c.field());
            return;
        }
        assertThat(tooLong.statusCode()).as("%s of %d characters", c, max + 1).isEqualTo(400);
        String field = tooLong.jsonPath().getString(tooLong.asString().contains("responseObject")
                ? "responseObject.errorField" : "errorObjects[0].field");
        assertThat(field).as(c.toString()).isEqualTo(c.field());
    }
}
