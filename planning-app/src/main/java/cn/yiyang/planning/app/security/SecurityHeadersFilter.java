package cn.yiyang.planning.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers of every answer (pages, API, tiles, static files), set before anything else runs, since
 * Vaadin's pages did not get Spring Security's header writers: the {@link ContentSecurityPolicy}, {@code nosniff},
 * and on HTTPS requests HSTS for a year (behind a proxy that ends TLS, {@code server.forward-headers-strategy=native}
 * with {@code X-Forwarded-Proto} makes the request count as HTTPS).
 */
final class SecurityHeadersFilter extends OncePerRequestFilter {

    private final String policy;

    SecurityHeadersFilter(String policy) {
        this.policy = policy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        chain.doFilter(request, response);
    }

    /** Registered first of all filters. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<SecurityHeadersFilter> securityHeaders(
                @Value("${planning.tianditu.base-url:https://t{s}.tianditu.gov.cn}") String tianditu) {
            FilterRegistrationBean<SecurityHeadersFilter> r =
                    new FilterRegistrationBean<>(new SecurityHeadersFilter(ContentSecurityPolicy.policy(tianditu)));
            r.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return r;
        }
    }
}
