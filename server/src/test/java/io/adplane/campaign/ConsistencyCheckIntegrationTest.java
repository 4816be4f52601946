package io.adplane.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.adplane.admin.AdminCli;
import io.adplane.support.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code adplane admin check-consistency} against the server's own database: after writes through the API it
 * finds nothing to report (exit 0); after a stored total, a count and a campaign's end are changed behind the
 * write path's back it names each of them with the stored and the recounted figure (exit 3).
 */
class ConsistencyCheckIntegrationTest extends CampaignTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void pointTheCliAtTheTestDatabase() {
        System.setProperty("spring.datasource.url", TestDatabase.url());
        System.setProperty("spring.datasource.username", TestDatabase.user());
        System.setProperty("spring.datasource.password", TestDatabase.password());
    }

    @AfterAll
    static void forget() {
        System.clearProperty("spring.datasource.url");
        System.clearProperty("spring.datasource.username");
        System.clearProperty("spring.datasource.password");
    }

    record Run(int exitCode, JsonNode report, String errors) {
    }

    private static Run check(long owId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AdminCli.run(System.in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "check-consistency", "--owid", Long.toString(owId));
        return new Run(code, JSON.readTree(out.toString(StandardCharsets.UTF_8)), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writesThroughTheApiLeaveNothingToReportAndTamperingIsNamed() {
        Tenant tenant = newTenant("editor");
        Login login = login(tenant);
        long io = newIo(login);
        long creative = runningCreative(login, 11);
        List<Long> campaigns = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            campaigns.add(newCampaign(login, io, creative));
        }
        as(login).body("{\"budgetTotal\":900}").patch("/api/v2/cmp/campaign/" + campaigns.get(0)).then().statusCode(200);
        updateStatus(login, tenant.owId(), String.valueOf(campaigns.get(1)), "deleted", null).then().statusCode(200);

        Run clean = check(tenant.owId());
        assertThat(clean.exitCode()).as("exit code; stderr %s; report %s", clean.errors(), clean.report()).isZero();
        assertThat(clean.report().get("consistent").asBoolean()).isTrue();
        assertThat(clean.report().get("insertionOrders").asLong()).isEqualTo(1);
        assertThat(clean.report().get("campaigns").asLong()).isEqualTo(3);
        assertThat(clean.report().get("differences")).isEmpty();

        jdbc.sql("UPDATE insertion_order SET allocated_budget = allocated_budget + 1 WHERE io_id = ?").param(io).update();
        jdbc.sql("UPDATE campaign_count SET n = n + 2 WHERE ow_id = ? AND status = 'pending' AND shard = ?")
                .params(tenant.owId(), campaigns.get(2) % 8).update();
        jdbc.sql("UPDATE campaign SET expires_at = 5 WHERE id = ?").param(campaigns.get(2)).update();

        long end = jdbc.sql("SELECT end_time FROM campaign WHERE id = ?").param(campaigns.get(2)).query(Long.class).single();
        Run tampered = check(tenant.owId());
        assertThat(tampered.exitCode()).isEqualTo(3);
        assertThat(tampered.errors()).contains("3 stored figure(s) differ from their recount");
        JsonNode report = tampered.report();
        assertThat(report.get("consistent").asBoolean()).isFalse();
        assertThat(report.get("differenceCount").asLong()).isEqualTo(3);
        List<String> lines = new ArrayList<>();
        report.get("differences").forEach(d -> lines.add(d.get("aggregate").asString() + " " + d.get("owId").asLong() + " "
                + d.get("key").asString() + " " + d.get("stored").asString() + " -> " + d.get("recounted").asString()));
        // Campaigns 0 (900) and 2 (1500) remain; campaign 1 is deleted.
        assertThat(lines).containsExactlyInAnyOrder(
                "io.allocatedBudget " + tenant.owId() + " " + io + " 2401.00 -> 2400.00",
                "campaign.count " + tenant.owId() + " pending 4 -> 2",
                "campaign.expiresAt " + tenant.owId() + " " + campaigns.get(2) + " 5 -> " + end);
    }

    @Test
    void anotherOrganizationsDamageIsNotReportedForThisOne() {
        Tenant mine = newTenant("editor");
        Tenant other = newTenant("editor");
        long otherIo = newIo(login(other));
        jdbc.sql("UPDATE insertion_order SET allocated_budget = 7 WHERE io_id = ?").param(otherIo).update();

        Run run = check(mine.owId());
        assertThat(run.exitCode()).isZero();
        assertThat(run.report().get("insertionOrders").asLong()).isZero();
        assertThat(check(other.owId()).exitCode()).isEqualTo(3);
        jdbc.sql("UPDATE insertion_order SET allocated_budget = 0 WHERE io_id = ?").param(otherIo).update();
    }
}
