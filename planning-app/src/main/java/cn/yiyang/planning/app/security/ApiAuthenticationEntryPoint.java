package cn.yiyang.planning.app.security;

import cn.yiyang.planning.app.i18n.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * Answers an unauthenticated API call with 401, a Basic challenge and a problem in the caller's language; a sign-in
 * refused by the throttle with 429 {@code sign_in_throttled} and {@code Retry-After}.
 */
@Component
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final Messages messages;

    ApiAuthenticationEntryPoint(Messages messages) {
        this.messages = messages;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        // No Accept-Language means Chinese, not the server's locale.
        var locale = request.getHeader("Accept-Language") == null ? Messages.ZH : request.getLocale();
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (e instanceof SignInThrottledException throttled) {
            long seconds = Math.max(
                    1, Duration.between(Instant.now(), throttled.until()).toSeconds() + 1);
            String detail = messages.get("api.error.sign-in-throttled", locale, seconds);
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", Long.toString(seconds));
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                            + "\"code\":\"sign_in_throttled\",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
            return;
        }
        String detail = messages.get("api.error.unauthenticated", locale);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"rural-planning\", charset=\"UTF-8\"");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"code\":\"unauthenticated\",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
    }
}
