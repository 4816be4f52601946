package io.adplane.auth;

import org.springframework.stereotype.Component;

import io.adplane.tenancy.Passwords;
import io.adplane.tenancy.TenancyRepository;
import io.adplane.tenancy.User;

/**
 * A password check outside the login (the User API's current-password validation), counted exactly like a
 * login's: by the account's throttle (429 with {@code Retry-After} while locked, so it is no side door for
 * guessing) and under the cap on concurrent password checks.
 */
@Component
public class PasswordChecks {

    private final LoginThrottle throttle;
    private final PasswordCapacity capacity;
    private final TenancyRepository tenancy;
    private final Passwords passwords;

    PasswordChecks(LoginThrottle throttle, PasswordCapacity capacity, TenancyRepository tenancy, Passwords passwords) {
        this.throttle = throttle;
        this.capacity = capacity;
        this.tenancy = tenancy;
        this.passwords = passwords;
    }

    /** True when {@code password} is the user's. */
    public boolean matches(long userId, String password) {
        User user = tenancy.user(userId).orElseThrow();
        throttle.reserve(user.email());
        boolean ok = capacity.run(() -> passwords.matches(password, user.passwordHash()));
        if (ok) {
            throttle.succeeded(user.email());
        }
        return ok;
    }
}
