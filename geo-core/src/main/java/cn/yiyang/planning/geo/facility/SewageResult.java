package cn.yiyang.planning.geo.facility;

import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitIndicator;
import cn.yiyang.planning.geo.access.UnitLevel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;

/**
 * What a sewage analysis found. Distances are ground metres, flows m³ per day; {@code NaN} means "none".
 *
 * @param settings the thresholds used
 * @param households one entry per input household, in input order
 * @param facilities one entry per input facility, in input order
 * @param townships one entry per township of the units, in their order
 * @param villages one entry per village of the units, in their order
 * @param gaps townships without a plant, facilities over capacity and untreated villages: most serious first
 * @param indicators {@code rural_sewage_treatment_rate} and {@code township_sewage_facility_rate} of every unit
 * @param problems data the analysis could not use as given
 */
public record SewageResult(
        SewageSettings settings,
        List<HouseholdTreatment> households,
        List<FacilityLoad> facilities,
        List<TownshipCoverage> townships,
        List<VillageTreatment> villages,
        List<Gap> gaps,
        List<UnitIndicator> indicators,
        List<Problem> problems) {

    /**
     * @param indicator an indicator
     * @param level a level
     * @param code a unit code
     * @param group a group
     * @return its value record, if the unit has it
     */
    public Optional<UnitIndicator> indicator(
            FacilityIndicator indicator, UnitLevel level, String code, UnitGroup group) {
        return indicators.stream()
                .filter(i -> i.indicator() == indicator
                        && i.level() == level
                        && i.code().equals(code)
                        && i.group() == group)
                .findFirst();
    }

    /**
     * @param code household code
     * @param villageCode its village
     * @param townshipCode the village's township, null when unknown
     * @param countyCode the township's county, null when unknown
     * @param population its members
     * @param counted counted in the treatment rate: its village is known and rural
     * @param treated inside the collection area of an operating facility (on the edge counts)
     * @param facilityCode the facility treating it (of several, the first by kind, then code), or null
     * @param lonLat where it is
     */
    public record HouseholdTreatment(
            String code,
            String villageCode,
            String townshipCode,
            String countyCode,
            int population,
            boolean counted,
            boolean treated,
            String facilityCode,
            Coordinate lonLat) {}

    /**
     * A facility's place and load.
     *
     * @param code facility code
     * @param name its name
     * @param kind its kind
     * @param operating whether it treats sewage (operating, or no status)
     * @param townshipCode the township whose polygon covers it, or null
     * @param villageCode the village whose polygon covers it, or null
     * @param servedHouseholds households it treats
     * @param servedPopulation their members
     * @param flowM3d served population × per-capita flow
     * @param capacityM3d design capacity, null when not recorded
     * @param overCapacity flow above the capacity
     */
    public record FacilityLoad(
            String code,
            String name,
            SewageFacility.Kind kind,
            boolean operating,
            String townshipCode,
            String villageCode,
            int servedHouseholds,
            long servedPopulation,
            double flowM3d,
            Double capacityM3d,
            boolean overCapacity) {

        /** @return flow / capacity, or NaN without a positive capacity */
        public double loadRatio() {
            return capacityM3d == null || capacityM3d <= 0 ? Double.NaN : flowM3d / capacityM3d;
        }
    }

    /**
     * @param code township code
     * @param counted counted in the facility rate: it has a rural village, or no village at all (a sub-district of
     *     urban communities only is left out: the city's plant serves it)
     * @param covered an operating township plant lies inside it
     * @param plantCodes the operating township plants inside it
     * @param idlePlantCodes the township plants inside it that do not operate (stopped, under construction, planned)
     */
    public record TownshipCoverage(
            String code, boolean counted, boolean covered, List<String> plantCodes, List<String> idlePlantCodes) {}

    /**
     * @param code village code
     * @param rural rural (counted in the treatment rate)
     * @param households its households
     * @param treatedHouseholds those treated
     * @param population their members
     * @param treatedPopulation the treated households' members
     * @param recommendation the mode for its untreated households when it is listed (a rural village with households
     *     of which fewer than the set share are treated), else null
     */
    public record VillageTreatment(
            String code,
            boolean rural,
            int households,
            int treatedHouseholds,
            long population,
            long treatedPopulation,
            Recommendation recommendation) {}

    /**
     * The mode recommended for a village's untreated households, with the figures that decided it (the app builds
     * the sentence from them).
     *
     * @param mode the mode
     * @param untreatedHouseholds households to treat
     * @param untreatedPopulation their members
     * @param flowM3d their sewage: population × per-capita flow
     * @param centre the mean of their points, where distances are measured from
     * @param plantCode for {@link SewageMode#CONNECT_TOWN} the plant to connect to; otherwise the operating township
     *     plant (of known capacity) whose network is nearest, or null when there is none
     * @param plantDistanceM the ground distance from the centre to that plant's network, NaN without a plant
     * @param plantSpareM3d that plant's spare capacity: before this village's flow for a connection, after the
     *     villages assigned to it for the other modes
     * @param clusters dense clusters (at least the set number of households) among the untreated households
     * @param clusteredHouseholds untreated households in dense clusters
     */
    public record Recommendation(
            SewageMode mode,
            int untreatedHouseholds,
            long untreatedPopulation,
            double flowM3d,
            Coordinate centre,
            String plantCode,
            double plantDistanceM,
            double plantSpareM3d,
            int clusters,
            int clusteredHouseholds) {

        /** @return clustered households / untreated households (0 without any) */
        public double clusteredShare() {
            return untreatedHouseholds == 0 ? 0 : (double) clusteredHouseholds / untreatedHouseholds;
        }
    }

    /** What a gap is (code list {@code sewage_gap_kind}). */
    public enum GapKind {
        /** A counted township without an operating township plant inside it. */
        TOWNSHIP_NO_PLANT,
        /** An operating facility whose served flow exceeds its capacity. */
        OVER_CAPACITY,
        /** A rural village with fewer than the set share of households treated. */
        VILLAGE_UNTREATED;

        /** @return the code: township_no_plant, over_capacity, village_untreated */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One gap of the list.
     *
     * @param code a stable code: the kind's id, a colon and the township, facility or village code
     * @param kind what it is
     * @param severity township without any plant: high, with one not operating: medium; over capacity: high from the
     *     set ratio, else medium; village: high when no household is treated, medium when some are
     * @param name the township's, facility's or village's name
     * @param villageCode the village (of a facility: the one its polygon covers), or null
     * @param townshipCode the township, or null
     * @param countyCode the county, or null
     * @param keySupport the village is a key-support village
     * @param demonstration the village is a demonstration village
     * @param facilityCode the facility over capacity, or a township's plant that does not operate, or null
     * @param households households concerned: a township's households, a facility's served households, a village's
     *     untreated households
     * @param population their members
     * @param lonLat where to show it: a point inside the township, the facility, the untreated households' centre
     * @param load the facility's load (over capacity), else null
     * @param recommendation the village's recommended mode (untreated village), else null
     */
    public record Gap(
            String code,
            GapKind kind,
            Severity severity,
            String name,
            String villageCode,
            String townshipCode,
            String countyCode,
            boolean keySupport,
            boolean demonstration,
            String facilityCode,
            int households,
            long population,
            Coordinate lonLat,
            FacilityLoad load,
            Recommendation recommendation) {}

    /**
     * Data the analysis could not use as given.
     *
     * @param kind what is wrong
     * @param subject the code of the record (household, facility; for a service area, the facility code it names)
     * @param declared what the record's field says, or null
     * @param found what the analysis used instead (the unit whose polygon covers the facility), or null
     */
    public record Problem(ProblemKind kind, String subject, String declared, String found) {}

    /** Kinds of {@link Problem}. */
    public enum ProblemKind {
        /** A household whose village code names no known village: counted nowhere. */
        HOUSEHOLD_WITHOUT_VILLAGE,
        /** A facility inside no township polygon. */
        FACILITY_OUTSIDE_TOWNSHIPS,
        /** A facility whose township code names another township than the polygon covering it (not used). */
        FACILITY_TOWNSHIP_MISMATCH,
        /** A facility whose village code names another village than the polygon covering it (not used). */
        FACILITY_VILLAGE_MISMATCH,
        /** A collection area naming no known facility: it treats nobody. */
        SERVICE_AREA_WITHOUT_FACILITY,
        /** An operating township plant or village facility without a collection area: it treats nobody. */
        FACILITY_WITHOUT_SERVICE_AREA,
        /** An operating facility that treats households, or a township plant, without a capacity: load unchecked. */
        FACILITY_WITHOUT_CAPACITY;

        /** @return the id: lower snake case of the name */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
