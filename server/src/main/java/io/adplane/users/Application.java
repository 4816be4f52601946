package io.adplane.users;

import java.util.List;
import java.util.Optional;

/**
 * One of adplane's applications (U14): what IQM's app launcher lists for an organization, here the parts of
 * adplane's console and API. {@code appUrl} is relative to the server; {@code forAdvertiser} and
 * {@code forWorkspace} say which kind of organization may be given it.
 */
public record Application(int appId, String appName, String appCode, String appUrl, String appIcon,
        boolean forAdvertiser, boolean forWorkspace) {

    /** The fixed catalogue, by id. */
    public static final List<Application> CATALOGUE = List.of(
            new Application(1, "Campaigns", "CMP", "/console/campaigns", "/console/assets/apps/campaigns.svg", true, true),
            new Application(2, "Insertion Orders", "IO", "/console/insertion-orders", "/console/assets/apps/io.svg", true, true),
            new Application(3, "Creatives", "CRT", "/console/creatives", "/console/assets/apps/creatives.svg", true, true),
            new Application(4, "Reports", "RPT", "/console", "/console/assets/apps/reports.svg", true, true),
            new Application(5, "Approvals", "APR", "/console/approvals", "/console/assets/apps/approvals.svg", false, true),
            new Application(6, "Customers", "CUS", "/console", "/console/assets/apps/customers.svg", false, true));

    public static Optional<Application> byId(long id) {
        return CATALOGUE.stream().filter(a -> a.appId() == id).findFirst();
    }

    /** May an organization of IQM's account type ({@code advertiser}, {@code workspace}) be given it. */
    boolean offeredTo(String accountType) {
        return "workspace".equals(accountType) ? forWorkspace : forAdvertiser;
    }

    /** IQM's {@code ApplicationDetailVO}. */
    public record Detail(int appId, String appName, String appIcon, String appUrl) {
    }

    /** IQM's row of {@code customers/remaining-applications/list}. */
    public record CustomerRemaining(int appId, String appName, String appIcon, String appUrl, String orgName,
            String appType, int userCount) {
    }

    /** IQM's row of {@code user/applications/list}, with its example's access flag and date. */
    public record UserAccess(int appId, String appName, String appOwner, String appType, boolean hasAccess,
            @org.jspecify.annotations.Nullable String accessGrantedDate) {
    }

    /** IQM's row of {@code user/remaining-applications}. */
    public record UserRemaining(int applicationId, String applicationName, String applicationCode) {
    }

    Detail detail() {
        return new Detail(appId, appName, appIcon, appUrl);
    }
}
