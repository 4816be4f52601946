package io.adplane.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a text under a key derived from a token (HMAC-SHA256 of a fixed label, keyed by the token), with
 * AES-256-GCM: only someone who holds the token can open it. The database stores the token's SHA-256,
 * a different derivation, so what it holds opens nothing. Used for the successor tokens kept through the
 * refresh grace window.
 */
final class SealedTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] LABEL = "adplane refresh grace v1".getBytes(StandardCharsets.US_ASCII);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private SealedTokens() {
    }

    /** {@code plaintext} sealed under {@code token}, bound to {@code context}; base64url of IV and ciphertext. */
    static String seal(String token, String context, String plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, token, iv, context);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plaintext, or {@code null} when {@code sealed} was not made with this token and context. */
    static String open(String token, String context, String sealed) {
        try {
            byte[] in = Base64.getUrlDecoder().decode(sealed);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, token, Arrays.copyOf(in, IV_BYTES), context);
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Cipher cipher(int mode, String token, byte[] iv, String context) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(mac.doFinal(LABEL), "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
