package cn.yiyang.planning.app.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Sign-in for the UI (Vaadin login view) and for the REST API and tiles (HTTP Basic or the UI's
 * session). Accounts and how a password is checked: {@link AccountConfiguration}. Every answer carries the
 * {@link ContentSecurityPolicy} and, on HTTPS, HSTS ({@link SecurityHeadersFilter}); CSRF for the pages is Vaadin's.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    /**
     * The vector tiles: as the API (authenticated, the map's session or HTTP Basic, 401 problems), with
     * only the filters a tile needs, the map sends dozens of tile requests per view: no logout, no
     * saved request, no anonymous user, and never a new session.
     */
    @Bean
    @Order(0)
    SecurityFilterChain tileSecurity(HttpSecurity http, ApiAuthenticationEntryPoint entryPoint, ApiTokenService tokens)
            throws Exception {
        return http.securityMatcher("/tiles/**")
                .addFilterBefore(new BearerTokenFilter(tokens, entryPoint), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
                .csrf(c -> c.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .anonymous(a -> a.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .build();
    }

    /**
     * The REST API, the base-map proxy, the OGC API and the API's description (OpenAPI, Swagger UI):
     * authenticated, a bearer token or HTTP Basic for scripts (and GDAL, QGIS), the session for the map and a browser.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiAuthenticationEntryPoint entryPoint, ApiTokenService tokens)
            throws Exception {
        return http.securityMatcher(
                        "/api/**",
                        "/basemap/**",
                        "/ogc",
                        "/ogc/**",
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/swagger-ui.html",
                        "/swagger-ui/**")
                .addFilterBefore(new BearerTokenFilter(tokens, entryPoint), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
                .csrf(c -> c.disable())
                .build();
    }

    /**
     * Health for operators: open to anyone (status only), with HTTP Basic or the session so that a signed-in
     * caller sees the details ({@code management.endpoint.health.show-details=when-authorized}).
     */
    @Bean
    @Order(0)
    SecurityFilterChain healthSecurity(HttpSecurity http, ApiAuthenticationEntryPoint entryPoint) throws Exception {
        return http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
                .csrf(c -> c.disable())
                .sessionManagement(m -> m.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .build();
    }

    /** Everything else is the Vaadin UI. */
    @Bean
    @Order(2)
    SecurityFilterChain uiSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/map/**", "/styles/**", "/images/**", "/favicon.ico")
                .permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), c -> c.loginView(LoginView.class))
                .build();
    }
}
