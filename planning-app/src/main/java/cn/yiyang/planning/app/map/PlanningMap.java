package cn.yiyang.planning.app.map;

import cn.yiyang.planning.layers.catalogue.Code;
import cn.yiyang.planning.layers.catalogue.CodeList;
import cn.yiyang.planning.layers.catalogue.CodeTrait;
import cn.yiyang.planning.layers.catalogue.GeometryKind;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.shared.Registration;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenLayers map ({@code <planning-map>}, bundled from {@code map-client/}) as a Vaadin component
 * with a typed API: layers (visibility, opacity, style variant, data version), the base map, the
 * view, the selection, the measure tool, and events for clicks, view changes, measures, legends and
 * the user's restored choices. The component keeps the state on the server and sends it whole when
 * it is attached (again), then each change as it happens; it alone writes the element's JavaScript
 * calls.
 */
@Tag("planning-map")
@JavaScript("context://map/planning-map.js")
@StyleSheet("context://map/planning-map.css")
public class PlanningMap extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TIANDITU_ATTRIBUTE = "tianditu-key";
    static final String PROXY_ATTRIBUTE = "tianditu-proxy";
    static final String PREFS_ATTRIBUTE = "prefs-key";

    private final Map<String, MapLayer> layers = new LinkedHashMap<>();
    private final Map<String, String> variants = new LinkedHashMap<>();
    private Envelope lastFit;
    private Integer lastFitMaxZoom;
    private Basemap basemap = Basemap.VECTOR;
    private Selection selection;
    private Map<String, String> texts = Map.of();
    /** The overlay as GeoJSON text, or null. */
    private String overlay;

    private int overlayCount;
    /** The layer being edited, or null. */
    private String editingLayer;

    private String editTool;

    /** A selected feature: its layer and store id. */
    public record Selection(String layerId, long featureId) {}

    public PlanningMap() {
        setSizeFull();
        // The element applied the user's remembered choices: take them into the server-side state first.
        addListener(PreferencesRestoredEvent.class, e -> {
            e.getLayers().forEach((id, c) -> {
                MapLayer l = layers.get(id);
                if (l != null) {
                    layers.put(id, l.withVisible(c.visible()).withOpacity(c.opacity()));
                    if (c.variant() != null) {
                        variants.put(id, c.variant());
                    }
                }
            });
            if (e.getBasemap() != null) {
                basemap = e.getBasemap();
            }
        });
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (!texts.isEmpty()) {
            call("setTexts", JSON.writeValueAsString(texts));
        }
        call("setBasemap", basemap.clientName());
        call("setLayers", layersJson());
        if (lastFit != null) {
            callFit(lastFit, lastFitMaxZoom);
        }
        if (selection != null) {
            call("select", selection.layerId(), (double) selection.featureId());
        }
        if (overlay != null) {
            call("setOverlay", overlay);
        }
    }

    // ---- overlay ---------------------------------------------------------------------------------

    /**
     * Draws features over the layers (an import's preview, the register's roads) in their tones; an empty
     * list removes them.
     */
    public void setOverlay(List<OverlayFeature> features) {
        StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        GeoJsonWriter writer = new GeoJsonWriter();
        writer.setEncodeCRS(false);
        for (int i = 0; i < features.size(); i++) {
            OverlayFeature f = features.get(i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"Feature\",\"geometry\":")
                    .append(writer.write(f.geometry()))
                    .append(",\"properties\":{\"rejected\":")
                    .append(f.rejected())
                    .append(",\"tone\":\"")
                    .append(f.tone().clientName())
                    .append("\"}}");
        }
        overlay = features.isEmpty() ? null : json.append("]}").toString();
        overlayCount = features.size();
        if (isAttached()) {
            call("setOverlay", overlay == null ? "" : overlay);
        }
    }

    /** How many features the overlay holds (only tests read it: the component's state, as its setter set it). */
    public int getOverlayCount() {
        return overlayCount;
    }

    // ---- editing ---------------------------------------------------------------------------------

    /**
     * Starts an editing session on a layer (see the element's header in {@code planning-map.js}): its features come
     * by {@link #setEditFeatures}; the session's events are {@link EditEvents}. Nothing is written until the
     * server saves what {@link EditEvents.Save} reports.
     */
    public void startEditing(String layerId, GeometryKind kind) {
        editingLayer = layerId;
        editTool = EditTool.SELECT.clientName();
        call("startEditing", JSON.writeValueAsString(Map.of("layer", layerId, "geometry", kind.name())));
    }

    /** The layer being edited, if any. */
    public Optional<String> getEditingLayer() {
        return Optional.ofNullable(editingLayer);
    }

    /** Ends the session; unsaved changes are dropped. */
    public void stopEditing() {
        editingLayer = null;
        editTool = null;
        call("stopEditing");
    }

    /** The editable features of the view: their ids and shapes (EPSG:4490). */
    public void setEditFeatures(List<MapShape> features) {
        call("setEditFeatures", collection(features));
    }

    /** Shapes to snap to, of one layer (village, township, a constraint layer, or the edited layer itself). */
    public void setSnapFeatures(String layerId, List<MapShape> features) {
        call("setSnapFeatures", layerId, collection(features));
    }

    /** Turns snapping to one layer on or off. */
    public void setSnapping(String layerId, boolean on) {
        call("setSnapping", layerId, on);
    }

    public void setEditTool(EditTool tool) {
        editTool = tool.clientName();
        call("setEditTool", editTool);
    }

    /** The tool in use ({@code select}, {@code draw} …), if editing. */
    public Optional<String> getEditTool() {
        return Optional.ofNullable(editTool);
    }

    public void undoEdit() {
        call("undoEdit");
    }

    public void redoEdit() {
        call("redoEdit");
    }

    /** Selects a feature of the session by its key (null: none). */
    public void selectEdit(String key) {
        getElement().executeJs("customElements.whenDefined('planning-map').then(() => this.selectEdit($0))", key);
    }

    /** The server's answer to {@link EditEvents.Split}: the parts, the first keeps the feature. */
    public void applySplit(String key, List<? extends Geometry> parts) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("key", key);
        answer.put("parts", parts.stream().map(PlanningMap::geometryJson).toList());
        call("applySplit", JSON.writeValueAsString(answer));
    }

    /** The server's answer to {@link EditEvents.Merge}. */
    public void applyMerge(String keep, String remove, Geometry merged) {
        call(
                "applyMerge",
                JSON.writeValueAsString(Map.of("keep", keep, "remove", remove, "geometry", geometryJson(merged))));
    }

    /** Asks the element for the session's changes: they come as an {@link EditEvents.Save}. */
    public void requestEditSave() {
        call("requestEditSave");
    }

    /** Tells the element these features are stored: key to store id (a new feature's new id). */
    public void editSaved(Map<String, Long> saved) {
        List<Map<String, Object>> list = new ArrayList<>();
        saved.forEach((key, id) -> list.add(Map.of("key", key, "id", id)));
        call("editSaved", JSON.writeValueAsString(Map.of("saved", list)));
    }

    /** Puts a feature of the session back to a stored state (the other user's version), dropping its changes. */
    public void revertEdit(String key, Geometry stored) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("key", key);
        answer.put("geometry", stored == null ? null : geometryJson(stored));
        call("revertEdit", JSON.writeValueAsString(answer));
    }

    /** Problems shown at their places (red markers with their messages); an empty list clears them. */
    public void setEditProblems(List<ProblemMarker> problems) {
        call(
                "setEditProblems",
                JSON.writeValueAsString(problems.stream()
                        .map(p -> Map.of("lon", p.lon(), "lat", p.lat(), "message", p.message()))
                        .toList()));
    }

    /**
     * A problem at a place.
     *
     * @param lon     longitude
     * @param lat     latitude
     * @param message what is wrong, in the UI language
     */
    public record ProblemMarker(double lon, double lat, String message) {}

    private static String collection(List<MapShape> features) {
        StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        GeoJsonWriter writer = new GeoJsonWriter(8);
        writer.setEncodeCRS(false);
        boolean first = true;
        for (MapShape f : features) {
            json.append(first ? "" : ",").append("{\"type\":\"Feature\",");
            if (f.id() != null) {
                json.append("\"id\":").append(f.id()).append(',');
            }
            json.append("\"properties\":{},\"geometry\":")
                    .append(writer.write(f.geometry()))
                    .append('}');
            first = false;
        }
        return json.append("]}").toString();
    }

    private static Object geometryJson(Geometry g) {
        GeoJsonWriter writer = new GeoJsonWriter(8);
        writer.setEncodeCRS(false);
        return JSON.readTree(writer.write(g));
    }

    // ---- layers ----------------------------------------------------------------------------------

    /** Adds a layer, or replaces the layer with the same id. */
    public void addLayer(MapLayer layer) {
        layers.put(layer.id(), layer);
        if (isAttached()) {
            call("setLayers", layersJson());
        }
    }

    /** Replaces all layers. */
    public void setLayers(Collection<MapLayer> newLayers) {
        layers.clear();
        newLayers.forEach(l -> layers.put(l.id(), l));
        if (isAttached()) {
            call("setLayers", layersJson());
        }
    }

    public List<MapLayer> getLayers() {
        return List.copyOf(layers.values());
    }

    public Optional<MapLayer> getLayer(String id) {
        return Optional.ofNullable(layers.get(id));
    }

    /** Shows or hides a layer (remembered for the user). */
    public void setLayerVisible(String id, boolean visible) {
        MapLayer l = require(id);
        layers.put(id, l.withVisible(visible));
        if (isAttached()) {
            call("setVisible", id, visible);
        }
    }

    public boolean isLayerVisible(String id) {
        return require(id).visible();
    }

    /** Sets a layer's opacity, 0 (transparent) to 1 (remembered for the user). */
    public void setLayerOpacity(String id, double opacity) {
        MapLayer l = require(id);
        layers.put(id, l.withOpacity(opacity));
        if (isAttached()) {
            call("setOpacity", id, opacity);
        }
    }

    public double getLayerOpacity(String id) {
        return require(id).opacity();
    }

    /** Picks one of a layer's style variants (households: {@code poverty} or {@code water} coverage). */
    public void setLayerVariant(String id, String variant) {
        require(id);
        variants.put(id, variant);
        if (isAttached()) {
            call("setVariant", id, variant);
        }
    }

    /** The layer's style variant, or empty for its default style. */
    public Optional<String> getLayerVariant(String id) {
        return Optional.ofNullable(variants.get(id));
    }

    /** Tells the map that a layer has new data: its tiles are fetched again under the new version. */
    public void setLayerVersion(String id, long version) {
        MapLayer l = require(id);
        if (l.version() == version) {
            return;
        }
        layers.put(id, l.withVersion(version));
        if (isAttached()) {
            call("setLayerVersion", id, Long.toString(version));
        }
    }

    // ---- base map --------------------------------------------------------------------------------

    /** Lets the browser fetch Tianditu tiles with this key (the key is then on the page); null: none. */
    public void setTianditu(String key) {
        if (key == null || key.isBlank()) {
            getElement().removeAttribute(TIANDITU_ATTRIBUTE);
        } else {
            getElement().setAttribute(TIANDITU_ATTRIBUTE, key.strip());
        }
    }

    /** The key the browser gets, if any (only tests read it: the getter of the setter above). */
    public Optional<String> getTianditu() {
        return Optional.ofNullable(getElement().getAttribute(TIANDITU_ATTRIBUTE));
    }

    /** Fetches Tianditu tiles through the server's proxy at this URL (relative to the app); null: none. */
    public void setTiandituProxy(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            getElement().removeAttribute(PROXY_ATTRIBUTE);
        } else {
            getElement().setAttribute(PROXY_ATTRIBUTE, baseUrl.strip());
        }
    }

    /** The proxy the browser fetches through, if any (only tests read it: the getter of the setter above). */
    public Optional<String> getTiandituProxy() {
        return Optional.ofNullable(getElement().getAttribute(PROXY_ATTRIBUTE));
    }

    /** Picks the base map (remembered for the user). */
    public void setBasemap(Basemap b) {
        basemap = b == null ? Basemap.NONE : b;
        if (isAttached()) {
            call("setBasemap", basemap.clientName());
        }
    }

    public Basemap getBasemap() {
        return basemap;
    }

    // ---- view, selection, tools ------------------------------------------------------------------

    /** Zooms the map to a longitude/latitude box (EPSG:4490, x = longitude). */
    public void fitExtent(Envelope lonLat) {
        fitExtent(lonLat, null);
    }

    /** Zooms to a box, no deeper than {@code maxZoom} (null: the map's default, 16). */
    public void fitExtent(Envelope lonLat, Integer maxZoom) {
        if (lonLat == null || lonLat.isNull()) {
            throw new IllegalArgumentException("an extent is needed");
        }
        lastFit = new Envelope(lonLat);
        lastFitMaxZoom = maxZoom;
        if (isAttached()) {
            callFit(lastFit, maxZoom);
        }
    }

    /** The last extent asked for, if any (only tests read it: the browser gets it as a call, not as state). */
    public Optional<Envelope> getLastFit() {
        return Optional.ofNullable(lastFit).map(Envelope::new);
    }

    /** Highlights one feature of a layer, by store id. */
    public void select(String layerId, long featureId) {
        require(layerId);
        selection = new Selection(layerId, featureId);
        if (isAttached()) {
            call("select", layerId, (double) featureId); // ids stay exact below 2^53
        }
    }

    /** Removes the highlight. */
    public void clearSelection() {
        selection = null;
        if (isAttached()) {
            call("clearSelection");
        }
    }

    public Optional<Selection> getSelection() {
        return Optional.ofNullable(selection);
    }

    /** Starts measuring: the user draws a line (length) or a polygon (area); values come as {@link MeasureEvent}s. */
    public void startMeasure(MeasureKind kind) {
        call("startMeasure", kind.name().toLowerCase(Locale.ROOT));
    }

    /** Ends measuring and removes the drawing. */
    public void stopMeasure() {
        call("stopMeasure");
    }

    /**
     * The words of the map's own read-outs (pointer coordinates, measure tool) in the UI language:
     * keys lonLat, zone, easting, northing, length, area, m, km, m2, mu, ha, finishHint.
     */
    public void setTexts(Map<String, String> words) {
        texts = Map.copyOf(words);
        if (isAttached()) {
            call("setTexts", JSON.writeValueAsString(texts));
        }
    }

    /** Remembers the user's layer and base-map choices in the browser under this key (e.g. the user name). */
    public void setPreferencesKey(String key) {
        if (key == null || key.isBlank()) {
            getElement().removeAttribute(PREFS_ATTRIBUTE);
        } else {
            getElement().setAttribute(PREFS_ATTRIBUTE, key);
        }
    }

    // ---- events ----------------------------------------------------------------------------------

    /** Listens for clicks on features of the map's layers. */
    public Registration addFeatureClickListener(ComponentEventListener<FeatureClickEvent> listener) {
        return addListener(FeatureClickEvent.class, listener);
    }

    /** Listens for the end of every pan or zoom. */
    public Registration addViewChangeListener(ComponentEventListener<ViewChangeEvent> listener) {
        return addListener(ViewChangeEvent.class, listener);
    }

    /** Listens for measured lengths and areas. */
    public Registration addMeasureListener(ComponentEventListener<MeasureEvent> listener) {
        return addListener(MeasureEvent.class, listener);
    }

    /** Listens for the layers' legends, sent after the layers are set and when a style variant changes. */
    public Registration addLegendListener(ComponentEventListener<LegendEvent> listener) {
        return addListener(LegendEvent.class, listener);
    }

    /** Listens for one of the editing session's events ({@link EditEvents}). */
    public <T extends ComponentEvent<?>> Registration addEditListener(
            Class<T> type, ComponentEventListener<T> listener) {
        return addListener(type, listener);
    }

    /** Listens for the user's remembered choices, applied by the element when the layers are set. */
    public Registration addPreferencesRestoredListener(ComponentEventListener<PreferencesRestoredEvent> listener) {
        return addListener(PreferencesRestoredEvent.class, listener);
    }

    private MapLayer require(String id) {
        MapLayer l = layers.get(id);
        if (l == null) {
            throw new IllegalArgumentException("the map has no layer " + id);
        }
        return l;
    }

    private void callFit(Envelope e, Integer maxZoom) {
        if (maxZoom == null) {
            call("fitExtent", e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
        } else {
            call("fitExtent", e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(), maxZoom);
        }
    }

    private String layersJson() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (MapLayer l : layers.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", l.id());
            m.put("title", l.title());
            m.put("geometry", l.geometry().name());
            m.put("url", l.tileUrl());
            m.put("minZoom", l.minZoom());
            m.put("maxZoom", l.maxZoom());
            m.put("visible", l.visible());
            m.put("opacity", l.opacity());
            m.put("version", Long.toString(l.version()));
            if (variants.containsKey(l.id())) {
                m.put("variant", variants.get(l.id()));
            }
            m.put("codes", codesJson(l.codes()));
            out.add(m);
        }
        return JSON.writeValueAsString(out);
    }

    /**
     * What the layer's codes mean, as the element's styles read it: {@code {field: {value: {rank, traits}}}}, the
     * rank only in ordered lists, the traits by {@link CodeTrait#id()}.
     */
    static Map<String, Map<String, Map<String, Object>>> codesJson(Map<String, CodeList> codes) {
        Map<String, Map<String, Map<String, Object>>> out = new LinkedHashMap<>();
        codes.forEach((field, list) -> {
            Map<String, Map<String, Object>> values = new LinkedHashMap<>();
            for (Code c : list.codes()) {
                Map<String, Object> meaning = new LinkedHashMap<>();
                if (c.ranked()) {
                    meaning.put("rank", c.rank());
                }
                meaning.put("traits", c.traits().stream().map(CodeTrait::id).toList());
                values.put(c.value(), meaning);
            }
            out.put(field, values);
        });
        return out;
    }

    /** Calls a method of the element once the element is defined (the bundle may still be loading). */
    private void call(String method, Serializable... args) {
        StringBuilder params = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            params.append(i == 0 ? "" : ", ").append('$').append(i + 1);
        }
        Serializable[] all = new Serializable[args.length + 1];
        all[0] = method;
        System.arraycopy(args, 0, all, 1, args.length);
        getElement().executeJs("customElements.whenDefined('planning-map').then(() => this[$0](" + params + "))", all);
    }
}
