package io.adplane.users;

import io.adplane.api.ApiException;
import io.adplane.auth.Caller;
import io.adplane.tenancy.Organization;
import io.adplane.tenancy.Role;
import io.adplane.tenancy.TenancyRepository;

/**
 * Who may see and manage which organization (D9, D16): a caller sees the organizations of the subtree it acts
 * for; it manages a customer only as an admin of an organization above it (its membership's organization is
 * an ancestor). Another role gets 403 {@code Forbidden!}; an organization outside the subtree answers exactly
 * like a missing one (D5).
 */
final class Administration {

    static final String NOT_FOUND = "Customer not found.";

    private Administration() {
    }

    /** Raises 403 unless the caller is an admin. */
    static void requireAdmin(Caller caller) {
        if (caller.role() != Role.ADMIN) {
            throw ApiException.forbidden("Only an admin may manage customers and users.");
        }
    }

    /** The customer {@code owId} within the caller's acting subtree, or 404 as for a missing one. */
    static Organization visible(TenancyRepository tenancy, Caller caller, Long owId, String field) {
        if (owId == null) {
            throw ApiException.badRequest(field, "Field '" + field + "' is required.");
        }
        Organization acting = tenancy.organization(caller.owId()).orElseThrow();
        return tenancy.organization(owId)
                .filter(o -> o.workspaceId() == caller.workspaceId() && acting.covers(o))
                .orElseThrow(() -> ApiException.notFound(field, NOT_FOUND));
    }

    /**
     * The customer {@code owId} that the caller may manage: visible, strictly below the caller's own
     * membership's organization, and the caller an admin.
     */
    static Organization managed(TenancyRepository tenancy, Caller caller, Long owId, String field) {
        requireAdmin(caller);
        Organization target = visible(tenancy, caller, owId, field);
        if (target.owId() == caller.memberOwId() || target.owId() == caller.workspaceOwnerOwId()) {
            throw ApiException.forbidden("Only an admin of an organization above it may manage organization "
                    + target.owId() + ".");
        }
        return target;
    }
}
