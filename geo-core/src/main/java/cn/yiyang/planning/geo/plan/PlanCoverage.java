package cn.yiyang.planning.geo.plan;

import cn.yiyang.planning.geo.access.AccessInput.Village;
import cn.yiyang.planning.geo.access.UnitIndicator;
import cn.yiyang.planning.geo.access.UnitRollup;
import cn.yiyang.planning.geo.access.UnitRollup.Count;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link PlanIndicator#VILLAGE_PLAN_COVERAGE_RATE}: the rural administrative villages covered by a plan in force,
 * of the rural administrative villages, by village, township, county and city and by group ({@link UnitRollup}).
 * A village counts once however many plans name it; plans naming unknown villages, and urban units, add nothing.
 * Whether a plan is in force is decided by the caller (the code list's trait), since geo-core cannot see it.
 */
public final class PlanCoverage {

    /**
     * A plan as the coverage needs it.
     *
     * @param code its code
     * @param inForce whether its status is one in force (approved or entered)
     * @param villageCodes the villages it covers
     */
    public record Plan(String code, boolean inForce, List<String> villageCodes) {

        public Plan {
            villageCodes = List.copyOf(villageCodes);
        }

        /**
         * @param code its code
         * @param inForce whether it is in force
         * @param villageCodes its {@code village_codes} text, read by {@link VillageCodes#parse}
         * @return the plan
         */
        public static Plan of(String code, boolean inForce, String villageCodes) {
            return new Plan(code, inForce, VillageCodes.parse(villageCodes));
        }
    }

    private PlanCoverage() {}

    /**
     * @param villages the administrative villages
     * @param plans the plans
     * @return village code → 1 / 1 when covered by a plan in force, 0 / 1 when not; urban units are absent
     */
    public static Map<String, Count> perVillage(List<Village> villages, List<Plan> plans) {
        Set<String> covered = new HashSet<>();
        for (Plan p : plans) {
            if (p.inForce()) {
                covered.addAll(p.villageCodes());
            }
        }
        Map<String, Count> out = new HashMap<>();
        for (Village v : villages) {
            if (v.rural()) {
                out.put(v.code(), new Count(covered.contains(v.code()) ? 1 : 0, 1));
            }
        }
        return out;
    }

    /**
     * @param units the administrative units
     * @param plans the plans
     * @return the coverage rate of every unit and group
     */
    public static List<UnitIndicator> indicators(UnitRollup.Units units, List<Plan> plans) {
        return new UnitRollup(units)
                .indicators(PlanIndicator.VILLAGE_PLAN_COVERAGE_RATE, perVillage(units.villages(), plans));
    }
}
