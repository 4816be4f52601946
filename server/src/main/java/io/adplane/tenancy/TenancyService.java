package io.adplane.tenancy;

import io.adplane.api.Secrets;
import java.time.Clock;
import java.util.List;

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

    private final TenancyRepository repository;
    private final Passwords passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TenancyService(TenancyRepository repository, Passwords passwords, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
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
        String domain = Names.domain(rawDomain);
        if (domain == null || domain.isEmpty() || domain.length() > 253) {
            throw new IllegalArgumentException("domain must be a host name, e.g. ads.example.com");
        }
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
        String email = Names.email(rawEmail);
        if (!Names.isEmail(email)) {
            throw new IllegalArgumentException("email must look like name@example.com");
        }
        Role r;
        try {
            r = Role.of(role);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("role must be one of admin, approver, editor, viewer");
        }
        Organization org = organization(owId);
        long now = clock.millis();
        User user = repository.userByEmail(email).orElse(null);
        long userId;
        if (user == null) {
            String problem = Passwords.problem(password);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            userId = repository.insertUser(email, null, null, passwords.hash(password), now);
        } else {
            userId = user.id();
            if (password != null && !passwords.matches(password, user.passwordHash())) {
                throw new IllegalArgumentException("user '" + email + "' exists with another password; use set-password");
            }
            if (repository.membership(userId, owId).isPresent()) {
                throw new IllegalArgumentException("user '" + email + "' is already a member of owId " + owId);
            }
        }
        return repository.insertMembership(userId, org.owId(), r, now);
    }

    @Transactional
    public CreatedClient createClient(String rawDomain) {
        String domain = Names.domain(rawDomain);
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
