package io.adplane.tenancy;

import io.adplane.api.Secrets;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password hashing with Argon2id at OWASP's floor (m = 19 MiB, t = 2, p = 1), set explicitly because the
 * library defaults are below it. Unknown users are checked against a dummy hash so that a wrong email costs
 * as long as a wrong password (D10).
 */
@Component
public class Passwords {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 256;

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
    private final String dummyHash = encoder.encode(Secrets.generate(""));

    public String hash(String password) {
        return encoder.encode(password);
    }

    /** Checks {@code password}; a {@code null} hash (no such user) is checked against the dummy, then fails. */
    public boolean matches(String password, String hash) {
        if (hash == null) {
            encoder.matches(password, dummyHash);
            return false;
        }
        return encoder.matches(password, hash);
    }

    /** True when the stored hash was made with weaker parameters than today's and should be redone. */
    public boolean needsRehash(String hash) {
        return encoder.upgradeEncoding(hash);
    }

    /** Why a new password is refused, or {@code null}. Length only, no composition rules (ASVS 6.2). */
    public static String problem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "password must have at least " + MIN_LENGTH + " characters";
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
            return "password must have at most " + MAX_LENGTH + " characters";
        }
        return null;
    }
}
