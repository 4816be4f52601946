package io.adplane.users.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;


import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.V3Response;
import io.adplane.auth.Caller;
import io.adplane.users.AdvertiserProfile;
import io.adplane.users.CustomerAdvertiser;
import io.adplane.users.DomainAvailability;
import io.adplane.users.DomainVerification;
import io.adplane.users.EmailChange;
import io.adplane.users.InitDetails;
import io.adplane.users.ListPage;
import io.adplane.users.OrganizationProfile;
import io.adplane.users.Organizations;
import io.adplane.users.ProfileChange;
import io.adplane.users.WhiteLabelSettings;

/** The organization's profile and advertiser profiles, the workspace's domain and white-label settings. */
@RestController
class OrganizationController {

    private final Organizations organizations;

    OrganizationController(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/api/v3/ua/organization/view-profile")
    V3Response<OrganizationProfile> profile(Caller caller) {
        return V3Response.ok(organizations.profile(caller));
    }

    /** The JSON body of {@code organization/update-profile}: the logo as a URL. */
    record ProfileBody(String organizationLogo) {
    }

    @PatchMapping("/api/v3/ua/organization/update-profile")
    V3Response<ProfileChange> updateProfile(Caller caller,
            @RequestParam(required = false) Boolean removeOrganizationLogo,
            @RequestParam(required = false) String organizationName, @RequestParam(required = false) String email,
            @RequestParam(required = false) String website, @RequestParam(required = false) String contactNumber,
            @RequestParam(required = false) String address, @RequestParam(required = false) String city,
            @RequestParam(required = false) Long state, @RequestParam(required = false) Long country,
            @RequestParam(required = false) String zipcode, @RequestParam(required = false) Integer industry,
            @RequestParam(required = false) Integer companySize, @RequestParam(required = false) String companyId,
            @RequestParam(required = false) String taxId, @RequestParam(required = false) String currency,
            @RequestParam(required = false) String dateFormat, @RequestParam(required = false) String expertize,
            @RequestParam(required = false) String description, @RequestParam(required = false) Integer timezone,
            @RequestBody(required = false) ProfileBody body) {
        return V3Response.ok(organizations.updateProfile(caller, new Organizations.ProfileFields(organizationName, email,
                website, contactNumber, address, city, state, country, zipcode, industry, companySize, companyId, taxId,
                currency, dateFormat, expertize, description, timezone, body == null ? null : body.organizationLogo(),
                removeOrganizationLogo)));
    }

    /** IQM's schema names {@code email}; its example {@code newEmail} and {@code currentPassword}. */
    record EmailBody(String email, String newEmail, String currentPassword) {
    }

    @PatchMapping("/api/v3/ua/organization/update-email")
    V3Response<EmailChange> updateEmail(Caller caller, @RequestBody EmailBody body) {
        return V3Response.ok(organizations.updateEmail(caller, body.email() != null ? body.email() : body.newEmail()));
    }

    @PostMapping("/api/v3/ua/organization/advertiser/add")
    V3Response<String> addAdvertiser(Caller caller, @RequestBody Organizations.AdvertiserFields body) {
        return V3Response.ok(organizations.addAdvertiser(caller, body));
    }

    @PatchMapping("/api/v3/ua/organization/advertiser/{id}")
    V3Response<String> updateAdvertiser(Caller caller, @PathVariable long id,
            @RequestBody Organizations.AdvertiserFields body) {
        return V3Response.ok(organizations.updateAdvertiser(caller, id, body));
    }

    @DeleteMapping("/api/v3/ua/organization/advertiser/{id}")
    V3Response<String> deleteAdvertiser(Caller caller, @PathVariable long id) {
        return V3Response.ok(organizations.deleteAdvertiser(caller, id));
    }

    @GetMapping("/api/v3/ua/organization/advertisers/list")
    V3Response<ListPage<AdvertiserProfile>> advertisers(Caller caller, @RequestParam(required = false) String searchField,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer pageNo,
            @RequestParam(required = false) String advertiserIds) {
        return V3Response.ok(organizations.advertisers(caller, searchField, limit, pageNo, advertiserIds));
    }

    @GetMapping("/api/v3/ua/customers/advertisers/list")
    V3Response<List<CustomerAdvertiser>> customerAdvertisers(Caller caller, @RequestParam(required = false) Long owId) {
        return V3Response.ok(organizations.customerAdvertisers(caller, owId));
    }

    /** IQM's schema names {@code workspaceSubDomain}; its example {@code newSubDomain} and {@code newWhitelabelDomain}. */
    record DomainBody(String workspaceSubDomain, String newSubDomain, String newWhitelabelDomain) {
    }

    @PatchMapping("/api/v3/ua/organization/workspace-domain")
    V3Response<String> workspaceDomain(Caller caller, @RequestBody DomainBody body) {
        return V3Response.ok(organizations.updateWorkspaceDomain(caller,
                body.workspaceSubDomain() != null ? body.workspaceSubDomain() : body.newSubDomain(),
                body.newWhitelabelDomain()));
    }

    @GetMapping("/api/v3/ua/organization/available-domain")
    V3Response<DomainAvailability> availableDomain(Caller caller,
            @RequestParam(required = false) String workspaceSubDomain) {
        return V3Response.ok(organizations.availableDomain(caller, workspaceSubDomain));
    }

    /** A white-label domain; IQM's example adds a verification token, which adplane does not need. */
    record WhitelabelBody(String whitelabelDomain, String verificationToken) {
    }

    @PostMapping("/api/v3/ua/organization/whitelabel-domain")
    V3Response<String> whitelabelDomain(Caller caller, @RequestBody WhitelabelBody body) {
        return V3Response.ok(organizations.addWhitelabelDomain(caller, body.whitelabelDomain()));
    }

    @GetMapping("/api/v3/ua/organization/verify-whitelabel-domain")
    V3Response<DomainVerification> verify(Caller caller) {
        return V3Response.ok(organizations.verifyWhitelabelDomain(caller));
    }

    /** A pixel URL. */
    record PixelBody(String whitelabelPixelUrl) {
    }

    @PostMapping("/api/v3/ua/organization/whitelabel-pixel-url")
    V3Response<String> pixel(Caller caller, @RequestBody PixelBody body) {
        return V3Response.ok(organizations.addPixelUrl(caller, body.whitelabelPixelUrl()));
    }

    @GetMapping("/api/v3/ua/organization/whitelabel-settings")
    V3Response<WhiteLabelSettings> settings(Caller caller) {
        return V3Response.ok(organizations.whiteLabelSettings(caller));
    }

    /** The JSON body of the settings' change: images as URLs. */
    record SettingsBody(String smallFavIcon, String largeFavIcon, String landingPage) {
    }

    @PatchMapping("/api/v3/ua/organization/whitelabel-settings")
    V3Response<String> updateSettings(Caller caller, @RequestParam(required = false) Boolean isIncludeOrganizationName,
            @RequestParam(required = false) String headerUrls, @RequestParam(required = false) String footerUrls,
            @RequestParam(required = false) String removeSmallFavIcon,
            @RequestParam(required = false) String removeLargeFavIcon,
            @RequestParam(required = false) String removeLandingPage,
            @RequestBody(required = false) SettingsBody body) {
        SettingsBody b = body == null ? new SettingsBody(null, null, null) : body;
        return V3Response.ok(organizations.updateWhiteLabelSettings(caller, new Organizations.SettingsChange(
                isIncludeOrganizationName, headerUrls, footerUrls, removeSmallFavIcon, removeLargeFavIcon,
                removeLandingPage, b.smallFavIcon(), b.largeFavIcon(), b.landingPage())));
    }

    @GetMapping("/api/v3/ua/init")
    V3Response<InitDetails> init(@RequestHeader Map<String, String> headers) {
        return V3Response.ok(organizations.init(host(headers)));
    }

    /** IQM's permanent redirect to the workspace's logo (its owner organization's), by {@code X-IAA-HOST} or {@code Host}. */
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "308",
            description = "Permanent redirect to the logo (Location)")
    @GetMapping("/api/v3/ua/logo")
    ResponseEntity<Void> logo(@RequestHeader Map<String, String> headers) {
        return ResponseEntity.status(HttpStatus.PERMANENT_REDIRECT)
                .location(java.net.URI.create(organizations.logo(host(headers)))).build();
    }

    /** {@code X-IAA-HOST} when given, else {@code Host}. */
    private static String host(Map<String, String> headers) {
        String host = null;
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase("x-iaa-host") && !e.getValue().isBlank()) {
                host = e.getValue();
            } else if (e.getKey().equalsIgnoreCase("host") && host == null) {
                host = e.getValue();
            }
        }
        return host;
    }

    /** The profile's change as IQM sends it, multipart: the fields as parts, the logo as an image file (U15). */
    @PatchMapping(path = "/api/v3/ua/organization/update-profile", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    V3Response<ProfileChange> updateProfileWithLogo(Caller caller,
            @RequestParam(required = false) Boolean removeOrganizationLogo,
            @RequestParam(required = false) String organizationName, @RequestParam(required = false) String email,
            @RequestParam(required = false) String website, @RequestParam(required = false) String contactNumber,
            @RequestParam(required = false) String address, @RequestParam(required = false) String city,
            @RequestParam(required = false) Long state, @RequestParam(required = false) Long country,
            @RequestParam(required = false) String zipcode, @RequestParam(required = false) Integer industry,
            @RequestParam(required = false) Integer companySize, @RequestParam(required = false) String companyId,
            @RequestParam(required = false) String taxId, @RequestParam(required = false) String currency,
            @RequestParam(required = false) String dateFormat, @RequestParam(required = false) String expertize,
            @RequestParam(required = false) String description, @RequestParam(required = false) Integer timezone,
            @RequestPart(required = false) MultipartFile organizationLogo) {
        return V3Response.ok(organizations.updateProfile(caller, new Organizations.ProfileFields(organizationName, email,
                website, contactNumber, address, city, state, country, zipcode, industry, companySize, companyId, taxId,
                currency, dateFormat, expertize, description, timezone, null, removeOrganizationLogo), organizationLogo));
    }

    /** The branding's change as IQM sends it, multipart: favicons and landing page as image files (U15). */
    @PatchMapping(path = "/api/v3/ua/organization/whitelabel-settings", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    V3Response<String> updateSettingsWithImages(Caller caller,
            @RequestParam(required = false) Boolean isIncludeOrganizationName,
            @RequestParam(required = false) String headerUrls, @RequestParam(required = false) String footerUrls,
            @RequestParam(required = false) String removeSmallFavIcon,
            @RequestParam(required = false) String removeLargeFavIcon,
            @RequestParam(required = false) String removeLandingPage,
            @RequestPart(required = false) MultipartFile smallFavIcon,
            @RequestPart(required = false) MultipartFile largeFavIcon,
            @RequestPart(required = false) MultipartFile landingPage) {
        return V3Response.ok(organizations.updateWhiteLabelSettings(caller, new Organizations.SettingsChange(
                isIncludeOrganizationName, headerUrls, footerUrls, removeSmallFavIcon, removeLargeFavIcon,
                removeLandingPage, null, null, null), smallFavIcon, largeFavIcon, landingPage));
    }
}
