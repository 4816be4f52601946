package io.adplane.users;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A customer that may still be assigned to a user (U13), as IQM's {@code user/remaining-customers} shows it:
 * one of the acting organization's customers that none of the user's memberships covers yet.
 */
public record RemainingCustomer(long owId, String organizationName, String workspaceName, String workspaceDomain,
        String owStatus, int owStatusId, String createdAt, String modifiedAt, @Nullable String parentOrganizationName,
        List<String> tags, long customersCount, BigDecimal balance, @Nullable String contactPersonName,
        @Nullable String contactPersonEmail, @Nullable String approvedBy, @Nullable String approvedByEmail,
        @Nullable String logoUrl, long activeCampaignsCount, @Nullable Integer industry, @Nullable Integer companySize,
        @Nullable Integer mediaBudget, BigDecimal budgetSpent, boolean showFinance, long workspaceId,
        @Nullable Long lastAccess, @Nullable String onHoldReason, @Nullable Integer verticalId, boolean isUserAllowed,
        boolean isWorkspaceOwner, boolean isBidShadingEnabled, boolean isLogInAccess, boolean isCustomerAccess,
        boolean isOrganizationOwnerUser, boolean isModificationAllowed) {

    /** IQM's page of remaining customers. */
    public record Page(List<RemainingCustomer> data, long totalRecords, long filteredRecords, boolean logInAccess,
            boolean customerAccess) {
    }
}
