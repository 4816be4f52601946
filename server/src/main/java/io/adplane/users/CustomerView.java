package io.adplane.users;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A customer as IQM's customer lists show it ({@code customers/list}, {@code immediate/customers/list}).
 * adplane keeps no finance: {@code balance} and {@code budgetSpent} are 0 and {@code showFinance} false (U3).
 */
public record CustomerView(boolean isUserAllowed, boolean isWorkspaceOwner, long owId, String organizationName,
        String workspaceName, String workspaceDomain, String owStatus, int owStatusId, String createdAt,
        String modifiedAt, @Nullable String parentOrganizationName, List<String> tags, long customersCount,
        BigDecimal balance, @Nullable String contactPersonName, @Nullable String contactPersonEmail,
        @Nullable String approvedBy, @Nullable String approvedByEmail, @Nullable String logoUrl,
        long activeCampaignsCount, @Nullable Integer industry, @Nullable Integer companySize,
        @Nullable Integer mediaBudget, BigDecimal budgetSpent, boolean showFinance, long workspaceId,
        @Nullable Long lastAccess, @Nullable String onHoldReason, @Nullable Integer verticalId,
        boolean isBidShadingEnabled) {
}
