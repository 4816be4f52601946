package io.adplane.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.secret.DefaultSecretGenerator;

/**
 * Time-based one-time passwords (RFC 6238): 6 digits, 30-second steps, HMAC-SHA1, as every authenticator app
 * reads them from an {@code otpauth://} URI. A code of the step before or after the current one is accepted too
 * (clock drift); which step matched is returned so that each step is used once.
 */
public final class Totp {

    public static final int PERIOD_SECONDS = 30;
    private static final DefaultCodeGenerator CODES = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

    private Totp() {
    }

    /** A new shared secret: 160 random bits in base32. */
    public static String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    /** The code of {@code secret} at {@code epochMillis}. */
    public static String code(String secret, long epochMillis) {
        try {
            return CODES.generate(secret, Math.floorDiv(epochMillis / 1000, PERIOD_SECONDS));
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("a TOTP secret could not be used", e);
        }
    }

    /** The time step within one step of {@code epochMillis} whose code {@code code} is, or -1. */
    public static long matchingStep(String secret, String code, long epochMillis) {
        if (code == null || !code.strip().matches("[0-9]{6}")) {
            return -1;
        }
        long now = Math.floorDiv(epochMillis / 1000, PERIOD_SECONDS);
        for (long step = now - 1; step <= now + 1; step++) {
            try {
                if (java.security.MessageDigest.isEqual(CODES.generate(secret, step).getBytes(StandardCharsets.US_ASCII),
                        code.strip().getBytes(StandardCharsets.US_ASCII))) {
                    return step;
                }
            } catch (CodeGenerationException e) {
                throw new IllegalStateException("a TOTP secret could not be used", e);
            }
        }
        return -1;
    }

    /** The {@code otpauth://} URI an authenticator app imports. */
    public static String uri(String secret, String account, String issuer) {
        String label = URLEncoder.encode(issuer + ":" + account, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer="
                + URLEncoder.encode(issuer, StandardCharsets.UTF_8).replace("+", "%20") + "&algorithm=SHA1&digits=6&period="
                + PERIOD_SECONDS;
    }
}
