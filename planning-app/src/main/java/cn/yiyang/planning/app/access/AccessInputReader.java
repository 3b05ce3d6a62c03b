package cn.yiyang.planning.app.access;

import cn.yiyang.planning.geo.access.AccessInput;
import cn.yiyang.planning.geo.access.AccessInput.County;
import cn.yiyang.planning.geo.access.AccessInput.Household;
import cn.yiyang.planning.geo.access.AccessInput.NaturalVillage;
import cn.yiyang.planning.geo.access.AccessInput.Road;
import cn.yiyang.planning.geo.access.AccessInput.Township;
import cn.yiyang.planning.geo.access.AccessInput.Village;
import cn.yiyang.planning.layers.catalogue.CodeList;
import cn.yiyang.planning.layers.catalogue.CodeLists;
import cn.yiyang.planning.layers.catalogue.CodeTrait;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.catalogue.Region;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads the layers a road-access run needs into an {@link AccessInput}, deciding each road's part by the code
 * lists: hardened = the {@code hardened} flag, or a {@link CodeTrait#HARDENED hardened} surface when the flag is
 * empty; all-season = the {@code all_season} flag, or an {@link CodeTrait#ALL_SEASON all-season} surface when the
 * flag is empty (as an import derives it, for roads written without it); class III or better = a technical grade that ranks
 * {@link CodeList#atLeast at least} class3; seed = an administrative class of the county-or-higher network
 * ({@link CodeTrait#ACCESS_SEED}); impassable = held so by the 通返不通 register. Villages are rural unless their
 * urban-rural code is {@link CodeTrait#URBAN urban} (城镇, 1xx).
 */
final class AccessInputReader {

    /** The lowest technical grade that counts as "class III or better". */
    private static final String CLASS3 = "class3";

    /** The fields of a road that {@link #road} and the road names read. */
    private static final List<String> ROAD_FIELDS =
            List.of("code", "name", "hardened", "surface", "all_season", "tech_grade", "bus_route", "admin_class");

    private final FeatureRepository features;
    private final LayerCatalogue catalogue;
    private final String cityName;

    AccessInputReader(FeatureRepository features, LayerCatalogue catalogue, String cityName) {
        this.features = features;
        this.catalogue = catalogue;
        this.cityName = cityName;
    }

    /**
     * The road's all-season flag, else what its surface says (沥青, 水泥, 砂石 are; 土 is not), counted in
     * {@code fromSurface[0]} so that the run can say for how many roads the surface decided.
     */
    private static boolean allSeason(Feature f, int[] fromSurface) {
        Boolean flag = bool(f, "all_season");
        if (flag != null) {
            return flag;
        }
        String surface = f.getString("surface");
        if (surface != null) {
            fromSurface[0]++;
        }
        return CodeLists.ROAD_SURFACE.has(surface, CodeTrait.ALL_SEASON);
    }

    /**
     * A road feature as the analysis decides it (see the class comment), or null for one without a code or a line.
     *
     * @param fromSurface counts the roads whose all-season flag the surface decided
     */
    static Road road(Feature f, Set<String> impassableRoads, int[] fromSurface) {
        String code = f.getString("code");
        if (code == null || f.geometry() == null || f.geometry().isEmpty()) {
            return null;
        }
        Boolean flag = bool(f, "hardened");
        boolean hardened = flag != null ? flag : CodeLists.ROAD_SURFACE.has(f.getString("surface"), CodeTrait.HARDENED);
        return new Road(
                code,
                f.geometry(),
                hardened,
                allSeason(f, fromSurface),
                CodeLists.ROAD_TECH_GRADE.atLeast(f.getString("tech_grade"), CLASS3),
                Boolean.TRUE.equals(bool(f, "bus_route")),
                CodeLists.ROAD_ADMIN_CLASS.has(f.getString("admin_class"), CodeTrait.ACCESS_SEED),
                !impassableRoads.contains(code));
    }

    /** What was read: the input, and the names of roads and natural villages the results are labelled with. */
    record Read(
            AccessInput input,
            Map<String, String> roadNames,
            Map<String, String> naturalVillageNames,
            Map<String, String> villageNames,
            int allSeasonFromSurface) {}

    Read read(Set<String> impassableRoads) {
        return read(impassableRoads, roads -> {});
    }

    /**
     * Reads the layers, the roads first.
     *
     * @param roadsRead given the roads once they are read, before the other layers (the list the input will hold)
     */
    Read read(Set<String> impassableRoads, Consumer<List<Road>> roadsRead) {
        List<Road> roadsAsRead = new ArrayList<>();
        Map<String, String> roadNames = new HashMap<>();
        int[] allSeasonFromSurface = {0};
        each(LayerIds.ROAD, ROAD_FIELDS, f -> {
            Road road = road(f, impassableRoads, allSeasonFromSurface);
            if (road == null) {
                return;
            }
            roadsAsRead.add(road);
            if (f.getString("name") != null) {
                roadNames.put(road.id(), f.getString("name"));
            }
        });
        List<Road> roads = List.copyOf(roadsAsRead);
        roadsRead.accept(roads);
        List<Household> households = new ArrayList<>(400_000);
        each(LayerIds.HOUSEHOLD, List.of("code", "village_code", "natural_village_code", "population"), f -> {
            Coordinate at = point(f.geometry());
            if (at != null) {
                households.add(new Household(
                        f.getString("code"),
                        f.getString("village_code"),
                        f.getString("natural_village_code"),
                        integer(f, "population", 0),
                        at));
            }
        });
        List<NaturalVillage> naturalVillages = new ArrayList<>();
        Map<String, String> nvNames = new HashMap<>();
        each(LayerIds.NATURAL_VILLAGE, List.of("code", "name", "village_code", "households", "population"), f -> {
            Coordinate at = point(f.geometry());
            if (at != null) {
                naturalVillages.add(new NaturalVillage(
                        f.getString("code"),
                        f.getString("name"),
                        f.getString("village_code"),
                        integerOrNull(f, "households"),
                        integerOrNull(f, "population"),
                        at));
                if (f.getString("name") != null) {
                    nvNames.put(f.getString("code"), f.getString("name"));
                }
            }
        });
        List<Village> villages = new ArrayList<>();
        Map<String, String> villageNames = new HashMap<>();
        each(
                LayerIds.VILLAGE,
                List.of("code", "name", "township_code", "key_support", "demonstration", "urban_rural_code"),
                f -> {
                    String urbanRural = f.getString("urban_rural_code");
                    Coordinate centre = f.geometry() == null || f.geometry().isEmpty()
                            ? null
                            : f.geometry().getInteriorPoint().getCoordinate();
                    villages.add(new Village(
                            f.getString("code"),
                            f.getString("name"),
                            f.getString("township_code"),
                            Boolean.TRUE.equals(bool(f, "key_support")),
                            Boolean.TRUE.equals(bool(f, "demonstration")),
                            !CodeLists.URBAN_RURAL.has(urbanRural, CodeTrait.URBAN),
                            centre));
                    villageNames.put(f.getString("code"), f.getString("name"));
                });
        Map<String, Coordinate> seats = new HashMap<>();
        each(LayerIds.TOWNSHIP_SEAT, List.of("township_code"), f -> {
            Coordinate at = point(f.geometry());
            if (at != null && f.getString("township_code") != null) {
                seats.putIfAbsent(f.getString("township_code"), at);
            }
        });
        List<Township> townships = new ArrayList<>();
        each(
                LayerIds.TOWNSHIP,
                List.of("code", "name", "county_code"),
                f -> townships.add(new Township(
                        f.getString("code"),
                        f.getString("name"),
                        f.getString("county_code"),
                        seats.get(f.getString("code")))));
        List<County> counties = new ArrayList<>();
        each(
                LayerIds.COUNTY,
                List.of("code", "name"),
                f -> counties.add(new County(f.getString("code"), f.getString("name"))));
        List<Coordinate> stops = new ArrayList<>();
        each(LayerIds.BUS_STOP, List.of(), f -> {
            Coordinate at = point(f.geometry());
            if (at != null) {
                stops.add(at);
            }
        });
        AccessInput input = new AccessInput(
                Region.CITY_CODE, cityName, roads, households, naturalVillages, villages, townships, counties, stops);
        return new Read(input, roadNames, nvNames, villageNames, allSeasonFromSurface[0]);
    }

    /** The layer's features with only the fields named (the analysis reads a few of the largest layers' fields). */
    private void each(String layer, List<String> fields, Consumer<Feature> sink) {
        features.forEach(catalogue.get(layer), fields, sink);
    }

    private static Coordinate point(Geometry g) {
        return g == null || g.isEmpty() ? null : g.getCoordinate();
    }

    private static Boolean bool(Feature f, String field) {
        Object v = f.get(field);
        return v instanceof Boolean b ? b : null;
    }

    private static int integer(Feature f, String field, int fallback) {
        Integer v = integerOrNull(f, field);
        return v == null ? fallback : v;
    }

    private static Integer integerOrNull(Feature f, String field) {
        return f.get(field) instanceof Number n ? n.intValue() : null;
    }
}
