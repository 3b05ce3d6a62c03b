package cn.yiyang.planning.geo.facility;

import cn.yiyang.planning.geo.access.Indicator;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitIndicator;
import cn.yiyang.planning.geo.access.UnitLevel;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;

/**
 * The result of a water-supply analysis.
 *
 * @param settings the settings it ran with
 * @param households every household with whether it is served
 * @param works every works with what the analysis found
 * @param duties the duties works in service do not meet, by works code and duty
 * @param problems data problems found (reported, not used)
 * @param indicators the indicators by unit and group
 */
public record WaterResult(
        WaterSettings settings,
        List<HouseholdSupply> households,
        List<WorkReport> works,
        List<WaterDuty> duties,
        List<WaterProblem> problems,
        List<UnitIndicator> indicators) {

    public WaterResult {
        Objects.requireNonNull(settings, "settings");
        households = List.copyOf(households);
        works = List.copyOf(works);
        duties = List.copyOf(duties);
        problems = List.copyOf(problems);
        indicators = List.copyOf(indicators);
    }

    /**
     * @param indicator an indicator
     * @param level a level
     * @param code a unit code
     * @param group a group
     * @return its value record, if the unit has it
     */
    public Optional<UnitIndicator> indicator(Indicator indicator, UnitLevel level, String code, UnitGroup group) {
        return indicators.stream()
                .filter(i -> i.indicator() == indicator
                        && i.level() == level
                        && i.code().equals(code)
                        && i.group() == group)
                .findFirst();
    }

    /** How a household is served. */
    public enum Via {
        /** Inside the service area of a works in service. */
        SERVICE_AREA,
        /** Within the set distance of a main of a works in service. */
        MAIN,
        /** Not served by centralised supply. */
        NONE
    }

    /**
     * One household.
     *
     * @param code its code
     * @param villageCode its village
     * @param population its members
     * @param povertyOrMonitored a poverty-exited or monitored household
     * @param lonLat where it is
     * @param via how it is served
     * @param workCode the works it is counted to (the smallest code of the service areas covering it, else the works
     *     of the nearest main within the distance), null when not served
     * @param distanceToMainM the ground distance to the nearest main of a centralised works in service, metres;
     *     measured for households outside every service area only, null inside one or when there is no main
     */
    public record HouseholdSupply(
            String code,
            String villageCode,
            int population,
            boolean povertyOrMonitored,
            Coordinate lonLat,
            Via via,
            String workCode,
            Double distanceToMainM) {

        /** @return whether it is served by centralised supply */
        public boolean served() {
            return via != Via.NONE;
        }
    }

    /**
     * One works.
     *
     * @param code its code
     * @param name its name
     * @param kind its kind code
     * @param serving whether it is in service (or without a status)
     * @param townshipCode the township its point lies in, or null
     * @param countyCode the county its point lies in, or null
     * @param servedHouseholds the households counted to it
     * @param servedPopulation their members
     * @param servedPopulationField the served population its own record states, or null
     * @param capacityPopulation the people its capacity supplies, or null when its capacity is not recorded
     * @param lastTestedOn its last test up to {@code asOf}, or null
     * @param lastTestPassed whether that test passed, null when unknown or never tested
     * @param testDue whether it counts in {@code water_quality_test_overdue_count}: in service and its last test is
     *     overdue, failed or missing
     * @param lonLat where it is, or null
     */
    public record WorkReport(
            String code,
            String name,
            String kind,
            boolean serving,
            String townshipCode,
            String countyCode,
            long servedHouseholds,
            long servedPopulation,
            Integer servedPopulationField,
            Long capacityPopulation,
            LocalDate lastTestedOn,
            Boolean lastTestPassed,
            boolean testDue,
            Coordinate lonLat) {}
}
