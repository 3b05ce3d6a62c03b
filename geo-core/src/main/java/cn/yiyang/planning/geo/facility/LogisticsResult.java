package cn.yiyang.planning.geo.facility;

import cn.yiyang.planning.geo.access.UnitIndicator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;

/**
 * The result of a {@link LogisticsAnalysis}.
 *
 * @param settings the settings it ran with
 * @param counties each county: whether it has an operating county warehouse
 * @param townships each township: whether it has an operating township centre
 * @param villages each rural administrative village: outlet and courier service
 * @param gaps every missing warehouse, centre, outlet and courier service, in unit order
 * @param sites the suggested sites for each township without a centre and each village without an outlet or
 *     courier service
 * @param indicators the four indicators by unit (and group, for the village ones)
 * @param problems the sites and points not used, and why
 */
public record LogisticsResult(
        LogisticsSettings settings,
        List<UnitCoverage> counties,
        List<UnitCoverage> townships,
        List<VillageService> villages,
        List<Gap> gaps,
        List<SuggestedSite> sites,
        List<UnitIndicator> indicators,
        List<DataProblem> problems) {

    public LogisticsResult {
        counties = List.copyOf(counties);
        townships = List.copyOf(townships);
        villages = List.copyOf(villages);
        gaps = List.copyOf(gaps);
        sites = List.copyOf(sites);
        indicators = List.copyOf(indicators);
        problems = List.copyOf(problems);
    }

    /**
     * A county or township and the operating sites of its tier inside it.
     *
     * @param code the unit
     * @param siteCodes the codes of the operating sites of the unit's tier inside it, sorted
     */
    public record UnitCoverage(String code, List<String> siteCodes) {

        public UnitCoverage {
            siteCodes = List.copyOf(siteCodes);
        }

        /** @return whether it has one */
        public boolean covered() {
            return !siteCodes.isEmpty();
        }
    }

    /**
     * A rural administrative village's service.
     *
     * @param code the village
     * @param outletCodes the operating village-tier sites inside it, sorted
     * @param courierCodes the courier points inside it, sorted
     * @param courierDistanceM the distance along roads from its centre to the nearest courier point (anywhere), ground
     *     metres; NaN when not measured (no roads, no centre, no point reachable)
     * @param courier whether it has courier service: a point inside, or one within the set distance along roads
     * @param centre its centre (its households' mean point weighted by members, else a point inside its polygon), or
     *     null when it has neither
     */
    public record VillageService(
            String code,
            List<String> outletCodes,
            List<String> courierCodes,
            double courierDistanceM,
            boolean courier,
            Coordinate centre) {

        public VillageService {
            outletCodes = List.copyOf(outletCodes);
            courierCodes = List.copyOf(courierCodes);
        }

        /** @return whether it has a cold-chain outlet */
        public boolean outlet() {
            return !outletCodes.isEmpty();
        }
    }

    /** What is missing (the codes of the LOGISTICS_GAP_KIND code list). */
    public enum GapKind {
        COUNTY_NO_WAREHOUSE("county_no_warehouse"),
        TOWNSHIP_NO_CENTRE("township_no_centre"),
        VILLAGE_NO_OUTLET("village_no_outlet"),
        VILLAGE_NO_COURIER("village_no_courier");

        private final String code;

        GapKind(String code) {
            this.code = code;
        }

        /** @return its code in the code list */
        public String code() {
            return code;
        }
    }

    /**
     * A missing warehouse, centre, outlet or courier service.
     *
     * @param code a stable code: the kind's code, a dash, the unit's code
     * @param kind what is missing
     * @param severity how serious
     * @param unitCode the unit that lacks it
     * @param name the unit's name
     * @param households the households of the unit (by their village code)
     * @param population their members
     * @param distanceM for a village without courier service, the distance along roads to the nearest courier point,
     *     ground metres; NaN otherwise or when not measured
     * @param villageCode the village, or null for a township or county gap
     * @param townshipCode the township, or null for a county gap
     * @param countyCode the county
     * @param keySupport a key-support village (false for townships and counties)
     * @param demonstration a demonstration village (false for townships and counties)
     * @param lonLat where to show it: the village's centre, the township's seat, or a point inside the unit; null when
     *     the unit has no polygon
     */
    public record Gap(
            String code,
            GapKind kind,
            Severity severity,
            String unitCode,
            String name,
            int households,
            long population,
            double distanceM,
            String villageCode,
            String townshipCode,
            String countyCode,
            boolean keySupport,
            boolean demonstration,
            Coordinate lonLat) {}

    /** What a suggested site is for (the codes of the SITE_PURPOSE code list). */
    public enum SitePurpose {
        TOWNSHIP_CENTRE("township_centre"),
        VILLAGE_OUTLET("village_outlet"),
        COURIER_POINT("courier_point");

        private final String code;

        SitePurpose(String code) {
            this.code = code;
        }

        /** @return its code in the code list */
        public String code() {
            return code;
        }
    }

    /**
     * A suggested site for a unit that lacks a centre, outlet or courier point.
     *
     * @param code a stable code: the purpose's code, the unit's code and the rank, joined by dashes
     * @param purpose what it is for
     * @param forCode the unit it is for
     * @param forName the unit's name
     * @param rank 1 for the best alternative
     * @param lonLat where, on a road
     * @param households the unit's households it reaches within the travel distance
     * @param population their members
     * @param travelM the travel distance along roads it was scored with, ground metres
     * @param villageCode the village the site lies in, or null
     * @param townshipCode the township the site lies in, or null
     * @param countyCode the county the site lies in, or null
     */
    public record SuggestedSite(
            String code,
            SitePurpose purpose,
            String forCode,
            String forName,
            int rank,
            Coordinate lonLat,
            int households,
            int population,
            double travelM,
            String villageCode,
            String townshipCode,
            String countyCode) {}

    /** Kinds of {@link DataProblem}. */
    public enum ProblemKind {
        /** A site's or point's code field names another unit than the polygon containing it: not used. */
        UNIT_MISMATCH,
        /** A site or point lies in no unit polygon of its level: not used. */
        OUTSIDE_UNITS,
        /** A site without a tier: counts nowhere. */
        NO_TIER
    }

    /**
     * A site or point the analysis did not use.
     *
     * @param kind what is wrong
     * @param layer "cold_chain_site" or "courier_point"
     * @param subject its code
     * @param field the code field that disagrees (county_code, township_code, village_code), or null
     * @param declared what the field says, or null
     * @param located the unit whose polygon contains it, or null
     * @param lonLat where it is
     */
    public record DataProblem(
            ProblemKind kind,
            String layer,
            String subject,
            String field,
            String declared,
            String located,
            Coordinate lonLat) {}
}
