package io.adplane.auth;

import io.adplane.api.ApiException;
import io.adplane.tenancy.Role;

/**
 * Who is calling and for which organization, bound once per request by the gate ({@link TokenAuthenticationProvider}, D6) and
 * immutable afterwards. Controllers take it as a method parameter.
 *
 * @param owId the acting organization: the {@code X-IAA-OW-ID} the caller may act for
 * @param uowId the membership through which the caller acts for {@code owId}
 * @param memberOwId the organization of that membership: {@code owId} itself or one above it
 */
public record Caller(long sessionId, long userId, String email, long workspaceId, long workspaceOwnerOwId,
        long owId, long uowId, Role role, long memberOwId) {

    /** The header that names the organization a call acts for (D6). */
    public static final String OW_HEADER = "X-IAA-OW-ID";

    /** The caller the gate authenticated for this request, if any (the thread's security context). */
    public static java.util.Optional<Caller> current() {
        return org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication()
                instanceof CallerAuthentication authenticated ? java.util.Optional.of(authenticated.getPrincipal())
                : java.util.Optional.empty();
    }

    /** Raises 403 unless the role may change data. */
    public void requireWrite() {
        if (!role.writes()) {
            throw ApiException.forbidden("The viewer role may not change data.");
        }
    }

    /**
     * May approve or reject work of the acting organization (D16): an approver or admin of an organization
     * above it, or of the workspace owner organization itself.
     */
    public boolean canApprove() {
        return role.approves() && (memberOwId != owId || owId == workspaceOwnerOwId);
    }

    /** Raises 403 unless {@link #canApprove()}. */
    public void requireApprove() {
        if (!canApprove()) {
            throw ApiException.forbidden("Your role may not approve or reject for this organization.");
        }
    }

    /** An admin of the workspace owner organization: the one who may run adplane's own controls. */
    public boolean isWorkspaceOwnerAdmin() {
        return role == Role.ADMIN && memberOwId == workspaceOwnerOwId;
    }

    /** Raises 403 unless {@link #isWorkspaceOwnerAdmin()}. */
    public void requireWorkspaceOwnerAdmin() {
        if (!isWorkspaceOwnerAdmin()) {
            throw ApiException.forbidden("Forbidden!");
        }
    }
}
