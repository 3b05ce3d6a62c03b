package cn.yiyang.planning.layers.analysis;

import cn.yiyang.planning.geo.access.UnitLevel;
import java.util.List;

/** Values of the manual indicators per unit and year ({@code indicator_entry}, V16). */
public interface IndicatorEntryRepository {

    /**
     * Inserts or replaces the entry of its indicator, year and unit, and records the change (old and new value, who,
     * when) in the same transaction.
     */
    void save(IndicatorEntry entry);

    /**
     * The entries of an indicator, ordered by year and code; {@code year}, {@code level} and {@code code} narrow it
     * down when not null.
     */
    List<IndicatorEntry> entries(String indicator, Integer year, UnitLevel level, String code);
}
