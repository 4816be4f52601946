package io.adplane.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.adplane.api.ApiException;
import io.adplane.tenancy.Membership;
import io.adplane.tenancy.Names;
import io.adplane.tenancy.Organization;
import io.adplane.tenancy.OrganizationStatus;
import io.adplane.tenancy.Passwords;
import io.adplane.api.Secrets;
import io.adplane.tenancy.TenancyRepository;
import io.adplane.tenancy.User;
import io.adplane.tenancy.Workspace;

/**
 * Login, refresh and logout (D2, D3, D10), and the login budget (issue 18). Each login opens a session, a
 * token family: its access and refresh tokens are revoked together, on logout, on reuse of a rotated refresh
 * token, and when the user is disabled or given a new password.
 */
@Service
public class LoginService {

    private static final Logger log = LoggerFactory.getLogger(LoginService.class);
    static final String NOT_ALLOWED = "User doesn't exist or user is not allowed to provided workspace.";

    private final TenancyRepository tenancy;
    private final TokenRepository tokens;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final LoginBudgets budgets;
    private final PasswordCapacity capacity;
    private final LoginEvents events;
    private final TokenAuthenticationProvider gate;
    private final AuthSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;

    LoginService(TenancyRepository tenancy, TokenRepository tokens, Passwords passwords, LoginThrottle throttle,
            LoginBudgets budgets, PasswordCapacity capacity, LoginEvents events, TokenAuthenticationProvider gate,
            AuthSettings settings, TransactionTemplate tx, Clock clock) {
        this.tenancy = tenancy;
        this.tokens = tokens;
        this.passwords = passwords;
        this.throttle = throttle;
        this.budgets = budgets;
        this.capacity = capacity;
        this.events = events;
        this.gate = gate;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
    }

    /** Client credentials from a Basic header or from the body. */
    public record ClientCredentials(String clientId, String clientSecret) {

        /** Parses {@code Basic base64(id:secret)}; {@code null} when the header is absent or not Basic. */
        public static ClientCredentials fromBasic(String header) {
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : new ClientCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /**
     * The password grant: the seed's Step 1. The password is checked under the concurrency cap
     * ({@link PasswordCapacity}), after the attempt is reserved in the address and client budgets
     * ({@link LoginBudgets}) and the account's throttle ({@link LoginThrottle}), each refusing with 429.
     *
     * @param address the client address the request came from
     */
    public TokenAnswer passwordGrant(String host, ClientCredentials client, String rawEmail, String password,
            String address) {
        return passwordGrant(host, client, rawEmail, password, null, address);
    }

    /**
     * The password grant with a TOTP code ({@code otp}) for a user who has MFA on (U11): without one, or with a
     * wrong or used one, the login is refused with 401 and counted as a failure by the account's throttle.
     */
    public TokenAnswer passwordGrant(String host, ClientCredentials client, String rawEmail, String password,
            String otp, String address) {
        String domain = domain(host);
        String email = Names.email(rawEmail);
        TenancyRepository.OAuthClient registered = authenticateClient(client, email, address);
        Workspace workspace = workspace(domain);
        if (registered.workspaceId() != workspace.id()) {
            events.login(LoginEvents.Outcome.INVALID_CLIENT, email, registered.clientId(), address);
            throw invalidClient();
        }
        Authenticated who = authenticateUser(workspace, email, password, otp, registered.clientId(), address);
        TokenAnswer answer = tx.execute(status -> {
            long sessionId = tokens.insertSession(who.user().id(), workspace.id(), registered.clientId(),
                    who.org().owId(), clock.millis());
            return issue(sessionId, who.org().owId());
        });
        events.login(LoginEvents.Outcome.SUCCESS, email, registered.clientId(), address);
        return answer;
    }

    /**
     * The user's password check, shared by the password grant and the console (issue 16): the address and
     * client budgets, the account throttle and the concurrency cap, then the memberships and the hold of the
     * organization logged in for. Answers that organization; raises what the API answers.
     *
     * @param client the budget the attempt counts against and the client the login events name
     */
    private Authenticated authenticateUser(Workspace workspace, String email, String password, String otp,
            String client, String address) {
        LoginBudgets.Keys keys = LoginBudgets.Keys.of(address, client);
        Checked checked;
        try {
            checked = capacity.run(() -> check(keys, email, password, client, address));
        } catch (PasswordCapacity.Busy busy) {
            events.login(LoginEvents.Outcome.BUSY, email, client, address);
            throw busy;
        }
        User user = checked.user();
        if (!checked.passwordOk() || user.disabled()) {
            events.login(LoginEvents.Outcome.FAILURE, email, client, address);
            if (checked.reservation() == LoginThrottle.Reservation.LOCKING) {
                events.lockout(email, client, address);
            }
            throw new ApiException(HttpStatus.FORBIDDEN, NOT_ALLOWED);
        }
        requireMfaCode(user, otp, email, client, address);
        throttle.succeeded(email);
        budgets.refund(keys);
        List<Membership> memberships = tenancy.memberships(user.id(), workspace.id());
        if (memberships.isEmpty()) {
            events.login(LoginEvents.Outcome.FAILURE, email, client, address);
            throw new ApiException(HttpStatus.FORBIDDEN, NOT_ALLOWED);
        }
        if (passwords.needsRehash(user.passwordHash())) {
            try {
                String upgraded = capacity.run(() -> passwords.hash(password));
                tenancy.setPasswordHash(user.id(), upgraded);
            } catch (PasswordCapacity.Busy busy) {
                // The upgrade waits for a login with capacity to spare.
            }
        }
        Membership home = memberships.get(0);
        Organization org = tenancy.organization(home.owId()).orElseThrow();
        if (org.status() != OrganizationStatus.ACTIVE) {
            events.login(LoginEvents.Outcome.ON_HOLD, email, client, address);
        }
        requireActive(workspace, org);
        return new Authenticated(user, org);
    }

    /** Whose password was right, and the organization the login is for. */
    private record Authenticated(User user, Organization org) {
    }

    /** The budget and login-event name of console logins, which come through no OAuth client. */
    public static final String CONSOLE_CLIENT = "console";

    /** A console login: the access token its cookie carries and the organization it logged in for. */
    public record ConsoleLogin(String accessToken, long owId) {
    }

    /**
     * A login to the web console (issue 16) with the same users, passwords, throttle and budgets as the
     * password grant; the workspace is the one the browser reached ({@code Host}). Its session has one access
     * token, no refresh token and no OAuth client, and ends like any other (logout, new password, disabled user).
     */
    public ConsoleLogin consoleLogin(String host, String rawEmail, String password, String address) {
        return consoleLogin(host, rawEmail, password, null, address);
    }

    /** The console's login with the authenticator code of a user who has MFA on (U11), as the API takes it. */
    public ConsoleLogin consoleLogin(String host, String rawEmail, String password, String otp, String address) {
        String domain = domain(host);
        if (rawEmail == null || rawEmail.isBlank()) {
            throw ApiException.badRequest("email", "Field 'email' is required.");
        }
        if (password == null || password.isEmpty()) {
            throw ApiException.badRequest("password", "Field 'password' is required.");
        }
        String email = Names.email(rawEmail);
        Workspace workspace = workspace(domain);
        Authenticated who = authenticateUser(workspace, email, password, otp, CONSOLE_CLIENT, address);
        String access = Secrets.generate("at_");
        tx.executeWithoutResult(status -> {
            long sessionId = tokens.insertSession(who.user().id(), workspace.id(), null, who.org().owId(),
                    clock.millis());
            tokens.insertAccessToken(Secrets.sha256(access), sessionId,
                    clock.millis() + settings.accessTokenTtl().toMillis());
        });
        events.login(LoginEvents.Outcome.SUCCESS, email, CONSOLE_CLIENT, address);
        return new ConsoleLogin(access, who.org().owId());
    }

    /** MFA_REQUIRED and MFA_INVALID: the answers of a login whose password was right but its code not (U11). */
    static final String MFA_REQUIRED = "MFA code required.";
    static final String MFA_INVALID = "Invalid or expired MFA code.";

    private void requireMfaCode(User user, String otp, String email, String clientId, String address) {
        TenancyRepository.Mfa mfa = tenancy.mfa(user.id());
        if (!mfa.enabled() || mfa.secret() == null) {
            return;
        }
        if (otp == null || otp.isBlank()) {
            events.login(LoginEvents.Outcome.FAILURE, email, clientId, address);
            throw new ApiException(HttpStatus.UNAUTHORIZED, MFA_REQUIRED, "otp",
                    "This user has MFA on: send the 6-digit code of its authenticator app as 'otp'.", null, null);
        }
        long step = Totp.matchingStep(mfa.secret(), otp, clock.millis());
        if (step < 0 || !tenancy.useMfaStep(user.id(), step)) {
            events.login(LoginEvents.Outcome.FAILURE, email, clientId, address);
            throw new ApiException(HttpStatus.UNAUTHORIZED, MFA_INVALID, "otp", null, null, null);
        }
    }

    /** What a password check found, and how its attempt was counted. */
    private record Checked(User user, boolean passwordOk, LoginThrottle.Reservation reservation) {
    }

    /** Runs holding a password-check permit: the reservations come before the hash (D10). */
    private Checked check(LoginBudgets.Keys keys, String email, String password, String clientId, String address) {
        try {
            budgets.reserve(keys);
        } catch (ApiException spent) {
            events.login(LoginEvents.Outcome.BUDGET, email, clientId, address);
            throw spent;
        }
        LoginThrottle.Reservation reservation;
        try {
            reservation = throttle.reserve(email);
        } catch (ApiException locked) {
            events.login(LoginEvents.Outcome.LOCKED, email, clientId, address);
            throw locked;
        }
        User user = tenancy.userByEmail(email).orElse(null);
        boolean ok = passwords.matches(password, user == null ? null : user.passwordHash());
        return new Checked(user, ok, reservation);
    }

    /** The refresh grant: rotates the refresh token; a replayed one revokes its whole family (D3). */
    public TokenAnswer refreshGrant(String host, ClientCredentials client, String refreshToken) {
        String domain = domain(host);
        TenancyRepository.OAuthClient registered = authenticateClient(client, null, null);
        Workspace workspace = workspace(domain);
        if (registered.workspaceId() != workspace.id()) {
            throw invalidClient();
        }
        if (refreshToken == null || refreshToken.isBlank()) {
            throw ApiException.badRequest("refresh_token", "Field 'refresh_token' is required.");
        }
        String hash = Secrets.sha256(refreshToken);
        long now = clock.millis();
        TokenRepository.RefreshRow row = tokens.refreshToken(hash)
                .filter(r -> r.clientId().equals(client.clientId()) && r.workspaceId() == workspace.id())
                .orElseThrow(LoginService::invalidRefresh);
        if (row.revokedAt() != null || row.expiresAt() <= now || row.userDisabled()) {
            throw invalidRefresh();
        }
        Organization org = tenancy.organization(row.owId()).orElseThrow();
        requireActive(workspace, org);
        // Marking the token used and issuing its successor commit together: a failure burns nothing. A
        // concurrent rotation of the same token waits for this one's row lock, then finds it used.
        TokenAnswer rotated = tx.execute(status -> {
            if (!tokens.markUsed(hash, now)) {
                return null;
            }
            tokens.endGrace(row.sessionId());
            TokenAnswer answer = issue(row.sessionId(), null);
            if (!settings.refreshGrace().isZero()) {
                tokens.insertGrace(hash, row.sessionId(),
                        SealedTokens.seal(refreshToken, hash, answer.accessToken() + " " + answer.refreshToken()), now);
            }
            return answer;
        });
        if (rotated != null) {
            return rotated;
        }
        TokenAnswer again = withinGrace(refreshToken, hash, now);
        if (again != null) {
            log.info("Refresh token retried within the grace window: session {} answered its successor again",
                    row.sessionId());
            return again;
        }
        tokens.revokeSession(row.sessionId(), "refresh_reuse", now);
        gate.forgetAll();
        log.warn("Refresh token replayed: session {} revoked", row.sessionId());
        throw invalidRefresh();
    }

    /**
     * The successor a retry within {@code adplane.auth.refresh-grace} gets again (RFC 9700 §4.14.2): a client
     * whose refresh answer was lost retries with the token it still has. Only while the successor has not
     * been used itself (its own rotation ends the grace), and only for who holds the rotated token, which the
     * sealed copy is keyed by.
     */
    private TokenAnswer withinGrace(String refreshToken, String hash, long now) {
        TokenRepository.Grace grace = tokens.grace(hash).orElse(null);
        if (grace == null || now - grace.rotatedAt() > settings.refreshGrace().toMillis()) {
            return null;
        }
        String opened = SealedTokens.open(refreshToken, hash, grace.sealed());
        if (opened == null) {
            return null;
        }
        String[] successor = opened.split(" ");
        long secondsLeft = settings.accessTokenTtl().toSeconds() - (now - grace.rotatedAt()) / 1000;
        return new TokenAnswer(successor[0], successor[1], "read write", "bearer", secondsLeft, null);
    }

    /** Ends the caller's session: its access and refresh tokens stop working at once. */
    public void logout(Caller caller) {
        tokens.revokeSession(caller.sessionId(), "logout", clock.millis());
        gate.forgetAll();
    }

    private TokenAnswer issue(long sessionId, Long owId) {
        long now = clock.millis();
        String access = Secrets.generate("at_");
        String refresh = Secrets.generate("rt_");
        tokens.insertAccessToken(Secrets.sha256(access), sessionId, now + settings.accessTokenTtl().toMillis());
        tokens.insertRefreshToken(Secrets.sha256(refresh), sessionId, now + settings.refreshTokenTtl().toMillis());
        return new TokenAnswer(access, refresh, "read write", "bearer", settings.accessTokenTtl().toSeconds(), owId);
    }

    private static String domain(String host) {
        String domain = Names.domain(host);
        if (domain == null || domain.isEmpty()) {
            throw ApiException.badRequest("X-IAA-HOST", "Header 'X-IAA-HOST' is required.");
        }
        return domain;
    }

    /** IQM's 422, for a client whose credentials are right; to anyone else the domain's existence is not told. */
    private Workspace workspace(String domain) {
        return tenancy.workspaceByDomain(domain).orElseThrow(
                () -> ApiException.unprocessable("X-IAA-HOST", "Given workspace domain does not exist."));
    }

    /**
     * The OAuth client, whose secret must match, checked before the workspace is looked at: wrong credentials
     * answer 401 whether or not the workspace exists (issue 18), so domains cannot be enumerated with them.
     */
    private TenancyRepository.OAuthClient authenticateClient(ClientCredentials client, String email, String address) {
        TenancyRepository.OAuthClient registered = client == null || client.clientId() == null
                || client.clientSecret() == null ? null
                : tenancy.client(client.clientId())
                        .filter(c -> Secrets.sameHash(c.secretHash(), Secrets.sha256(client.clientSecret())))
                        .orElse(null);
        if (registered == null) {
            if (address != null) {
                events.login(LoginEvents.Outcome.INVALID_CLIENT, email, null, address);
            }
            throw invalidClient();
        }
        return registered;
    }

    private static ApiException invalidClient() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "Invalid client credentials.", null,
                "Send 'Authorization: Basic base64(client_id:client_secret)' of a client of this workspace.",
                null, Map.of("WWW-Authenticate", "Basic realm=\"adplane\""));
    }

    /** The seed's 400 for an organization on hold or suspended, with its reason (D9). */
    private void requireActive(Workspace workspace, Organization org) {
        if (org.status() == OrganizationStatus.ACTIVE) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", org.status().label());
        data.put("reason", org.holdReason());
        data.put("supportEmail", workspace.supportEmail());
        throw new ApiException(HttpStatus.BAD_REQUEST, "User is not allowed to access provided customer", null,
                "User is not associated with any active organization.", data, null);
    }

    private static ApiException invalidRefresh() {
        return ApiException.badRequest("refresh_token", "Invalid refresh token.")
                .withReason("The refresh token is unknown, expired, revoked or already used.");
    }
}
