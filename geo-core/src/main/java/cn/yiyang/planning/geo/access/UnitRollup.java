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
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;

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
 * the city. Villages without a count count 0 / 0 (e.g. urban units an indicator leaves out). Indicators counted per
 * township or per county roll up with {@link #townshipIndicators} and {@link #countyIndicators}.
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

        /** @return this count plus another */
        public Count plus(Count other) {
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
        Sums<Count> sums = sum(v -> perVillage.getOrDefault(v.code(), Count.NONE), () -> Count.NONE, Count::plus);
        List<UnitIndicator> out = new ArrayList<>();
        for (UnitGroup g : UnitGroup.values()) {
            out.add(value(indicator, UnitLevel.CITY, units.cityCode(), units.cityName(), null, g, sums.city(g)));
        }
        for (County c : units.counties()) {
            for (UnitGroup g : UnitGroup.values()) {
                Count count = sums.county(c.code()).get(g);
                out.add(value(indicator, UnitLevel.COUNTY, c.code(), c.name(), units.cityCode(), g, count));
            }
        }
        for (Township t : units.townships()) {
            for (UnitGroup g : UnitGroup.values()) {
                if (sums.reports(t.code(), g)) {
                    Count count = sums.township(t.code()).get(g);
                    out.add(value(indicator, UnitLevel.TOWNSHIP, t.code(), t.name(), t.countyCode(), g, count));
                }
            }
        }
        for (Village v : units.villages()) {
            Count count = perVillage.getOrDefault(v.code(), Count.NONE);
            out.add(value(indicator, UnitLevel.VILLAGE, v.code(), v.name(), v.townshipCode(), UnitGroup.ALL, count));
        }
        return List.copyOf(out);
    }

    /**
     * The roll-up of an indicator counted per township (e.g. townships with a sewage plant): each township's count,
     * summed to its county and the city. Reported for all villages only (a township is not a group of villages):
     * the city, every county and every township.
     *
     * @param indicator the indicator the counts measure
     * @param perTownship township code → its count; townships absent count 0 / 0, unknown codes are ignored
     * @return the indicator of the city, then the counties and the townships, in the order given
     */
    public List<UnitIndicator> townshipIndicators(Indicator indicator, Map<String, Count> perTownship) {
        Count city = Count.NONE;
        Map<String, Count> perCounty = new HashMap<>();
        for (Township t : units.townships()) {
            Count count = perTownship.getOrDefault(t.code(), Count.NONE);
            city = city.plus(count);
            if (countyByCode.containsKey(t.countyCode())) {
                perCounty.merge(t.countyCode(), count, Count::plus);
            }
        }
        List<UnitIndicator> out = new ArrayList<>();
        out.add(value(indicator, UnitLevel.CITY, units.cityCode(), units.cityName(), null, UnitGroup.ALL, city));
        for (County c : units.counties()) {
            Count count = perCounty.getOrDefault(c.code(), Count.NONE);
            out.add(value(indicator, UnitLevel.COUNTY, c.code(), c.name(), units.cityCode(), UnitGroup.ALL, count));
        }
        for (Township t : units.townships()) {
            Count count = perTownship.getOrDefault(t.code(), Count.NONE);
            out.add(value(indicator, UnitLevel.TOWNSHIP, t.code(), t.name(), t.countyCode(), UnitGroup.ALL, count));
        }
        return List.copyOf(out);
    }

    /**
     * The roll-up of an indicator counted per county (e.g. counties with a county warehouse): the city and every
     * county, for all villages only.
     *
     * @param indicator the indicator the counts measure
     * @param perCounty county code → its count; counties absent count 0 / 0, unknown codes are ignored
     * @return the indicator of the city, then the counties, in the order given
     */
    public List<UnitIndicator> countyIndicators(Indicator indicator, Map<String, Count> perCounty) {
        Count city = Count.NONE;
        for (County c : units.counties()) {
            city = city.plus(perCounty.getOrDefault(c.code(), Count.NONE));
        }
        List<UnitIndicator> out = new ArrayList<>();
        out.add(value(indicator, UnitLevel.CITY, units.cityCode(), units.cityName(), null, UnitGroup.ALL, city));
        for (County c : units.counties()) {
            Count count = perCounty.getOrDefault(c.code(), Count.NONE);
            out.add(value(indicator, UnitLevel.COUNTY, c.code(), c.name(), units.cityCode(), UnitGroup.ALL, count));
        }
        return List.copyOf(out);
    }

    /**
     * Sums a value of each village up to its township, county and the city, for each group the village belongs to.
     * The road-access roll-up sums its counters with it; {@link #indicators} its counts.
     *
     * @param valueOf a village's value
     * @param zero a new empty sum
     * @param plus adds a value to a sum and returns the sum (it may update the sum it is given, which is never a
     *     village's own value)
     */
    <T> Sums<T> sum(Function<Village, T> valueOf, Supplier<T> zero, BinaryOperator<T> plus) {
        Sums<T> sums = new Sums<>(zero, plus);
        for (Village v : units.villages()) {
            T value = valueOf.apply(v);
            Township t = townshipByCode.get(v.townshipCode());
            County c = t == null ? null : countyByCode.get(t.countyCode());
            for (UnitGroup g : UnitGroup.values()) {
                if (!g.contains(v)) {
                    continue;
                }
                sums.add(sums.city, g, value);
                if (t != null) {
                    sums.add(sums.township(t.code()), g, value);
                    sums.villagesInGroup
                            .computeIfAbsent(t.code(), k -> new EnumMap<>(UnitGroup.class))
                            .merge(g, 1, Integer::sum);
                }
                if (c != null) {
                    sums.add(sums.county(c.code()), g, value);
                }
            }
        }
        return sums;
    }

    /** Sums by unit and group; units with nothing summed read as empty sums. Not thread-safe. */
    static final class Sums<T> {

        private final Supplier<T> zero;
        private final BinaryOperator<T> plus;
        private final EnumMap<UnitGroup, T> city;
        private final Map<String, EnumMap<UnitGroup, T>> perCounty = new HashMap<>();
        private final Map<String, EnumMap<UnitGroup, T>> perTownship = new HashMap<>();
        private final Map<String, EnumMap<UnitGroup, Integer>> villagesInGroup = new HashMap<>();

        private Sums(Supplier<T> zero, BinaryOperator<T> plus) {
            this.zero = zero;
            this.plus = plus;
            this.city = groups();
        }

        /** Adds a value to a unit's sum of a group. */
        void add(EnumMap<UnitGroup, T> unit, UnitGroup g, T value) {
            unit.put(g, plus.apply(unit.get(g), value));
        }

        T city(UnitGroup g) {
            return city.get(g);
        }

        /** @return the city's sums by group (to add what belongs to no village) */
        EnumMap<UnitGroup, T> city() {
            return city;
        }

        /** @return a county's sums by group, created empty when none */
        EnumMap<UnitGroup, T> county(String code) {
            return perCounty.computeIfAbsent(code, k -> groups());
        }

        /** @return a township's sums by group, created empty when none */
        EnumMap<UnitGroup, T> township(String code) {
            return perTownship.computeIfAbsent(code, k -> groups());
        }

        /** @return whether a township reports a group: all villages always, another group when it has villages of it */
        boolean reports(String township, UnitGroup g) {
            return g == UnitGroup.ALL
                    || villagesInGroup
                                    .getOrDefault(township, new EnumMap<>(UnitGroup.class))
                                    .getOrDefault(g, 0)
                            > 0;
        }

        private EnumMap<UnitGroup, T> groups() {
            EnumMap<UnitGroup, T> m = new EnumMap<>(UnitGroup.class);
            for (UnitGroup g : UnitGroup.values()) {
                m.put(g, zero.get());
            }
            return m;
        }
    }

    private static UnitIndicator value(
            Indicator indicator, UnitLevel level, String code, String name, String parent, UnitGroup g, Count c) {
        return new UnitIndicator(indicator, level, code, name, parent, g, c.numerator(), c.denominator());
    }
}
