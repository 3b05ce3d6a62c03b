package cn.yiyang.planning.app.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan to add to the register.
 *
 * @param code          its code, or null for {@code CZGH} + the first village's code
 * @param name          its name (required)
 * @param villageCodes  the administrative villages it covers (one or more)
 * @param compilingUnit 编制单位, or null
 * @param period        规划期限, e.g. {@code 2021—2035年}, or null
 * @param dueOn         the date it is due for approval, or null (the default deadline applies)
 * @param status        {@code not_started} (default) or {@code compiling} (recorded as a 启动 step)
 */
public record NewPlan(
        String code,
        String name,
        List<String> villageCodes,
        String compilingUnit,
        String period,
        LocalDate dueOn,
        String status) {

    public NewPlan {
        villageCodes = villageCodes == null
                ? List.of()
                : villageCodes.stream()
                        .filter(c -> c != null && !c.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
    }
}
