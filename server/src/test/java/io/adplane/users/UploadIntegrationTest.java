package io.adplane.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import io.adplane.support.IntegrationTestSupport;

/**
 * Logos, avatars and favicons uploaded as IQM sends them, multipart (U15): stored once, served publicly with
 * their type, refused with the part's name when they are no image or too large; the workspace's logo as IQM's
 * 308 redirect.
 */
class UploadIntegrationTest extends IntegrationTestSupport {

    private static byte[] image(String format, int rgb) throws Exception {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, rgb);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    @Test
    void anOrganizationLogoIsStoredOnceAndServedPublicly() throws Exception {
        byte[] png = image("png", (int) (Math.random() * 0xFFFFFF));
        Login admin = login(newTenant("admin"));
        String logo = as(admin).contentType("multipart/form-data").multiPart("organizationName", "Logo Org")
                .multiPart("organizationLogo", "logo.png", png, "image/png")
                .patch("/api/v3/ua/organization/update-profile").then().statusCode(200)
                .body("data.organizationName", equalTo("Logo Org"))
                .body("data.organizationLogo", matchesPattern("http://localhost:\\d+/api/v3/ua/images/[0-9a-f]{64}"))
                .extract().jsonPath().getString("data.organizationLogo");
        as(admin).get("/api/v3/ua/organization/view-profile").then().body("data.organizationLogo", equalTo(logo));
        var served = given().get(logo.substring(logo.indexOf("/api/"))).then().statusCode(200)
                .contentType("image/png").header("X-Content-Type-Options", "nosniff").extract();
        assertThat(served.asByteArray()).isEqualTo(png);

        // The same image from another organization is the same stored image.
        Login other = login(newTenant("admin"));
        as(other).contentType("multipart/form-data").multiPart("organizationLogo", "same.png", png, "image/png")
                .patch("/api/v3/ua/organization/update-profile").then().statusCode(200)
                .body("data.organizationLogo", equalTo(logo));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM uploaded_image WHERE sha256 = ?")
                .param(logo.substring(logo.lastIndexOf('/') + 1)).query(Long.class).single()).isEqualTo(1);
        given().get("/api/v3/ua/images/" + "0".repeat(64)).then().statusCode(404);
    }

    @Test
    void whatIsNoImageOrTooLargeIsRefusedByItsPartsName() throws Exception {
        Login admin = login(newTenant("admin"));
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes();
        as(admin).contentType("multipart/form-data").multiPart("organizationLogo", "logo.png", svg, "image/png")
                .patch("/api/v3/ua/organization/update-profile").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("organizationLogo"))
                .body("errorObjects[0].error", equalTo("Field 'organizationLogo' must be a PNG, JPEG, GIF, WebP or ICO image."));
        byte[] big = new byte[Images.MAX_BYTES + 1];
        System.arraycopy(image("png", 1), 0, big, 0, 8);
        as(admin).contentType("multipart/form-data").multiPart("organizationLogo", "big.png", big, "image/png")
                .patch("/api/v3/ua/organization/update-profile").then().statusCode(400)
                .body("errorObjects[0].error", equalTo("Field 'organizationLogo' must be an image of at most 2 MB."));
        as(admin).get("/api/v3/ua/organization/view-profile").then().body("data.organizationLogo", equalTo(null));
        // A viewer may not change the profile, upload or not.
        Login viewer = login(newTenant("viewer"));
        as(viewer).contentType("multipart/form-data").multiPart("organizationLogo", "l.png", image("png", 2), "image/png")
                .patch("/api/v3/ua/organization/update-profile").then().statusCode(403);
    }

    @Test
    void aUserUploadsItsAvatar() throws Exception {
        byte[] jpeg = image("jpg", 0x336699);
        Login user = login(newTenant("editor"));
        String avatar = as(user).contentType("multipart/form-data").multiPart("displayName", "Avatar Person")
                .multiPart("userAvatar", "me.jpg", jpeg, "image/jpeg").patch("/api/v3/ua/user/update-profile").then()
                .statusCode(200).body("data.displayName", equalTo("Avatar Person"))
                .extract().jsonPath().getString("data.userAvatar");
        given().get(avatar.substring(avatar.indexOf("/api/"))).then().statusCode(200).contentType("image/jpeg");
        as(user).contentType("multipart/form-data").multiPart("removeUserAvatar", "true")
                .patch("/api/v3/ua/user/update-profile").then().statusCode(200).body("data.userAvatar", equalTo(null));
    }

    @Test
    void aWorkspacesFaviconsAndLogoAreUploadedAndTheLogoRedirects() throws Exception {
        String domain = "up-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
        var ws = tenancy.createWorkspace(domain, "Upload Workspace");
        var client = tenancy.createClient(domain);
        String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        tenancy.createUser(email, PASSWORD, ws.owId(), "admin");
        String token = given().header("Authentication", basic(client.clientId(), client.clientSecret()))
                .header("X-IAA-HOST", domain)
                .body("{\"grantType\":\"password\",\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .post("/api/v3/ua/login").then().statusCode(200).extract().jsonPath().getString("data.access_token");
        Login owner = new Login(token, null, ws.owId());

        given().header("X-IAA-HOST", domain).redirects().follow(false).get("/api/v3/ua/logo").then().statusCode(404);
        as(owner).contentType("multipart/form-data").multiPart("isIncludeOrganizationName", "false")
                .multiPart("smallFavIcon", "s.gif", image("gif", 5), "image/gif")
                .multiPart("largeFavIcon", "l.png", image("png", 6), "image/png")
                .patch("/api/v3/ua/organization/whitelabel-settings").then().statusCode(200);
        as(owner).get("/api/v3/ua/organization/whitelabel-settings").then().statusCode(200)
                .body("data.favIcons.smallFavIcon", matchesPattern(".*/api/v3/ua/images/[0-9a-f]{64}"))
                .body("data.favIcons.largeFavIcon", matchesPattern(".*/api/v3/ua/images/[0-9a-f]{64}"));
        String logo = as(owner).contentType("multipart/form-data")
                .multiPart("organizationLogo", "logo.png", image("png", 7), "image/png")
                .patch("/api/v3/ua/organization/update-profile").then().statusCode(200)
                .extract().jsonPath().getString("data.organizationLogo");
        given().header("X-IAA-HOST", domain).redirects().follow(false).get("/api/v3/ua/logo").then().statusCode(308)
                .header("Location", logo);
        given().header("X-IAA-HOST", "nowhere.example.org").redirects().follow(false).get("/api/v3/ua/logo").then()
                .statusCode(404);
    }
}
