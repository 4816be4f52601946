package io.adplane.users.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.V3Response;
import io.adplane.auth.Caller;
import io.adplane.users.AccessibleOrganization;
import io.adplane.users.AdminUserPage;
import io.adplane.users.BasicUserPage;
import io.adplane.users.CustomerUser;
import io.adplane.users.Customers;
import io.adplane.users.EmailValidity;
import io.adplane.users.InvitationItem;
import io.adplane.users.InviteResult;
import io.adplane.users.Invitations;
import io.adplane.users.ListPage;
import io.adplane.users.ProfileUpdate;
import io.adplane.users.UserAdmin;
import io.adplane.users.UserView;
import io.adplane.users.Validity;

/** IQM's user lists, a member's status, invitations of users and the caller's own profile and password. */
@RestController
class UserController {

    private final UserAdmin users;
    private final Invitations invitations;
    private final Customers customers;

    UserController(UserAdmin users, Invitations invitations, Customers customers) {
        this.users = users;
        this.invitations = invitations;
        this.customers = customers;
    }

    @GetMapping("/api/v3/ua/users/list")
    V3Response<ListPage<UserView>> list(Caller caller, @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer pageNo, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sortBy, @RequestParam(required = false) String searchField) {
        return V3Response.ok(users.list(caller, new UserAdmin.UserQuery(status, pageNo, limit, sortBy, searchField)));
    }

    @GetMapping("/api/v3/ua/users/basic/list")
    V3Response<BasicUserPage> basicList(Caller caller, @RequestParam(required = false) String searchField,
            @RequestParam(required = false) Integer pageNo, @RequestParam(required = false) Integer noOfEntries,
            @RequestParam(required = false) String sortBy, @RequestParam(required = false) String statusIds,
            @RequestParam(required = false) Boolean mfaEnabled, @RequestParam(required = false) Boolean includeMfaMeta) {
        return V3Response.ok(users.basicList(caller, new UserAdmin.BasicQuery(searchField, pageNo, noOfEntries, sortBy,
                statusIds, mfaEnabled, includeMfaMeta)));
    }

    @GetMapping("/api/v3/ua/admin-users/list")
    V3Response<AdminUserPage> admins(Caller caller, @RequestParam(required = false) String searchField,
            @RequestParam(required = false) Integer noOfEntries, @RequestParam(required = false) Integer pageNo,
            @RequestParam(required = false) String sortBy, @RequestParam(required = false) String userStatusIds) {
        return V3Response.ok(users.admins(caller, new UserAdmin.AdminQuery(searchField, noOfEntries, pageNo, sortBy,
                userStatusIds)));
    }

    @GetMapping("/api/v3/ua/customers/users/list")
    V3Response<ListPage<CustomerUser>> customerUsers(Caller caller, @RequestParam(required = false) Long owId,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer pageNo,
            @RequestParam(required = false) String sortBy) {
        return V3Response.ok(users.customerUsers(caller, owId, limit, pageNo, sortBy));
    }

    @PutMapping("/api/v3/ua/user/update-status")
    V3Response<String> updateStatus(Caller caller, @RequestBody UserAdmin.StatusUpdate body) {
        return V3Response.ok(users.updateStatus(caller, body));
    }

    /** The JSON body of {@code user/update-profile}. */
    record ProfileBody(String userAvatar, String displayName, Boolean removeUserAvatar) {
    }

    @PatchMapping("/api/v3/ua/user/update-profile")
    V3Response<ProfileUpdate> updateProfile(Caller caller, @RequestParam(required = false) String displayName,
            @RequestParam(required = false) Boolean removeUserAvatar,
            @RequestBody(required = false) ProfileBody body) {
        ProfileBody b = body == null ? new ProfileBody(null, null, null) : body;
        return V3Response.ok(users.updateProfile(caller, displayName != null ? displayName : b.displayName(),
                removeUserAvatar != null ? removeUserAvatar : b.removeUserAvatar(), b.userAvatar()));
    }

    /** The profile's change as IQM sends it, multipart: the avatar as an image file (U15). */
    @PatchMapping(path = "/api/v3/ua/user/update-profile", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    V3Response<ProfileUpdate> updateProfileWithAvatar(Caller caller, @RequestParam(required = false) String displayName,
            @RequestParam(required = false) Boolean removeUserAvatar,
            @org.springframework.web.bind.annotation.RequestPart(required = false)
            org.springframework.web.multipart.MultipartFile userAvatar) {
        return V3Response.ok(users.updateProfile(caller, displayName, removeUserAvatar, userAvatar));
    }

    /** A password to check. */
    record PasswordBody(String password) {
    }

    @PostMapping("/api/v3/ua/user/current-password/validate")
    V3Response<Validity> validatePassword(Caller caller, @RequestBody PasswordBody body) {
        return V3Response.ok(users.validateCurrentPassword(caller, body.password()));
    }

    /** IQM's schema names {@code oldPassword}; its example {@code currentPassword} and {@code confirmPassword}. */
    record ChangePasswordBody(String oldPassword, String currentPassword, String newPassword, String confirmPassword) {
    }

    @PostMapping("/api/v3/ua/user/password/reset")
    V3Response<String> changePassword(Caller caller, @RequestBody ChangePasswordBody body) {
        if (body.confirmPassword() != null && !body.confirmPassword().equals(body.newPassword())) {
            throw io.adplane.api.ApiException.badRequest("confirmPassword", "Field 'confirmPassword' must equal 'newPassword'.");
        }
        return V3Response.ok(users.changePassword(caller,
                body.oldPassword() != null ? body.oldPassword() : body.currentPassword(), body.newPassword()));
    }

    /** An email and a workspace domain to check. */
    record EmailBody(String email, String workspaceDomain) {
    }

    @PostMapping("/api/v3/ua/user/email/validate")
    V3Response<EmailValidity> validateEmail(Caller caller, @RequestBody EmailBody body) {
        return V3Response.ok(users.validateEmail(caller, body.email(), body.workspaceDomain()));
    }

    @PostMapping("/api/v3/ua/user/workspace/validate")
    V3Response<Validity> validateWorkspace(Caller caller, @RequestBody EmailBody body) {
        return V3Response.ok(users.validateWorkspace(caller, body.email(), body.workspaceDomain()));
    }

    @GetMapping("/api/v3/ua/user/ow-id")
    V3Response<Long> owId(Caller caller) {
        return V3Response.ok(caller.owId());
    }

    @GetMapping("/api/v3/ua/user/accessible-organizations")
    V3Response<List<AccessibleOrganization>> accessible(Caller caller) {
        return V3Response.ok(users.accessible(caller, customers.allowed(caller, new Customers.AllowedQuery(null, 500,
                null, 1, null, null, "+organizationName", true)).data()));
    }

    @PostMapping("/api/v3/ua/user/invite")
    V3Response<InviteResult> invite(Caller caller, @RequestBody List<InvitationItem> body) {
        return V3Response.ok(invitations.inviteUsers(caller, body));
    }

    /** IQM sends the user's row; adplane reads its {@code uowId} (or {@code email}). */
    record ReinviteBody(Long userId, String firstName, String lastName, String email, String password,
            String displayName, String status, Integer statusId, String userAvatar, String contactNumber,
            tools.jackson.databind.JsonNode createdAt, Long uowId, Long customersCount, String organizationName,
            tools.jackson.databind.JsonNode invitedOn, Boolean isOrganizationOwnerUser, Boolean isModificationAllowed,
            Long owId, String invitedByUserName, String invitedByUserEmail, Boolean isAssignActionAllowed) {
    }

    @PostMapping("/api/v3/ua/user/re-invite")
    V3Response<String> reinvite(Caller caller, @RequestBody ReinviteBody body) {
        return V3Response.ok(invitations.reinviteUser(caller, body.uowId(), body.email()));
    }
}
