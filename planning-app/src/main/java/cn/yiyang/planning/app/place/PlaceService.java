package cn.yiyang.planning.app.place;

import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.catalogue.Region;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Service;

/**
 * The administrative units (city → county → township → village) for search and drill-down: find
 * by name or code prefix, children, the path from the city, each unit's extent. The units are read
 * from the county, township and village layers once and read again when one of them has a new
 * version (after an import).
 */
@Service
public class PlaceService {

    private static final List<String> LAYERS = List.of(LayerIds.COUNTY, LayerIds.TOWNSHIP, LayerIds.VILLAGE);

    private final FeatureRepository features;
    private final LayerCatalogue catalogue;
    private final LayerVersions versions;
    private volatile Directory directory;

    /** The units at one set of layer versions. */
    private record Directory(List<Long> versions, Map<String, Place> byCode) {}

    public PlaceService(FeatureRepository features, LayerCatalogue catalogue, LayerVersions versions) {
        this.features = features;
        this.catalogue = catalogue;
        this.versions = versions;
    }

    /** The city: the root of the drill-down, with the extent of all counties. */
    public Place city() {
        return directory().byCode().get(Region.CITY_CODE);
    }

    /** The unit with this code. */
    public Optional<Place> find(String code) {
        return code == null
                ? Optional.empty()
                : Optional.ofNullable(directory().byCode().get(code));
    }

    /** The units directly below a unit, by code. */
    public List<Place> children(Place parent) {
        return directory().byCode().values().stream()
                .filter(p -> parent.code().equals(p.parentCode()))
                .sorted(Comparator.comparing(Place::code))
                .toList();
    }

    /** The units from the city down to {@code place}, both included. */
    public List<Place> path(Place place) {
        List<Place> out = new ArrayList<>();
        Map<String, Place> byCode = directory().byCode();
        for (Place p = place; p != null; p = p.parentCode() == null ? null : byCode.get(p.parentCode())) {
            out.addFirst(p);
        }
        return out;
    }

    /**
     * Counties, townships and villages whose name contains {@code text} or whose code starts with it:
     * exact names first, then names that start with it, then the rest; coarser units before finer
     * ones; at most {@code limit}.
     */
    public List<Place> search(String text, int limit) {
        String q = text == null ? "" : text.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        String lower = q.toLowerCase(Locale.ROOT);
        return directory().byCode().values().stream()
                .filter(p -> p.level() != Place.Level.CITY)
                .filter(p -> p.name().toLowerCase(Locale.ROOT).contains(lower)
                        || p.code().startsWith(q))
                .sorted(Comparator.<Place>comparingInt(p -> rank(p, lower))
                        .thenComparing(Place::level)
                        .thenComparing(Place::code))
                .limit(limit)
                .toList();
    }

    /** The names of the county and township a unit lies in (for "村名 · 乡镇 · 县"), finest first. */
    public List<String> context(Place place) {
        List<Place> path = path(place);
        List<String> names = new ArrayList<>();
        for (int i = path.size() - 2; i >= 1; i--) {
            names.add(path.get(i).name());
        }
        return names;
    }

    private static int rank(Place p, String lower) {
        String name = p.name().toLowerCase(Locale.ROOT);
        if (name.equals(lower)) {
            return 0;
        }
        return name.startsWith(lower) ? 1 : name.contains(lower) ? 2 : 3;
    }

    private Directory directory() {
        List<Long> now =
                LAYERS.stream().map(id -> versions.version(catalogue.get(id))).toList();
        Directory d = directory;
        if (d == null || !d.versions().equals(now)) {
            d = new Directory(now, load());
            directory = d;
        }
        return d;
    }

    private Map<String, Place> load() {
        Map<String, Place> byCode = new LinkedHashMap<>();
        Envelope all = new Envelope();
        read(LayerIds.COUNTY, Place.Level.COUNTY, null, byCode);
        read(LayerIds.TOWNSHIP, Place.Level.TOWNSHIP, "county_code", byCode);
        read(LayerIds.VILLAGE, Place.Level.VILLAGE, "township_code", byCode);
        byCode.values().stream()
                .filter(p -> p.level() == Place.Level.COUNTY && p.extent() != null)
                .forEach(p -> all.expandToInclude(p.extent()));
        // The city has no feature of its own; views show its name from the translations (place.city).
        byCode.put(
                Region.CITY_CODE,
                new Place(Place.Level.CITY, Region.CITY_CODE, Region.CITY_CODE, null, all.isNull() ? null : all, null));
        return byCode;
    }

    private void read(String layerId, Place.Level level, String parentField, Map<String, Place> into) {
        LayerDef layer = catalogue.get(layerId);
        features.forEach(layer, f -> {
            String code = f.getString("code");
            String name = f.getString("name");
            if (code == null || name == null) {
                return;
            }
            String parent = parentField == null ? Region.CITY_CODE : f.getString(parentField);
            Envelope extent = f.geometry() == null ? null : f.geometry().getEnvelopeInternal();
            into.put(code, new Place(level, code, name, parent, extent, f.id()));
        });
    }
}
