package io.adplane.ops;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Database URLs as people write them. adplane speaks JDBC ({@code jdbc:postgresql://host:5432/db},
 * {@code jdbc:h2:...}); a libpq-style URL ({@code postgres://user:secret@host:5432/db?sslmode=require}, what
 * hosting providers hand out) is translated to its JDBC form, with the user and password taken out of it.
 */
public final class DatabaseUrls {

    private DatabaseUrls() {
    }

    /** A JDBC URL and, when the URL carried them, its user and password. */
    public record Jdbc(String url, String user, String password) {
    }

    /** True for {@code postgres://} and {@code postgresql://} URLs. */
    public static boolean isLibpq(String url) {
        return url != null && (url.startsWith("postgres://") || url.startsWith("postgresql://"));
    }

    /** The JDBC form of a libpq URL; parameters such as {@code sslmode} are kept (pgJDBC understands them). */
    public static Jdbc fromLibpq(String url) {
        String rest = url.substring(url.indexOf("://") + 3);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q);
            rest = rest.substring(0, q);
        }
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String info = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        int slash = rest.indexOf('/');
        String hosts = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 ? "" : rest.substring(slash + 1);
        if (hosts.isEmpty()) {
            hosts = "localhost";
        }
        return new Jdbc("jdbc:postgresql://" + hosts + "/" + database + query, blankToNull(user), password);
    }

    /** True for an embedded H2 file database ({@code jdbc:h2:file:...} or {@code jdbc:h2:./...}). */
    public static boolean isH2File(String url) {
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:") && !url.startsWith("jdbc:h2:tcp:")
                && !url.startsWith("jdbc:h2:ssl:");
    }

    /** The {@code .mv.db} file of an embedded H2 URL ({@code jdbc:h2:file:./data/adplane;...}), absolute. */
    public static Path h2File(String url) {
        String rest = url.substring("jdbc:h2:".length());
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        int semicolon = rest.indexOf(';');
        String name = semicolon < 0 ? rest : rest.substring(0, semicolon);
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Path.of(name + ".mv.db").toAbsolutePath().normalize();
    }

    /** The URL without a password that may be written in it. */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("(://[^/:@]*:)[^@/]*@", "$1***@");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
