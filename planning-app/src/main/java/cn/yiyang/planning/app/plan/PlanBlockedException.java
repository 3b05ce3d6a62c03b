package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.i18n.Localized;
import cn.yiyang.planning.app.system.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** An approval an {@link ApprovalGate} refuses: HTTP 409 {@code plan_blocked}, property {@code blockers} (the gates' reasons in the caller's language); nothing changed. */
public class PlanBlockedException extends ProblemException {

    private final transient List<Localized> blockers;

    PlanBlockedException(String code, List<Localized> blockers) {
        super(
                "plan " + code + " blocked: " + blockers.size() + " blocker(s)",
                HttpStatus.CONFLICT,
                "plan_blocked",
                "api.error.plan-blocked",
                blockers.size());
        this.blockers = List.copyOf(blockers);
        property("blockers", (LocalizedProperty)
                locale -> this.blockers.stream().map(b -> b.in(locale)).toList());
    }

    /** The gates' reasons, for a page to list. */
    public List<Localized> blockers() {
        return blockers;
    }
}
