package cn.yiyang.planning.geo.access;

import cn.yiyang.planning.geo.access.AccessInput.County;
import cn.yiyang.planning.geo.access.AccessInput.Township;
import cn.yiyang.planning.geo.access.AccessInput.Village;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sums per-village counts of an indicator up the administrative levels, village → township → county → city, for
 * all villages and for the key-support and demonstration groups ({@link UnitGroup}), and turns the sums into
 * {@link UnitIndicator}s. It is the roll-up of indicators that are counted per administrative village (plan
 * coverage, facility coverage), with the same units and groups the road-access roll-up reports:
 * <ul>
 *   <li>the city and every county: every group;</li>
 *   <li>every township: all villages, and each group it has villages of;</li>
 *   <li>every village: all (its own count).</li>
 * </ul>
 * A village whose township is unknown counts in the city only; a township whose county is unknown, in itself and
 * the city. Villages without a count count 0 / 0 (e.g. urban units an indicator leaves out).
 */
public final class UnitRollup {

    /**
     * A count of one unit: what meets the measure of what is counted.
     *
     * @param numerator what meets the measure
     * @param denominator what is counted
     */
    public record Count(long numerator, long denominator) {

        /** Nothing counted. */
        public static final Count NONE = new Count(0, 0);

        public Count {
            if (numerator < 0 || denominator < 0 || numerator > denominator) {
                throw new IllegalArgumentException(numerator + " / " + denominator);
            }
        }

        Count plus(Count other) {
            return new Count(numerator + other.numerator, denominator + other.denominator);
        }
    }

    /**
     * The administrative units to report.
     *
     * @param cityCode the city's code
     * @param cityName the city's name
     * @param counties the county-level units
     * @param townships the townships
     * @param villages the administrative villages (with their group flags)
     */
    public record Units(
            String cityCode, String cityName, List<County> counties, List<Township> townships, List<Village> villages) {

        public Units {
            Objects.requireNonNull(cityCode, "cityCode");
            counties = List.copyOf(counties);
            townships = List.copyOf(townships);
            villages = List.copyOf(villages);
        }
    }

    private final Units units;
    private final Map<String, Township> townshipByCode = new HashMap<>();
    private final Map<String, County> countyByCode = new HashMap<>();

    /** @param units the units to report */
    public UnitRollup(Units units) {
        this.units = units;
        units.townships().forEach(t -> townshipByCode.put(t.code(), t));
        units.counties().forEach(c -> countyByCode.put(c.code(), c));
    }

    /**
     * @param indicator the indicator the counts measure
     * @param perVillage village code → its count; villages absent count 0 / 0, codes of unknown villages are ignored
     * @return the indicator of the city, then the counties, the townships and the villages, in the order given
     */
    public List<UnitIndicator> indicators(Indicator indicator, Map<String, Count> perVillage) {
        EnumMap<UnitGroup, Count> city = groups();
        Map<String, EnumMap<UnitGroup, Count>> perCounty = new HashMap<>();
        Map<String, EnumMap<UnitGroup, Count>> perTownship = new HashMap<>();
        Map<String, EnumMap<UnitGroup, Integer>> villagesInGroup = new HashMap<>();
        for (Village v : units.villages()) {
            Count count = perVillage.getOrDefault(v.code(), Count.NONE);
            Township t = townshipByCode.get(v.townshipCode());
            County c = t == null ? null : countyByCode.get(t.countyCode());
            for (UnitGroup g : UnitGroup.values()) {
                if (!g.contains(v)) {
                    continue;
                }
                city.merge(g, count, Count::plus);
                if (t != null) {
                    perTownship.computeIfAbsent(t.code(), k -> groups()).merge(g, count, Count::plus);
                    villagesInGroup
                            .computeIfAbsent(t.code(), k -> new EnumMap<>(UnitGroup.class))
                            .merge(g, 1, Integer::sum);
                }
                if (c != null) {
                    perCounty.computeIfAbsent(c.code(), k -> groups()).merge(g, count, Count::plus);
                }
            }
        }
        List<UnitIndicator> out = new ArrayList<>();
        for (UnitGroup g : UnitGroup.values()) {
            out.add(value(indicator, UnitLevel.CITY, units.cityCode(), units.cityName(), null, g, city.get(g)));
        }
        for (County c : units.counties()) {
            EnumMap<UnitGroup, Count> sums = perCounty.getOrDefault(c.code(), groups());
            for (UnitGroup g : UnitGroup.values()) {
                out.add(value(indicator, UnitLevel.COUNTY, c.code(), c.name(), units.cityCode(), g, sums.get(g)));
            }
        }
        for (Township t : units.townships()) {
            EnumMap<UnitGroup, Count> sums = perTownship.getOrDefault(t.code(), groups());
            Map<UnitGroup, Integer> counts = villagesInGroup.getOrDefault(t.code(), new EnumMap<>(UnitGroup.class));
            for (UnitGroup g : UnitGroup.values()) {
                if (g == UnitGroup.ALL || counts.getOrDefault(g, 0) > 0) {
                    out.add(value(indicator, UnitLevel.TOWNSHIP, t.code(), t.name(), t.countyCode(), g, sums.get(g)));
                }
            }
        }
        for (Village v : units.villages()) {
            Count count = perVillage.getOrDefault(v.code(), Count.NONE);
            out.add(value(indicator, UnitLevel.VILLAGE, v.code(), v.name(), v.townshipCode(), UnitGroup.ALL, count));
        }
        return List.copyOf(out);
    }

    private static UnitIndicator value(
            Indicator indicator, UnitLevel level, String code, String name, String parent, UnitGroup g, Count c) {
        return new UnitIndicator(indicator, level, code, name, parent, g, c.numerator(), c.denominator());
    }

    private static EnumMap<UnitGroup, Count> groups() {
        EnumMap<UnitGroup, Count> m = new EnumMap<>(UnitGroup.class);
        for (UnitGroup g : UnitGroup.values()) {
            m.put(g, Count.NONE);
        }
        return m;
    }
}
