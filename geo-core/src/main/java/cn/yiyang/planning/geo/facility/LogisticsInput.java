package cn.yiyang.planning.geo.facility;

import cn.yiyang.planning.geo.access.UnitRollup;
import cn.yiyang.planning.geo.network.RoadNetwork;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;

/**
 * What a cold-chain and courier analysis reads.
 *
 * @param units the administrative units reported (with the villages' groups and rural flag)
 * @param counties the county polygons
 * @param townships the township polygons
 * @param villages the administrative village polygons
 * @param sites the cold-chain sites
 * @param couriers the courier points
 * @param households the households (demand of the suggested sites and the counts of each gap)
 * @param roads the road network for distances along roads and suggested sites; null when there are no roads (no
 *     courier distance is measured and no site suggested)
 */
public record LogisticsInput(
        UnitRollup.Units units,
        UnitAreas counties,
        UnitAreas townships,
        UnitAreas villages,
        List<ColdChainSite> sites,
        List<CourierPoint> couriers,
        List<Household> households,
        RoadNetwork roads) {

    public LogisticsInput {
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(counties, "counties");
        Objects.requireNonNull(townships, "townships");
        Objects.requireNonNull(villages, "villages");
        sites = List.copyOf(sites);
        couriers = List.copyOf(couriers);
        households = List.copyOf(households);
    }

    /** The tiers of the cold-chain network (一县一仓储、一乡一中心、一村一网点). */
    public enum Tier {
        /** A county warehouse (县级仓储). */
        COUNTY,
        /** A township centre (乡镇中心). */
        TOWNSHIP,
        /** A village outlet (村级网点). */
        VILLAGE
    }

    /**
     * A cold-chain site.
     *
     * @param code its code
     * @param name its name
     * @param tier its tier, as the caller read it from its tier field; null when unknown (then it counts nowhere)
     * @param inService whether it operates: the caller decides from its status, and a missing status counts as
     *     operating; stopped, under construction and planned sites do not
     * @param countyCode the county its code field names, or null
     * @param townshipCode the township its code field names, or null
     * @param villageCode the village its code field names, or null
     * @param lonLat where it is, CGCS2000 lon/lat
     */
    public record ColdChainSite(
            String code,
            String name,
            Tier tier,
            boolean inService,
            String countyCode,
            String townshipCode,
            String villageCode,
            Coordinate lonLat) {

        public ColdChainSite {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(lonLat, "lonLat");
        }
    }

    /**
     * A courier point (快递物流网点).
     *
     * @param code its code
     * @param name its name
     * @param villageCode the village its code field names, or null
     * @param lonLat where it is, CGCS2000 lon/lat
     */
    public record CourierPoint(String code, String name, String villageCode, Coordinate lonLat) {

        public CourierPoint {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(lonLat, "lonLat");
        }
    }
}
