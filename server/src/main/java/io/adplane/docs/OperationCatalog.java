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

    /** Operations of IQM's API that adplane answers with 501 (not offered by a self-hosted server). */
    private static final java.util.Set<String> NOT_OFFERED = new java.util.HashSet<>();

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

        // fidelity
        name("GET /api/v3/crt/creatives/{creativeId}/creative-campaign-details", "getCreativeAndCampaignDetails", "A creative and the campaigns that name it");
        name("POST /api/v3/crt/creatives/groups", "createCreativeGroup", "Create a creative group");
        name("DELETE /api/v3/crt/creatives/groups", "deleteCreativeGroups", "Delete creative groups");
        name("POST /api/v3/crt/creatives/groups/modify-creatives", "modifyCreativesInGroups", "Add creatives to groups or remove them");
        name("POST /api/v3/crt/creatives/groups/list", "getCreativeGroupList", "List creative groups");
        name("POST /api/v3/crt/creatives/groups/duplicate/{creativeGroupId}", "duplicateCreativeGroup", "Duplicate a creative group with copies of its creatives");
        name("POST /api/v3/cmp/pg/campaigns/add", "addPGCampaign", "Create a PG campaign");
        name("POST /api/v3/cmp/pg/campaigns/draft/add", "addDraftPGCampaign", "Save a PG campaign as a draft");
        name("PATCH /api/v3/cmp/pg/campaigns/{campaignId}", "editPGCampaign", "Edit a PG campaign");
        name("PATCH /api/v3/cmp/pg/campaigns/draft/{campaignId}", "editDraftPGCampaign", "Edit a draft PG campaign");
        name("PATCH /api/v3/cmp/pg/campaigns/mappings", "managePgDealCampaignMappings", "Assign PG deals to PG campaigns or take them off");
        name("PATCH /api/v3/cmp/pmp/campaigns/mappings", "managePMPDealCampaignMappings", "Assign PMP deals to campaigns or take them off");
        name("POST /api/v3/cmp/target/audience", "CampaignAudienceTargetingList", "Include, exclude or remove audiences of campaigns");
        name("POST /api/v3/cmp/inventorygroup/includeExclude", "includeExcludeInventoryGroup", "Include inventory groups in campaigns or exclude them");
        own("POST /api/v3/adplane/pg-deals", "addAdplanePgDeal", "Add a PG deal of the organization (beyond IQM)");
        own("GET /api/v3/adplane/pg-deals", "getAdplanePgDeals", "The organization's PG deals, newest first");
        own("POST /api/v3/adplane/pmp-deals", "addAdplanePmpDeal", "Add a PMP deal of the organization (beyond IQM)");
        own("GET /api/v3/adplane/pmp-deals", "getAdplanePmpDeals", "The organization's PMP deals, newest first");
        own("POST /api/v3/adplane/audiences", "addAdplaneAudience", "Add an audience of the organization (beyond IQM)");
        own("GET /api/v3/adplane/audiences", "getAdplaneAudiences", "The organization's audiences, newest first");
        own("POST /api/v3/adplane/inventory-groups", "addAdplaneInventoryGroup", "Add an inventory group of the organization (beyond IQM)");
        own("GET /api/v3/adplane/inventory-groups", "getAdplaneInventoryGroups", "The organization's inventory groups, newest first");
        // delivery
        own("GET /api/v3/adplane/clock", "getSimulationClock", "The simulation clock (emulator control)");
        own("POST /api/v3/adplane/clock/advance", "advanceSimulationClock",
                "Move the simulation clock forward and deliver the elapsed hours (emulator control)");
        own("POST /api/v3/adplane/delivery", "ingestDelivery", "Report hourly delivery of campaigns (bidder or ad server)");
        name("GET /api/v3/ra/report/dimension-metrics/detail", "getDimensionAndMetricDetails", "Get Dimension & Metrics Details");
        name("POST /api/v3/ra/report/execute", "executeReportData", "Execute report and fetch serving data");
        name("POST /api/v3/ra/report/add", "saveReport", "Create Report");
        name("GET /api/v3/ra/report/{reportId}", "getReport", "Get Report By ID");
        name("PATCH /api/v3/ra/report/{reportId}", "updateReport", "Edit Report");
        name("DELETE /api/v3/ra/report/{reportId}", "deleteReport", "Delete Report and Scheduling Data By ID");
        name("GET /api/v3/ra/reports/list", "getReportList", "Get List of Reports");
        name("POST /api/v3/ra/reports/list", "fetchReportList", "Get List of Reports");
        name("POST /api/v3/ra/report/email/schedule", "saveReportScheduleEvent", "Save report scheduling event");
        name("PATCH /api/v3/ra/report/email/schedule/{reportId}", "updateReportScheduleEvent", "Update report scheduling event");
        name("DELETE /api/v3/ra/report/email/schedule/{reportId}", "deleteReportScheduleEvent", "Remove report scheduling event");
        own("GET /api/v3/adplane/reports/{reportId}/runs", "getReportRuns", "Runs of a report's schedule, with their download links");
        own("GET /api/v3/adplane/reports/files/{token}", "downloadReportFile", "Download the file of a scheduled report's run");
        // users
        notOffered("GET /api/v3/ua/chatbot", "getWorkspaceChatBotAppIdByOwId", "IQM's support chatbot (not offered)");
        notOffered("GET /api/v3/ua/st/chatbot", "getWorkspaceChatBotAppIdByWorkspaceDomain", "IQM's support chatbot by domain (not offered)");
        notOffered("POST /api/v3/ua/ext/metabase-details", "getMetabaseExternalServiceClientCredentials", "Metabase credentials (not offered)");
        notOffered("PUT /api/v3/ua/interaction/event", "upsertInteractionEvent", "Record a console interaction (not offered)");
        notOffered("GET /api/v3/ua/interaction/events", "getUserInteractionEvents", "Console interaction events (not offered)");
        name("GET /api/v3/ua/customers/list", "getCustomersList", "Customers of the organization");
        name("GET /api/v3/ua/immediate/customers/list", "getImmediateCustomers", "Direct customers of the organization");
        name("GET /api/v3/ua/customers/list/multi-level", "getMultiLevelOrganizations", "Customers with their customers nested");
        name("GET /api/v3/ua/customers/count", "getCustomerCount", "Customers per status");
        name("POST /api/v3/ua/customer/basic/list", "getCustomerBasicDetails", "Customers, basic details");
        name("GET /api/v3/ua/customers/workspaces/list", "getWorkspaces", "Customers that are workspaces");
        name("PATCH /api/v3/ua/customer/hold", "putCustomerOnHold", "Put a customer on hold");
        name("PATCH /api/v3/ua/customer/re-activate", "reactivateCustomer", "Re-activate a customer on hold");
        name("PATCH /api/v3/ua/customer/approve", "approveCustomer", "Approve a pending customer");
        name("PATCH /api/v3/ua/customer/reject", "rejectCustomer", "Reject a pending customer");
        name("PATCH /api/v3/ua/customer/enable-bid-shading/{customerOwId}", "updateIsBidShadingEnabledFlag", "Turn bid shading on for a customer");
        // controls
        own("POST /api/v3/adplane/reset", "resetEmulator", "Reset to the bootstrap state (emulator controls)");
        own("GET /api/v3/adplane/faults", "getFaultRules", "The workspace's fault and latency rules");
        own("POST /api/v3/adplane/faults", "addFaultRule", "Add a fault or latency rule for a route");
        own("DELETE /api/v3/adplane/faults", "clearFaultRules", "Remove all of the workspace's fault rules");
        own("DELETE /api/v3/adplane/faults/{id}", "removeFaultRule", "Remove one fault rule");
        own("POST /api/v3/adplane/fixtures", "loadFixture", "Load a fixture (YAML or JSON), merging by id");
        own("GET /api/v3/adplane/fixtures", "exportFixture", "The current state (tenancy, creatives, IOs, campaigns) as a fixture");
        own("GET /api/v3/adplane/journal", "getRequestJournal", "The workspace's last requests and answers, secrets redacted");
        own("DELETE /api/v3/adplane/journal", "clearRequestJournal", "Empty the workspace's request journal");
        name("POST /api/v3/ua/customer/invite", "sendInvitations", "Invite customers (at most 10)");
        name("POST /api/v3/ua/customer/invite/re-send", "resendCustomerInvitation", "Send a customer's invitation again");
        name("DELETE /api/v3/ua/customer/invite/cancel", "cancelCustomerInvitation", "Cancel a customer's invitation");
        name("GET /api/v3/ua/customer/invite/pre-requisite", "getInvitePreRequisite", "What customer invitations use");
        name("GET /api/v3/ua/users/list", "getUsersList", "Users of the organization");
        name("GET /api/v3/ua/users/basic/list", "getUsersBasicList", "Users of the organization, basic details");
        name("GET /api/v3/ua/admin-users/list", "getAdminUserList", "Admins of the organization");
        name("GET /api/v3/ua/customers/users/list", "getCustomersUsers", "Users of a customer");
        name("PUT /api/v3/ua/user/update-status", "updateUserStatus", "Suspend or re-activate a user");
        name("PATCH /api/v3/ua/user/update-profile", "updateProfileDetails", "Update the caller's display name and avatar");
        name("POST /api/v3/ua/user/current-password/validate", "validateCurrentPassword", "Check the caller's password");
        name("POST /api/v3/ua/user/password/reset", "resetPassword", "Change the caller's password");
        name("POST /api/v3/ua/user/email/validate", "validateUserEmail", "May an email be invited");
        name("POST /api/v3/ua/user/workspace/validate", "validateWorkspaceForUser", "May an email log in to the workspace");
        name("GET /api/v3/ua/user/ow-id", "getUserOWId", "The organization the caller acts for");
        name("GET /api/v3/ua/user/accessible-organizations", "getAccessibleOrganizations", "Organizations the caller may select");
        name("POST /api/v3/ua/user/invite", "sendUserInvitations", "Invite users (at most 10)");
        name("POST /api/v3/ua/user/re-invite", "resendUserInvitations", "Send a user's invitation again");
        name("POST /api/v3/ua/invite/validate", "validateInvitation", "What an invitation link is");
        own("GET /api/v3/ua/invite/accept", "getInvitation", "An invitation link: what it invites to");
        own("POST /api/v3/ua/invite/accept", "acceptInvitation", "Accept an invitation, choosing a password");
        name("POST /api/v3/ua/user/reset-password", "sendResetPasswordEmail", "Email a password-reset link");
        name("POST /api/v3/ua/user/reset-password/validate", "validateResetPasswordInvitation", "Does a reset link still work");
        own("GET /api/v3/ua/user/reset-password/complete", "getResetPasswordLink", "A reset link: does it still work");
        own("POST /api/v3/ua/user/reset-password/complete", "completeResetPassword", "Set a new password with a reset link");
        name("GET /api/v3/ua/organization/view-profile", "getOrganizationProfile", "The organization's profile");
        name("PATCH /api/v3/ua/organization/update-profile", "updateOrganizationProfile", "Update the organization's profile");
        name("PATCH /api/v3/ua/organization/update-email", "updateOrganizationEmail", "Update the workspace owner's email (the support email)");
        name("POST /api/v3/ua/organization/advertiser/add", "addAdvertiserProfile", "Add an advertiser profile");
        name("PATCH /api/v3/ua/organization/advertiser/{id}", "updateAdvertiserProfile", "Update an advertiser profile");
        name("DELETE /api/v3/ua/organization/advertiser/{id}", "deleteAdvertiserProfile", "Delete an advertiser profile");
        name("GET /api/v3/ua/organization/advertisers/list", "getAdvertiserProfiles", "The organization's advertiser profiles");
        name("GET /api/v3/ua/customers/advertisers/list", "getAdvertisers", "A customer's advertiser profiles");
        name("PATCH /api/v3/ua/organization/workspace-domain", "updateWorkspaceDomain", "Change the workspace's domain");
        name("GET /api/v3/ua/organization/available-domain", "isDomainAvailable", "Is a workspace domain free");
        name("POST /api/v3/ua/organization/whitelabel-domain", "addWhiteLabelDomain", "Set the workspace's white-label domain");
        name("GET /api/v3/ua/organization/verify-whitelabel-domain", "verifyWhiteLabelDomain", "Is the white-label domain served");
        name("POST /api/v3/ua/organization/whitelabel-pixel-url", "addWhiteLabelPixelUrl", "Set the white-label pixel URL");
        name("GET /api/v3/ua/organization/whitelabel-settings", "getWhiteLabelSettings", "The workspace's branding");
        name("PATCH /api/v3/ua/organization/whitelabel-settings", "updateWhiteLabelSettings", "Change the workspace's branding");
        name("POST /api/v3/ua/mfa/enable", "updateMfaFlag", "Turn MFA (TOTP) on for users");
        name("POST /api/v3/ua/mfa/disable", "disableMfaForUsers", "Turn MFA off for users");
        name("GET /api/v3/ua/customer-operations/details/{owId}", "getCustomerOperationDetailsById", "A customer's operation details");
        name("PATCH /api/v3/ua/customer-operations/{owId}", "updateCustomerOperationDetailsByOwId", "Change a customer's operation details");
        name("POST /api/v3/ua/customer-operations/label/add", "addLabelForCustomerOperation", "Add a customer-operation label");
        name("GET /api/v3/ua/customer-operations/label/list", "getCustomerOperationLabels", "The workspace's customer-operation labels");
        name("GET /api/v3/ua/init", "getWorkspaceInitDetails", "What a workspace's login page shows");
        name("GET /api/v3/ua/static/verticals", "getVerticals", "Advertiser verticals");
        name("GET /api/v3/ua/static/user-status", "getUserOrganizationWorkspaceStatus", "User statuses");
        name("GET /api/v3/ua/static/user-sort-by", "getUserSortBy", "User list sort fields");
        name("GET /api/v3/ua/static/organization-workspace-status", "getOrganizationWorkspaceStatus", "Organization statuses");
        name("GET /api/v3/ua/static/organization-expertize", "getOrganizationExpertize", "Organization expertise");
        name("GET /api/v3/ua/static/media-budget", "getMediaBudget", "Media budget ranges");
        name("GET /api/v3/ua/static/industries", "getIndustries", "Industries");
        name("GET /api/v3/ua/static/customer-type", "getCustomerType", "Customer types");
        name("GET /api/v3/ua/static/customer-payment-types", "getCustomerPaymentType", "Customer payment types");
        name("GET /api/v3/ua/static/customer-list-sortable-field", "getCustomerListSortableFields", "Customer list sort fields");
        name("GET /api/v3/ua/static/customer-account-types", "getCustomerAccountType", "Customer account types");
        name("GET /api/v3/ua/static/company-size", "getCompanySize", "Company sizes");
        name("POST /api/v3/ua/find-my-workspace", "sendFindMyWorkspaceEmail", "Email the workspaces an address may log in to");
        name("POST /api/v3/ua/user/customer/assign", "assignCustomersToUser", "Assign customers to users");
        name("POST /api/v3/ua/user/customer/remove", "removeCustomersAssociationFromUser", "Remove customers from users");
        name("GET /api/v3/ua/user/assigned-customers", "getUserAssignedCustomers", "Customers assigned to a user");
        name("GET /api/v3/ua/user/remaining-customers", "getRemainingCustomersForUser", "Customers a user may still be assigned");
        name("GET /api/v3/ua/organizations/applications/list", "getOrganizationsApplications", "adplane's applications for advertisers or workspaces");
        name("POST /api/v3/ua/customer/application/add", "addApplicationAccessToCustomer", "Give a customer applications");
        name("POST /api/v3/ua/customer/application/revoke", "revokeApplicationAccessToCustomer", "Take applications from a customer");
        name("GET /api/v3/ua/customers/remaining-applications/list", "getRemainingApplication", "Applications a customer may still be given");
        name("POST /api/v3/ua/user/application/add", "addApplicationAccessToUser", "Give a user applications of its organization");
        name("POST /api/v3/ua/user/application/revoke", "revokeApplicationAccessToUser", "Take applications from a user");
        name("GET /api/v3/ua/user/applications/list", "getUserApplicationsAccess", "A user's organization's applications, with its access");
        name("GET /api/v3/ua/user/remaining-applications", "getRemainingApplications", "Applications a user may still be given");
        name("GET /api/v3/ua/user/allowed-applications", "getAllowedApplications", "The caller's applications");
        name("POST /api/v3/ua/workspace", "createWorkspace", "Make a workspace with an invited workspace customer's link");
        name("GET /api/v3/ua/logo", "getWorkspaceOrganizationLogo", "A permanent redirect to the workspace's logo");
        own("GET /api/v3/ua/images/{sha256}", "getUploadedImage", "An uploaded logo, avatar or favicon");
    }

    private static void notOffered(String key, String operationId, String summary) {
        name(key, operationId, summary);
        NOT_OFFERED.add(key);
    }

    /** True when the operation answers 501 by design. */
    static boolean notOffered(String path, PathItem.HttpMethod method) {
        return NOT_OFFERED.contains(method + " " + path);
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
