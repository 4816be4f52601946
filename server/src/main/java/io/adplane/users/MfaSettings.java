package io.adplane.users;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.adplane.api.ApiException;
import io.adplane.api.Limits;
import io.adplane.auth.Caller;
import io.adplane.auth.Totp;
import io.adplane.tenancy.Role;
import io.adplane.tenancy.TenancyRepository;
import io.adplane.tenancy.TenancyService;
import io.adplane.tenancy.User;

/**
 * Turning TOTP on and off for users (U11): an admin does it for itself and for the users it manages (U7), by user
 * id. Turning it on makes a new secret and emails its {@code otpauth://} URI to the user; either way every login of
 * the user ends, and from then on its login needs the code.
 */
@Service
public class MfaSettings {

    private final TenancyRepository tenancy;
    private final TenancyService tenancyService;
    private final UserRepository users;
    private final Mailer mailer;

    MfaSettings(TenancyRepository tenancy, TenancyService tenancyService, UserRepository users, Mailer mailer) {
        this.tenancy = tenancy;
        this.tenancyService = tenancyService;
        this.users = users;
        this.mailer = mailer;
    }

    @Transactional
    public MfaResult enable(Caller caller, List<Long> userIds) {
        List<Long> ok = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        for (long userId : check(caller, userIds)) {
            User user = manageable(caller, userId);
            if (user == null) {
                failed.add(userId);
                continue;
            }
            String secret = Totp.newSecret();
            tenancy.setMfa(userId, true, secret);
            tenancyService.revokeSessions(userId, "mfa_enabled");
            mailer.send(user.email(), "Multi-factor authentication is on for your adplane account",
                    "From now on, logging in as " + user.email() + " needs a code of your authenticator app.\n\n"
                            + "Add this account to the app with this key (or scan it as a QR code):\n"
                            + Totp.uri(secret, user.email(), "adplane") + "\n", "mfa");
            ok.add(userId);
        }
        return new MfaResult(ok, failed);
    }

    @Transactional
    public MfaResult.Disabled disable(Caller caller, List<Long> userIds) {
        List<Long> ok = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        for (long userId : check(caller, userIds)) {
            User user = manageable(caller, userId);
            if (user == null) {
                failed.add(userId);
                continue;
            }
            tenancy.setMfa(userId, false, null);
            tenancyService.revokeSessions(userId, "mfa_disabled");
            ok.add(userId);
        }
        return new MfaResult.Disabled(ok, failed);
    }

    private static List<Long> check(Caller caller, List<Long> userIds) {
        if (caller.role() != Role.ADMIN) {
            throw ApiException.forbidden("User does not have access to enable or disable MFA for the specified users");
        }
        if (userIds == null || userIds.isEmpty()) {
            throw ApiException.badRequest("userIds", "Field 'userIds' is required.");
        }
        return Limits.ids("userIds", userIds).stream().distinct().toList();
    }

    /** The user when it is the caller or a member the caller manages in the acting organization's subtree. */
    private User manageable(Caller caller, long userId) {
        if (userId == caller.userId()) {
            return tenancy.user(userId).orElseThrow();
        }
        for (UserRepository.Member m : users.membershipsOf(userId)) {
            try {
                users.checkManaged(caller, m, tenancy);
                return tenancy.user(userId).orElseThrow();
            } catch (ApiException notThisOne) {
                // Another membership may be one the caller manages.
            }
        }
        return null;
    }
}
