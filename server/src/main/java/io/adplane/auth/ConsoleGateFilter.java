package io.adplane.auth;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the console's {@link Caller} from its cookies ({@link ConsoleCookies}) with the bearer gate's own
 * check ({@link TokenAuthenticationProvider}): the same revocation, holds and D5/D6 rules as the API. An
 * organization chosen with the switcher that the user may no longer act for falls back to the one the session
 * logged in for; one named by the request ({@value ConsoleCookies#ACT_FOR}, as links across organizations do)
 * is refused with 403. A token that fails leaves the request anonymous, which the chain sends to its login page.
 */
final class ConsoleGateFilter extends OncePerRequestFilter {

    private final TokenAuthenticationProvider gate;

    ConsoleGateFilter(TokenAuthenticationProvider gate) {
        this.gate = gate;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = ConsoleCookies.read(request, ConsoleCookies.SESSION).orElse(null);
        if (token != null) {
            String explicit = request.getParameter(ConsoleCookies.ACT_FOR);
            try {
                if (explicit != null) {
                    // One request for a named organization, like X-IAA-OW-ID: refused, never replaced by another.
                    Long owId = owId(explicit);
                    if (owId == null) {
                        ConsoleSecurityConfig.refuse(response, 400, "ow must be an organization id.");
                        return;
                    }
                    SecurityContextHolder.getContext().setAuthentication(gate.authenticate(new BearerToken(token, owId)));
                } else {
                    Long owId = ConsoleCookies.read(request, ConsoleCookies.ORGANIZATION).map(ConsoleGateFilter::owId)
                            .orElse(null);
                    SecurityContextHolder.getContext().setAuthentication(authenticate(token, owId));
                }
            } catch (GateRejection rejected) {
                HttpStatus status = rejected.answer().status();
                if (status == HttpStatus.SERVICE_UNAVAILABLE || status == HttpStatus.FORBIDDEN) {
                    ConsoleSecurityConfig.refuse(response, status.value(), rejected.answer().getMessage());
                    return;
                }
                // Anonymous: the chain's entry point asks for a login.
            }
        }
        chain.doFilter(request, response);
    }

    private Authentication authenticate(String token, Long owId) {
        try {
            return gate.authenticate(new BearerToken(token, owId));
        } catch (GateRejection rejected) {
            if (owId != null && rejected.answer().status() == HttpStatus.FORBIDDEN) {
                return gate.authenticate(new BearerToken(token, null));
            }
            throw rejected;
        }
    }

    private static Long owId(String value) {
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
