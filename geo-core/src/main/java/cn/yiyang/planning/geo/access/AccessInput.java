package cn.yiyang.planning.geo.access;

import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * What a road-access analysis reads: roads with the attributes that decide their part in the network, the
 * settlements (households, natural villages), the administrative units they roll up to, township seats and bus
 * stops. Coordinates are CGCS2000 lon/lat (x = longitude). Code lists are the caller's business: the flags here
 * are already decided (for example {@code class3OrBetter} from the technical grade).
 *
 * @param cityCode the code of the whole area (益阳市 430900)
 * @param cityName its name
 * @param roads the roads
 * @param households the households
 * @param naturalVillages the natural villages (自然村/组)
 * @param villages the administrative villages
 * @param townships the townships with their seats
 * @param counties the county-level units
 * @param busStops the bus stops
 */
public record AccessInput(
        String cityCode,
        String cityName,
        List<Road> roads,
        List<Household> households,
        List<NaturalVillage> naturalVillages,
        List<Village> villages,
        List<Township> townships,
        List<County> counties,
        List<Coordinate> busStops) {

    public AccessInput {
        Objects.requireNonNull(cityCode, "cityCode");
        roads = List.copyOf(roads);
        households = List.copyOf(households);
        naturalVillages = List.copyOf(naturalVillages);
        villages = List.copyOf(villages);
        townships = List.copyOf(townships);
        counties = List.copyOf(counties);
        busStops = List.copyOf(busStops);
    }

    /**
     * A road segment.
     *
     * @param id its code
     * @param lonLat its line (LineString or MultiLineString)
     * @param hardened paved with cement or asphalt (硬化)
     * @param allSeason passable all year
     * @param class3OrBetter technical grade 三级 or better
     * @param busRoute served by a bus line
     * @param seed part of the county network the analysis starts from (county roads and above)
     * @param passable false when the 通返不通 register holds the road impassable now (a broken bridge): the road
     *     then joins nothing
     */
    public record Road(
            String id,
            Geometry lonLat,
            boolean hardened,
            boolean allSeason,
            boolean class3OrBetter,
            boolean busRoute,
            boolean seed,
            boolean passable) {

        public Road {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(lonLat, "lonLat");
        }
    }

    /**
     * A household.
     *
     * @param code its code
     * @param villageCode its administrative village
     * @param naturalVillageCode its natural village, or null
     * @param population its members (0 if unknown)
     * @param lonLat where it is
     */
    public record Household(
            String code, String villageCode, String naturalVillageCode, int population, Coordinate lonLat) {}

    /**
     * A natural village.
     *
     * @param code its code
     * @param name its name
     * @param villageCode its administrative village
     * @param households its households as recorded (a null or zero is replaced by the count of households that
     *     name it)
     * @param population its population as recorded (same rule, with the households' members)
     * @param lonLat its point
     */
    public record NaturalVillage(
            String code, String name, String villageCode, Integer households, Integer population, Coordinate lonLat) {}

    /**
     * An administrative village.
     *
     * @param code its 12-digit code
     * @param name its name
     * @param townshipCode its township
     * @param keySupport a key-support village (重点帮扶村)
     * @param demonstration a demonstration village (示范创建村)
     * @param rural rural by the urban-rural classification (城乡分类代码 2xx, or unknown); urban units (1xx) are left
     *     out of the rural population and of the bus-service rate
     * @param centre a point inside the village, used when it has no natural villages; may be null
     */
    public record Village(
            String code,
            String name,
            String townshipCode,
            boolean keySupport,
            boolean demonstration,
            boolean rural,
            Coordinate centre) {}

    /**
     * A township.
     *
     * @param code its 9-digit code
     * @param name its name
     * @param countyCode its county
     * @param seat its seat (驻地), or null when none is recorded
     */
    public record Township(String code, String name, String countyCode, Coordinate seat) {}

    /**
     * A county-level unit.
     *
     * @param code its 6-digit code
     * @param name its name
     */
    public record County(String code, String name) {}
}
