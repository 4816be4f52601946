package io.adplane.auth;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.util.matcher.RequestMatcher;

import io.adplane.api.ApiException;

/**
 * Reads a {@link BearerToken} from {@code Authorization: Bearer ...} or its alias {@code Authentication}
 * (D1) and the organization from {@code X-IAA-OW-ID} (D6). No bearer token means no authentication attempt
 * (the entry point answers 401); a malformed organization header is a 400 before any lookup.
 */
final class BearerTokenConverter implements AuthenticationConverter {

    static final String OW_HEADER = Caller.OW_HEADER;
    private static final Pattern OW_ID = Pattern.compile("[1-9][0-9]{0,15}");

    private final RequestMatcher owOptional;

    /** @param owOptional the endpoints about the login itself, which act for its organization without the header */
    BearerTokenConverter(RequestMatcher owOptional) {
        this.owOptional = owOptional;
    }

    @Override
    public BearerToken convert(HttpServletRequest request) {
        String value = singleHeader(request, "Authorization");
        if (value == null) {
            value = singleHeader(request, "Authentication");
        }
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        if (!trimmed.toLowerCase(Locale.ROOT).startsWith("bearer ") || trimmed.substring(7).isBlank()) {
            return null;
        }
        return new BearerToken(trimmed.substring(7).trim(), owId(request));
    }

    private Long owId(HttpServletRequest request) {
        List<String> values = Collections.list(request.getHeaders(OW_HEADER));
        if (values.isEmpty()) {
            if (owOptional.matches(request)) {
                return null;
            }
            throw new GateRejection(ApiException.badRequest(OW_HEADER, "Header '" + OW_HEADER + "' is required."));
        }
        if (values.size() > 1 || !OW_ID.matcher(values.get(0).trim()).matches()) {
            throw new GateRejection(ApiException.badRequest(OW_HEADER,
                    "Header '" + OW_HEADER + "' must be one organization id, a positive integer."));
        }
        return Long.valueOf(values.get(0).trim());
    }

    private static String singleHeader(HttpServletRequest request, String name) {
        List<String> values = Collections.list(request.getHeaders(name));
        if (values.size() > 1) {
            throw new GateRejection(ApiException.invalidToken("Invalid token").withReason("Send one '" + name + "' header."));
        }
        return values.isEmpty() ? null : values.get(0);
    }
}
