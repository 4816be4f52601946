package io.adplane.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.adplane.client.Model.Campaign;
import io.adplane.client.Model.CampaignSaved;
import io.adplane.client.Model.InsertionOrder;
import io.adplane.client.Model.NewCampaign;
import io.adplane.client.Model.NewCreative;
import io.adplane.client.Model.NewInsertionOrder;
import io.adplane.client.Model.Profile;
import io.adplane.client.Model.Token;

/**
 * {@code ./adplane quickstart}: IQM's "Create a Campaign" quickstart as a program. Logs in, creates an IO,
 * a creative (approved when the user may), a campaign, reads it back and approves it when the user may. Then,
 * where the simulation clock is on (emulator mode), it continues into IQM's reporting quickstart: moves the clock
 * a week forward, runs that quickstart's Step 4 report and checks its spend against campaign GET's {@code spent}.
 * Defaults: the local server and the credentials {@code ./adplane serve} printed ({@code ADPLANE_*} variables).
 */
public final class Quickstart {

    private Quickstart() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (ApiError e) {
            System.err.println("quickstart: the server refused: " + e);
            System.exit(1);
        } catch (RuntimeException e) {
            System.err.println("quickstart: " + e.getMessage());
            System.exit(1);
        }
    }

    static int run(String... args) {
        Map<String, String> o = options(args);
        if (o.containsKey("help")) {
            System.out.println("""
                    usage: ./adplane quickstart [--url URL] [--host DOMAIN] [--client-id ID] [--client-secret SECRET]
                                                [--email EMAIL] [--password PASSWORD] [--creative-id ID]
                    Defaults: ADPLANE_URL (else http://localhost:8080), ADPLANE_HOST, ADPLANE_CLIENT_ID, ADPLANE_CLIENT_SECRET,
                    ADPLANE_EMAIL, ADPLANE_PASSWORD: the lines './adplane serve' wrote to $ADPLANE_DATA_DIR/bootstrap-credentials.env
                    on its first start ('. ./data/bootstrap-credentials.env').""");
            return 0;
        }
        AdplaneClient api = AdplaneClient.builder()
                .baseUrl(o.getOrDefault("url", env("ADPLANE_URL", "http://localhost:8080")))
                .host(o.getOrDefault("host", env("ADPLANE_HOST", "localhost")))
                .clientCredentials(required(o, "client-id", "ADPLANE_CLIENT_ID"), required(o, "client-secret", "ADPLANE_CLIENT_SECRET"))
                .build();

        Token token = api.login(required(o, "email", "ADPLANE_EMAIL"), required(o, "password", "ADPLANE_PASSWORD"));
        System.out.printf("Step 1  logged in: owId %d, token %s... (expires in %d s)%n", token.owId(),
                token.accessToken().substring(0, 10), token.expiresIn());
        Profile me = api.profile();

        Long simulated = simulatedNow(api);
        long nowMs = simulated != null ? simulated : System.currentTimeMillis();
        InsertionOrder io = api.addInsertionOrder(new NewInsertionOrder("IO Name 1", nowMs, nowMs + 30L * 86_400_000,
                new BigDecimal("1000"), 29, true, 1, 1, null));
        System.out.printf("Step 2  insertion order %d \"%s\": %s to %s, total budget %s (auto-sum)%n", io.ioId(),
                io.ioName(), Instant.ofEpochMilli(io.ioStartTime()), Instant.ofEpochMilli(io.ioEndTime()), io.ioTotalBudget());

        long creativeId;
        if (o.containsKey("creative-id")) {
            creativeId = Long.parseLong(o.get("creative-id"));
        } else {
            var upload = api.uploadCreatives(Map.of("C1", NewCreative.imageUrl("Quickstart banner",
                    "https://cdn.example.com/banner.png", "https://iqm.com", 300, 250)), Map.of());
            if (!upload.failedData().isEmpty()) {
                throw new IllegalStateException("creative upload failed: " + upload.failedData());
            }
            creativeId = Long.parseLong(upload.successData().get("C1"));
            if (!me.isApprovalAccess()) {
                throw new IllegalStateException("creative " + creativeId + " awaits approval, which this user may not give;"
                        + " approve it with an approver's account, then run again with --creative-id " + creativeId);
            }
            api.updateCreativeStatus(List.of(creativeId), 2, null);
        }
        System.out.printf("        creative %d is running%n", creativeId);

        long start = nowMs / 1000 + 3600;
        CampaignSaved saved = api.addCampaign(NewCampaign.of("NewTest", io.ioId(), Long.toString(creativeId), start,
                start + 205_799, new BigDecimal("100"), new BigDecimal("1500"), new BigDecimal("50")));
        System.out.printf("Step 3  campaign %d: %s (%s)%n", saved.data(), saved.message(), saved.status());

        Campaign c = api.campaign(saved.data());
        System.out.printf("Step 4  campaign %d \"%s\" in IO %d \"%s\": status %s, budget %s total / %s daily, max bid %s,"
                + " starts %s%n", c.id(), c.campaignName(), c.ioId(), c.ioName(), c.status(), c.budgetTotal(),
                c.budgetDay(), c.maxBid(), Instant.ofEpochSecond(c.startTime()));
        if (c.isApprovalAccess()) {
            api.updateCampaignStatus(List.of(c.id()), "running", null);
            System.out.printf("        approved: campaign %d is %s%n", c.id(), api.campaign(c.id()).status());
        } else {
            System.out.println("        an approver of a parent organization must approve it before it runs");
            return 0;
        }
        if (simulated == null) {
            System.out.println("        the simulation clock is off here (production mode): the campaign delivers in real time");
            return 0;
        }
        return report(api, io, c.id());
    }

    /** The continuation: a simulated week, then the reporting quickstart's Step 4, checked against campaign GET. */
    private static int report(AdplaneClient api, InsertionOrder io, long campaignId) {
        Model.Clock clock = api.advanceClock("7d");
        System.out.printf("Step 5  clock advanced 7 days to %s: %d campaign-hours of delivery simulated%n", clock.nowUtc(),
                clock.simulatedCampaignHours());
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("customerIds", List.of());
        request.put("startDate", io.ioStartTime());
        request.put("endDate", clock.now());
        request.put("dimensions", "[{\"filter\":\"ioName\"},{\"filter\":\"campaign\"}]");
        request.put("columns", List.of("impressions", "clicks", "CTR", "VCR", "spent", "dataCost", "mediaSpent", "eCPM"));
        request.put("requestType", 2);
        request.put("reportAggregated", "0");
        request.put("timezoneName", "US/Eastern");
        request.put("timezoneId", 29);
        request.put("filters", Map.of("campaignIds", List.of(campaignId)));
        request.put("pageNo", 1);
        request.put("noOfEntries", 20);
        request.put("sortBy", "-impressions");
        Model.Report report = api.executeReport(request);
        Map<String, Object> total = report.total();
        BigDecimal reported = new BigDecimal(String.valueOf(total.get("spent")));
        BigDecimal spent = new BigDecimal(String.valueOf(api.campaignWithSpend(campaignId).fields().get("spent")));
        System.out.printf("Step 6  report (IO x campaign, a week): %s impressions, %s clicks, spent %s; campaign GET spent %s%n",
                total.get("impressions"), total.get("clicks"), reported, spent);
        if (reported.signum() <= 0 || reported.compareTo(spent) != 0) {
            System.err.println("quickstart: the report's spend " + reported + " does not match the campaign's " + spent);
            return 1;
        }
        return 0;
    }

    /** The server's now where its simulation clock is on; null where it is off (production mode answers 404). */
    private static Long simulatedNow(AdplaneClient api) {
        try {
            return api.clock().now();
        } catch (ApiError e) {
            if (e.status() == 404 || e.status() == 403) {
                return null;
            }
            throw e;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                o.put("help", "");
            } else if (a.startsWith("--") && i + 1 < args.length) {
                o.put(a.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument '" + a + "' (see --help)");
            }
        }
        return o;
    }

    private static String required(Map<String, String> o, String option, String variable) {
        String v = o.getOrDefault(option, System.getenv(variable));
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + option + " or " + variable + " is required");
        }
        return v;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
