package io.adplane.users;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.transaction.annotation.Transactional;

import io.adplane.api.ApiException;
import io.adplane.api.Limits;
import io.adplane.auth.Caller;
import io.adplane.tenancy.Names;
import io.adplane.tenancy.Organization;
import io.adplane.tenancy.TenancyRepository;
import io.adplane.tenancy.TenancyService;
import io.adplane.tenancy.Workspace;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The acting organization's own profile and advertiser profiles, and the workspace's domain and white-label
 * settings (U9). Any role reads; an admin changes its organization's profile; editors and admins keep advertiser
 * profiles; only an admin of the workspace owner organization changes the workspace.
 */
@Service
public class Organizations {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OrganizationRepository repository;
    private final TenancyRepository tenancy;
    private final Images images;
    private final Clock clock;

    Organizations(OrganizationRepository repository, TenancyRepository tenancy, Images images, Clock clock) {
        this.repository = repository;
        this.tenancy = tenancy;
        this.images = images;
        this.clock = clock;
    }

    public OrganizationProfile profile(Caller caller) {
        return repository.profile(caller.owId());
    }

    /** The fields of {@code organization/update-profile}; null leaves a field as it is. */
    public record ProfileFields(String organizationName, String email, String website, String contactNumber,
            String address, String city, Long state, Long country, String zipcode, Integer industry,
            Integer companySize, String companyId, String taxId, String currency, String dateFormat, String expertize,
            String description, Integer timezone, String organizationLogo, Boolean removeOrganizationLogo) {
    }

    @Transactional
    public ProfileChange updateProfile(Caller caller, ProfileFields f, MultipartFile organizationLogo) {
        Administration.requireAdmin(caller);
        String logo = images.store("organizationLogo", organizationLogo);
        return updateProfile(caller, logo == null ? f : new ProfileFields(f.organizationName(), f.email(), f.website(),
                f.contactNumber(), f.address(), f.city(), f.state(), f.country(), f.zipcode(), f.industry(),
                f.companySize(), f.companyId(), f.taxId(), f.currency(), f.dateFormat(), f.expertize(),
                f.description(), f.timezone(), logo, f.removeOrganizationLogo()));
    }

    @Transactional
    public ProfileChange updateProfile(Caller caller, ProfileFields f) {
        Administration.requireAdmin(caller);
        Map<String, Object> columns = new LinkedHashMap<>();
        if (f.organizationName() != null) {
            try {
                columns.put("name", TenancyService.requireName(Limits.text("organizationName", f.organizationName(),
                        Limits.NAME)));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("organizationName", "Field 'organizationName' " + e.getMessage() + ".");
            }
        }
        put(columns, "email", email("email", f.email()));
        put(columns, "website", url("website", f.website(), false));
        put(columns, "contact_number", Limits.text("contactNumber", f.contactNumber(), 64));
        put(columns, "address", Limits.text("address", f.address(), Limits.NOTE));
        put(columns, "city", Limits.text("city", f.city(), Limits.NAME));
        put(columns, "state_id", positive("state", f.state()));
        put(columns, "country_id", positive("country", f.country()));
        put(columns, "zipcode", Limits.text("zipcode", f.zipcode(), 32));
        put(columns, "industry_id", listed("industry", f.industry(), StaticLists.INDUSTRIES.size()));
        put(columns, "company_size_id", listed("companySize", f.companySize(), StaticLists.COMPANY_SIZES.size()));
        put(columns, "company_id", Limits.text("companyId", f.companyId(), Limits.NAME));
        put(columns, "tax_id", Limits.text("taxId", f.taxId(), Limits.NAME));
        put(columns, "currency", Limits.text("currency", f.currency(), 32));
        put(columns, "date_format", Limits.text("dateFormat", f.dateFormat(), 32));
        put(columns, "expertize", expertize(f.expertize()));
        if (f.description() != null && f.description().length() > Limits.NOTE) {
            throw ApiException.unprocessable("description", "Invalid description length")
                    .withReason("At most " + Limits.NOTE + " characters.");
        }
        put(columns, "description", Limits.text("description", f.description(), Limits.NOTE));
        put(columns, "timezone_id", f.timezone() == null ? null : positive("timezone", (long) f.timezone()).intValue());
        put(columns, "logo_url", url("organizationLogo", f.organizationLogo(), true));
        repository.updateProfile(caller.owId(), columns, clock.millis());
        if (Boolean.TRUE.equals(f.removeOrganizationLogo())) {
            repository.clearLogo(caller.owId());
        }
        OrganizationProfile p = repository.profile(caller.owId());
        return new ProfileChange(caller.owId(), p.organizationName(), p.email(), p.organizationLogo(),
                "Organization profile updated successfully");
    }

    /**
     * The workspace owner organization's email, which is also the support email every login answer about a hold
     * names (U9); other organizations get IQM's 403.
     */
    @Transactional
    public EmailChange updateEmail(Caller caller, String email) {
        Administration.requireAdmin(caller);
        if (caller.owId() != caller.workspaceOwnerOwId()) {
            throw ApiException.forbidden("Only workspace owner organization can update email");
        }
        if (email == null || email.isBlank()) {
            throw ApiException.badRequest("email", "Field 'email' is required.");
        }
        String normal = email("email", email);
        repository.updateProfile(caller.owId(), Map.of("email", normal), clock.millis());
        repository.setSupportEmail(caller.workspaceId(), normal);
        return new EmailChange(normal, "Email updated successfully.");
    }

    // --- advertiser profiles

    /** An advertiser profile as sent. */
    public record AdvertiserFields(Long id, String advertiserName, String website, String chiefName,
            String contactNumber, String address, String politicalIdentifier, String legalInfo, List<String> links) {
    }

    @Transactional
    public String addAdvertiser(Caller caller, AdvertiserFields f) {
        requireAdvertiserWrite(caller, "add");
        repository.insertAdvertiser(caller.owId(), advertiser(f, true), clock.millis());
        return "Advertiser profile added successfully";
    }

    @Transactional
    public String updateAdvertiser(Caller caller, long id, AdvertiserFields f) {
        requireAdvertiserWrite(caller, "add");
        AdvertiserProfile old = repository.advertiser(caller.owId(), id).orElseThrow(Organizations::noAdvertiser);
        AdvertiserFields merged = new AdvertiserFields(id, or(f.advertiserName(), old.advertiserName()),
                or(f.website(), old.website()), or(f.chiefName(), old.chiefName()),
                or(f.contactNumber(), old.contactNumber()), or(f.address(), old.address()),
                or(f.politicalIdentifier(), old.politicalIdentifier()), or(f.legalInfo(), old.legalInfo()),
                f.links() != null ? f.links() : old.links());
        repository.updateAdvertiser(caller.owId(), id, advertiser(merged, true));
        return "Advertiser profile updated successfully.";
    }

    @Transactional
    public String deleteAdvertiser(Caller caller, long id) {
        requireAdvertiserWrite(caller, "delete");
        if (!repository.deleteAdvertiser(caller.owId(), id)) {
            throw noAdvertiser();
        }
        return "Advertiser profile deleted successfully.";
    }

    public ListPage<AdvertiserProfile> advertisers(Caller caller, String search, Integer limit, Integer pageNo,
            String advertiserIds) {
        int size = ListArgs.limit("limit", limit, 10);
        long offset = ListArgs.offset(pageNo, size);
        List<Long> ids = ListArgs.ids("advertiserIds", advertiserIds);
        String s = Limits.text("searchField", search, Limits.NAME);
        return new ListPage<>(repository.advertisers(caller.owId(), ids, s, size, offset),
                repository.countAdvertisers(caller.owId(), List.of(), null), repository.countAdvertisers(caller.owId(), ids, s));
    }

    /** The advertiser profiles of a customer (or of the acting organization), at most 500. */
    public List<CustomerAdvertiser> customerAdvertisers(Caller caller, Long owId) {
        Organization org = Administration.visible(tenancy, caller, owId, "owId");
        OrganizationProfile profile = repository.profile(org.owId());
        List<CustomerAdvertiser> rows = new ArrayList<>();
        for (AdvertiserProfile a : repository.advertisers(org.owId(), List.of(), null, 500, 0)) {
            rows.add(new CustomerAdvertiser(a.advertiserName(), a.website(), a.chiefName(), a.contactNumber(),
                    a.address(), a.politicalIdentifier(), a.id(), a.legalInfo(), String.join(", ", a.links()),
                    java.util.UUID.nameUUIDFromBytes(("advertiser-profile:" + a.id()).getBytes(
                            java.nio.charset.StandardCharsets.UTF_8)).toString(),
                    org.name(), profile.organizationLogo(), false));
        }
        return rows;
    }

    private static void requireAdvertiserWrite(Caller caller, String what) {
        if (!caller.role().writes()) {
            throw ApiException.forbidden("User is not authorized to " + what + " advertiser profiles");
        }
    }

    private static ApiException noAdvertiser() {
        return ApiException.unprocessable("id", "Advertiser profile not found or doesn't belong to provided organization.");
    }

    private static OrganizationRepository.Advertiser advertiser(AdvertiserFields f, boolean requireId) {
        String political = f.politicalIdentifier();
        if (political == null || political.isBlank()) {
            throw ApiException.badRequest("politicalIdentifier", "FEC ID or State Equivalent is mandatory");
        }
        if (political.length() > 20) {
            throw ApiException.badRequest("politicalIdentifier",
                    "FEC ID or State Equivalent length should not be more than 20 characters.");
        }
        List<String> links = f.links() == null ? List.of() : Limits.ids("links", f.links());
        for (String link : links) {
            Limits.text("links", link, Limits.URL);
            if (link == null || link.isBlank() || link.contains("\n")) {
                throw ApiException.badRequest("links", "Field 'links' must list non-empty links.");
            }
        }
        if (String.join("\n", links).length() > 4000) {
            throw ApiException.badRequest("links", "Field 'links' may hold at most 4000 characters in all.");
        }
        return new OrganizationRepository.Advertiser(Limits.text("advertiserName", f.advertiserName(), Limits.NAME),
                Limits.text("website", f.website(), Limits.URL), Limits.text("chiefName", f.chiefName(), Limits.NAME),
                Limits.text("contactNumber", f.contactNumber(), 64), Limits.text("address", f.address(), Limits.NOTE),
                Limits.text("politicalIdentifier", political.strip(), 20),
                Limits.text("legalInfo", f.legalInfo(), Limits.NOTE), links);
    }

    // --- the workspace

    /** The workspace's new domain: a full host name, or a first label that replaces the current one's. */
    @Transactional
    public String updateWorkspaceDomain(Caller caller, String subDomain, String whitelabelDomain) {
        caller.requireWorkspaceOwnerAdmin();
        Workspace workspace = tenancy.workspace(caller.workspaceId()).orElseThrow();
        if (subDomain == null && whitelabelDomain == null) {
            throw ApiException.badRequest("workspaceSubDomain", "Field 'workspaceSubDomain' is required.");
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        if (subDomain != null) {
            String domain = domain("workspaceSubDomain", fullDomain(subDomain, workspace.domain()));
            if (repository.domainTaken(domain, workspace.id())) {
                throw ApiException.unprocessable("workspaceSubDomain", "Domain already in use");
            }
            columns.put("domain", domain);
        }
        if (whitelabelDomain != null) {
            columns.put("whitelabel_domain", whitelabel(workspace, whitelabelDomain));
        }
        repository.updateWorkspace(workspace.id(), columns);
        return "Workspace domain updated successfully";
    }

    public DomainAvailability availableDomain(Caller caller, String subDomain) {
        caller.requireWorkspaceOwnerAdmin();
        if (subDomain == null || subDomain.isBlank()) {
            throw ApiException.badRequest("workspaceSubDomain", "Field 'workspaceSubDomain' is required.");
        }
        Workspace workspace = tenancy.workspace(caller.workspaceId()).orElseThrow();
        String domain = domain("workspaceSubDomain", fullDomain(subDomain, workspace.domain()));
        return new DomainAvailability(!repository.domainTaken(domain, workspace.id()) , domain);
    }

    @Transactional
    public String addWhitelabelDomain(Caller caller, String whitelabelDomain) {
        caller.requireWorkspaceOwnerAdmin();
        if (whitelabelDomain == null || whitelabelDomain.isBlank()) {
            throw ApiException.badRequest("whitelabelDomain", "Field 'whitelabelDomain' is required.");
        }
        Workspace workspace = tenancy.workspace(caller.workspaceId()).orElseThrow();
        repository.updateWorkspace(workspace.id(), Map.of("whitelabel_domain", whitelabel(workspace, whitelabelDomain)));
        return "White label domain configured successfully";
    }

    /**
     * adplane can't see DNS: a white-label domain is verified when it is configured and no other workspace uses
     * it, and from then on logins may name it in {@code X-IAA-HOST} (U9).
     */
    public DomainVerification verifyWhitelabelDomain(Caller caller) {
        caller.requireWorkspaceOwnerAdmin();
        OrganizationRepository.Branding b = repository.branding(caller.workspaceId());
        if (b.whitelabelDomain() == null) {
            return new DomainVerification(false, "", "No white label domain is configured.");
        }
        return new DomainVerification(true, b.whitelabelDomain(), "Domain verified successfully");
    }

    @Transactional
    public String addPixelUrl(Caller caller, String url) {
        caller.requireWorkspaceOwnerAdmin();
        if (url == null || url.isBlank()) {
            throw ApiException.badRequest("whitelabelPixelUrl", "Field 'whitelabelPixelUrl' is required.");
        }
        String u = Limits.text("whitelabelPixelUrl", url.strip(), Limits.URL);
        if (u.chars().anyMatch(Character::isWhitespace)) {
            throw ApiException.badRequest("whitelabelPixelUrl", "Field 'whitelabelPixelUrl' must be a URL.");
        }
        repository.updateWorkspace(caller.workspaceId(), Map.of("pixel_url", u));
        return "Whitelabel pixel URL added successfully";
    }

    public WhiteLabelSettings whiteLabelSettings(Caller caller) {
        return settings(repository.branding(caller.workspaceId()));
    }

    static WhiteLabelSettings settings(OrganizationRepository.Branding b) {
        return new WhiteLabelSettings(new WhiteLabelSettings.FavIcons(b.smallFavicon(), b.largeFavicon()),
                b.includeOrgName(), b.landingPage(), links(b.headerUrls()), links(b.footerUrls()));
    }

    /** The changes of {@code organization/whitelabel-settings}. */
    public record SettingsChange(Boolean isIncludeOrganizationName, String headerUrls, String footerUrls,
            String removeSmallFavIcon, String removeLargeFavIcon, String removeLandingPage, String smallFavIcon,
            String largeFavIcon, String landingPage) {
    }

    @Transactional
    public String updateWhiteLabelSettings(Caller caller, SettingsChange c, MultipartFile smallFavIcon,
            MultipartFile largeFavIcon, MultipartFile landingPage) {
        caller.requireWorkspaceOwnerAdmin();
        return updateWhiteLabelSettings(caller, new SettingsChange(c.isIncludeOrganizationName(), c.headerUrls(),
                c.footerUrls(), c.removeSmallFavIcon(), c.removeLargeFavIcon(), c.removeLandingPage(),
                images.store("smallFavIcon", smallFavIcon), images.store("largeFavIcon", largeFavIcon),
                images.store("landingPage", landingPage)));
    }

    @Transactional
    public String updateWhiteLabelSettings(Caller caller, SettingsChange c) {
        caller.requireWorkspaceOwnerAdmin();
        Map<String, Object> columns = new LinkedHashMap<>();
        put(columns, "include_org_name", c.isIncludeOrganizationName());
        put(columns, "header_urls", linksJson("headerUrls", c.headerUrls()));
        put(columns, "footer_urls", linksJson("footerUrls", c.footerUrls()));
        put(columns, "small_favicon_url", url("smallFavIcon", c.smallFavIcon(), true));
        put(columns, "large_favicon_url", url("largeFavIcon", c.largeFavIcon(), true));
        put(columns, "landing_page_url", url("landingPage", c.landingPage(), true));
        repository.updateWorkspace(caller.workspaceId(), columns);
        repository.clearBranding(caller.workspaceId(), "true".equalsIgnoreCase(c.removeSmallFavIcon()),
                "true".equalsIgnoreCase(c.removeLargeFavIcon()), "true".equalsIgnoreCase(c.removeLandingPage()));
        return "White label settings updated successfully";
    }

    /** The workspace of {@code host} as its login page shows it; an unknown one is IQM's 422. */
    public InitDetails init(String host) {
        Workspace workspace = workspaceOf(host)
                .orElseThrow(() -> ApiException.unprocessable("X-IAA-HOST", "Given workspace domain does not exist."));
        OrganizationRepository.Branding b = repository.branding(workspace.id());
        OrganizationProfile owner = repository.profile(workspace.ownerOwId());
        WhiteLabelSettings settings = settings(b);
        return new InitDetails(workspace.id(), workspace.ownerOwId(), workspace.ownerOwId(), owner.organizationName(),
                owner.organizationLogo(), b.smallFavicon() != null ? b.smallFavicon() : owner.organizationLogo(),
                workspace.supportEmail(), false, "", new InitDetails.Pages(
                        b.landingPage() == null ? List.of() : List.of(b.landingPage()), List.of(),
                        settings.headerUrls(), settings.footerUrls()),
                b.includeOrgName(), "Your password must be at least " + io.adplane.tenancy.Passwords.MIN_LENGTH
                        + " characters long.");
    }

    /** The logo of the workspace of {@code host} (its owner organization's), for IQM's 308 redirect. */
    public String logo(String host) {
        return workspaceOf(host).map(w -> repository.profile(w.ownerOwId()).organizationLogo())
                .orElseThrow(() -> ApiException.notFound("X-IAA-HOST", "Logo not found for workspace"));
    }

    private java.util.Optional<Workspace> workspaceOf(String host) {
        String domain = Names.domain(host);
        return domain == null || domain.isEmpty() ? java.util.Optional.empty()
                : tenancy.workspaceByDomain(domain.replaceFirst(":[0-9]+$", ""));
    }

    // --- rules

    private static String fullDomain(String sub, String current) {
        String s = sub.strip();
        int dot = current.indexOf('.');
        return s.contains(".") || dot < 0 ? s : s + current.substring(dot);
    }

    private String whitelabel(Workspace workspace, String raw) {
        String domain = domain("whitelabelDomain", raw);
        if (repository.domainTaken(domain, workspace.id()) || domain.equals(workspace.domain())) {
            throw ApiException.unprocessable("whitelabelDomain", "Domain already in use");
        }
        return domain;
    }

    private static String domain(String field, String raw) {
        try {
            return TenancyService.requireDomain(Limits.text(field, raw, 253));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field, "Field '" + field + "': " + e.getMessage() + ".");
        }
    }

    private static String email(String field, String raw) {
        if (raw == null) {
            return null;
        }
        String email = Names.email(Limits.text(field, raw, 320));
        if (!Names.isEmail(email)) {
            throw ApiException.badRequest(field, "Field '" + field + "' must look like name@example.com.");
        }
        return email;
    }

    private static String url(String field, String raw, boolean requireHttp) {
        String u = Limits.text(field, raw, Limits.URL);
        if (u == null) {
            return null;
        }
        u = u.strip();
        boolean http = u.matches("(?i)https?://\\S+");
        if ((requireHttp && !http) || u.chars().anyMatch(Character::isWhitespace)
                || u.toLowerCase(java.util.Locale.ROOT).matches("^[a-z][a-z0-9+.-]*:.*") && !http) {
            throw ApiException.badRequest(field, "Field '" + field + "' must be an http(s) URL.");
        }
        return u;
    }

    private static Long positive(String field, Long value) {
        if (value != null && value < 1) {
            throw ApiException.badRequest(field, "Field '" + field + "' must be a positive id.");
        }
        return value;
    }

    private static Integer listed(String field, Integer id, int size) {
        if (id != null && (id < 1 || id > size)) {
            throw ApiException.badRequest(field, "Field '" + field + "' must be an id of its static list (1 to "
                    + size + ").");
        }
        return id;
    }

    private static String expertize(String text) {
        if (text == null) {
            return null;
        }
        for (long id : ListArgs.ids("expertize", text)) {
            listed("expertize", (int) Math.min(id, Integer.MAX_VALUE), StaticLists.EXPERTIZE.size());
        }
        return Limits.text("expertize", text.strip(), Limits.NAME);
    }

    private static String linksJson(String field, String text) {
        if (text == null) {
            return null;
        }
        List<WhiteLabelSettings.Link> links;
        try {
            links = JSON.readValue(text, new TypeReference<List<WhiteLabelSettings.Link>>() { });
        } catch (JacksonException e) {
            throw ApiException.badRequest(field, "Field '" + field + "' must be a JSON list of {label, url}.");
        }
        if (links.size() > 20) {
            throw ApiException.badRequest(field, "Field '" + field + "' may list at most 20 links.");
        }
        for (WhiteLabelSettings.Link l : links) {
            if (l == null || l.url() == null) {
                throw ApiException.badRequest(field, "Field '" + field + "' must give each link a url.");
            }
            url(field, l.url(), true);
            Limits.text(field, l.label(), Limits.NAME);
        }
        String json = JSON.writeValueAsString(links);
        if (json.length() > 4000) {
            throw ApiException.badRequest(field, "Field '" + field + "' may hold at most 4000 characters.");
        }
        return json;
    }

    private static List<WhiteLabelSettings.Link> links(String json) {
        if (json == null) {
            return List.of();
        }
        return JSON.readValue(json, new TypeReference<List<WhiteLabelSettings.Link>>() { });
    }

    private static void put(Map<String, Object> columns, String column, Object value) {
        if (value != null) {
            columns.put(column, value);
        }
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }
}
