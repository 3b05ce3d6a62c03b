package cn.yiyang.planning.geo.access;

import cn.yiyang.planning.geo.access.AccessInput.County;
import cn.yiyang.planning.geo.access.AccessInput.Household;
import cn.yiyang.planning.geo.access.AccessInput.NaturalVillage;
import cn.yiyang.planning.geo.access.AccessInput.Township;
import cn.yiyang.planning.geo.access.AccessInput.Village;
import cn.yiyang.planning.geo.access.AccessResult.DataProblem;
import cn.yiyang.planning.geo.access.AccessResult.HouseholdAccess;
import cn.yiyang.planning.geo.access.AccessResult.NaturalVillageAccess;
import cn.yiyang.planning.geo.access.AccessResult.ProblemKind;
import cn.yiyang.planning.geo.access.AccessResult.TownshipAccess;
import cn.yiyang.planning.geo.access.AccessResult.VillageAccess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums the measures of households, natural villages, villages and townships up the administrative levels, for all
 * villages and for the key-support and demonstration groups ({@link UnitRollup#sum}, the roll-up every indicator
 * counted per village shares), and turns the sums into {@link UnitIndicator}s.
 * Records whose unit is unknown count in the city's totals only (and are reported as data problems).
 */
final class Rollup {

    private final AccessInput in;
    private final List<DataProblem> problems;

    Rollup(AccessInput in, List<DataProblem> problems) {
        this.in = in;
        this.problems = problems;
    }

    List<UnitIndicator> indicators(
            List<HouseholdAccess> households,
            List<NaturalVillageAccess> naturalVillages,
            List<VillageAccess> villages,
            List<TownshipAccess> townships) {
        Map<String, Village> villageByCode = new LinkedHashMap<>();
        in.villages().forEach(v -> villageByCode.put(v.code(), v));
        Map<String, Tally> perVillage = new HashMap<>();
        in.villages().forEach(v -> perVillage.put(v.code(), new Tally()));
        Tally orphans = new Tally();
        Map<String, Tally> perNaturalVillage = new LinkedHashMap<>();
        in.naturalVillages().forEach(nv -> perNaturalVillage.put(nv.code(), new Tally()));

        for (int i = 0; i < households.size(); i++) {
            Household h = in.households().get(i);
            HouseholdAccess a = households.get(i);
            Village v = villageByCode.get(h.villageCode());
            if (v == null) {
                problems.add(new DataProblem(ProblemKind.HOUSEHOLD_WITHOUT_VILLAGE, h.code()));
            }
            Tally t = v == null ? orphans : perVillage.get(v.code());
            boolean rural = v == null || v.rural();
            addHousehold(t, h, a, rural);
            Tally nv = h.naturalVillageCode() == null ? null : perNaturalVillage.get(h.naturalVillageCode());
            if (nv != null) {
                addHousehold(nv, h, a, rural);
            }
        }
        for (int i = 0; i < naturalVillages.size(); i++) {
            NaturalVillage nv = in.naturalVillages().get(i);
            NaturalVillageAccess a = naturalVillages.get(i);
            Village v = villageByCode.get(nv.villageCode());
            if (v == null) {
                problems.add(new DataProblem(ProblemKind.NATURAL_VILLAGE_WITHOUT_VILLAGE, nv.code()));
            }
            if (a.large()) {
                for (Tally t :
                        List.of(v == null ? orphans : perVillage.get(v.code()), perNaturalVillage.get(nv.code()))) {
                    t.add(Tally.LARGE_VILLAGES, 1);
                    if (a.connected()) {
                        t.add(Tally.LARGE_VILLAGES_CONNECTED, 1);
                    }
                }
            }
        }
        for (int i = 0; i < villages.size(); i++) {
            Village v = in.villages().get(i);
            if (v.rural()) {
                Tally t = perVillage.get(v.code());
                t.add(Tally.VILLAGES, 1);
                if (villages.get(i).busServed()) {
                    t.add(Tally.VILLAGES_BUS, 1);
                }
            }
        }

        Map<String, Township> townshipByCode = new LinkedHashMap<>();
        in.townships().forEach(t -> townshipByCode.put(t.code(), t));
        Map<String, County> countyByCode = new LinkedHashMap<>();
        in.counties().forEach(c -> countyByCode.put(c.code(), c));
        for (Village v : in.villages()) {
            if (!townshipByCode.containsKey(v.townshipCode())) {
                problems.add(new DataProblem(ProblemKind.VILLAGE_WITHOUT_TOWNSHIP, v.code()));
            }
        }
        UnitRollup.Sums<Tally> sums = new UnitRollup(new UnitRollup.Units(
                        in.cityCode(), in.cityName(), in.counties(), in.townships(), in.villages()))
                .sum(v -> perVillage.get(v.code()), Tally::new, (sum, t) -> {
                    sum.add(t);
                    return sum;
                });
        sums.city().get(UnitGroup.ALL).add(orphans);
        for (int i = 0; i < townships.size(); i++) {
            Township t = in.townships().get(i);
            Tally own = new Tally();
            own.add(Tally.TOWNSHIPS, 1);
            if (townships.get(i).class3Served()) {
                own.add(Tally.TOWNSHIPS_CLASS3, 1);
            }
            sums.township(t.code()).get(UnitGroup.ALL).add(own);
            County c = countyByCode.get(t.countyCode());
            if (c == null) {
                problems.add(new DataProblem(ProblemKind.TOWNSHIP_WITHOUT_COUNTY, t.code()));
            } else {
                sums.county(c.code()).get(UnitGroup.ALL).add(own);
            }
            sums.city().get(UnitGroup.ALL).add(own);
        }

        List<UnitIndicator> out = new ArrayList<>();
        for (UnitGroup g : UnitGroup.values()) {
            emit(out, UnitLevel.CITY, in.cityCode(), in.cityName(), null, g, sums.city(g));
        }
        for (County c : in.counties()) {
            for (UnitGroup g : UnitGroup.values()) {
                emit(
                        out,
                        UnitLevel.COUNTY,
                        c.code(),
                        c.name(),
                        in.cityCode(),
                        g,
                        sums.county(c.code()).get(g));
            }
        }
        for (Township t : in.townships()) {
            for (UnitGroup g : UnitGroup.values()) {
                if (sums.reports(t.code(), g)) {
                    emit(
                            out,
                            UnitLevel.TOWNSHIP,
                            t.code(),
                            t.name(),
                            t.countyCode(),
                            g,
                            sums.township(t.code()).get(g));
                }
            }
        }
        for (Village v : in.villages()) {
            emit(out, UnitLevel.VILLAGE, v.code(), v.name(), v.townshipCode(), UnitGroup.ALL, perVillage.get(v.code()));
        }
        for (NaturalVillage nv : in.naturalVillages()) {
            emit(
                    out,
                    UnitLevel.NATURAL_VILLAGE,
                    nv.code(),
                    nv.name(),
                    nv.villageCode(),
                    UnitGroup.ALL,
                    perNaturalVillage.get(nv.code()));
        }
        return List.copyOf(out);
    }

    private static void addHousehold(Tally t, Household h, HouseholdAccess a, boolean rural) {
        long people = Math.max(0, h.population());
        t.add(Tally.HOUSEHOLDS, 1);
        t.add(Tally.POPULATION, people);
        if (a.served()) {
            t.add(Tally.HOUSEHOLDS_SERVED, 1);
            t.add(Tally.POPULATION_SERVED, people);
        }
        if (a.networkServed()) {
            t.add(Tally.HOUSEHOLDS_NETWORK_SERVED, 1);
        }
        if (rural) {
            t.add(Tally.RURAL_POPULATION, people);
            if (a.withinRuralAccess()) {
                t.add(Tally.RURAL_POPULATION_WITHIN, people);
            }
        }
    }

    private static void emit(
            List<UnitIndicator> out,
            UnitLevel level,
            String code,
            String name,
            String parent,
            UnitGroup group,
            Tally tally) {
        for (AccessIndicator indicator : AccessIndicator.values()) {
            if (indicator.appliesTo(level, group)) {
                out.add(new UnitIndicator(
                        indicator,
                        level,
                        code,
                        name,
                        parent,
                        group,
                        indicator.numerator(tally),
                        indicator.denominator(tally)));
            }
        }
    }
}
