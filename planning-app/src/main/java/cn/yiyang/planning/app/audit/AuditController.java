package cn.yiyang.planning.app.audit;

import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.system.ApiProblems;
import cn.yiyang.planning.layers.audit.AuditChain;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit record over HTTP (ADMIN): {@code GET /api/v1/audit.csv?user=&layer=&feature=&action=&from=&to=} (dates
 * {@code yyyy-MM-dd}, China time, inclusive; at most 10,000 entries, newest first) and {@code GET
 * /api/v1/audit/verify} → {@code {"entries", "holds", "firstBrokenId", "reason"}}.
 */
@RestController
@ApiProblems({"403 forbidden"})
@RequestMapping("/api/v1")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @ApiProblems({"400 bad_value"})
    @GetMapping("/audit.csv")
    void csv(
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String layer,
            @RequestParam(required = false) String feature,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Authentication auth,
            HttpServletResponse response)
            throws IOException {
        var entries = audit.find(AppUser.of(auth), AuditQuery.filter(user, layer, feature, action, from, to));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
        AuditCsv.write(entries, response.getOutputStream());
    }

    @GetMapping("/audit/verify")
    Map<String, Object> verify(Authentication auth) {
        AuditChain.Check check = audit.verify(AppUser.of(auth));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entries", check.entries());
        out.put("holds", check.holds());
        out.put("firstBrokenId", check.firstBreak().map(AuditChain.Break::id).orElse(null));
        out.put("reason", check.firstBreak().map(AuditChain.Break::reason).orElse(null));
        return out;
    }
}
