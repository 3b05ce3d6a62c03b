package cn.yiyang.planning.geo.plan;

import cn.yiyang.planning.geo.access.Indicator;
import java.util.Arrays;
import java.util.Optional;

/**
 * The indicators of village planning, computed live from the plan register (no run). Their ids are stable.
 *
 * <table>
 *   <caption>Indicators</caption>
 *   <tr><th>id</th><th>numerator / denominator</th></tr>
 *   <tr><td>village_plan_coverage_rate</td><td>rural administrative villages named by a plan in force (已批复 or
 *       已入库) / rural administrative villages; urban units (城乡分类代码 1xx: 社区, 居委会) are left out, as in the
 *       bus-service rate, since practical village plans are made for rural villages only</td></tr>
 * </table>
 */
public enum PlanIndicator implements Indicator {
    VILLAGE_PLAN_COVERAGE_RATE("village_plan_coverage_rate");

    private final String id;

    PlanIndicator(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    /**
     * @param id a stable id
     * @return the indicator with that id
     */
    public static Optional<PlanIndicator> byId(String id) {
        return Arrays.stream(values()).filter(i -> i.id.equals(id)).findFirst();
    }
}
