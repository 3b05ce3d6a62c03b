package cn.yiyang.planning.geo.access;

import cn.yiyang.planning.geo.facility.FacilityIndicator;
import cn.yiyang.planning.geo.plan.PlanIndicator;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every indicator family, in one list: the stored runs, the indicator API and the dashboards find an indicator by its
 * id here. A new family is added here once.
 */
public final class Indicators {

    private static final List<Indicator> ALL = Stream.of(
                    AccessIndicator.values(), PlanIndicator.values(), FacilityIndicator.values())
            .flatMap(Arrays::stream)
            .map(Indicator.class::cast)
            .toList();

    private Indicators() {}

    /** @return every indicator, family by family */
    public static List<Indicator> all() {
        return ALL;
    }

    /**
     * @param id a stable id
     * @return the indicator with that id, of any family
     */
    public static Optional<Indicator> byId(String id) {
        return ALL.stream().filter(i -> i.id().equals(id)).findFirst();
    }
}
