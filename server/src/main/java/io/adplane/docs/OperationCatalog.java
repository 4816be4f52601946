package io.adplane.docs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * Names and groups every operation of the document, keyed by method and path rather than by annotations on the
 * controllers: a tag per IQM API (User, Campaign, Creative, Master, Reports) and adplane's own, a summary, and a
 * stable operationId. Where the operation is IQM's, the operationId is the one IQM publishes for it; others are
 * named in the same style. A route missing here still gets a stable id and a summary derived from its path.
 */
final class OperationCatalog {

    /** The tags in the order Swagger UI shows them. */
    static final List<Tag> TAGS = List.of(
            new Tag().name("User").description("Log in, tokens, the caller's profile and organizations (IQM's User API)."),
            new Tag().name("Campaign").description("Insertion orders and campaigns, their budgets, statuses and lists (IQM's Campaign API)."),
            new Tag().name("Creative").description("Creatives and their approval (IQM's Creative API)."),
            new Tag().name("Master").description("Reference data: countries, timezones, exchanges, device and traffic types (IQM's Master API)."),
            new Tag().name("Reports").description("Reports (IQM's Reports API)."),
            new Tag().name("adplane").description("adplane's own operations, beyond IQM's API."));

    private record Name(String operationId, String summary) {
    }

    private static final Map<String, Name> NAMES = new LinkedHashMap<>();

    /** Operations beyond IQM's API that live under IQM's paths: tagged adplane. */
    private static final java.util.Set<String> OWN = new java.util.HashSet<>(
            java.util.Set.of("GET /api/v3/cmp/campaign/{campaignId}/status-history"));

    private static void name(String key, String operationId, String summary) {
        NAMES.put(key, new Name(operationId, summary));
    }

    private static void own(String key, String operationId, String summary) {
        name(key, operationId, summary);
        OWN.add(key);
    }

    static {
        name("POST /api/v3/ua/login", "login", "Log in with email and password (quickstart step 1)");
        name("POST /api/v3/ua/oauth/token", "getOAuthToken", "Get tokens by password or refresh token (OAuth 2)");
        name("POST /api/v3/ua/logout", "logout", "End the caller's session");
        name("GET /api/v3/ua/profile", "getProfile", "The caller's profile");
        name("GET /api/v3/ua/user/allowed-organizations", "getAllowedOrganizations", "Organizations the caller may act for");
        name("GET /api/v3/ua/allowed-customers-ids", "getAllowedCustomersOWIds", "owIds of the organizations the caller may act for");

        name("POST /api/v3/cmp/io/add", "createCampaignIO", "Create an insertion order (quickstart step 2)");
        name("GET /api/v3/cmp/io/{ioId}", "getBasicIODetailsById", "An insertion order");
        name("PATCH /api/v3/cmp/io/{ioId}", "editIODetails", "Edit an insertion order");
        name("POST /api/v3/cmp/io/basic/list", "getIOBasicDetailsList", "List insertion orders");
        name("POST /api/v3/cmp/io/campaign/basic/list", "getIoMappedWithCampaignsDetails", "Campaigns grouped by insertion order");
        name("POST /api/v3/cmp/io/delete", "updateIOStatusToDelete", "Delete insertion orders and their campaigns");
        name("POST /api/v3/cmp/io/duplicate", "duplicateIO", "Duplicate an insertion order");
        name("PATCH /api/v3/cmp/io/update-end-date", "updateIOEndDate", "Change insertion orders' end dates");
        name("PATCH /api/v3/cmp/io/update-budget", "updateIOBudget", "Change insertion orders' budgets");
        name("GET /api/v3/cmp/io/campaign/budget-impression/info", "getIOBudgetImpressionInfo", "Budget and impressions of an insertion order's campaigns");
        name("POST /api/v2/cmp/campaigns/add", "saveCampaign", "Create a campaign (quickstart step 3)");
        name("POST /api/v2/cmp/campaigns/draft/add", "saveDraftCampaign", "Save a campaign as a draft");
        name("PUT /api/v2/cmp/campaign/draft/{campaignId}", "editDraftCampaign", "Replace a draft campaign");
        name("GET /api/v2/cmp/campaign/{campaignId}", "getCampaign", "A campaign with its status (quickstart step 4)");
        name("PATCH /api/v2/cmp/campaign/{campaignId}", "editCampaignPatch", "Edit a campaign");
        name("PUT /api/v2/cmp/campaigns/update-status", "updateCampaignStatus", "Change campaigns' status (approve, pause, run, reject, delete)");
        name("PUT /api/v2/cmp/campaigns/update-budget", "updateCampaignBudget", "Change campaigns' budgets");
        name("PUT /api/v2/cmp/campaigns/update-end-date", "updateCampaignEndDate", "Change campaigns' end dates");
        name("POST /api/v2/cmp/campaigns/duplicate", "duplicateCampaign", "Duplicate campaigns within an insertion order");
        name("GET /api/v2/cmp/campaigns/data", "getCampaignListData", "List campaigns (v2)");
        name("GET /api/v2/cmp/campaigns/count", "getCampaignCountByStatus", "Count campaigns by status (v2)");
        name("POST /api/v3/cmp/basic/list", "getCampaignBasicDetailList", "List campaigns");
        name("POST /api/v3/cmp/campaigns/count", "getCampaignCount", "Count campaigns by status");
        name("PATCH /api/v3/cmp/target/creative", "createCampaignCreativeTargeting", "Assign or unassign creatives of campaigns");
        name("PATCH /api/v3/cmp/campaign/update-name/{campaignId}", "updateCampaignName", "Rename a campaign");
        name("GET /api/v3/cmp/campaign/{campaignId}/status-history", "getCampaignStatusHistory", "A campaign's status changes");
        own("GET /api/v3/cmp/campaign/{campaignId}/changes", "getCampaignChanges", "A campaign's change history, newest first");
        own("GET /api/v3/cmp/io/{ioId}/changes", "getIOChanges", "An insertion order's change history, newest first");
        own("GET /api/v3/crt/creatives/{creativeId}/changes", "getCreativeChanges", "A creative's change history, newest first");
        name("GET /api/v3/cmp/static/io/status/list", "getIOStatusList", "Insertion order statuses");
        name("GET /api/v3/cmp/static/campaign/budget-type", "getBudgetTypes", "Budget types");
        name("GET /api/v3/cmp/static/budget-distribution-method/list", "getBudgetDistributionMethods", "Budget distribution methods");
        name("GET /api/v3/cmp/static/frequency-cap-types", "getFrequencyCapTypes", "Frequency cap types");

        name("POST /api/v3/crt/creatives", "createCreatives", "Upload creatives");
        name("POST /api/v3/crt/creatives/list", "getCreatives", "List creatives");
        name("GET /api/v3/crt/creatives/{creativeId}", "getCreative", "A creative");
        name("PATCH /api/v3/crt/creatives/{creativeId}", "updateCreative", "Edit a creative");
        name("PATCH /api/v3/crt/creatives/update-status", "updateCreativeStatus", "Change creatives' status (approve, pause, reject, delete)");
        name("GET /api/v3/crt/master/static/creative-types", "getCreativeTypes", "Creative types");
        name("GET /api/v3/crt/master/static/creative-status", "getCreativeStatuses", "Creative statuses");

        name("POST /api/v3/master/segment/country", "getCountrySegmentDetails", "Countries");
        name("POST /api/v3/master/adcategories", "getPublisherAdCategoriesDetails", "Publisher ad categories");
        name("GET /api/v3/master/timezones", "getTimezones", "Timezones");
        name("GET /api/v3/master/traffic-types", "getTrafficTypes", "Traffic types");
        name("GET /api/v3/master/exchanges", "getExchanges", "Exchanges");
        name("GET /api/v3/conversion/static/conversion-type", "getConversionTypes", "Conversion types");
        name("GET /api/v2/adv/static/timezones", "Timezones", "Timezones (v2)");
        name("GET /api/network_types", "NetworkTypes", "Network types");
        name("GET /api/device_types", "DeviceTypes", "Device types");
        name("GET /api/device_os", "Device-OS", "Device operating systems");

        // controls
        own("POST /api/v3/adplane/reset", "resetEmulator", "Reset to the bootstrap state (emulator controls)");
        own("GET /api/v3/adplane/faults", "getFaultRules", "The workspace's fault and latency rules");
        own("POST /api/v3/adplane/faults", "addFaultRule", "Add a fault or latency rule for a route");
        own("DELETE /api/v3/adplane/faults", "clearFaultRules", "Remove all of the workspace's fault rules");
        own("DELETE /api/v3/adplane/faults/{id}", "removeFaultRule", "Remove one fault rule");
        own("POST /api/v3/adplane/fixtures", "loadFixture", "Load a fixture (YAML or JSON), merging by id");
        own("GET /api/v3/adplane/fixtures", "exportFixture", "The current workspaces, organizations, users and clients as a fixture");
        own("GET /api/v3/adplane/journal", "getRequestJournal", "The workspace's last requests and answers, secrets redacted");
        own("DELETE /api/v3/adplane/journal", "clearRequestJournal", "Empty the workspace's request journal");
    }

    private OperationCatalog() {
    }

    /** Sets the tag, summary and operationId of one operation. */
    static void apply(String path, PathItem.HttpMethod method, Operation op) {
        Name name = NAMES.get(method + " " + path);
        op.setTags(List.of(OWN.contains(method + " " + path) ? "adplane" : tag(path)));
        op.setOperationId(name != null ? name.operationId() : derivedId(method, path));
        op.setSummary(name != null ? name.summary() : derivedSummary(path));
    }

    /** The IQM API a path belongs to, by its prefix. */
    static String tag(String path) {
        if (path.startsWith("/api/v3/ua/")) {
            return "User";
        }
        if (path.startsWith("/api/v3/crt/")) {
            return "Creative";
        }
        if (path.startsWith("/api/v3/cmp/") || path.startsWith("/api/v2/cmp/")) {
            return "Campaign";
        }
        if (path.startsWith("/api/v3/ra/")) {
            return "Reports";
        }
        if (path.startsWith("/api/")) {
            return "Master";
        }
        return "adplane";
    }

    /** {@code GET /api/v3/master/segment/state} becomes {@code getMasterSegmentState}. */
    static String derivedId(PathItem.HttpMethod method, String path) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
        for (String segment : path.split("[/_-]")) {
            if (segment.isEmpty() || segment.equals("api") || segment.matches("v[0-9]+")) {
                continue;
            }
            String word = segment.startsWith("{") ? "By" + segment.substring(1, segment.length() - 1) : segment;
            id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return id.toString();
    }

    private static String derivedSummary(String path) {
        String last = path.replaceAll("/\\{[^}]+}", "");
        last = last.substring(last.lastIndexOf('/') + 1).replace('-', ' ').replace('_', ' ');
        return last.isEmpty() ? path : Character.toUpperCase(last.charAt(0)) + last.substring(1);
    }
}
