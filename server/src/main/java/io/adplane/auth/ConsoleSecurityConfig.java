package io.adplane.auth;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The console's gate (issue 16), a chain of its own for {@code /console/**}, ordered between the API's and the
 * public one ({@link SecurityConfig}), which it leaves as they are. A browser holds no bearer token: its
 * credential is the console session cookie ({@link ConsoleCookies}), checked by {@link ConsoleGateFilter}. As
 * cookies are ambient, every unsafe request carries a CSRF token (double-submit: an {@code HttpOnly} cookie and
 * the form's or htmx's copy of it). Without a session a page redirects to {@code /console/login} (an htmx
 * request gets {@code HX-Redirect}); the login page and the assets are public. No server-side session is kept.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ConsoleSecurityConfig {

    static final String LOGIN_PAGE = "/console/login";
    private static final RequestMatcher CONSOLE = PathPatternRequestMatcher.pathPattern("/console/**");
    private static final RequestMatcher ASSETS = PathPatternRequestMatcher.pathPattern("/console/assets/**");
    /** Scripts, styles and the console's own requests only from here; images also over HTTPS (creative previews). */
    private static final String POLICY = "default-src 'self'; img-src 'self' https: data:; style-src 'self'; "
            + "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(50)
    SecurityFilterChain consoleChain(HttpSecurity http, TokenAuthenticationProvider tokens) throws Exception {
        CookieCsrfTokenRepository csrf = new CookieCsrfTokenRepository();
        csrf.setCookieName("adplane_console_csrf");
        csrf.setCookiePath(ConsoleCookies.PATH);
        csrf.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Lax"));
        http.securityMatcher(CONSOLE)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(ASSETS).permitAll()
                        .requestMatchers(HttpMethod.GET, LOGIN_PAGE).permitAll()
                        .requestMatchers(HttpMethod.POST, LOGIN_PAGE).permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new ConsoleGateFilter(tokens), AnonymousAuthenticationFilter.class)
                .csrf(c -> c.csrfTokenRepository(csrf)
                        // One token for the browser's whole session, not a new one per request: a form of one tab
                        // stays valid while another tab is used (each request authenticates anew from the cookie).
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                // The token is made before the page is written, so its cookie is set while headers can still be.
                .addFilterAfter(new LoadCsrfToken(), CsrfFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ConsoleSecurityConfig::toLogin)
                        .accessDeniedHandler((request, response, denied) -> refuse(response, 403,
                                "The form has expired or was not sent by the console; reload the page and try again.")))
                .headers(headers -> headers
                        .cacheControl(cache -> cache.disable())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(ASSETS),
                                new CacheControlHeadersWriter()))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(POLICY)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }

    private static void toLogin(HttpServletRequest request, HttpServletResponse response,
            org.springframework.security.core.AuthenticationException e) throws IOException {
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", LOGIN_PAGE);
            response.setStatus(401);
            return;
        }
        response.sendRedirect(LOGIN_PAGE);
    }

    /** A refusal of the gate as a small page of its own (the API's error envelopes are for API clients). */
    static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>adplane console: "
                + status + "</title><link rel=\"stylesheet\" href=\"/console/assets/console.css\"></head><body><main id=\"main\">"
                + "<h1>" + status + "</h1><p role=\"alert\">" + HtmlUtils.htmlEscape(message) + "</p>"
                + "<p><a href=\"/console\">Back to the console</a></p></main></body></html>");
    }

    private static final class LoadCsrfToken extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
