package io.adplane.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.adplane.api.ApiException;
import io.adplane.api.Limits;
import io.adplane.api.Secrets;
import io.adplane.auth.Caller;
import io.adplane.tenancy.Names;
import io.adplane.tenancy.Organization;
import io.adplane.tenancy.OrganizationStatus;
import io.adplane.tenancy.Role;
import io.adplane.tenancy.TenancyRepository;
import io.adplane.tenancy.TenancyService;
import io.adplane.tenancy.User;
import io.adplane.tenancy.Workspace;

/**
 * Invitations of users and customers, and password resets, by emailed link (U5): a link carries a token of 256
 * random bits that the database keeps only as its SHA-256; it works once and expires
 * ({@code adplane.invitations.ttl}, 7 days; resets {@code adplane.invitations.reset-ttl}, 1 hour). Accepting an
 * invitation sets the new user's password and activates its membership (and an invited customer); a reset sets
 * a new password and ends every login of the user. Asking for a reset answers the same whether or not the email
 * is known.
 */
@Service
public class Invitations {

    static final String ACCEPT_PATH = "/api/v3/ua/invite/accept";
    static final String RESET_PATH = "/api/v3/ua/user/reset-password/complete";
    static final String RESET_SENT = "Password reset link sent to your email";
    static final int MAX_INVITES = 10;

    private final TenancyRepository tenancy;
    private final TenancyService tenancyService;
    private final UserRepository users;
    private final CustomerOperations operations;
    private final CustomerRepository customers;
    private final Mailer mailer;
    private final Environment environment;
    private final Clock clock;
    private final Duration ttl;
    private final Duration resetTtl;

    Invitations(TenancyRepository tenancy, TenancyService tenancyService, UserRepository users,
            CustomerOperations operations, CustomerRepository customers, Mailer mailer,
            Environment environment, Clock clock, @Value("${adplane.invitations.ttl:P7D}") Duration ttl,
            @Value("${adplane.invitations.reset-ttl:PT1H}") Duration resetTtl) {
        this.tenancy = tenancy;
        this.tenancyService = tenancyService;
        this.users = users;
        this.operations = operations;
        this.customers = customers;
        this.mailer = mailer;
        this.environment = environment;
        this.clock = clock;
        this.ttl = ttl;
        this.resetTtl = resetTtl;
    }

    // --- inviting

    /** Invites users into the acting organization (or the visible {@code owId} each names), as editors unless a role is given. */
    @Transactional
    public InviteResult inviteUsers(Caller caller, List<InvitationItem> items) {
        Administration.requireAdmin(caller);
        limit(items, "users");
        List<String> ok = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (InvitationItem item : items) {
            Long target = item.owId() != null ? item.owId() : item.invitedUserOWId();
            Organization org = target == null ? tenancy.organization(caller.owId()).orElseThrow()
                    : Administration.visible(tenancy, caller, target, "owId");
            Role role = role(item.role());
            String[] names = names(item.name());
            // Checked before anything is written: a refusal inside the transaction would roll back the others.
            if (tenancyService.invitationProblem(item.email(), org.owId()) != null) {
                failed.add(item.email() == null ? "" : item.email());
                continue;
            }
            TenancyService.Invited invited = tenancyService.inviteMember(item.email(), names[0], names[1],
                    org.owId(), role, caller.userId());
            issueInvitation(invited.membership().uowId(), "user", caller);
            ok.add(Names.email(item.email()));
        }
        return new InviteResult(ok, failed, ok.size() + (ok.size() == 1 ? " invitation" : " invitations")
                + " sent successfully");
    }

    /**
     * Invites customers under the acting organization: each an invited organization whose owner (its email)
     * becomes its admin on accepting. With {@code customerOperationDetails} the customer is a workspace account
     * (IQM's workspace invitation), else an advertiser (U5).
     */
    @Transactional
    public InviteResult inviteCustomers(Caller caller, List<InvitationItem> items) {
        Administration.requireAdmin(caller);
        limit(items, "customers");
        List<String> ok = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (InvitationItem item : items) {
            Limits.text("logoUrl", item.logoUrl(), Limits.URL);
            String[] names = names(item.ownerUserName());
            String name = item.name() == null || item.name().isBlank() ? item.email() : item.name();
            // Checked before anything is written: a refusal inside the transaction would roll back the others.
            if (tenancyService.invitationProblem(item.email(), -1) != null || nameProblem(name)) {
                failed.add(item.email() == null ? "" : item.email());
                continue;
            }
            Organization org = tenancyService.inviteOrganization(caller.owId(), name,
                    item.customerOperationDetails() != null ? "workspace" : "advertiser");
            users.setProfile(org.owId(), item.verticalId(), item.logoUrl());
            InvitationItem.CustomerOperationDetails d = item.customerOperationDetails();
            if (d != null && caller.isWorkspaceOwnerAdmin()) {
                operations.store(caller, org.owId(), new CustomerOperations.Fields(d.customerTypeId(),
                        d.customerPaymentTypeId(), d.countryId(), d.createdByUowId(), d.modifiedByUowId(),
                        d.adOpsAssigneeUserIds(), d.sellerAssigneeUserIds(), d.labelIds()), null);
            }
            TenancyService.Invited invited = tenancyService.inviteMember(item.email(), names[0], names[1],
                    org.owId(), Role.ADMIN, caller.userId());
            issueInvitation(invited.membership().uowId(), "customer", caller);
            ok.add(Names.email(item.email()));
        }
        return new InviteResult(ok, failed, ok.size() + (ok.size() == 1 ? " invitation" : " invitations")
                + " sent successfully.");
    }

    /** A new link for an invited user ({@code uowId}, or its email in the acting organization); the old ones stop working. */
    @Transactional
    public String reinviteUser(Caller caller, Long uowId, String email) {
        UserRepository.Member member = invitedMember(caller, uowId, email);
        users.cancelTokens(member.uowId(), clock.millis());
        issueInvitation(member.uowId(), "user", caller);
        return "Invitation sent successfully";
    }

    /** A new link for an invited customer's owner. */
    @Transactional
    public String resendCustomer(Caller caller, Long owId) {
        Organization org = Administration.managed(tenancy, caller, owId, "owId");
        long uowId = invitedOwner(org);
        users.cancelTokens(uowId, clock.millis());
        issueInvitation(uowId, "customer", caller);
        return "Invitation sent successfully";
    }

    /** Cancels an invited customer's invitation: its links stop working and it is rejected (U5). */
    @Transactional
    public String cancelCustomer(Caller caller, Long owId) {
        Organization org = Administration.managed(tenancy, caller, owId, "owId");
        long uowId = invitedOwner(org);
        users.cancelTokens(uowId, clock.millis());
        tenancyService.moveStatus(org.owId(), Set.of(OrganizationStatus.INVITED), OrganizationStatus.REJECTED,
                "Invitation cancelled", null);
        return "Invitation cancelled successfully";
    }

    private long invitedOwner(Organization org) {
        if (org.status() != OrganizationStatus.INVITED) {
            throw ApiException.conflict("owId", "Customer " + org.owId() + " is " + Statuses.name(org.status())
                    + ", not invited.");
        }
        return users.ownerMembership(org.owId())
                .orElseThrow(() -> ApiException.conflict("owId", "Customer " + org.owId() + " has no invited owner."));
    }

    private UserRepository.Member invitedMember(Caller caller, Long uowId, String email) {
        Administration.requireAdmin(caller);
        UserRepository.Member member = null;
        if (uowId != null) {
            member = users.member(uowId).orElse(null);
        } else if (email != null) {
            User user = tenancy.userByEmail(Names.email(email)).orElse(null);
            member = user == null ? null : users.members(new UserRepository.Filter(caller.owId(), List.of(), null,
                    null), "m.uow_id", 500, 0).stream().filter(m -> m.userId() == user.id()).findFirst().orElse(null);
        } else {
            throw ApiException.badRequest("uowId", "Field 'uowId' (or 'email') is required.");
        }
        if (member == null) {
            throw ApiException.notFound("uowId", UserAdmin.USER_NOT_FOUND);
        }
        Administration.visible(tenancy, caller, member.owId(), "uowId");
        if (!member.status().equals("invited")) {
            throw ApiException.conflict("uowId", "User " + member.email() + " has accepted already.");
        }
        return member;
    }

    private void issueInvitation(long uowId, String kind, Caller caller) {
        UserRepository.Member member = users.member(uowId).orElseThrow();
        Workspace workspace = tenancy.workspace(caller.workspaceId()).orElseThrow();
        String token = Secrets.generate("iv_");
        long now = clock.millis();
        users.insertToken(Secrets.sha256(token), kind, member.userId(), uowId, caller.userId(), now,
                now + ttl.toMillis());
        String inviter = tenancy.user(caller.userId()).map(User::displayName).orElse("An administrator");
        mailer.send(member.email(), "You are invited to " + member.organizationName() + " on " + workspace.name(),
                inviter + " invited you to " + member.organizationName() + " (workspace " + workspace.domain() + ").\n\n"
                        + "Accept the invitation and choose your password:\n" + link(ACCEPT_PATH, token) + "\n\n"
                        + "The link works once and expires at " + Instant.ofEpochMilli(now + ttl.toMillis()) + ".\n",
                "invitation");
    }

    // --- following a link

    /** What the invitation behind {@code inviteHash} is; an unknown one is 404. */
    public InvitationDetails validate(String inviteHash) {
        UserRepository.Token token = token(inviteHash, Set.of("user", "customer"));
        long now = clock.millis();
        return new InvitationDetails(token.expiresAt() <= now, token.email(), token.workspaceName(),
                false, token.organizationName(), !users.hasActiveMembership(token.userId()), token.workspaceDomain(),
                token.usedAt() != null, false, token.cancelledAt() != null, false);
    }

    /** The body of an invitation's acceptance. */
    public record Acceptance(String inviteHash, String password, String firstName, String lastName) {
    }

    /**
     * Accepts an invitation: a new user sets its password here; a user who already has one proves it with it.
     * The membership (and an invited customer) becomes active.
     */
    @Transactional
    public AcceptedInvitation accept(Acceptance body) {
        UserRepository.Token token = token(body.inviteHash(), Set.of("user", "customer"));
        if (body.password() == null || body.password().isEmpty()) {
            throw ApiException.badRequest("password", "Field 'password' is required.");
        }
        boolean newUser = !users.hasActiveMembership(token.userId());
        String problem = newUser ? io.adplane.tenancy.Passwords.problem(body.password()) : null;
        if (problem != null) {
            throw ApiException.badRequest("password", "Field 'password': " + problem + ".");
        }
        if (!newUser && !tenancyService.passwordMatches(token.userId(), body.password())) {
            throw ApiException.badRequest("password", "Field 'password' must be your current password: you have an "
                    + "account already.");
        }
        if (!users.useToken(token.id(), clock.millis())) {
            throw invalidLink(token);
        }
        if (newUser) {
            tenancyService.setPassword(token.userId(), body.password());
            users.setNames(token.userId(), Limits.text("firstName", body.firstName(), Limits.NAME),
                    Limits.text("lastName", body.lastName(), Limits.NAME));
        }
        tenancyService.moveMembership(token.uowId(), Set.of("invited"), "active");
        if ("customer".equals(token.kind())) {
            tenancyService.moveStatus(token.owId(), Set.of(OrganizationStatus.INVITED), OrganizationStatus.ACTIVE,
                    null, null);
            tenancyService.acceptWorkspaceInvitation(token.id(), token.userId());
        }
        return new AcceptedInvitation(token.owId(), token.email(), token.workspaceDomain(),
                "Invitation accepted successfully");
    }

    /** The body of {@code POST /api/v3/ua/workspace}. */
    public record WorkspaceRequest(String domain, String creatorEmail, String inviteHash) {
    }

    /**
     * A workspace of its own for an invited workspace customer (U16), made by its owner with the invitation's
     * link: the link stays open for accepting (which sets the password and makes the owner the new workspace's
     * active admin), and makes one workspace only.
     */
    @Transactional
    public String createWorkspace(WorkspaceRequest body) {
        UserRepository.Token token = token(body.inviteHash(), Set.of("customer"));
        if (why(token) != null) {
            throw invalidLink(token);
        }
        String email = Names.email(Limits.text("creatorEmail", body.creatorEmail(), 320));
        if (email == null || email.isBlank()) {
            throw ApiException.badRequest("creatorEmail", "Field 'creatorEmail' is required.");
        }
        if (!email.equals(token.email())) {
            throw ApiException.unprocessable("creatorEmail", "Field 'creatorEmail' must be the invited email.");
        }
        if (!"workspace".equals(customers.accountType(token.owId()))) {
            throw ApiException.unprocessable("inviteHash", "The invitation is not for a workspace account.");
        }
        String domain;
        try {
            domain = TenancyService.requireDomain(Limits.text("domain", body.domain(), 253));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("domain", "Field 'domain': " + e.getMessage() + ".");
        }
        if (tenancy.workspaceByDomain(domain).isPresent()) {
            throw ApiException.unprocessable("domain", "Workspace domain is not available.");
        }
        try {
            tenancyService.createWorkspaceFromInvitation(domain, token.organizationName(), token.id(), token.userId());
        } catch (IllegalStateException e) {
            throw ApiException.unprocessable("inviteHash", "A workspace was made with this invitation already.");
        }
        return "Workspace created successfully";
    }

    // --- password reset

    /**
     * Sends a reset link to {@code email} when it belongs to a user who may log in somewhere; answers the same
     * either way. At most one link a minute per user (the newest replaces the older ones).
     */
    @Transactional
    public String requestReset(String email) {
        if (email == null || email.isBlank()) {
            throw ApiException.badRequest("email", "Field 'email' is required.");
        }
        User user = tenancy.userByEmail(Names.email(Limits.text("email", email, 320))).orElse(null);
        long now = clock.millis();
        if (user != null && !user.disabled() && users.hasActiveMembership(user.id())
                && users.lastReset(user.id()).map(at -> now - at >= 60_000).orElse(true)) {
            users.cancelResets(user.id(), now);
            String token = Secrets.generate("rs_");
            users.insertToken(Secrets.sha256(token), "reset", user.id(), null, null, now, now + resetTtl.toMillis());
            mailer.send(user.email(), "Reset your adplane password",
                    "Someone asked to reset the password of " + user.email() + ".\n\nChoose a new password:\n"
                            + link(RESET_PATH, token) + "\n\nThe link works once and expires at "
                            + Instant.ofEpochMilli(now + resetTtl.toMillis())
                            + ". If you did not ask for it, ignore this message.\n",
                    "password-reset");
        }
        return RESET_SENT;
    }

    public ResetValidation validateReset(String inviteHash) {
        if (inviteHash == null || inviteHash.isBlank()) {
            throw ApiException.badRequest("inviteHash", "Field 'inviteHash' is required.");
        }
        UserRepository.Token token = users.token(Secrets.sha256(inviteHash)).filter(t -> t.kind().equals("reset"))
                .orElse(null);
        if (token == null) {
            return new ResetValidation(null, "Invalid link", false);
        }
        String why = why(token);
        return why == null ? new ResetValidation(token.email(), null, true) : new ResetValidation(null, why, false);
    }

    /** The body that completes a reset. */
    public record ResetCompletion(String inviteHash, String newPassword) {
    }

    /** Sets the new password of a reset link's user and ends every login it has (D3). */
    @Transactional
    public String completeReset(ResetCompletion body) {
        UserRepository.Token token = token(body.inviteHash(), Set.of("reset"));
        String problem = io.adplane.tenancy.Passwords.problem(body.newPassword());
        if (problem != null) {
            throw ApiException.badRequest("newPassword", "Field 'newPassword': " + problem + ".");
        }
        if (!users.useToken(token.id(), clock.millis())) {
            throw invalidLink(token);
        }
        tenancyService.setPassword(token.userId(), body.newPassword());
        return "Password reset successfully";
    }

    /** Emails the workspaces an address may log in to; answers the same whether or not it has any. */
    @Transactional
    public String findMyWorkspace(String email) {
        if (email == null || email.isBlank()) {
            throw ApiException.badRequest("email", "Field 'email' is required.");
        }
        String normal = Names.email(Limits.text("email", email, 320));
        tenancy.userByEmail(normal).filter(u -> !u.disabled()).ifPresent(user -> {
            List<String> domains = users.workspaceDomains(user.id());
            if (!domains.isEmpty()) {
                mailer.send(user.email(), "Your adplane workspaces", "You can log in to these workspaces as "
                        + user.email() + ":\n\n" + String.join("\n", domains) + "\n", "find-my-workspace");
            }
        });
        return "Email sent to " + normal;
    }

    // --- helpers

    private UserRepository.Token token(String inviteHash, Set<String> kinds) {
        if (inviteHash == null || inviteHash.isBlank()) {
            throw ApiException.badRequest("inviteHash", "Field 'inviteHash' is required.");
        }
        Limits.text("inviteHash", inviteHash, 200);
        return users.token(Secrets.sha256(inviteHash)).filter(t -> kinds.contains(t.kind()))
                .orElseThrow(() -> ApiException.notFound("inviteHash", "Invalid or unknown invitation link."));
    }

    private String why(UserRepository.Token token) {
        if (token.cancelledAt() != null) {
            return "The link was replaced by a newer one or cancelled.";
        }
        if (token.usedAt() != null) {
            return "The link was used already.";
        }
        if (token.expiresAt() <= clock.millis()) {
            return "The link has expired.";
        }
        return null;
    }

    private ApiException invalidLink(UserRepository.Token token) {
        String why = why(token);
        return ApiException.unprocessable("inviteHash", "This link can't be used.")
                .withReason(why == null ? "The link was used already." : why);
    }

    private String link(String path, String token) {
        return PublicUrl.base(environment) + path + "?inviteHash=" + token;
    }

    private static void limit(List<InvitationItem> items, String what) {
        if (items == null || items.isEmpty()) {
            throw ApiException.badRequest("email", "Send at least one invitation.");
        }
        if (items.size() > MAX_INVITES) {
            throw ApiException.unprocessable(null, "Max Limit is " + MAX_INVITES + " " + what + " at a time.");
        }
    }

    private static boolean nameProblem(String name) {
        try {
            TenancyService.requireName(name);
            return false;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** An adplane role, or IQM's "Admin" / "User" (an editor). */
    static Role role(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("user")) {
            return Role.EDITOR;
        }
        try {
            return Role.of(text.strip().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("role", "Field 'role' must be one of admin, approver, editor, viewer.");
        }
    }

    /** First and last name from "First Last". */
    private static String[] names(String name) {
        String n = Limits.text("name", name, Limits.NAME);
        if (n == null || n.isBlank()) {
            return new String[] {null, null};
        }
        String s = n.strip();
        int space = s.indexOf(' ');
        return space < 0 ? new String[] {s, null} : new String[] {s.substring(0, space), s.substring(space + 1).strip()};
    }
}
