package io.adplane.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** States and moves (D15), who may make them (D16), expiry (D17) and the recorded history. */
class CampaignLifecycleIntegrationTest extends CampaignTestSupport {

    @Autowired
    CampaignExpiryJob expiryJob;

    record Setup(Tenant tenant, Login login, long ioId, long creativeId, Login approver) {
    }

    Setup setup() {
        Tenant tenant = newTenant("admin");
        Login login = login(tenant);
        long io = newIo(login);
        long creative = runningCreative(login, 11);
        Tenant approver = newUserIn(workspaceOwnerOwId(), "approver", "adplane");
        return new Setup(tenant, login, io, creative, login(approver));
    }

    @Test
    void approvePauseResumeDeleteAndTheHistory() {
        Setup s = setup();
        long id = newCampaign(s.login(), s.ioId(), s.creativeId());
        long owId = s.tenant().owId();
        updateStatus(s.approver(), owId, "" + id, "running", null).then().statusCode(200)
                .body("statusCode", equalTo(200))
                .body("responseObject.updatedData[0].campaignId", equalTo((int) id))
                .body("responseObject.status", equalTo(true));
        updateStatus(s.login(), owId, "" + id, "paused", null).then().statusCode(200);
        assertThat(statusOf(s.login(), id)).isEqualTo("paused");
        updateStatus(s.login(), owId, "" + id, "running", null).then().statusCode(200);
        updateStatus(s.login(), owId, "" + id, "deleted", null).then().statusCode(200);
        assertThat(statusOf(s.login(), id)).isEqualTo("deleted");

        as(s.login()).get("/api/v3/cmp/campaign/" + id + "/status-history").then().statusCode(200)
                .body("data.toStatus", contains("pending", "running", "paused", "running", "deleted"))
                .body("data[0].fromStatus", nullValue())
                .body("data[0].uowId", equalTo((int) s.tenant().uowId()));
    }

    @Test
    void rejectNeedsAReasonAndAnEditResubmits() {
        Setup s = setup();
        long id = newCampaign(s.login(), s.ioId(), s.creativeId());
        long owId = s.tenant().owId();
        updateStatus(s.approver(), owId, "" + id, "rejected", null).then().statusCode(400)
                .body("responseObject.errorField", equalTo("rejectionReason"));
        updateStatus(s.approver(), owId, "" + id, "rejected", "Landing page is broken").then().statusCode(200);
        as(s.login()).get("/api/v2/cmp/campaign/" + id).then()
                .body("responseObject.status", equalTo("rejected"))
                .body("responseObject.rejectionReason", equalTo("Landing page is broken"));
        as(s.login()).body("{\"advertiserDomain\":\"https://iqm.com/fixed\"}").patch("/api/v2/cmp/campaign/" + id)
                .then().statusCode(200)
                .body("statusCode", equalTo(201))
                .body("responseObject.status", equalTo("pending"));
    }

    @Test
    void illegalMovesAre409NamingBothStates() {
        Setup s = setup();
        long owId = s.tenant().owId();
        long id = newCampaign(s.login(), s.ioId(), s.creativeId());
        updateStatus(s.login(), owId, "" + id, "paused", null).then().statusCode(409)
                .body("statusCode", equalTo(409))
                .body("responseObject.errorMsg", equalTo("Campaign status cannot change from 'pending' to 'paused'."))
                .body("responseObject.errorField", equalTo("status"));
        updateStatus(s.login(), owId, "" + id, "deleted", null).then().statusCode(200);
        updateStatus(s.login(), owId, "" + id, "deleted", null).then().statusCode(409)
                .body("responseObject.errorMsg", equalTo("Campaign status cannot change from 'deleted' to 'deleted'."));
        updateStatus(s.approver(), owId, "" + id, "running", null).then().statusCode(409);
        updateStatus(s.login(), owId, "" + id, "draft", null).then().statusCode(400)
                .body("responseObject.errorField", equalTo("status"));

        long running = newCampaign(s.login(), s.ioId(), s.creativeId());
        updateStatus(s.approver(), owId, "" + running, "running", null).then().statusCode(200);
        updateStatus(s.approver(), owId, "" + running, "rejected", "late").then().statusCode(409)
                .body("responseObject.errorMsg", equalTo("Campaign status cannot change from 'running' to 'rejected'."));
    }

    @Test
    void editorsAndCustomerApproversCannotApproveOrReject() {
        Setup s = setup();
        long owId = s.tenant().owId();
        long id = newCampaign(s.login(), s.ioId(), s.creativeId());
        Login editor = login(newUserIn(owId, "editor", s.tenant().name()));
        Login customerApprover = login(newUserIn(owId, "approver", s.tenant().name()));
        for (Login l : new Login[] {editor, customerApprover, s.login()}) {
            updateStatus(l, owId, "" + id, "running", null).then().statusCode(403)
                    .body("responseObject.errorMsg", equalTo("Forbidden!"));
            updateStatus(l, owId, "" + id, "rejected", "no").then().statusCode(403);
        }
        Login viewer = login(newUserIn(owId, "viewer", s.tenant().name()));
        updateStatus(viewer, owId, "" + id, "deleted", null).then().statusCode(403);
        assertThat(statusOf(s.login(), id)).isEqualTo("pending");
        as(editor).get("/api/v2/cmp/campaign/" + id).then().body("responseObject.isApprovalAccess", equalTo(false));
        as(s.approver(), owId).get("/api/v2/cmp/campaign/" + id).then().body("responseObject.isApprovalAccess", equalTo(true));
    }

    @Test
    void manyIdsAtOnceAnswerPerId() {
        Setup s = setup();
        long owId = s.tenant().owId();
        long a = newCampaign(s.login(), s.ioId(), s.creativeId());
        long b = newCampaign(s.login(), s.ioId(), s.creativeId());
        updateStatus(s.login(), owId, a + "", "deleted", null).then().statusCode(200);
        updateStatus(s.login(), owId, a + "," + b, "deleted", null).then().statusCode(200)
                .body("responseObject.status", equalTo(false))
                .body("responseObject.updatedData[0].campaignId", equalTo((int) b))
                .body("responseObject.failedData[0].campaignId", equalTo((int) a));
    }

    @Test
    void runningCampaignsExpireAtTheirEndAndRunAgainOnlyWithANewEnd() {
        Setup s = setup();
        long owId = s.tenant().owId();
        long id = newCampaign(s.login(), s.ioId(), s.creativeId());
        updateStatus(s.approver(), owId, "" + id, "running", null).then().statusCode(200);
        clock.advance(Duration.ofDays(3));
        Login login = login(s.tenant());
        assertThat(statusOf(login, id)).isEqualTo("expired");
        assertThat(expiryJob.expireDue()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM campaign WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("expired");

        updateStatus(login, owId, "" + id, "running", null).then().statusCode(409)
                .body("responseObject.errorField", equalTo("endDate"));
        long newEnd = nowSeconds() + 2 * DAY;
        as(login).body("{\"campaignIds\":\"" + id + "\",\"status\":\"running\",\"endDate\":" + newEnd + "}")
                .put("/api/v2/cmp/campaigns/update-status").then().statusCode(200);
        assertThat(statusOf(login, id)).isEqualTo("running");
    }

    @Test
    void autoApprovalRunsNewCampaignsAtOnce() {
        Setup s = setup();
        tenancy.setAutoApprove(s.tenant().owId(), true);
        long start = nowSeconds() + HOUR;
        as(s.login()).body(seedCampaign(s.ioId(), s.creativeId(), start, start + DAY))
                .post("/api/v2/cmp/campaigns/add").then().statusCode(200)
                .body("responseObject.status", equalTo("running"));
    }
}
