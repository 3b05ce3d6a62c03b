package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.i18n.Localized;
import cn.yiyang.planning.app.system.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** 批复 without the approval document's number, its date (or a date in the future) or the authority: HTTP 422 {@code approval_details_required}, property {@code fields} (those missing: {@code documentNumber}, {@code approvedOn}, {@code approvingAuthority}). */
public class ApprovalDetailsRequiredException extends ProblemException {

    ApprovalDetailsRequiredException(List<String> missing) {
        super(
                "approval details missing: " + missing,
                HttpStatus.UNPROCESSABLE_CONTENT,
                "approval_details_required",
                "api.error.approval-details-required",
                Localized.join(missing.stream()
                        .map(f -> Localized.key("plan.field." + f))
                        .toList()));
        property("fields", List.copyOf(missing));
    }
}
