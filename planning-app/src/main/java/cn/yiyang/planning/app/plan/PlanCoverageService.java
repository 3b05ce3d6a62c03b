package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.geo.access.AccessInput.County;
import cn.yiyang.planning.geo.access.AccessInput.Township;
import cn.yiyang.planning.geo.access.AccessInput.Village;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitIndicator;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.geo.access.UnitRollup;
import cn.yiyang.planning.geo.plan.PlanCoverage;
import cn.yiyang.planning.geo.plan.PlanIndicator;
import cn.yiyang.planning.layers.analysis.IndicatorTargetRepository;
import cn.yiyang.planning.layers.analysis.IndicatorValue;
import cn.yiyang.planning.layers.catalogue.CodeLists;
import cn.yiyang.planning.layers.catalogue.CodeTrait;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.catalogue.Region;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The village plan coverage rate ({@link PlanIndicator#VILLAGE_PLAN_COVERAGE_RATE}) computed live from the
 * current layers (no run): the villages, townships and counties, and the plans, whose status is in force when it
 * carries {@link CodeTrait#IN_FORCE}. Villages are rural unless their urban-rural code is
 * {@link CodeTrait#URBAN urban}, as in road access. The figures are computed once per data version of the four
 * layers and kept until one of them changes.
 */
@Service
public class PlanCoverageService {

    private static final List<String> INPUT_LAYERS =
            List.of(LayerIds.COUNTY, LayerIds.TOWNSHIP, LayerIds.VILLAGE, LayerIds.VILLAGE_PLAN);

    private final FeatureRepository features;
    private final LayerCatalogue catalogue;
    private final IndicatorTargetRepository targets;
    private final String planPeriod;
    private final String cityName;

    /** The figures and the data versions they were computed from. */
    private record Computed(List<Long> versions, List<UnitIndicator> values) {}

    private volatile Computed computed;

    PlanCoverageService(
            FeatureRepository features,
            LayerCatalogue catalogue,
            IndicatorTargetRepository targets,
            @Value("${planning.plan-period:2021-2025}") String planPeriod,
            Messages messages) {
        this.features = features;
        this.catalogue = catalogue;
        this.targets = targets;
        this.planPeriod = planPeriod;
        this.cityName = messages.get("place.city", Messages.ZH);
    }

    /**
     * @param level the units' level (natural villages have no plan coverage: nothing)
     * @param code a unit code, or null for every unit of the level
     * @param group the villages counted, or null for every group
     * @return the coverage of each unit and group, ordered by code and group id (as runs are), with the plan period's target; their
     *     run is null
     */
    public List<IndicatorValue> indicators(UnitLevel level, String code, UnitGroup group) {
        Double target = targets.targets(planPeriod).get(PlanIndicator.VILLAGE_PLAN_COVERAGE_RATE.id());
        return current().stream()
                .filter(u -> u.level() == level
                        && (code == null || code.equals(u.code()))
                        && (group == null || group == u.group()))
                .sorted(Comparator.comparing(UnitIndicator::code)
                        .thenComparing(u -> u.group().id()))
                .map(u -> IndicatorValue.of(null, u, target))
                .toList();
    }

    private List<UnitIndicator> current() {
        List<Long> versions = INPUT_LAYERS.stream()
                .map(id -> features.version(catalogue.get(id)))
                .toList();
        Computed c = computed;
        if (c == null || !c.versions().equals(versions)) {
            c = new Computed(versions, compute());
            computed = c;
        }
        return c.values();
    }

    private List<UnitIndicator> compute() {
        List<County> counties = new ArrayList<>();
        each(LayerIds.COUNTY, f -> counties.add(new County(f.getString("code"), f.getString("name"))));
        List<Township> townships = new ArrayList<>();
        each(
                LayerIds.TOWNSHIP,
                f -> townships.add(
                        new Township(f.getString("code"), f.getString("name"), f.getString("county_code"), null)));
        List<Village> villages = new ArrayList<>();
        each(
                LayerIds.VILLAGE,
                f -> villages.add(new Village(
                        f.getString("code"),
                        f.getString("name"),
                        f.getString("township_code"),
                        Boolean.TRUE.equals(f.get("key_support")),
                        Boolean.TRUE.equals(f.get("demonstration")),
                        !CodeLists.URBAN_RURAL.has(f.getString("urban_rural_code"), CodeTrait.URBAN),
                        null)));
        List<PlanCoverage.Plan> plans = new ArrayList<>();
        each(
                LayerIds.VILLAGE_PLAN,
                f -> plans.add(PlanCoverage.Plan.of(
                        f.getString("code"),
                        CodeLists.PLAN_STATUS.has(f.getString("status"), CodeTrait.IN_FORCE),
                        f.getString("village_codes"))));
        return PlanCoverage.indicators(
                new UnitRollup.Units(Region.CITY_CODE, cityName, counties, townships, villages), plans);
    }

    private void each(String layer, Consumer<Feature> sink) {
        features.forEach(catalogue.get(layer), sink);
    }
}
