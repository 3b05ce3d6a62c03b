package cn.yiyang.planning.app.security;

import cn.yiyang.planning.app.i18n.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/** Answers an unauthenticated API call with 401, a Basic challenge and a problem in the caller's language. */
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
        String detail = messages.get("api.error.unauthenticated", locale);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"rural-planning\", charset=\"UTF-8\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"code\":\"unauthenticated\",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
    }
}
