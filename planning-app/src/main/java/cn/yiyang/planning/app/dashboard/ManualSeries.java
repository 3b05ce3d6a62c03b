package cn.yiyang.planning.app.dashboard;

import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.analysis.CatalogueIndicator;
import cn.yiyang.planning.layers.analysis.IndicatorEntry;
import cn.yiyang.planning.layers.analysis.IndicatorRollup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * The values by year of one manual indicator for any unit: its entries at the entry level, and above it the
 * catalogue's roll-up ({@link CatalogueIndicator#rollup()}) of the entry-level units inside the unit, year by year.
 * Built from one read of the indicator's entries; finer units than the entry level have none.
 */
final class ManualSeries {

    private final CatalogueIndicator indicator;
    private final Map<String, NavigableMap<Integer, Double>> byCode = new HashMap<>();
    private final List<String> entryUnits;
    private final ToDoubleFunction<String> weight;

    /**
     * @param indicator  a manual indicator
     * @param entries    its entries at its entry level (every unit, every year)
     * @param entryUnits the codes of every unit at its entry level
     * @param weight     what an entry-level unit weighs, as the roll-up's {@link IndicatorRollup.Weight} says
     */
    ManualSeries(
            CatalogueIndicator indicator,
            List<IndicatorEntry> entries,
            List<String> entryUnits,
            ToDoubleFunction<String> weight) {
        this.indicator = indicator;
        this.entryUnits = List.copyOf(entryUnits);
        this.weight = weight;
        for (IndicatorEntry e : entries) {
            byCode.computeIfAbsent(e.code(), c -> new TreeMap<>()).put(e.year(), e.value());
        }
    }

    /** @return the indicator */
    CatalogueIndicator indicator() {
        return indicator;
    }

    /**
     * @param level the unit's level
     * @param code  the unit's code (the city's is {@code 430900}: every code starting {@code 4309} lies in it)
     * @return the unit's values by year, oldest first; empty when nothing is entered or rolled up
     */
    NavigableMap<Integer, Double> of(UnitLevel level, String code) {
        UnitLevel entryLevel = indicator.entryLevel();
        if (level == entryLevel) {
            return byCode.getOrDefault(code, new TreeMap<>());
        }
        NavigableMap<Integer, Double> out = new TreeMap<>();
        if (entryLevel == null || level.ordinal() > entryLevel.ordinal()) {
            return out;
        }
        String prefix = level == UnitLevel.CITY ? code.substring(0, 4) : code;
        List<String> inside =
                entryUnits.stream().filter(c -> c.startsWith(prefix)).toList();
        TreeSet<Integer> years = new TreeSet<>();
        inside.forEach(c -> years.addAll(byCode.getOrDefault(c, new TreeMap<>()).keySet()));
        for (int year : years) {
            List<IndicatorRollup.Part> parts = new ArrayList<>();
            for (String c : inside) {
                Double v = byCode.getOrDefault(c, new TreeMap<>()).get(year);
                if (v != null) {
                    parts.add(new IndicatorRollup.Part(v, weight.applyAsDouble(c)));
                }
            }
            OptionalDouble rolled = indicator.rollup().apply(parts, inside.size());
            if (rolled.isPresent()) {
                out.put(year, rolled.getAsDouble());
            }
        }
        return out;
    }
}
