package io.adplane.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code adplane.campaigns{status}} at {@code /actuator/prometheus}, from the counts the write path keeps. */
class CampaignMetricsIntegrationTest extends CampaignTestSupport {

    @Autowired
    CampaignMetrics metrics;

    long gauge(String status) {
        metrics.refresh();
        String text = given().get("/actuator/prometheus").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("adplane_campaigns\\{status=\"" + status + "\"} ([0-9.E]+)").matcher(text);
        assertThat(m.find()).as("the gauge for %s in %s", status, text.length()).isTrue();
        return (long) Double.parseDouble(m.group(1));
    }

    @Test
    void theGaugeFollowsCreatesAndMoves() {
        Login login = login(newTenant("admin"));
        long io = newIo(login);
        long creative = runningCreative(login, 11);
        long pendingBefore = gauge("pending");
        long deletedBefore = gauge("deleted");
        long a = newCampaign(login, io, creative);
        newCampaign(login, io, creative);
        assertThat(gauge("pending")).isEqualTo(pendingBefore + 2);
        updateStatus(login, login.owId(), "" + a, "deleted", null).then().statusCode(200);
        assertThat(gauge("pending")).isEqualTo(pendingBefore + 1);
        assertThat(gauge("deleted")).isEqualTo(deletedBefore + 1);
    }
}
