package cn.yiyang.planning.app.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Sign-in for the UI (Vaadin login view) and for the REST API and tiles (HTTP Basic or the UI's
 * session). Users: one demo account per role, password from {@code planning.security.demo-password}.
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
    SecurityFilterChain tileSecurity(HttpSecurity http, ApiAuthenticationEntryPoint entryPoint) throws Exception {
        return http.securityMatcher("/tiles/**")
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
     * authenticated, HTTP Basic for scripts (and GDAL, QGIS), the session for the map and a browser.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiAuthenticationEntryPoint entryPoint) throws Exception {
        return http.securityMatcher(
                        "/api/**",
                        "/basemap/**",
                        "/ogc",
                        "/ogc/**",
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/swagger-ui.html",
                        "/swagger-ui/**")
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

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(
            PasswordEncoder encoder, @Value("${planning.security.demo-password:yiyang2025}") String password) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        Arrays.stream(Role.values())
                .forEach(role -> users.createUser(User.withUsername(role.name().toLowerCase(Locale.ROOT))
                        .password(encoder.encode(password))
                        .roles(
                                role == Role.ADMIN
                                        ? Arrays.stream(Role.values())
                                                .map(Enum::name)
                                                .toArray(String[]::new)
                                        : new String[] {role.name()})
                        .build()));
        return users;
    }
}
