package io.adplane.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** Concurrent writers: one winner per campaign (D15), exact auto-sum totals (D12). */
class CampaignConcurrencyIntegrationTest extends CampaignTestSupport {

    private static <T> List<T> all(int n, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twentyConcurrentApproveAndRejectCallsLeaveExactlyOneWinner() throws Exception {
        Tenant tenant = newTenant("admin");
        Login login = login(tenant);
        long id = newCampaign(login, newIo(login), runningCreative(login, 11));
        Login approver = login(newUserIn(workspaceOwnerOwId(), "approver", "adplane"));
        java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> statuses = all(20, () -> {
            boolean approve = turn.getAndIncrement() % 2 == 0;
            return updateStatus(approver, tenant.owId(), "" + id, approve ? "running" : "rejected",
                    approve ? null : "no").statusCode();
        });
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(19);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM campaign_status_change WHERE campaign_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void concurrentCreatesUnderOneAutoSumIoLeaveItsTotalEqualToTheSum() throws Exception {
        Tenant tenant = newTenant("admin");
        Login login = login(tenant);
        long io = newIo(login);
        long creative = runningCreative(login, 11);
        List<Integer> statuses = all(12, () -> {
            long start = nowSeconds() + HOUR;
            return as(login).body(seedCampaign(io, creative, start, start + DAY)).post("/api/v2/cmp/campaigns/add")
                    .statusCode();
        });
        assertThat(statuses).containsOnly(200);
        BigDecimal sum = jdbc.sql("SELECT SUM(budget_total) FROM campaign WHERE io_id = ? AND status <> 'deleted'")
                .param(io).query(BigDecimal.class).single();
        assertThat(sum).isEqualByComparingTo("18000");
        Number total = as(login).get("/api/v3/cmp/io/" + io).then().statusCode(200).extract().path("data.ioTotalBudget");
        assertThat(new BigDecimal(total.toString())).isEqualByComparingTo(sum);

        // Concurrent deletes and budget changes keep it exact too.
        List<Long> ids = jdbc.sql("SELECT id FROM campaign WHERE io_id = ? ORDER BY id").param(io).query(Long.class).list();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        all(12, () -> {
            int i = next.getAndIncrement();
            long id = ids.get(i);
            return i % 2 == 0
                    ? updateStatus(login, tenant.owId(), "" + id, "deleted", null).statusCode()
                    : as(login).body("{\"campaignIds\":\"" + id + "\",\"totalBudget\":2000}")
                            .put("/api/v2/cmp/campaigns/update-budget").statusCode();
        });
        Number after = as(login).get("/api/v3/cmp/io/" + io).then().extract().path("data.ioTotalBudget");
        assertThat(new BigDecimal(after.toString())).isEqualByComparingTo("12000");
    }

    @Test
    void deletingAndRebudgetingTheSameCampaignsAtOnceNeitherDeadlocksNorDrifts() throws Exception {
        Tenant tenant = newTenant("admin");
        Login login = login(tenant);
        long io = newIo(login);
        long creative = runningCreative(login, 11);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(newCampaign(login, io, creative));
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> statuses = all(12, () -> {
            int i = next.getAndIncrement();
            long id = ids.get(i / 2);
            return i % 2 == 0
                    ? updateStatus(login, tenant.owId(), "" + id, "deleted", null).statusCode()
                    : as(login).body("{\"campaignIds\":\"" + id + "\",\"totalBudget\":2000}")
                            .put("/api/v2/cmp/campaigns/update-budget").statusCode();
        });
        assertThat(statuses).containsOnly(200);
        BigDecimal sum = jdbc.sql("SELECT COALESCE(SUM(budget_total), 0) FROM campaign WHERE io_id = ? AND status <> 'deleted'")
                .param(io).query(BigDecimal.class).single();
        Number total = as(login).get("/api/v3/cmp/io/" + io).then().extract().path("data.ioTotalBudget");
        assertThat(new BigDecimal(total.toString())).isEqualByComparingTo(sum);
    }
}
