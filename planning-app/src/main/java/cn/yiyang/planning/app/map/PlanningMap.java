package cn.yiyang.planning.app.map;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
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
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenLayers map ({@code <planning-map>}, bundled from {@code map-client/}) as a Vaadin component
 * with a typed API. The component keeps the layer state on the server and sends it whole when it is
 * attached (again), then each change as it happens.
 */
@Tag("planning-map")
@JavaScript("context://map/planning-map.js")
@StyleSheet("context://map/planning-map.css")
public class PlanningMap extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TIANDITU_ATTRIBUTE = "tianditu-key";

    private final Map<String, MapLayer> layers = new LinkedHashMap<>();
    private Envelope lastFit;

    public PlanningMap() {
        setSizeFull();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        call("setLayers", layersJson());
        if (lastFit != null) {
            callFit(lastFit);
        }
    }

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

    /** Shows or hides a layer. */
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

    /** Sets a layer's opacity, 0 (transparent) to 1. */
    public void setLayerOpacity(String id, double opacity) {
        MapLayer l = require(id);
        layers.put(id, l.withOpacity(opacity));
        if (isAttached()) {
            call("setOpacity", id, opacity);
        }
    }

    /** Zooms the map to a longitude/latitude box (EPSG:4490, x = longitude). */
    public void fitExtent(Envelope lonLat) {
        if (lonLat == null || lonLat.isNull()) {
            throw new IllegalArgumentException("an extent is needed");
        }
        lastFit = new Envelope(lonLat);
        if (isAttached()) {
            callFit(lastFit);
        }
    }

    /** Uses the Tianditu vector base map with this browser key; null or blank: plain background. */
    public void setTianditu(String key) {
        if (key == null || key.isBlank()) {
            getElement().removeAttribute(TIANDITU_ATTRIBUTE);
        } else {
            getElement().setAttribute(TIANDITU_ATTRIBUTE, key.strip());
        }
    }

    public Optional<String> getTianditu() {
        return Optional.ofNullable(getElement().getAttribute(TIANDITU_ATTRIBUTE));
    }

    /** Listens for clicks on features of the map's layers. */
    public Registration addFeatureClickListener(ComponentEventListener<FeatureClickEvent> listener) {
        return addListener(FeatureClickEvent.class, listener);
    }

    /** Listens for the end of every pan or zoom. */
    public Registration addViewChangeListener(ComponentEventListener<ViewChangeEvent> listener) {
        return addListener(ViewChangeEvent.class, listener);
    }

    private MapLayer require(String id) {
        MapLayer l = layers.get(id);
        if (l == null) {
            throw new IllegalArgumentException("the map has no layer " + id);
        }
        return l;
    }

    private void callFit(Envelope e) {
        call("fitExtent", e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
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
            out.add(m);
        }
        return JSON.writeValueAsString(out);
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
