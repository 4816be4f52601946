package io.adplane.tenancy;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password hashing with Argon2id at OWASP's floor (m = 19 MiB, t = 2, p = 1), set explicitly because the
 * library defaults are below it. Unknown users are checked against a dummy hash so that a wrong email costs
 * as long as a wrong password (D10). The dummies are fixed hashes of a random value nobody kept, made with each
 * cost's parameters: checking against one costs what checking a real hash costs, and start-up does not hash.
 *
 * <p>{@code adplane.passwords.cost=low} (for tests and development only) hashes with m = 64 KiB, t = 1
 * instead: a login then costs well under a millisecond. It is never the default, and production mode refuses
 * it ({@code ModeSettings}). A hash records its own parameters, so hashes of either cost verify under both; a
 * cheap hash is redone at the next login under the standard cost ({@link #needsRehash}).
 */
@Component
public class Passwords {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 256;

    /** The hash cost: {@code STANDARD} (the default) or {@code LOW} (tests and development). */
    public enum Cost {
        STANDARD, LOW;

        /** {@code standard} or {@code low}, in any case. */
        public static Cost of(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("adplane.passwords.cost must be 'standard' or 'low', not '" + value + "'");
            }
        }
    }

    /** Argon2id hashes of a discarded random secret, with the parameters of each cost. */
    private static final String STANDARD_DUMMY = "$argon2id$v=19$m=19456,t=2,p=1$0vcMhFsph7kPWJSqzsOU9w$rk17nf1Skilz6eK52O1x0VxU1Dmqxnzq0cGBnX8HssQ";
    private static final String LOW_DUMMY = "$argon2id$v=19$m=64,t=1,p=1$/UulRNc4MiDdP6R9EeAyZw$qOo2GH+GRksj+GbPnzkKL2nCmZCDoiQIFcZW6Xa2kVo";

    private final Cost cost;
    private final Argon2PasswordEncoder encoder;
    private final String dummyHash;

    public Passwords(@Value("${adplane.passwords.cost:standard}") String cost) {
        this.cost = Cost.of(cost);
        this.encoder = this.cost == Cost.LOW ? new Argon2PasswordEncoder(16, 32, 1, 64, 1)
                : new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
        this.dummyHash = this.cost == Cost.LOW ? LOW_DUMMY : STANDARD_DUMMY;
    }

    public Cost cost() {
        return cost;
    }

    /** The hash an unknown user's password is checked against. */
    String dummyHash() {
        return dummyHash;
    }

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
