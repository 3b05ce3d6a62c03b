package cn.yiyang.planning.geo.facility;

import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitIndicator;
import cn.yiyang.planning.geo.access.UnitLevel;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;

/**
 * What the sanitary-toilet analysis found.
 *
 * @param settings the thresholds used
 * @param villages one entry per village of the units, in their order
 * @param gaps rural villages below the target, lowest share first
 * @param indicators {@code sanitary_toilet_rate} of every unit and group
 * @param householdsWithoutVillage codes of households whose village code names no known village (counted nowhere)
 */
public record SanitationResult(
        SanitationSettings settings,
        List<VillageToilets> villages,
        List<Gap> gaps,
        List<UnitIndicator> indicators,
        List<String> householdsWithoutVillage) {

    /**
     * @param level a level
     * @param code a unit code
     * @param group a group
     * @return the unit's sanitary toilet rate, if the unit has it
     */
    public Optional<UnitIndicator> indicator(UnitLevel level, String code, UnitGroup group) {
        return indicators.stream()
                .filter(i -> i.level() == level && i.code().equals(code) && i.group() == group)
                .findFirst();
    }

    /**
     * @param code village code
     * @param rural counted in the rate
     * @param households its households
     * @param withToilet those recorded with a sanitary toilet
     * @param unrecorded those with no record either way (counted as without)
     */
    public record VillageToilets(String code, boolean rural, int households, int withToilet, int unrecorded) {

        /** @return with toilet / households, or NaN without households */
        public double share() {
            return households == 0 ? Double.NaN : (double) withToilet / households;
        }
    }

    /**
     * A rural village below the target.
     *
     * @param code a stable code: {@code sanitary_toilet:} and the village code
     * @param severity high below the severe share, else medium
     * @param villageCode the village
     * @param name its name
     * @param townshipCode its township
     * @param countyCode its county, or null
     * @param keySupport a key-support village
     * @param demonstration a demonstration village
     * @param households its households
     * @param withToilet those with a sanitary toilet
     * @param unrecorded those without a record (counted as without)
     * @param share withToilet / households
     * @param missing households to equip to reach the target: ceil(target × households) − withToilet
     * @param lonLat the mean of its households' points
     */
    public record Gap(
            String code,
            Severity severity,
            String villageCode,
            String name,
            String townshipCode,
            String countyCode,
            boolean keySupport,
            boolean demonstration,
            int households,
            int withToilet,
            int unrecorded,
            double share,
            int missing,
            Coordinate lonLat) {}
}
