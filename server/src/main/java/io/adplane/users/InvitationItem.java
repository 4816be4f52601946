package io.adplane.users;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One invitation of IQM's invite requests (customers and users share the shape). adplane uses the email, the
 * names, the role, the target organization and, for customers, the profile fields; the others are IQM's
 * bookkeeping and accepted as sent (a password is never taken from an invitation: the invitee chooses it, U5).
 */
public record InvitationItem(Long id, Long invitedUserOWId, String email, String password, String name,
        String ownerUserName, Long owId, Long uowId, Long modifiedByUOWId, Integer status, JsonNode expiresAt,
        String modifiedAt, String invitationUserType, Integer verticalId, String logoUrl, Integer serviceType,
        CustomerOperationDetails customerOperationDetails, List<Integer> allowedApps, String role) {

    /** IQM's customer-operation details sent with a workspace invitation. */
    public record CustomerOperationDetails(Integer customerTypeId, Integer customerPaymentTypeId, Long countryId,
            Long createdByUowId, Long modifiedByUowId, List<Long> adOpsAssigneeUserIds,
            List<Long> sellerAssigneeUserIds, List<Long> labelIds) {
    }
}
