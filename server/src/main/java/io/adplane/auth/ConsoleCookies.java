package io.adplane.auth;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The console's cookies (issue 16). {@value #SESSION} carries the console session's opaque access token: a
 * session cookie (no expiry), {@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} over HTTPS, path
 * {@code /console}. The token is checked on every request by the same gate as a bearer token, so nothing about
 * a login lives in one instance's memory (D20), and revoking the session ends the console's access at once.
 * {@value #ORGANIZATION} names the organization the console acts for; the gate checks it like
 * {@code X-IAA-OW-ID}.
 */
public final class ConsoleCookies {

    public static final String SESSION = "adplane_console";
    public static final String ORGANIZATION = "adplane_console_ow";
    /** The request parameter that names the organization one request acts for, overriding the cookie. */
    public static final String ACT_FOR = "ow";
    static final String PATH = "/console";

    private ConsoleCookies() {
    }

    /** Starts the browser's console session. */
    public static void login(HttpServletRequest request, HttpServletResponse response, LoginService.ConsoleLogin login) {
        set(request, response, SESSION, login.accessToken(), null);
        set(request, response, ORGANIZATION, Long.toString(login.owId()), null);
    }

    /** Acts for {@code owId} from the next request on (the gate refuses an organization the user may not act for). */
    public static void actFor(HttpServletRequest request, HttpServletResponse response, long owId) {
        set(request, response, ORGANIZATION, Long.toString(owId), null);
    }

    /** Forgets the console session in the browser. */
    public static void clear(HttpServletRequest request, HttpServletResponse response) {
        set(request, response, SESSION, "", Duration.ZERO);
        set(request, response, ORGANIZATION, "", Duration.ZERO);
    }

    static Optional<String> read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty()
                : Arrays.stream(cookies).filter(c -> c.getName().equals(name)).map(Cookie::getValue)
                        .filter(v -> !v.isEmpty()).findFirst();
    }

    private static void set(HttpServletRequest request, HttpServletResponse response, String name, String value,
            Duration maxAge) {
        ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(name, value).path(PATH).httpOnly(true)
                .sameSite("Lax").secure(request.isSecure());
        if (maxAge != null) {
            cookie.maxAge(maxAge);
        }
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.build().toString());
    }
}
