package io.adplane.users;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

/**
 * IQM's customer-operation details of a customer: those of its workspace account, and, for an advertiser, its
 * own; {@code overridenFields} says which fields the record sets itself.
 */
public record CustomerOperationDetails(@Nullable Details workspaceCustomerOperationDetails,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Details advertiserCustomerOperationDetails) {

    /** One organization's details. */
    public record Details(@Nullable Integer customerTypeId, long owId, @Nullable Integer customerPaymentTypeId,
            @Nullable Long countryId, List<Long> adOpsAssigneeUserIds, List<Long> sellerAssigneeUserIds,
            List<Long> labelIds, Overridden overridenFields) {
    }

    /** Which fields are set on this organization itself. */
    public record Overridden(boolean customerTypeId, boolean customerPaymentTypeId, boolean countryId,
            boolean adOpsAssigneeUserIds, boolean sellerAssigneeUserIds, boolean labelIds) {
    }
}
