package io.adplane.users;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.adplane.api.ApiException;
import io.adplane.api.Limits;
import io.adplane.auth.Caller;
import io.adplane.auth.PasswordChecks;
import io.adplane.tenancy.Membership;
import io.adplane.tenancy.Names;
import io.adplane.tenancy.Organization;
import io.adplane.tenancy.Role;
import io.adplane.tenancy.TenancyRepository;
import io.adplane.tenancy.TenancyService;
import io.adplane.tenancy.User;
import io.adplane.tenancy.Workspace;

/**
 * The users of an organization over IQM's User API: the lists, a member's status (suspending one ends every
 * login of its user at once, D3), the caller's own profile and password check, and the validations an admin
 * makes before inviting. Managing a member needs an admin of the acting organization; an admin manages the
 * members of organizations below its own and the non-admin members of its own (U7), never itself.
 */
@Service
public class UserAdmin {

    static final String USER_NOT_FOUND = "User not found.";

    private final UserRepository users;
    private final TenancyRepository tenancy;
    private final TenancyService tenancyService;
    private final PasswordChecks passwordChecks;
    private final Images images;

    UserAdmin(UserRepository users, TenancyRepository tenancy, TenancyService tenancyService,
            PasswordChecks passwordChecks, Images images) {
        this.images = images;
        this.users = users;
        this.tenancy = tenancy;
        this.tenancyService = tenancyService;
        this.passwordChecks = passwordChecks;
    }

    /** The arguments of {@code users/list}. */
    public record UserQuery(String status, Integer pageNo, Integer limit, String sortBy, String searchField) {
    }

    public ListPage<UserView> list(Caller caller, UserQuery q) {
        int limit = ListArgs.limit("limit", q.limit(), 10);
        long offset = ListArgs.offset(q.pageNo(), limit);
        String orderBy = ListArgs.orderBy(q.sortBy(), "+displayName", UserRepository.SORTS, "m.uow_id ASC");
        UserRepository.Filter f = new UserRepository.Filter(caller.owId(), statuses("status", q.status()), null,
                Limits.text("searchField", q.searchField(), Limits.NAME));
        List<UserView> rows = users.members(f, orderBy, limit, offset).stream().map(m -> view(caller, m)).toList();
        return new ListPage<>(rows, users.count(new UserRepository.Filter(caller.owId(), List.of(), null, null)),
                users.count(f));
    }

    /** The arguments of {@code users/basic/list}. */
    public record BasicQuery(String searchField, Integer pageNo, Integer noOfEntries, String sortBy, String statusIds,
            Boolean mfaEnabled, Boolean includeMfaMeta) {
    }

    public BasicUserPage basicList(Caller caller, BasicQuery q) {
        int limit = ListArgs.limit("noOfEntries", q.noOfEntries(), 10);
        long offset = ListArgs.offset(q.pageNo(), limit);
        String orderBy = ListArgs.orderBy(q.sortBy(), "+displayName", UserRepository.SORTS, "m.uow_id ASC");
        UserRepository.Filter f = new UserRepository.Filter(caller.owId(), statuses("statusIds", q.statusIds()), null,
                Limits.text("searchField", q.searchField(), Limits.NAME), q.mfaEnabled());
        boolean admin = caller.role() == Role.ADMIN;
        List<BasicUser> rows = users.members(f, orderBy, limit, offset).stream()
                .map(m -> new BasicUser(m.userId(), m.firstName(), m.lastName(), m.email(), display(m),
                        m.statusId(), m.avatarUrl(), Instant.ofEpochMilli(m.createdAt()).toString(), m.mfaEnabled(),
                        admin && m.userId() != caller.userId()))
                .toList();
        long all = users.count(new UserRepository.Filter(caller.owId(), List.of(), null, null));
        long enabled = users.count(new UserRepository.Filter(caller.owId(), List.of(), null, null, true));
        return new BasicUserPage(all, users.count(f), all - enabled, enabled, rows);
    }

    /** The arguments of {@code admin-users/list}. */
    public record AdminQuery(String searchField, Integer noOfEntries, Integer pageNo, String sortBy,
            String userStatusIds) {
    }

    public AdminUserPage admins(Caller caller, AdminQuery q) {
        int limit = ListArgs.limit("noOfEntries", q.noOfEntries(), 10);
        long offset = ListArgs.offset(q.pageNo(), limit);
        String orderBy = ListArgs.orderBy(q.sortBy(), "+userid", UserRepository.SORTS, "m.uow_id ASC");
        UserRepository.Filter f = new UserRepository.Filter(caller.owId(), statuses("userStatusIds", q.userStatusIds()),
                Role.ADMIN.code(), Limits.text("searchField", q.searchField(), Limits.NAME));
        List<AdminUserPage.AdminUser> rows = users.members(f, orderBy, limit, offset).stream()
                .map(m -> new AdminUserPage.AdminUser(display(m), m.userId())).toList();
        return new AdminUserPage(users.count(new UserRepository.Filter(caller.owId(), List.of(), Role.ADMIN.code(),
                null)), users.count(f), rows);
    }

    /** The users of a customer (or of the acting organization itself). */
    public ListPage<CustomerUser> customerUsers(Caller caller, Long owId, Integer limit, Integer pageNo, String sortBy) {
        Organization org = Administration.visible(tenancy, caller, owId, "owId");
        int size = ListArgs.limit("limit", limit, pageNo == null || pageNo == -1 ? 500 : 10);
        long offset = ListArgs.offset(pageNo, size);
        String orderBy = ListArgs.orderBy(sortBy, "-displayName", UserRepository.SORTS, "m.uow_id ASC");
        UserRepository.Filter f = new UserRepository.Filter(org.owId(), List.of(), null, null);
        List<CustomerUser> rows = users.members(f, orderBy, size, offset).stream()
                .map(m -> new CustomerUser(m.userId(), display(m), m.avatarUrl(), m.email(), null, m.owId(),
                        m.organizationName(), m.ownerUserId() != null && m.ownerUserId() == m.userId(), List.of()))
                .toList();
        long n = users.count(f);
        return new ListPage<>(rows, n, n);
    }

    /** The body of {@code user/update-status}. */
    public record StatusUpdate(Long uowId, Integer status, Integer statusId, String statusReason) {
    }

    /** 1 makes a suspended member active again; 4 suspends it and ends every login of its user at once. */
    @Transactional
    public String updateStatus(Caller caller, StatusUpdate body) {
        UserRepository.Member member = managed(caller, body.uowId());
        Integer status = body.status() != null ? body.status() : body.statusId();
        if (status == null) {
            throw ApiException.badRequest("status", "Field 'status' is required.");
        }
        Limits.text("statusReason", body.statusReason(), Limits.NOTE);
        switch (status) {
            case 1 -> {
                if (!tenancyService.moveMembership(member.uowId(), Set.of("suspended"), "active")) {
                    throw ApiException.conflict("status", "User " + member.email() + " is " + member.statusName()
                            + "; only a suspended user can be made active.");
                }
            }
            case 4 -> {
                if (!tenancyService.moveMembership(member.uowId(), Set.of("active"), "suspended")) {
                    throw ApiException.conflict("status", "User " + member.email() + " is " + member.statusName()
                            + "; only an active user can be suspended.");
                }
                tenancyService.revokeSessions(member.userId(), "suspended");
            }
            default -> throw ApiException.badRequest("status", "Field 'status' must be 1 (active) or 4 (suspended).");
        }
        return "User status updated successfully";
    }

    /** The member {@code uowId} the caller may manage (U7), or 404 as for a missing one. */
    UserRepository.Member managed(Caller caller, Long uowId) {
        Administration.requireAdmin(caller);
        if (uowId == null) {
            throw ApiException.badRequest("uowId", "Field 'uowId' is required.");
        }
        UserRepository.Member member = users.member(uowId)
                .orElseThrow(() -> ApiException.notFound("uowId", USER_NOT_FOUND));
        users.checkManaged(caller, member, tenancy);
        return member;
    }

    /** The live member {@code uowId} if it lies in the acting organization's subtree; else 404 as for a missing one. */
    UserRepository.Member visible(Caller caller, Long uowId) {
        if (uowId == null) {
            throw ApiException.badRequest("uowId", "Field 'uowId' is required.");
        }
        Organization acting = tenancy.organization(caller.owId()).orElseThrow();
        return users.member(uowId)
                .filter(m -> !"removed".equals(m.status()))
                .filter(m -> tenancy.organization(m.owId())
                        .filter(o -> o.workspaceId() == caller.workspaceId() && acting.covers(o)).isPresent())
                .orElseThrow(() -> ApiException.notFound("uowId", USER_NOT_FOUND));
    }

    /** Sets the caller's display name and avatar, uploaded as an image (U15), or removes the avatar. */
    @Transactional
    public ProfileUpdate updateProfile(Caller caller, String displayName, Boolean removeUserAvatar,
            org.springframework.web.multipart.MultipartFile userAvatar) {
        return updateProfile(caller, displayName, removeUserAvatar, images.store("userAvatar", userAvatar));
    }

    /** Sets the caller's display name and avatar URL (or removes the avatar). */
    @Transactional
    public ProfileUpdate updateProfile(Caller caller, String displayName, Boolean removeUserAvatar, String userAvatar) {
        String name = Limits.text("displayName", displayName, Limits.NAME);
        if (name != null && name.isBlank()) {
            throw ApiException.badRequest("displayName", "Field 'displayName' cannot be empty.");
        }
        String avatar = Limits.text("userAvatar", userAvatar, Limits.URL);
        if (avatar != null && !avatar.matches("(?i)https?://\\S+")) {
            throw ApiException.badRequest("userAvatar", "Field 'userAvatar' must be an http(s) URL.");
        }
        users.updateProfile(caller.userId(), name == null ? null : name.strip(), avatar,
                Boolean.TRUE.equals(removeUserAvatar));
        UserRepository.Member me = users.member(caller.uowId()).orElseThrow();
        return new ProfileUpdate(caller.userId(), display(me), me.avatarUrl(), "User profile updated successfully");
    }

    /** Whether {@code password} is the caller's own, counted like a login attempt. */
    public Validity validateCurrentPassword(Caller caller, String password) {
        if (password == null || password.isEmpty()) {
            throw ApiException.badRequest("password", "Field 'password' is required.");
        }
        boolean ok = passwordChecks.matches(caller.userId(), password);
        return new Validity(ok ? "Password is valid" : "Password is invalid", ok);
    }

    /** Changes the caller's password, proving the current one; every login of the user ends (D3). */
    @Transactional
    public String changePassword(Caller caller, String oldPassword, String newPassword) {
        if (oldPassword == null || oldPassword.isEmpty()) {
            throw ApiException.badRequest("oldPassword", "Field 'oldPassword' is required.");
        }
        String problem = io.adplane.tenancy.Passwords.problem(newPassword);
        if (problem != null) {
            throw ApiException.badRequest("newPassword", "Field 'newPassword': " + problem + ".");
        }
        if (!passwordChecks.matches(caller.userId(), oldPassword)) {
            throw ApiException.badRequest("oldPassword", "Field 'oldPassword' is not your current password.");
        }
        tenancyService.setPassword(caller.userId(), newPassword);
        return "Password reset successfully";
    }

    /** May {@code email} be invited into the caller's workspace; {@code owId} where it is a member already. */
    public EmailValidity validateEmail(Caller caller, String email, String workspaceDomain) {
        String normal = Names.email(Limits.text("email", email, 320));
        if (!Names.isEmail(normal)) {
            throw ApiException.badRequest("email", "Field 'email' must look like name@example.com.");
        }
        Workspace workspace = tenancy.workspace(caller.workspaceId()).orElseThrow();
        boolean sameWorkspace = workspaceDomain == null || Names.domain(workspaceDomain).equals(workspace.domain());
        User user = tenancy.userByEmail(normal).orElse(null);
        List<Membership> memberships = user == null ? List.of() : tenancy.memberships(user.id(), workspace.id());
        long owId = memberships.isEmpty() ? 0 : memberships.get(0).owId();
        return new EmailValidity(owId, sameWorkspace && !memberships.isEmpty(), sameWorkspace && memberships.isEmpty());
    }

    /** May {@code email} log in to {@code workspaceDomain}: answered for the caller's own workspace only. */
    public Validity validateWorkspace(Caller caller, String email, String workspaceDomain) {
        if (workspaceDomain == null || workspaceDomain.isBlank()) {
            throw ApiException.badRequest("workspaceDomain", "Field 'workspaceDomain' is required.");
        }
        Workspace workspace = tenancy.workspace(caller.workspaceId()).orElseThrow();
        if (!Names.domain(Limits.text("workspaceDomain", workspaceDomain, 253)).equals(workspace.domain())) {
            return new Validity("Workspace is not valid", false);
        }
        if (email == null || email.isBlank()) {
            return new Validity("Workspace is valid", true);
        }
        User user = tenancy.userByEmail(Names.email(Limits.text("email", email, 320))).orElse(null);
        boolean member = user != null && !tenancy.memberships(user.id(), workspace.id()).isEmpty();
        return new Validity(member ? "Email domain is valid for the workspace" : "User is not allowed to this workspace",
                member);
    }

    /** Every organization the caller may select, by name. */
    public List<AccessibleOrganization> accessible(Caller caller, List<AllowedOrganization> allowed) {
        List<AccessibleOrganization> rows = new ArrayList<>();
        for (AllowedOrganization o : allowed) {
            rows.add(new AccessibleOrganization(o.owId(), o.organizationName(), o.workspaceDomain(), o.customerType()));
        }
        return rows;
    }

    private static String display(UserRepository.Member m) {
        return m.displayName() != null ? m.displayName() : Names.displayName(m.firstName(), m.lastName(), m.email());
    }

    private UserView view(Caller caller, UserRepository.Member m) {
        boolean modifiable = caller.role() == Role.ADMIN && m.userId() != caller.userId()
                && !(m.owId() == caller.memberOwId() && m.role().equals(Role.ADMIN.code()));
        return new UserView(m.userId(), m.firstName(), m.lastName(), m.email(), display(m), m.statusName(), m.statusId(),
                m.avatarUrl(), m.contactNumber(), m.createdAt(), m.uowId(), m.customersCount(), m.organizationName(),
                m.invitedOn(), m.ownerUserId() != null && m.ownerUserId() == m.userId(), modifiable, m.owId(),
                m.inviterName(), m.inviterEmail(), modifiable, m.role());
    }

    private static List<String> statuses(String field, String text) {
        List<String> codes = new ArrayList<>();
        for (long id : ListArgs.ids(field, text)) {
            switch ((int) id) {
                case 1 -> codes.add("active");
                case 2, 3 -> codes.add("invited");
                case 4 -> codes.add("suspended");
                case 5 -> { }
                default -> throw ApiException.badRequest(field, "Field '" + field + "' lists " + id
                        + "; use 1 active, 3 invited, 4 suspended.");
            }
        }
        return codes.isEmpty() && !ListArgs.ids(field, text).isEmpty() ? List.of("none") : codes;
    }
}
