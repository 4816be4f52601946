package io.adplane.auth.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.adplane.api.ApiException;
import io.adplane.api.V3Response;
import io.adplane.auth.Caller;
import io.adplane.auth.LoginService;
import io.adplane.auth.LoginService.ClientCredentials;
import io.adplane.auth.ProfileService;

/** IQM's user API: login (seed Step 1), OAuth token, logout, profile and allowed organizations (D2). */
@RestController
class LoginController {

    private static final Set<String> FORM_FIELDS = Set.of("grant_type", "grantType", "username", "email", "password",
            "refresh_token", "client_id", "client_secret", "scope", "otp", "mfaCode");

    private final LoginService logins;
    private final ProfileService profiles;

    LoginController(LoginService logins, ProfileService profiles) {
        this.logins = logins;
        this.profiles = profiles;
    }

    /** The body of both token endpoints, in IQM's camelCase or OAuth's snake_case spelling (D2). */
    record TokenRequest(
            @JsonProperty("grant_type") @JsonAlias("grantType") String grantType,
            @JsonAlias("username") String email,
            String password,
            @JsonProperty("refresh_token") @JsonAlias("refreshToken") String refreshToken,
            @JsonProperty("client_id") String clientId,
            @JsonProperty("client_secret") String clientSecret,
            String scope,
            @JsonAlias("mfaCode") String otp) {
    }

    @PostMapping(path = "/api/v3/ua/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    V3Response<?> login(@RequestBody TokenRequest body, @RequestHeader Map<String, String> headers,
            HttpServletRequest request) {
        if (body.grantType() == null) {
            throw ApiException.badRequest("grantType", "Field 'grantType' is required.");
        }
        if (!"password".equals(body.grantType())) {
            throw ApiException.badRequest("grantType", "Field 'grantType' must be 'password'.");
        }
        return V3Response.ok(passwordGrant(body, headers, basic(headers), request));
    }

    @PostMapping(path = "/api/v3/ua/oauth/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    Object token(@RequestBody TokenRequest body, @RequestHeader Map<String, String> headers,
            HttpServletRequest request) {
        ClientCredentials client = basic(headers);
        if (client == null && body.clientId() != null) {
            client = new ClientCredentials(body.clientId(), body.clientSecret());
        }
        if (body.grantType() == null) {
            throw ApiException.badRequest("grant_type", "Field 'grant_type' is required.");
        }
        return switch (body.grantType()) {
            case "password" -> V3Response.ok(passwordGrant(body, headers, client, request));
            case "refresh_token" -> logins.refreshGrant(host(headers), client, body.refreshToken());
            default -> throw ApiException.badRequest("grant_type",
                    "Unsupported grant type; use 'password' or 'refresh_token'.");
        };
    }

    @PostMapping(path = "/api/v3/ua/oauth/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Object tokenForm(@RequestParam MultiValueMap<String, String> form, @RequestHeader Map<String, String> headers,
            HttpServletRequest request) {
        for (Map.Entry<String, List<String>> e : form.entrySet()) {
            if (!FORM_FIELDS.contains(e.getKey())) {
                throw ApiException.badRequest(e.getKey(), "Unknown field '" + e.getKey() + "'.");
            }
            if (e.getValue().size() > 1) {
                throw ApiException.badRequest(e.getKey(), "Duplicate field '" + e.getKey() + "'.");
            }
        }
        return token(new TokenRequest(
                first(form, "grant_type", "grantType"), first(form, "email", "username"), form.getFirst("password"),
                form.getFirst("refresh_token"), form.getFirst("client_id"), form.getFirst("client_secret"),
                form.getFirst("scope"), first(form, "otp", "mfaCode")), headers, request);
    }

    @PostMapping("/api/v3/ua/logout")
    V3Response<String> logout(Caller caller) {
        logins.logout(caller);
        return V3Response.ok("User logged out successfully.");
    }

    @GetMapping("/api/v3/ua/profile")
    V3Response<Map<String, Object>> profile(Caller caller) {
        return V3Response.ok(profiles.profile(caller));
    }

    @GetMapping("/api/v3/ua/allowed-customers-ids")
    V3Response<List<Long>> allowedOrganizations(Caller caller) {
        return V3Response.ok(profiles.allowedOwIds(caller));
    }

    /**
     * The address is the client's as the connector sees it; behind a proxy, set
     * {@code server.forward-headers-strategy} so it is the client's, not the proxy's.
     */
    private Object passwordGrant(TokenRequest body, Map<String, String> headers, ClientCredentials client,
            HttpServletRequest request) {
        if (body.email() == null || body.email().isBlank()) {
            throw ApiException.badRequest("email", "Field 'email' (or 'username') is required.");
        }
        if (body.password() == null || body.password().isEmpty()) {
            throw ApiException.badRequest("password", "Field 'password' is required.");
        }
        return logins.passwordGrant(host(headers), client, body.email(), body.password(), body.otp(),
                request.getRemoteAddr());
    }

    /** Client credentials from {@code Authorization} or its alias {@code Authentication} (D1). */
    private static ClientCredentials basic(Map<String, String> headers) {
        String value = header(headers, "authorization");
        if (value == null) {
            value = header(headers, "authentication");
        }
        return ClientCredentials.fromBasic(value);
    }

    /** The workspace domain: {@code X-IAA-HOST}, else {@code Host} (D2). */
    private static String host(Map<String, String> headers) {
        String value = header(headers, "x-iaa-host");
        return value == null || value.isBlank() ? header(headers, "host") : value;
    }

    private static String header(Map<String, String> headers, String lowerName) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(lowerName)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String first(MultiValueMap<String, String> form, String name, String alias) {
        String value = form.getFirst(name);
        return value != null ? value : form.getFirst(alias);
    }
}
