package cn.yiyang.planning.app.sewage;

import cn.yiyang.planning.geo.access.AccessInput.County;
import cn.yiyang.planning.geo.access.AccessInput.Township;
import cn.yiyang.planning.geo.access.AccessInput.Village;
import cn.yiyang.planning.geo.access.UnitRollup;
import cn.yiyang.planning.geo.facility.Household;
import cn.yiyang.planning.geo.facility.SewageFacility;
import cn.yiyang.planning.geo.facility.SewageInput;
import cn.yiyang.planning.geo.facility.SewagePipe;
import cn.yiyang.planning.geo.facility.SewageServiceArea;
import cn.yiyang.planning.geo.facility.UnitAreas;
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
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads the layers the sewage and sanitation analyses need into a {@link SewageInput}, deciding each facility's flags
 * by the code lists: its kind from {@code sewage_kind}, in service when its status carries {@link
 * CodeTrait#IN_SERVICE} (an empty status is passed on as unknown, which the analysis counts as operating). Villages
 * are rural unless their urban-rural code is {@link CodeTrait#URBAN urban} (城镇, 1xx).
 */
final class SewageInputReader {

    private final FeatureRepository features;
    private final LayerCatalogue catalogue;
    private final String cityName;

    SewageInputReader(FeatureRepository features, LayerCatalogue catalogue, String cityName) {
        this.features = features;
        this.catalogue = catalogue;
        this.cityName = cityName;
    }

    /**
     * What was read: the input, and the facilities whose kind is not a {@code sewage_kind} code (left out).
     *
     * @param input the analysis input
     * @param unknownKinds codes of facilities left out
     */
    record Read(SewageInput input, List<String> unknownKinds) {}

    /** @return the households and units only, for the sanitation analysis */
    Read readSanitation() {
        return read(false);
    }

    /** @return everything the sewage analysis reads */
    Read read() {
        return read(true);
    }

    private Read read(boolean facilities) {
        List<Household> households = new ArrayList<>(400_000);
        each(LayerIds.HOUSEHOLD, f -> {
            Coordinate at = point(f.geometry());
            if (at != null && f.getString("code") != null) {
                households.add(new Household(
                        f.getString("code"),
                        f.getString("village_code"),
                        f.get("population") instanceof Number n ? Math.max(0, n.intValue()) : 0,
                        false, // not used by the sewage and sanitation analyses
                        f.get("sanitary_toilet") instanceof Boolean b ? b : null,
                        at));
            }
        });
        List<SewageFacility> sites = new ArrayList<>();
        List<SewageServiceArea> areas = new ArrayList<>();
        List<SewagePipe> pipes = new ArrayList<>();
        List<String> unknownKinds = new ArrayList<>();
        if (facilities) {
            each(LayerIds.SEWAGE_FACILITY, f -> facility(f, sites, unknownKinds));
            each(LayerIds.SEWAGE_SERVICE_AREA, f -> {
                if (f.geometry() != null && !f.geometry().isEmpty()) {
                    areas.add(new SewageServiceArea(f.getString("facility_code"), f.geometry()));
                }
            });
            each(LayerIds.SEWAGE_PIPE, f -> {
                if (f.geometry() != null && !f.geometry().isEmpty()) {
                    pipes.add(new SewagePipe(f.getString("facility_code"), f.geometry()));
                }
            });
        }
        List<Village> villages = new ArrayList<>();
        Map<String, Geometry> villageShapes = new HashMap<>();
        each(LayerIds.VILLAGE, f -> {
            villages.add(new Village(
                    f.getString("code"),
                    f.getString("name"),
                    f.getString("township_code"),
                    Boolean.TRUE.equals(f.get("key_support")),
                    Boolean.TRUE.equals(f.get("demonstration")),
                    !CodeLists.URBAN_RURAL.has(f.getString("urban_rural_code"), CodeTrait.URBAN),
                    null));
            putShape(villageShapes, f);
        });
        List<Township> townships = new ArrayList<>();
        Map<String, Geometry> townshipShapes = new HashMap<>();
        each(LayerIds.TOWNSHIP, f -> {
            townships.add(new Township(f.getString("code"), f.getString("name"), f.getString("county_code"), null));
            putShape(townshipShapes, f);
        });
        List<County> counties = new ArrayList<>();
        each(LayerIds.COUNTY, f -> counties.add(new County(f.getString("code"), f.getString("name"))));
        UnitRollup.Units units = new UnitRollup.Units(Region.CITY_CODE, cityName, counties, townships, villages);
        SewageInput input = new SewageInput(
                households,
                sites,
                areas,
                pipes,
                new UnitAreas(facilities ? townshipShapes : Map.of()),
                new UnitAreas(facilities ? villageShapes : Map.of()),
                units);
        return new Read(input, List.copyOf(unknownKinds));
    }

    private static void facility(Feature f, List<SewageFacility> sites, List<String> unknownKinds) {
        Coordinate at = point(f.geometry());
        String code = f.getString("code");
        if (at == null || code == null) {
            return;
        }
        String kind = f.getString("kind");
        if (kind == null || CodeLists.SEWAGE_KIND.byValue(kind).isEmpty()) {
            unknownKinds.add(code);
            return;
        }
        String status = f.getString("status");
        Boolean inService =
                status == null || status.isBlank() ? null : CodeLists.FACILITY_STATUS.has(status, CodeTrait.IN_SERVICE);
        sites.add(new SewageFacility(
                code,
                f.getString("name"),
                SewageFacility.Kind.valueOf(kind.toUpperCase(Locale.ROOT)),
                inService,
                f.get("capacity_m3d") instanceof Number n ? n.doubleValue() : null,
                f.getString("township_code"),
                f.getString("village_code"),
                at));
    }

    private static void putShape(Map<String, Geometry> shapes, Feature f) {
        if (f.getString("code") != null && f.geometry() != null && !f.geometry().isEmpty()) {
            shapes.put(f.getString("code"), f.geometry());
        }
    }

    private void each(String layer, Consumer<Feature> sink) {
        features.forEach(catalogue.get(layer), sink);
    }

    private static Coordinate point(Geometry g) {
        return g == null || g.isEmpty() ? null : g.getCoordinate();
    }
}
