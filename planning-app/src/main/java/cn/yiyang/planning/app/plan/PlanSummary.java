package cn.yiyang.planning.app.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan as the register lists it: the plan, where it lies (county and township with their names), its villages
 * with their names, its deadline and whether it is overdue ({@link Overdue}).
 *
 * @param plan         the plan
 * @param countyName   its county's name, or null when unknown
 * @param townshipName its township's name, or null when unknown
 * @param villages     its villages with their names (a code the village layer does not know has a null name)
 * @param deadline     its own due date, or the default deadline
 * @param overdue      whether it is overdue today
 */
public record PlanSummary(
        Plan plan,
        String countyName,
        String townshipName,
        List<Village> villages,
        LocalDate deadline,
        boolean overdue) {

    public PlanSummary {
        villages = List.copyOf(villages);
    }

    /**
     * A village of a plan.
     *
     * @param code its code
     * @param name its name, or null when the village layer does not have it
     */
    public record Village(String code, String name) {}

    /** The villages' names joined (their codes where a name is unknown), as the register shows them. */
    public String villageNames() {
        return String.join(
                "、",
                villages.stream()
                        .map(v -> v.name() == null ? v.code() : v.name())
                        .toList());
    }
}
