package cn.yiyang.planning.app.edit;

import cn.yiyang.planning.app.feature.AcceptedWrite;
import cn.yiyang.planning.app.feature.FeatureEditService;
import cn.yiyang.planning.app.map.MapShape;
import cn.yiyang.planning.app.security.Action;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.DataScopes;
import cn.yiyang.planning.app.security.Permissions;
import cn.yiyang.planning.geo.edit.PolygonMerge;
import cn.yiyang.planning.geo.edit.PolygonSplit;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.HistoryEntry;
import cn.yiyang.planning.layers.feature.VersionedFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the map editor needs from the server: which layers the user may edit, the features of the view (to edit
 * and to snap to), split and merge computed with JTS ({@link PolygonSplit}, {@link PolygonMerge}), the values a
 * reference field can take, and the writes, each through {@link FeatureEditService} (checks, permissions,
 * versions, history, the layer-version push).
 */
@Service
public class MapEditService implements ReferenceSource {

    /** At most this many features of the view are editable or snapped to at once (zoom in for more). */
    public static final int FEATURE_LIMIT = 2000;
    /** The layers the editor can snap to besides the edited one, in the order the toggles show them. */
    public static final List<String> SNAP_LAYERS = List.of(
            LayerIds.VILLAGE,
            LayerIds.TOWNSHIP,
            LayerIds.BASIC_FARMLAND,
            LayerIds.ECOLOGICAL_REDLINE,
            LayerIds.TOWN_DEVELOPMENT_BOUNDARY);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final LayerCatalogue catalogue;
    private final FeatureRepository features;
    private final FeatureEditService edits;
    private final StoredReferences references;

    private final DataScopes scopes;

    /** With the default household roles ({@link DataScopes#standard}), for views built without Spring. */
    public MapEditService(LayerCatalogue catalogue, FeatureRepository features, FeatureEditService edits) {
        this(catalogue, features, edits, DataScopes.standard());
    }

    /** @param scopes which features each user gets to edit: those of its counties */
    @Autowired
    public MapEditService(
            LayerCatalogue catalogue, FeatureRepository features, FeatureEditService edits, DataScopes scopes) {
        this.scopes = scopes;
        this.catalogue = catalogue;
        this.features = features;
        this.edits = edits;
        this.references = new StoredReferences(catalogue, features);
    }

    /** The layer by id. */
    public LayerDef layer(String layerId) {
        return catalogue.get(layerId);
    }

    /** Whether the user may write the layer (never a derived one). */
    public boolean mayWrite(AppUser user, LayerDef layer) {
        return !layer.derived() && Permissions.allows(user, Action.write(layer));
    }

    /** The layers with geometry the user may edit on the map, in catalogue order. */
    public List<LayerDef> editableLayers(AppUser user) {
        return catalogue.layers().stream()
                .filter(l -> l.geometry().hasGeometry() && mayWrite(user, l))
                .toList();
    }

    /** The layer's features whose boxes meet {@code bbox}, at most {@link #FEATURE_LIMIT}. */
    public List<MapShape> inView(AppUser user, String layerId, Envelope bbox) {
        LayerDef layer = catalogue.get(layerId);
        Permissions.check(user, Action.read(layer));
        return features.findInEnvelope(layer, bbox, FEATURE_LIMIT, scopes.of(user)).stream()
                .filter(f -> f.geometry() != null)
                .map(f -> new MapShape(f.id(), f.geometry()))
                .toList();
    }

    /** Splits a polygon along a line. */
    public PolygonSplit.Result split(Geometry polygon, Geometry line) {
        return PolygonSplit.split(polygon, line);
    }

    /** Merges two polygons sharing an edge. */
    public PolygonMerge.Result merge(Geometry a, Geometry b) {
        return PolygonMerge.merge(a, b);
    }

    @Override
    public List<ReferenceOption> options(String targetLayerId, String filter, int offset, int limit) {
        return references.options(targetLayerId, filter, offset, limit);
    }

    @Override
    public Optional<ReferenceOption> option(String targetLayerId, String key) {
        return references.option(targetLayerId, key);
    }

    /** The stored feature with its version. */
    public EditedFeature get(AppUser user, String layerId, long id) {
        VersionedFeature v = edits.get(user, layerId, id);
        return new EditedFeature(
                v.id(), v.version(), v.feature().attributes(), v.feature().geometry());
    }

    /** The feature's states in its history, newest first (entries without a state, such as summaries, left out). */
    public List<FeatureVersion> history(AppUser user, String layerId, long id) {
        List<FeatureVersion> out = new ArrayList<>();
        for (HistoryEntry e : edits.history(user, layerId, id)) {
            Feature state = e.after() != null ? e.after() : e.before();
            if (state != null) {
                out.add(new FeatureVersion(
                        e.version(),
                        e.operation().name().toLowerCase(Locale.ROOT),
                        e.user(),
                        e.at(),
                        state.attributes(),
                        state.geometry()));
            }
        }
        return out;
    }

    /** Inserts a feature with these catalogue values and shape (null for a layer without geometry). */
    public SavedFeature insert(
            AppUser user, LayerDef layer, Map<String, Object> values, Geometry geometry, Locale locale) {
        return saved(edits.create(user, layer.id(), geoJson(layer, values, geometry, true)), locale);
    }

    /**
     * Updates a feature from the version the edit started from: the catalogue values (all of them; null clears
     * one) and, when not null, the new shape.
     */
    public SavedFeature update(
            AppUser user,
            LayerDef layer,
            long id,
            long version,
            Map<String, Object> values,
            Geometry geometry,
            Locale locale) {
        return saved(
                edits.patch(user, layer.id(), id, version, geoJson(layer, values, geometry, geometry != null)), locale);
    }

    private static SavedFeature saved(AcceptedWrite written, Locale locale) {
        return new SavedFeature(written.feature().id(), written.warnings(locale));
    }

    /** Deletes a feature, when {@code version} is still its version. */
    public void delete(AppUser user, LayerDef layer, long id, long version) {
        edits.delete(user, layer.id(), id, version);
    }

    /** A GeoJSON Feature (or merge patch) of catalogue values and a shape, as the write path reads it. */
    static ObjectNode geoJson(LayerDef layer, Map<String, Object> values, Geometry geometry, boolean withGeometry) {
        ObjectNode node = NODES.objectNode();
        node.put("type", "Feature");
        ObjectNode properties = node.putObject("properties");
        for (FieldDef field : layer.fields()) {
            Object v = values.get(field.name());
            switch (v) {
                case null -> properties.putNull(field.name());
                case String s when s.isBlank() -> properties.putNull(field.name());
                case String s -> properties.put(field.name(), s.strip());
                case Integer i -> properties.put(field.name(), i);
                case Long l -> properties.put(field.name(), l);
                case Double d -> properties.put(field.name(), d);
                case Boolean b -> properties.put(field.name(), b);
                default -> properties.put(field.name(), v.toString()); // a date as ISO text
            }
        }
        if (withGeometry) {
            if (geometry == null) {
                node.putNull("geometry");
            } else {
                GeoJsonWriter writer = new GeoJsonWriter(8);
                writer.setEncodeCRS(false);
                node.set("geometry", JSON.readTree(writer.write(geometry)));
            }
        }
        return node;
    }
}
