package cn.yiyang.planning.app.sewage;

import cn.yiyang.planning.app.analysis.AnalysisInputs;
import cn.yiyang.planning.geo.facility.Household;
import cn.yiyang.planning.geo.facility.SewageFacility;
import cn.yiyang.planning.geo.facility.SewageInput;
import cn.yiyang.planning.geo.facility.SewagePipe;
import cn.yiyang.planning.geo.facility.SewageServiceArea;
import cn.yiyang.planning.layers.catalogue.CodeLists;
import cn.yiyang.planning.layers.catalogue.CodeTrait;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads the sewage layers into a {@link SewageInput} beside the units and households {@link AnalysisInputs} reads,
 * deciding each facility's flags by the code lists: its kind from {@code sewage_kind}, in service when its status
 * carries {@link CodeTrait#IN_SERVICE} (an empty status is passed on as unknown, which the analysis counts as
 * operating). A facility whose kind is not a {@code sewage_kind} code is left out and named.
 */
final class SewageInputReader {

    private final FeatureRepository features;
    private final LayerCatalogue catalogue;

    SewageInputReader(FeatureRepository features, LayerCatalogue catalogue) {
        this.features = features;
        this.catalogue = catalogue;
    }

    /**
     * What was read: the input, and the facilities whose kind is not a {@code sewage_kind} code (left out).
     *
     * @param input the analysis input
     * @param unknownKinds codes of facilities left out
     */
    record Read(SewageInput input, List<String> unknownKinds) {}

    /**
     * @param units the units and their polygons
     * @param households the households
     * @return the input
     */
    Read read(AnalysisInputs.Units units, List<Household> households) {
        List<SewageFacility> sites = new ArrayList<>();
        List<String> unknownKinds = new ArrayList<>();
        each(LayerIds.SEWAGE_FACILITY, f -> facility(f, sites, unknownKinds));
        List<SewageServiceArea> areas = new ArrayList<>();
        each(LayerIds.SEWAGE_SERVICE_AREA, f -> {
            if (f.geometry() != null && !f.geometry().isEmpty()) {
                areas.add(new SewageServiceArea(f.getString("facility_code"), f.geometry()));
            }
        });
        List<SewagePipe> pipes = new ArrayList<>();
        each(LayerIds.SEWAGE_PIPE, f -> {
            if (f.geometry() != null && !f.geometry().isEmpty()) {
                pipes.add(new SewagePipe(f.getString("facility_code"), f.geometry()));
            }
        });
        SewageInput input =
                new SewageInput(households, sites, areas, pipes, units.townships(), units.villages(), units.rollup());
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

    private void each(String layer, Consumer<Feature> sink) {
        features.forEach(catalogue.get(layer), sink);
    }

    private static Coordinate point(Geometry g) {
        return g == null || g.isEmpty() ? null : g.getCoordinate();
    }
}
