package io.adplane.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.adplane.support.IntegrationTestSupport;

/**
 * A workspace's onboarding over HTTP only, with a real SMTP server (GreenMail): the workspace admin invites a
 * customer and a user into it, the invitation emails arrive, their links are accepted with new passwords, the new
 * user logs in with the seed's Step 1 and creates an insertion order in the new customer; holding the customer
 * makes that login answer the seed's 400.
 */
class OnboardingIntegrationTest extends IntegrationTestSupport {

    private static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private static final Pattern LINK = Pattern.compile("(http://\\S+\\?inviteHash=([A-Za-z0-9_-]+))");

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("adplane.mail.from", () -> "no-reply@adplane.test");
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    /** The link in the newest message GreenMail received for {@code email}. */
    private String[] mailedLink(String email) throws Exception {
        MimeMessage found = null;
        for (int i = 0; i < 50 && found == null; i++) {
            for (MimeMessage m : SMTP.getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().equals(email)) {
                    found = m;
                }
            }
            if (found == null) {
                Thread.sleep(100);
            }
        }
        assertThat(found).as("a message to %s", email).isNotNull();
        assertThat(found.getFrom()[0].toString()).isEqualTo("no-reply@adplane.test");
        String body = GreenMailUtil.getBody(found).replace("=\r\n", "").replace("=3D", "=");
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as("a link in %s", body).isTrue();
        return new String[] {m.group(1), m.group(2)};
    }

    private io.restassured.response.Response seedLogin(String email, String password) {
        return given().header("Authentication", basic(CLIENT_ID, CLIENT_SECRET)).header("X-IAA-HOST", HOST)
                .body("{\n\"grantType\": \"password\",\n\"email\": \"" + email + "\",\n\"password\": \"" + password
                        + "\"\n}")
                .post("/api/v3/ua/login");
    }

    @Test
    void aWorkspaceAdminOnboardsACustomerAndAUser() throws Exception {
        Login admin = loginAdmin();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String ownerEmail = "owner-" + suffix + "@customer.example";
        String userEmail = "buyer-" + suffix + "@customer.example";

        as(admin).body("[{\"email\":\"" + ownerEmail + "\",\"name\":\"Customer " + suffix
                + "\",\"ownerUserName\":\"Olive Owner\",\"verticalId\":1}]")
                .post("/api/v3/ua/customer/invite").then().statusCode(200)
                .body("data.successfulEmails[0]", equalTo(ownerEmail));
        long customer = as(admin).get("/api/v3/ua/customers/list?status=3&searchField=Customer " + suffix).then()
                .statusCode(200).body("data.data[0].owStatus", equalTo("invited"))
                .body("data.data[0].contactPersonEmail", equalTo(ownerEmail))
                .extract().jsonPath().getLong("data.data[0].owId");

        // The owner accepts: the customer is active.
        String[] ownerLink = mailedLink(ownerEmail);
        given().get(ownerLink[0].substring(ownerLink[0].indexOf("/api/"))).then().statusCode(200)
                .body("data.organizationName", equalTo("Customer " + suffix));
        given().body("{\"inviteHash\":\"" + ownerLink[1] + "\",\"password\":\"owner-password-1\"}")
                .post("/api/v3/ua/invite/accept").then().statusCode(200).body("data.owId", equalTo((int) customer));
        as(admin).get("/api/v3/ua/customers/list?owIds=" + customer).then()
                .body("data.data[0].owStatus", equalTo("active"));
        // The message that went out keeps no usable link in the outbox.
        assertThat(jdbc.sql("SELECT body FROM outbox WHERE recipient = ?").param(ownerEmail).query(String.class)
                .single()).doesNotContain(ownerLink[1]);

        // The workspace admin invites a user into the customer; the user accepts with a new password.
        as(admin).body("[{\"email\":\"" + userEmail + "\",\"name\":\"Bea Buyer\",\"owId\":" + customer + "}]")
                .post("/api/v3/ua/user/invite").then().statusCode(200)
                .body("data.successfulEmails[0]", equalTo(userEmail));
        String[] userLink = mailedLink(userEmail);
        given().body("{\"inviteHash\":\"" + userLink[1] + "\",\"password\":\"buyer-password-1\"}")
                .post("/api/v3/ua/invite/accept").then().statusCode(200);

        // Step 1 as the seed writes it, then Step 2 in the new customer.
        var token = seedLogin(userEmail, "buyer-password-1").then().statusCode(200)
                .body("data.owId", equalTo((int) customer)).extract().jsonPath();
        Login buyer = new Login(token.getString("data.access_token"), token.getString("data.refresh_token"),
                token.getLong("data.owId"));
        long start = clock.millis() + 3_600_000L;
        as(buyer).body(seedInsertionOrder(start, start + 30L * 86_400_000L)).post("/api/v3/cmp/io/add").then()
                .statusCode(200).body("data.owId", equalTo((int) customer));

        // Holding the customer makes that login the seed's 400.
        String reason = "The particular account is kept on hold due to missed payment dates for last 3 months.";
        as(admin).body("{\"owId\":" + customer + ",\"statusReason\":\"" + reason + "\"}")
                .patch("/api/v3/ua/customer/hold").then().statusCode(200);
        seedLogin(userEmail, "buyer-password-1").then().statusCode(400)
                .body("success", equalTo(false))
                .body("data.status", equalTo("On Hold")).body("data.reason", equalTo(reason))
                .body("errorObjects[0].error", equalTo("User is not allowed to access provided customer"))
                .body("errorObjects[0].reason", equalTo("User is not associated with any active organization."));
    }
}
