package io.adplane.tenancy;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;

/** Normal forms for the identifiers people type: emails and workspace domains. */
public final class Names {

    private Names() {
    }

    /** Trimmed, NFC, lower-case; {@code Test-User@X} and {@code test-user@x} are one account. */
    public static String email(String raw) {
        if (raw == null) {
            return null;
        }
        return Normalizer.normalize(raw.trim(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** "First Last", or the email's local part when the user has no name. */
    public static String displayName(String firstName, String lastName, String email) {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? email.substring(0, email.indexOf('@')) : name;
    }

    public static boolean isEmail(String normalised) {
        if (normalised == null || normalised.length() > 320) {
            return false;
        }
        int at = normalised.indexOf('@');
        return at > 0 && at == normalised.lastIndexOf('@') && at < normalised.length() - 1
                && normalised.chars().noneMatch(c -> Character.isWhitespace(c) || c < 0x20);
    }

    /**
     * A workspace domain from an {@code X-IAA-HOST} or {@code Host} value: scheme, path, port and case
     * removed ({@code https://App.Example.com:443/x} becomes {@code app.example.com}).
     */
    public static String domain(String raw) {
        if (raw == null) {
            return null;
        }
        String d = raw.trim().toLowerCase(Locale.ROOT);
        int scheme = d.indexOf("://");
        if (scheme >= 0) {
            d = d.substring(scheme + 3);
        }
        int slash = d.indexOf('/');
        if (slash >= 0) {
            d = d.substring(0, slash);
        }
        if (d.startsWith("[")) {
            int end = d.indexOf(']');
            return end > 0 ? d.substring(0, end + 1) : d;
        }
        int colon = d.indexOf(':');
        if (colon >= 0) {
            d = d.substring(0, colon);
        }
        while (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        try {
            return IDN.toASCII(d);
        } catch (IllegalArgumentException e) {
            return d;
        }
    }
}
