package io.adplane.auth;

import org.springframework.security.core.AuthenticationException;

import io.adplane.api.ApiException;

/**
 * Why the gate refused a call, as the answer the client gets: 401 for a missing, unknown, expired or revoked
 * token, 400 for a malformed {@code X-IAA-OW-ID}, 403 for an organization the token's user may not act for
 * (D5, D6). Raised inside Spring Security's authentication and rendered by {@link SecurityAnswers}.
 */
final class GateRejection extends AuthenticationException {

    private final transient ApiException answer;

    GateRejection(ApiException answer) {
        super(answer.getMessage());
        this.answer = answer;
    }

    ApiException answer() {
        return answer;
    }
}
