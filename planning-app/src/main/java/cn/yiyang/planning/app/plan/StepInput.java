package cn.yiyang.planning.app.plan;

import java.time.LocalDate;

/**
 * What the user gives with a step: why (required for 退回修改), and for 批复 the approval document's number, date
 * and authority. Blank texts count as none.
 *
 * @param reason             why, or null
 * @param documentNumber     the approval document's number (批复文号), or null
 * @param approvedOn         the approval date, or null
 * @param approvingAuthority the approving authority (批复机关), or null
 */
public record StepInput(String reason, String documentNumber, LocalDate approvedOn, String approvingAuthority) {

    public StepInput {
        reason = blankToNull(reason);
        documentNumber = blankToNull(documentNumber);
        approvingAuthority = blankToNull(approvingAuthority);
    }

    /** Nothing given. */
    public static StepInput none() {
        return new StepInput(null, null, null, null);
    }

    /** A reason only. */
    public static StepInput because(String reason) {
        return new StepInput(reason, null, null, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
