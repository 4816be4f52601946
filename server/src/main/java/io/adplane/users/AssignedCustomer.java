package io.adplane.users;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A customer assigned to a user (U13), as IQM's {@code user/assigned-customers} shows it: the customer list's
 * row, with the access the assignment gives ({@code Login}, and {@code Management} for an admin's) and whether
 * the caller may remove it.
 */
public record AssignedCustomer(long owId, String organizationName, String workspaceName, String workspaceDomain,
        String owStatus, int owStatusId, String createdAt, String modifiedAt, @Nullable String parentOrganizationName,
        List<String> tags, long customersCount, BigDecimal balance, @Nullable String contactPersonName,
        @Nullable String contactPersonEmail, @Nullable String approvedBy, @Nullable String approvedByEmail,
        @Nullable String logoUrl, long activeCampaignsCount, @Nullable Integer industry, @Nullable Integer companySize,
        @Nullable Integer mediaBudget, BigDecimal budgetSpent, boolean showFinance, long workspaceId,
        @Nullable Long lastAccess, @Nullable String onHoldReason, @Nullable Integer verticalId, boolean isUserAllowed,
        boolean isWorkspaceOwner, boolean isBidShadingEnabled, String access, boolean isModificationAllowed) {

    /** IQM's page of assigned customers, with its two access flags (adplane's assignments carry no flags). */
    public record Page(List<AssignedCustomer> data, long totalRecords, long filteredRecords, boolean isLogInAccess,
            boolean isCustomerAccess) {
    }
}
