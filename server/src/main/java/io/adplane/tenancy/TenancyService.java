package io.adplane.tenancy;

import io.adplane.api.Secrets;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.adplane.api.TextRules;

/**
 * The operator's actions on tenancy (D9, D11): workspaces, organizations, users, memberships, OAuth clients.
 * Invalid input raises {@link IllegalArgumentException} with a message meant for the operator.
 */
@Service
public class TenancyService {

    /** A host name label: letters, digits and inner hyphens, 1 to 63 characters (RFC 1123). */
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private final TenancyRepository repository;
    private final OperatorRepository operator;
    private final Passwords passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TenancyService(TenancyRepository repository, OperatorRepository operator, Passwords passwords,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.operator = operator;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    /** A workspace and its owner organization. */
    public record CreatedWorkspace(long workspaceId, String domain, long owId) {
    }

    /** An OAuth client and its secret, which is shown once and never stored. */
    public record CreatedClient(String clientId, String clientSecret, String domain) {
    }

    @Transactional
    public CreatedWorkspace createWorkspace(String rawDomain, String name) {
        String domain = requireDomain(rawDomain);
        String orgName = checkName(name);
        if (repository.workspaceByDomain(domain).isPresent()) {
            throw new IllegalArgumentException("a workspace with domain '" + domain + "' already exists");
        }
        long now = clock.millis();
        long workspaceId = repository.insertWorkspace(domain, orgName, "support@" + domain, now);
        Organization owner = repository.insertOrganization(workspaceId, null, orgName, 29, now);
        repository.setWorkspaceOwner(workspaceId, owner.owId());
        return new CreatedWorkspace(workspaceId, domain, owner.owId());
    }

    /**
     * A workspace made by the owner of an invited workspace customer (U16): its owner organization is named
     * {@code name}, the user {@code userId} its first admin, invited until it accepts the invitation
     * ({@link #acceptWorkspaceInvitation}); once per invitation. {@link IllegalArgumentException} for a bad or
     * taken domain.
     */
    @Transactional
    public CreatedWorkspace createWorkspaceFromInvitation(String rawDomain, String name, long invitationId, long userId) {
        if (repository.workspaceFromInvitation(invitationId).isPresent()) {
            throw new IllegalStateException("a workspace was made with this invitation already");
        }
        CreatedWorkspace created = createWorkspace(rawDomain, name);
        repository.markWorkspaceInvitation(created.workspaceId(), invitationId);
        repository.insertInvitedMembership(userId, created.owId(), Role.ADMIN, null, clock.millis());
        repository.claimOwner(created.owId(), userId);
        return created;
    }

    /** Makes the admin of the workspace made with invitation {@code invitationId} active, if there is one (U16). */
    @Transactional
    public void acceptWorkspaceInvitation(long invitationId, long userId) {
        repository.workspaceFromInvitation(invitationId).flatMap(repository::workspace)
                .flatMap(ws -> repository.membership(userId, ws.ownerOwId()))
                .ifPresent(m -> repository.moveMembership(m.uowId(), java.util.Set.of("invited"), "active"));
    }

    /** A customer organization under {@code parentOwId}, or under the first workspace's owner when null. */
    @Transactional
    public Organization createOrganization(String name, Long parentOwId) {
        String orgName = checkName(name);
        Organization parent;
        if (parentOwId == null) {
            Workspace ws = repository.firstWorkspace()
                    .orElseThrow(() -> new IllegalArgumentException("no workspace exists yet; run './adplane serve' once"));
            parent = repository.organization(ws.ownerOwId()).orElseThrow();
        } else {
            parent = organization(parentOwId);
        }
        return repository.insertOrganization(parent.workspaceId(), parent, orgName, parent.timezoneId(), clock.millis());
    }

    /** A user (created when the email is new) and its membership in {@code owId}. */
    @Transactional
    public Membership createUser(String rawEmail, String password, long owId, String role) {
        return createUser(rawEmail, password, () -> passwords.hash(password), owId, role);
    }

    /** {@link #createUser(String, String, long, String)}, with the new user's password hash made beforehand. */
    @Transactional
    Membership createUser(String rawEmail, String password, Supplier<String> hash, long owId, String role) {
        String email = requireEmail(rawEmail);
        Role r = requireRole(role);
        Organization org = organization(owId);
        long now = clock.millis();
        User user = repository.userByEmail(email).orElse(null);
        long userId;
        if (user == null) {
            String problem = Passwords.problem(password);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            userId = repository.insertUser(email, null, null, hash.get(), now);
        } else {
            userId = user.id();
            if (password != null && !passwords.matches(password, user.passwordHash())) {
                throw new IllegalArgumentException("user '" + email + "' exists with another password; use set-password");
            }
            if (repository.membership(userId, owId).isPresent()) {
                throw new IllegalArgumentException("user '" + email + "' is already a member of owId " + owId);
            }
        }
        Membership membership = repository.insertMembership(userId, org.owId(), r, now);
        if (r == Role.ADMIN) {
            repository.claimOwner(org.owId(), userId);
        }
        return membership;
    }

    /** An invited membership, and whether its user is new (created by this invitation). */
    public record Invited(Membership membership, boolean newUser) {
    }

    /**
     * Invites {@code email} into {@code owId} as {@code role}: a new user gets an unusable random password until
     * it accepts; the membership is {@code invited} and logs in only once accepted. Refused (an
     * {@link IllegalArgumentException}) when the user already has a membership there.
     */
    @Transactional
    public Invited inviteMember(String rawEmail, String firstName, String lastName, long owId, Role role,
            Long invitedByUserId) {
        String email = requireEmail(rawEmail);
        Organization org = organization(owId);
        long now = clock.millis();
        User user = repository.userByEmail(email).orElse(null);
        boolean created = user == null;
        long userId = created ? repository.insertUser(email, firstName, lastName,
                passwords.hash(Secrets.generate("")), now) : user.id();
        if (!created && repository.membership(userId, owId).isPresent()) {
            throw new IllegalArgumentException("user '" + email + "' is already a member of owId " + owId);
        }
        Membership membership = repository.insertInvitedMembership(userId, org.owId(), role, invitedByUserId, now);
        if (role == Role.ADMIN) {
            repository.claimOwner(org.owId(), userId);
        }
        return new Invited(membership, created);
    }

    /** Why {@code rawEmail} can't be invited into {@code owId} (not an email, a member already), or null. */
    public String invitationProblem(String rawEmail, long owId) {
        String email = Names.email(rawEmail);
        if (!Names.isEmail(email)) {
            return "email must look like name@example.com";
        }
        return repository.userByEmail(email).flatMap(u -> repository.membership(u.id(), owId)).isPresent()
                ? "user '" + email + "' is already a member of owId " + owId : null;
    }

    /**
     * A customer organization invited under {@code parentOwId}: status {@code invited} until its owner accepts,
     * of IQM's account type {@code advertiser} or {@code workspace}.
     */
    @Transactional
    public Organization inviteOrganization(long parentOwId, String name, String accountType) {
        Organization parent = organization(parentOwId);
        Organization org = repository.insertOrganization(parent.workspaceId(), parent, checkName(name),
                parent.timezoneId(), clock.millis());
        repository.setAccountType(org.owId(), accountType);
        repository.moveStatus(org.owId(), java.util.Set.of(OrganizationStatus.ACTIVE), OrganizationStatus.INVITED,
                null, null, clock.millis());
        return organization(org.owId());
    }

    /** Moves a membership between {@code active}, {@code invited} and {@code suspended}. */
    @Transactional
    public boolean moveMembership(long uowId, java.util.Set<String> from, String to) {
        return repository.moveMembership(uowId, from, to);
    }

    /**
     * Assigns the user of membership {@code sourceUowId} to organization {@code owId} (U13): a membership there
     * with the source's role and status, which follows the source's status from then on. False when that
     * assignment exists already; an {@link IllegalArgumentException} when the user has another membership there.
     */
    @Transactional
    public boolean assign(long sourceUowId, long owId, Long assignedByUserId) {
        TenancyRepository.MembershipState source = repository.membershipState(sourceUowId)
                .orElseThrow(() -> new IllegalArgumentException("no membership with uowId " + sourceUowId));
        if (source.assignedFromUowId() != null) {
            throw new IllegalArgumentException("uowId " + sourceUowId + " is an assignment; assign from the user's own membership");
        }
        organization(owId);
        var existing = repository.membershipState(source.membership().userId(), owId).orElse(null);
        if (existing == null) {
            repository.insertAssignment(source, owId, assignedByUserId, clock.millis());
            return true;
        }
        if (!Long.valueOf(sourceUowId).equals(existing.assignedFromUowId())) {
            throw new IllegalArgumentException("the user has a membership in owId " + owId + " already");
        }
        if (!existing.status().equals("removed")) {
            return false;
        }
        repository.reviveAssignment(existing.membership().uowId(), source);
        return true;
    }

    /** Removes the assignment of membership {@code sourceUowId} to {@code owId} (U13); false when there was none. */
    @Transactional
    public boolean unassign(long sourceUowId, long owId) {
        return repository.removeAssignment(sourceUowId, owId);
    }

    /** Ends every login of the user at once (D3), as disabling does, without disabling it. */
    public void revokeSessions(long userId, String reason) {
        events.publishEvent(new UserSessionsRevoked(userId, reason));
    }

    /** Sets a user's password by id and ends its logins (D3); the rule of {@link Passwords#problem}. */
    @Transactional
    public void setPassword(long userId, String password) {
        String problem = Passwords.problem(password);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        repository.setPasswordHash(userId, passwords.hash(password));
        events.publishEvent(new UserSessionsRevoked(userId, "password_changed"));
    }

    /** True when {@code password} is the user's; costs a password check. */
    public boolean passwordMatches(long userId, String password) {
        User user = repository.user(userId).orElse(null);
        return passwords.matches(password, user == null ? null : user.passwordHash());
    }

    @Transactional
    public CreatedClient createClient(String rawDomain) {
        String domain = requireDomain(rawDomain);
        Workspace ws = repository.workspaceByDomain(domain)
                .orElseThrow(() -> new IllegalArgumentException("no workspace with domain '" + domain + "'"));
        String clientId = "adp-" + Secrets.generate("").substring(0, 16);
        String secret = Secrets.generate("");
        registerClient(ws.id(), clientId, secret);
        return new CreatedClient(clientId, secret, ws.domain());
    }

    void registerClient(long workspaceId, String clientId, String secret) {
        if (clientId == null || clientId.isBlank() || clientId.length() > 128 || TextRules.problem(clientId) != null) {
            throw new IllegalArgumentException("client id must be 1 to 128 printable characters");
        }
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("client secret must have at least 16 characters");
        }
        repository.insertClient(clientId, workspaceId, Secrets.sha256(secret), clock.millis());
    }

    @Transactional
    public Organization holdOrganization(long owId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason is required");
        }
        organization(owId);
        repository.setStatus(owId, OrganizationStatus.ON_HOLD, reason.strip());
        return organization(owId);
    }

    @Transactional
    public Organization releaseOrganization(long owId) {
        organization(owId);
        repository.setStatus(owId, OrganizationStatus.ACTIVE, null);
        return organization(owId);
    }

    /**
     * Moves the organization to {@code to} when it is in one of {@code from} (compare-and-set, so of concurrent
     * moves one wins): the reason replaces the old one, and an approval records who approved. False when the
     * organization was not in one of {@code from}.
     */
    @Transactional
    public boolean moveStatus(long owId, java.util.Set<OrganizationStatus> from, OrganizationStatus to, String reason,
            Long approvedByUserId) {
        return repository.moveStatus(owId, from, to, reason, approvedByUserId, clock.millis());
    }

    /** Turns auto-approval on or off: new pending campaigns of the organization run at once (D16). */
    @Transactional
    public Organization setAutoApprove(long owId, boolean enabled) {
        organization(owId);
        repository.setAutoApprove(owId, enabled);
        return organization(owId);
    }

    /** Disables the user and ends every one of its logins at once (D3). */
    @Transactional
    public User disableUser(String rawEmail) {
        User user = user(rawEmail);
        repository.setDisabled(user.id(), true);
        events.publishEvent(new UserSessionsRevoked(user.id(), "disabled"));
        return repository.user(user.id()).orElseThrow();
    }

    /** Sets a new password and ends every login of the user (D3). */
    @Transactional
    public User setPassword(String rawEmail, String password) {
        String problem = Passwords.problem(password);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        User user = user(rawEmail);
        repository.setPasswordHash(user.id(), passwords.hash(password));
        events.publishEvent(new UserSessionsRevoked(user.id(), "password_changed"));
        return user;
    }

    /** Enables a disabled user again; its old logins stay ended, it may log in anew. */
    @Transactional
    public User enableUser(String rawEmail) {
        User user = user(rawEmail);
        repository.setDisabled(user.id(), false);
        return repository.user(user.id()).orElseThrow();
    }

    /**
     * A new secret for an OAuth client, shown once; the old one stops working at once for logins and token
     * refreshes. Tokens already issued stay valid until they expire or are revoked.
     */
    @Transactional
    public CreatedClient rotateClientSecret(String clientId) {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("client id is required");
        }
        var client = repository.client(clientId.strip())
                .orElseThrow(() -> new IllegalArgumentException("no OAuth client with id '" + clientId.strip() + "'"));
        String secret = Secrets.generate("");
        operator.setClientSecretHash(client.clientId(), Secrets.sha256(secret));
        Workspace ws = repository.workspace(client.workspaceId()).orElseThrow();
        return new CreatedClient(client.clientId(), secret, ws.domain());
    }

    /** The organizations of one workspace ({@code rawDomain}), or of all when it is null, in owId order. */
    public List<OperatorRepository.OrganizationRow> listOrganizations(String rawDomain) {
        return operator.organizations(workspaceId(rawDomain));
    }

    /** The users with a membership in {@code owId} (or anywhere, when null), each with those memberships. */
    public List<OperatorRepository.UserRow> listUsers(Long owId) {
        if (owId != null) {
            organization(owId);
        }
        return operator.users(owId);
    }

    /** The OAuth clients of one workspace, or of all; ids and dates only, never secrets. */
    public List<OperatorRepository.ClientRow> listClients(String rawDomain) {
        return operator.clients(workspaceId(rawDomain));
    }

    private Long workspaceId(String rawDomain) {
        if (rawDomain == null) {
            return null;
        }
        String domain = requireDomain(rawDomain);
        return repository.workspaceByDomain(domain)
                .orElseThrow(() -> new IllegalArgumentException("no workspace with domain '" + domain + "'")).id();
    }

    /**
     * A workspace domain in its normal form ({@link Names#domain}), or an {@link IllegalArgumentException}
     * naming the rule: dot-separated labels of letters, digits and inner hyphens, at most 253 characters.
     * Internationalised names are accepted and kept in their ASCII (punycode) form.
     */
    public static String requireDomain(String raw) {
        String domain = Names.domain(raw);
        if (domain == null || domain.isEmpty()) {
            throw new IllegalArgumentException("domain is required, e.g. ads.example.com");
        }
        boolean valid = domain.length() <= 253
                && java.util.Arrays.stream(domain.split("\\.", -1)).allMatch(l -> LABEL.matcher(l).matches());
        if (!valid) {
            throw new IllegalArgumentException("domain '" + raw.strip() + "' is not a host name: use dot-separated labels of "
                    + "letters, digits and inner hyphens (at most 63 characters each, 253 in all), e.g. ads.example.com");
        }
        return domain;
    }

    /** An email in its normal form ({@link Names#email}), or an {@link IllegalArgumentException}. */
    public static String requireEmail(String raw) {
        String email = Names.email(raw);
        if (!Names.isEmail(email)) {
            throw new IllegalArgumentException("email must look like name@example.com");
        }
        return email;
    }

    /** One of admin, approver, editor, viewer, or an {@link IllegalArgumentException}. */
    public static Role requireRole(String role) {
        try {
            return Role.of(role);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("role must be one of admin, approver, editor, viewer");
        }
    }

    /** An organization name, stripped, or an {@link IllegalArgumentException}. */
    public static String requireName(String name) {
        return checkName(name);
    }

    /** A new password, or an {@link IllegalArgumentException} naming the length rule ({@link Passwords#problem}). */
    public static String requirePassword(String password) {
        String problem = Passwords.problem(password);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return password;
    }

    public List<Long> allowedOwIds(long userId, long workspaceId) {
        return repository.allowedOwIds(userId, workspaceId);
    }

    private Organization organization(long owId) {
        return repository.organization(owId)
                .orElseThrow(() -> new IllegalArgumentException("no organization with owId " + owId));
    }

    private User user(String rawEmail) {
        String email = Names.email(rawEmail);
        return repository.userByEmail(email)
                .orElseThrow(() -> new IllegalArgumentException("no user with email '" + email + "'"));
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        String problem = TextRules.problem(name);
        if (problem != null) {
            throw new IllegalArgumentException("name " + problem);
        }
        if (name.strip().length() > 255) {
            throw new IllegalArgumentException("name must have at most 255 characters");
        }
        return name.strip();
    }
}
