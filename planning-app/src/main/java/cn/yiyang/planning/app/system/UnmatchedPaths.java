package cn.yiyang.planning.app.system;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What the machines' paths ({@code /api}, {@code /ogc}, {@code /tiles}) answer when no controller takes the request:
 * a 404 problem ({@code not_found}) for a path nothing serves, a 405 ({@code method_not_allowed}, with
 * {@code Allow}) for a path served with other methods. Without this the request fell through to the UI, which
 * answered 200 with the app's HTML page, which a script or GDAL then tried to parse. The real mappings are more
 * specific than these patterns, so Spring MVC prefers them whenever they match.
 */
@Hidden // not an endpoint: what every path the API does not serve answers
@RestController
class UnmatchedPaths {

    private static final Set<String> OWN = Set.of("/api/**", "/ogc/**", "/tiles/**");
    private final RequestMappingHandlerMapping mappings;

    UnmatchedPaths(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @ApiProblems({"404 not_found"})
    @RequestMapping({"/api/**", "/ogc/**", "/tiles/**"})
    void unmatched(HttpServletRequest request, HttpServletResponse response)
            throws NoResourceFoundException, HttpRequestMethodNotSupportedException {
        Set<String> allowed = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            if (info.getPathPatternsCondition() == null
                    || info.getPathPatternsCondition().getPatternValues().stream()
                            .anyMatch(OWN::contains)) {
                continue;
            }
            if (info.getPathPatternsCondition().getMatchingCondition(request) != null) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    allowed.add("GET");
                } else {
                    methods.forEach(m -> allowed.add(m.name()));
                }
            }
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (allowed.isEmpty()) {
            throw new NoResourceFoundException(HttpMethod.valueOf(request.getMethod()), path, path);
        }
        response.setHeader(HttpHeaders.ALLOW, String.join(", ", allowed));
        throw new HttpRequestMethodNotSupportedException(request.getMethod(), allowed);
    }
}
