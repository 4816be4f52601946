package io.adplane.auth;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.adplane.api.ErrorRenderer;

/**
 * The gate, as Spring Security filter chains (D1, D5, D6).
 *
 * <ul>
 * <li>The firewall ({@link StrictHttpFirewall}, tightened to refuse any percent-encoding in the path) runs
 * before every chain: an encoded, {@code ;}-parameterised, {@code //} or dot-segment spelling of a path is a
 * 400 in the API's envelope, so no spelling reaches a route the plain one would guard.</li>
 * <li>The API chain ({@code /api/**}, stateless, no session, no CSRF: a bearer API has no ambient
 * credentials) authenticates every route that maps to a controller with {@link TokenAuthenticationProvider},
 * except the two login endpoints, which authenticate their client themselves ({@link LoginService}). A path
 * that maps to no controller is let through to the dispatcher, which answers 404.</li>
 * <li>The other chain serves what is public outside the API (OpenAPI document, Swagger UI, health, info,
 * metrics) and refuses every other route; a later console with sessions and CSRF gets a chain of its own,
 * ordered between the two.</li>
 * </ul>
 * Only in the server: the admin commands run without a web server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfig {

    private static final RequestMatcher API = PathPatternRequestMatcher.pathPattern("/api/**");
    private static final RequestMatcher LOGIN = new OrRequestMatcher(
            PathPatternRequestMatcher.pathPattern("/api/v3/ua/login"),
            PathPatternRequestMatcher.pathPattern("/api/v3/ua/oauth/token"));
    /**
     * What an emailed link leads to, before any login (invitations, password resets, finding one's workspace):
     * each answers only to the holder of the link's token, or the same for any email.
     */
    private static final RequestMatcher PUBLIC = new OrRequestMatcher(
            PathPatternRequestMatcher.pathPattern("/api/v3/ua/invite/validate"),
            PathPatternRequestMatcher.pathPattern("/api/v3/ua/invite/accept"),
            PathPatternRequestMatcher.pathPattern("/api/v3/ua/user/reset-password"),
            PathPatternRequestMatcher.pathPattern("/api/v3/ua/user/reset-password/validate"),
            PathPatternRequestMatcher.pathPattern("/api/v3/ua/user/reset-password/complete"),
            PathPatternRequestMatcher.pathPattern("/api/v3/ua/find-my-workspace"),
            PathPatternRequestMatcher.pathPattern("/api/v3/ua/init"),
            // The workspace's logo and uploaded images are public, as IQM's asset links are (U15); a workspace is
            // made with an invited customer's link, before its owner has a login (U16).
            PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/api/v3/ua/logo"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/api/v3/ua/images/{sha256}"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/v3/ua/workspace"));
    /** Endpoints about the login itself; without {@code X-IAA-OW-ID} they act for the organization logged in for. */
    private static final RequestMatcher OW_OPTIONAL = new OrRequestMatcher(
            PathPatternRequestMatcher.pathPattern("/api/v3/ua/logout"),
            PathPatternRequestMatcher.pathPattern("/api/v3/ua/profile"),
            PathPatternRequestMatcher.pathPattern("/api/v3/ua/user/allowed-organizations"),
            PathPatternRequestMatcher.pathPattern("/api/v3/ua/allowed-customers-ids"),
            PathPatternRequestMatcher.pathPattern("/api/v3/ua/user/accessible-organizations"),
            PathPatternRequestMatcher.pathPattern("/api/v3/ua/user/ow-id"));

    /**
     * No Micrometer observation of the filter chains, authentications and authorizations (H3): an observation
     * and a timer around each of the chain's dozen filters on every request cost about 8 % of a campaign GET's
     * CPU (issue 17), and no metric, dashboard or test reads them; requests are timed by
     * {@link io.adplane.api.RequestIds}.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityAnswers securityAnswers(ErrorRenderer renderer) {
        return new SecurityAnswers(renderer);
    }

    @Bean
    HandledRoutes handledRoutes(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping) {
        return new HandledRoutes(mapping);
    }

    /** adplane's paths never need percent-encoding; any {@code %} in one is refused with the firewall's others. */
    @Bean
    WebSecurityCustomizer firewall(SecurityAnswers answers) {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.getEncodedUrlBlocklist().add("%");
        return web -> web.httpFirewall(firewall).requestRejectedHandler(answers);
    }

    @Bean
    @Order(10)
    SecurityFilterChain apiChain(HttpSecurity http, TokenAuthenticationProvider tokens, HandledRoutes routes,
            SecurityAnswers answers) throws Exception {
        AuthenticationFilter bearer = new AuthenticationFilter(new ProviderManager(tokens),
                new BearerTokenConverter(OW_OPTIONAL));
        bearer.setRequestMatcher(new AndRequestMatcher(routes, new NegatedRequestMatcher(LOGIN),
                new NegatedRequestMatcher(PUBLIC)));
        bearer.setSuccessHandler((request, response, authentication) -> { });
        bearer.setFailureHandler(answers);
        http.securityMatcher(API)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(LOGIN).permitAll()
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers(routes).authenticated()
                        // No controller answers this path: the dispatcher's 404, never a hint that it needs a token.
                        .anyRequest().permitAll())
                .addFilterBefore(bearer, AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(answers).accessDeniedHandler(answers))
                .headers(headers -> headers
                        .cacheControl(cache -> cache.disable())
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new StaticHeadersWriter("Cache-Control", "no-store"))
                        .addHeaderWriter(new StaticHeadersWriter("Pragma", "no-cache"))
                        .addHeaderWriter(new StaticHeadersWriter("Content-Security-Policy",
                                "default-src 'none'; frame-ancestors 'none'"))
                        .withObjectPostProcessor(eagerHeaders()));
        return stateless(http).build();
    }

    @Bean
    @Order(100)
    SecurityFilterChain otherChain(HttpSecurity http, HandledRoutes routes, SecurityAnswers answers) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").denyAll()
                        // A route outside the API that is not listed above needs a chain of its own.
                        .requestMatchers(routes).denyAll()
                        .anyRequest().permitAll())
                // What is closed here answers like what does not exist.
                .exceptionHandling(errors -> errors.authenticationEntryPoint(answers.notFound())
                        .accessDeniedHandler((request, response, e) -> answers.notFound().commence(request, response, null)))
                .headers(headers -> headers
                        .cacheControl(cache -> cache.disable())
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .withObjectPostProcessor(eagerHeaders()));
        return stateless(http).build();
    }

    /**
     * The security headers are static: written once, before the request runs, instead of through a response
     * wrapper that checks on every write whether the answer is being committed (issue 17, the hot path).
     */
    private static ObjectPostProcessor<HeaderWriterFilter> eagerHeaders() {
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                filter.setShouldWriteHeadersEagerly(true);
                return filter;
            }
        };
    }

    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(cache -> cache.disable())
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
    }
}
