package io.adplane.auth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import io.adplane.api.ApiException;
import io.adplane.api.ErrorRenderer;

/**
 * Every answer the filter chain gives itself, rendered like any other error: in the v2 or v3 envelope by
 * {@link ErrorRenderer} (D4), with the RFC 6750 challenge on 401s (D5).
 */
final class SecurityAnswers implements AuthenticationEntryPoint, AuthenticationFailureHandler, AccessDeniedHandler,
        RequestRejectedHandler {

    static final String BEARER_HINT = "Send 'Authorization: Bearer <access_token>'.";

    private final ErrorRenderer renderer;

    SecurityAnswers(ErrorRenderer renderer) {
        this.renderer = renderer;
    }

    /** No usable bearer token on a route that needs one. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        renderer.write(request, response, ApiException.invalidToken("Invalid token").withReason(BEARER_HINT));
    }

    /** The token or the organization header was refused: the answer travels in the exception. */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        ApiException answer = e instanceof GateRejection rejection ? rejection.answer()
                : ApiException.invalidToken("Invalid token");
        renderer.write(request, response, answer);
    }

    /** For routes that are closed outside the API: they answer like a path that does not exist. */
    AuthenticationEntryPoint notFound() {
        return (request, response, e) -> renderer.write(request, response, ApiException.notFound(null, "Resource not found."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        renderer.write(request, response, ApiException.forbidden("This route is not open to the caller."));
    }

    /**
     * The firewall refused the request line or a header before any routing or authentication: an encoded,
     * {@code ;}-parameterised or non-normalised path, or a control character.
     */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        // The firewall runs before the header writers of the chains, so the answer carries its own.
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        renderer.write(request, response, rejected());
    }

    static ApiException rejected() {
        return ApiException.badRequest(null, "Malformed request.")
                .withReason("Paths are sent as they are documented: no percent-encoding, ';' parameters, '//' or dot "
                        + "segments; headers carry no control characters.");
    }
}
