package io.adplane.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.adplane.client.Model.Campaign;
import io.adplane.client.Model.CampaignSaved;
import io.adplane.client.Model.InsertionOrder;
import io.adplane.client.Model.NewCampaign;
import io.adplane.client.Model.NewCreative;
import io.adplane.client.Model.NewInsertionOrder;

/** The SDK against a real server: the quickstart in Java, errors, token refresh, lists and master data. */
class ClientIntegrationTest {

    private final TestServer server = TestServer.get();

    private AdplaneClient loggedIn() {
        AdplaneClient api = server.client();
        api.login(TestServer.EMAIL, TestServer.PASSWORD);
        return api;
    }

    private static long runningCreative(AdplaneClient api) {
        var upload = api.uploadCreatives(Map.of("C1", NewCreative.imageUrl("Banner", "https://cdn.example.com/b.png",
                "https://iqm.com", 300, 250)), Map.of());
        long id = Long.parseLong(upload.successData().get("C1"));
        api.updateCreativeStatus(List.of(id), 2, null);
        return id;
    }

    @Test
    void theQuickstartInAFewLines() {
        AdplaneClient api = server.client();
        var token = api.login(TestServer.EMAIL, TestServer.PASSWORD);
        assertThat(token.owId()).isPositive();
        assertThat(token.tokenType()).isEqualTo("bearer");

        long now = System.currentTimeMillis();
        InsertionOrder io = api.addInsertionOrder(NewInsertionOrder.autoSum("IO Name 1", now, now + 30L * 86_400_000, 29));
        assertThat(io.ioTotalBudget()).isEqualByComparingTo("0");
        long creative = runningCreative(api);

        long start = now / 1000 + 3600;
        CampaignSaved saved = api.addCampaign(NewCampaign.of("NewTest", io.ioId(), Long.toString(creative), start,
                start + 205_799, new BigDecimal("100"), new BigDecimal("1500"), new BigDecimal("50"))
                .with("deviceType", "13,15,11,12"));
        assertThat(saved.message()).isEqualTo("Campaign saved successfully.");
        assertThat(saved.status()).isEqualTo("pending");

        Campaign c = api.campaign(saved.data());
        assertThat(c.campaignName()).isEqualTo("NewTest");
        assertThat(c.ioName()).isEqualTo("IO Name 1");
        assertThat(c.countryId()).isEqualTo("30100001");
        assertThat(c.budgetTotal()).isEqualByComparingTo("1500");
        assertThat(c.fields()).containsEntry("deviceType", "13,15,11,12").containsKey("isParentInvoiceTemplateSet");
        assertThat(c.isApprovalAccess()).isTrue();

        var update = api.updateCampaignStatus(List.of(c.id()), "running", null);
        assertThat(update.status()).isTrue();
        assertThat(api.campaign(c.id()).status()).isEqualTo("running");
        assertThat(api.insertionOrder(io.ioId()).ioTotalBudget()).isEqualByComparingTo("1500");
        assertThat(api.campaignStatusHistory(c.id()).size()).isEqualTo(2);
    }

    @Test
    void errorsComeBackAsApiErrorsFromBothEnvelopes() {
        AdplaneClient api = loggedIn();
        long now = System.currentTimeMillis();
        assertThatThrownBy(() -> api.addInsertionOrder(NewInsertionOrder.autoSum("", now, null, 29)))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.getMessage()).isEqualTo("The field 'ioName' cannot be empty.");
                    assertThat(e.field()).isEqualTo("ioName");
                });
        assertThatThrownBy(() -> api.campaign(999_999_999L)).isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.getMessage()).isEqualTo("Campaign not found.");
            assertThat(e.field()).isEqualTo("campaignId");
        });
        InsertionOrder io = api.addInsertionOrder(NewInsertionOrder.autoSum("Errors", now, null, 29));
        assertThatThrownBy(() -> api.addCampaign(NewCampaign.of("x", io.ioId(), "1", now / 1000 + 3600, null,
                new BigDecimal("5000"), new BigDecimal("10"), new BigDecimal("1"))))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.field()).isEqualTo("maxBid");
                });
        AdplaneClient stranger = server.client();
        assertThatThrownBy(() -> stranger.login(TestServer.EMAIL, "wrong-password"))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(stranger::profile).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void expiredAccessTokensAreRefreshedByTheClient() throws InterruptedException {
        AdplaneClient api = loggedIn();
        long owId = api.profile().owId();
        Thread.sleep(TestServer.ACCESS_TOKEN_TTL.toMillis() + 1500);
        assertThat(api.profile().owId()).isEqualTo(owId);
        assertThat(api.refresh().accessToken()).startsWith("at_");
        assertThat(api.allowedOrganizations()).contains(owId);
    }

    @Test
    void listsCountsAndMasterData() {
        AdplaneClient api = loggedIn();
        long now = System.currentTimeMillis();
        InsertionOrder io = api.addInsertionOrder(NewInsertionOrder.autoSum("Listed", now, null, 29));
        long creative = runningCreative(api);
        CampaignSaved saved = api.addCampaign(NewCampaign.of("Listed", io.ioId(), Long.toString(creative),
                now / 1000 + 3600, null, new BigDecimal("3"), new BigDecimal("30"), new BigDecimal("3")));
        assertThat(api.insertionOrders(Map.of("searchField", "Listed")).ioBasicDetailsList())
                .extracting(InsertionOrder::ioId).contains(io.ioId());
        assertThat(api.campaigns(Map.of("campaignIds", List.of(saved.data()))).data())
                .singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("pending"));
        assertThat(api.campaignCounts()).anySatisfy(c -> assertThat(c.statusKey()).isEqualTo("all"));
        assertThat(api.campaignCountsV2()).hasSize(8);
        assertThat(api.creatives(Map.of()).filteredRecords()).isPositive();
        assertThat(api.creative(creative).creativeStatusId()).isEqualTo(2);
        assertThat(api.timezones("US/Eastern").data()).anySatisfy(t -> assertThat(t.id()).isEqualTo(29));
        assertThat(api.countries(Map.of("noOfEntries", 1, "sortBy", "+id")).data().get(0).name()).isEqualTo("United States");
        assertThat(api.exchanges().data()).anySatisfy(e -> assertThat(e.name()).isEqualTo("iQM"));
        assertThat(api.legacyList("device_types")).extracting(Model.MasterItem::id).contains(11L, 13L);
        assertThat(api.staticList("io/status/list")).extracting(Model.StaticItem::name).containsExactly("active", "expired", "deleted");
        assertThat(api.renameCampaign(saved.data(), "Renamed")).isEqualTo("campaignName updated successfully");
        assertThat(api.frequencyCapTypes()).extracting(Model.FrequencyCapType::displayName).contains("Day(s)");
        assertThat(api.conversionTypes()).extracting(Model.ConversionType::name).contains("pixel");
        assertThat(api.creativeTypes()).extracting(Model.CreativeListItem::id).contains(11, 14);
        assertThat(api.creativeStatuses()).extracting(Model.CreativeListItem::name).contains("running");
        assertThat(api.renameCreative(creative, "Banner 2")).isEqualTo("Banner 2 updated successfully");

        var budgets = api.updateCampaignBudgets(List.of(saved.data()), new BigDecimal("40"), null, "change");
        assertThat(budgets.status()).isTrue();
        assertThat(api.insertionOrderBudgetInfo(io.ioId()).totalAllocatedBudget()).isEqualByComparingTo("40");
        var tooBig = api.updateCampaignBudgets(List.of(saved.data()), null, new BigDecimal("99"), null);
        assertThat(tooBig.status()).isFalse();
        assertThat(tooBig.reason()).singleElement().satisfies(f -> assertThat(f.errorMessage())
                .isEqualTo("Daily budget must not exceed total budget."));
        assertThat(api.updateCampaignEndDate(List.of(saved.data()), now / 1000 + 5 * 86400).status()).isTrue();
        var copies = api.duplicateCampaigns(List.of(saved.data()), io.ioId(), now / 1000 + 7200, 0);
        assertThat(copies.duplicatedCampaignIds()).hasSize(1);
        var ioCopy = api.duplicateInsertionOrder(io.ioId(), List.of(saved.data()), now + 3_600_000, null, 29);
        assertThat(ioCopy.duplicatedCampaignIds()).hasSize(1);
        assertThat(api.insertionOrdersWithCampaigns(Map.of("ioIdsList", List.of(io.ioId()))).ioCampaignsList())
                .singleElement().satisfies(x -> assertThat(x.campaignCount()).isEqualTo(2));
        assertThat(api.campaignData(1, 5).data()).isNotEmpty().allSatisfy(c -> assertThat(c.campaignType()).isEqualTo("CPM"));
    }

    @Test
    void theQuickstartCommandRunsAgainstAServer() {
        String out = quickstart(server);
        assertThat(out).contains("Step 1  logged in").contains("Step 4  campaign").contains("approved: campaign")
                .contains("the simulation clock is off here");
    }

    @Test
    void theQuickstartContinuesIntoTheReportingQuickstartWhereTheClockIsOn() {
        String out = quickstart(TestServer.simulated());
        assertThat(out).contains("Step 5  clock advanced 7 days");
        String step6 = out.lines().filter(l -> l.startsWith("Step 6")).findFirst().orElseThrow();
        var figures = java.util.regex.Pattern.compile(
                "Step 6 .*: (\\d+) impressions, \\d+ clicks, spent ([0-9.]+); campaign GET spent ([0-9.]+)").matcher(step6);
        assertThat(figures.matches()).as(step6).isTrue();
        assertThat(Long.parseLong(figures.group(1))).isPositive();
        assertThat(new BigDecimal(figures.group(2))).isPositive().isEqualByComparingTo(new BigDecimal(figures.group(3)));
    }

    /** Runs {@code ./adplane quickstart} against a server; asserts it exits 0 and answers what it printed. */
    private static String quickstart(TestServer target) {
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        int code;
        synchronized (ClientIntegrationTest.class) {
            System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
            try {
                code = Quickstart.run("--url", target.url, "--host", TestServer.HOST, "--client-id", TestServer.CLIENT_ID,
                        "--client-secret", TestServer.CLIENT_SECRET, "--email", TestServer.EMAIL, "--password",
                        TestServer.PASSWORD);
            } finally {
                System.setOut(original);
            }
        }
        String out = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
        original.print(out);
        assertThat(code).as(out).isZero();
        return out;
    }
}
