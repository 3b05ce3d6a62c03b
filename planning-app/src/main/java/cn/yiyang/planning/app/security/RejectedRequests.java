package cn.yiyang.planning.app.security;

import cn.yiyang.planning.app.i18n.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request Spring Security's firewall refuses before any filter chain (an encoded {@code ;}, {@code /} or {@code %}
 * in the path, as an injection probe sends: {@code /api/v1/plans/1%3B%20DROP…}) is answered here, at once, with a
 * 400 {@code bad_request} problem. Left to the container it became an error dispatch to {@code /error}, which the
 * pages' chain answered with a redirect to the sign-in page: no answer for an API client.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Messages messages;

    RejectedRequests(Messages messages) {
        this.messages = messages;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        // no Accept-Language means Chinese, as ApiAuthenticationEntryPoint answers
        Locale locale = request.getHeader("Accept-Language") == null ? Messages.ZH : request.getLocale();
        String detail = messages.get("api.error.bad-request", locale);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // the members ApiExceptionHandler's problems have
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", HttpStatus.BAD_REQUEST.getReasonPhrase());
        body.put("status", HttpStatus.BAD_REQUEST.value());
        body.put("detail", detail);
        body.put("code", "bad_request");
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
