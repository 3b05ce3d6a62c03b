package cn.yiyang.planning.app.audit;

import cn.yiyang.planning.app.security.Action;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Permissions;
import cn.yiyang.planning.layers.audit.AuditChain;
import cn.yiyang.planning.layers.audit.AuditEntry;
import cn.yiyang.planning.layers.audit.AuditFilter;
import cn.yiyang.planning.layers.audit.AuditRepository;
import java.time.Clock;
import java.util.List;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to the audit record (V17, chained by hash; see {@link AuditChain}) and reads it for ADMIN. The client's
 * address is the current HTTP request's (the API's, or the page's request that carried the click), null for work
 * the app started itself. An entry is written after the write it records, in its own transaction.
 */
public class AuditLog {

    private final AuditRepository entries;
    private final Clock clock;

    public AuditLog(AuditRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /** Records an action of the user, from the current request's address. */
    public void record(String user, String action, String layer, String feature, String detail) {
        record(user, currentAddress(), action, layer, feature, detail);
    }

    /** Records an action of the user from a given address (a sign-in, whose address the sign-in names). */
    public void record(String user, String address, String action, String layer, String feature, String detail) {
        entries.append(AuditEntry.of(clock.instant(), user, address, action, layer, feature, detail));
    }

    /** The entries the filter selects, newest first (ADMIN). */
    public List<AuditEntry> find(AppUser by, AuditFilter filter) {
        Permissions.check(by, Action.readAudit());
        return entries.find(filter);
    }

    /** Checks the chain and reports the first broken link (ADMIN). */
    public AuditChain.Check verify(AppUser by) {
        Permissions.check(by, Action.readAudit());
        return entries.verify();
    }

    /** The address of the current HTTP request, or null outside one. */
    static String currentAddress() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes s ? s.getRequest().getRemoteAddr() : null;
    }
}
