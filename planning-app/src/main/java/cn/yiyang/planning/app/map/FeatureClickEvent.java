package cn.yiyang.planning.app.map;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A click on the map's layers: the best feature under it (layer, attributes), every feature under it
 * ({@link #getHits()}), and where.
 */
@DomEvent("feature-click")
public class FeatureClickEvent extends ComponentEvent<PlanningMap> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
    private static final TypeReference<List<Hit>> HITS = new TypeReference<>() {};

    private final String layerId;
    private final Map<String, Object> properties;
    private final double lon;
    private final double lat;
    private final List<Hit> hits;

    /** One feature under the click: its layer, store id and the attributes its tile carries. */
    public record Hit(String layer, Long id, Map<String, Object> properties) {
        public Hit {
            properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        }
    }

    /** A click with one feature under it. */
    public FeatureClickEvent(
            PlanningMap source, boolean fromClient, String layerId, String propertiesJson, double lon, double lat) {
        this(source, fromClient, layerId, propertiesJson, null, lon, lat);
    }

    public FeatureClickEvent(
            PlanningMap source,
            boolean fromClient,
            @EventData("event.detail.layer") String layerId,
            @EventData("event.detail.propertiesJson") String propertiesJson,
            @EventData("event.detail.hitsJson") String hitsJson,
            @EventData("event.detail.lon") double lon,
            @EventData("event.detail.lat") double lat) {
        super(source, fromClient);
        this.layerId = layerId;
        this.properties = propertiesJson == null || propertiesJson.isBlank()
                ? Map.of()
                : Collections.unmodifiableMap(JSON.readValue(propertiesJson, MAP));
        this.lon = lon;
        this.lat = lat;
        List<Hit> list = new ArrayList<>();
        if (hitsJson != null && !hitsJson.isBlank()) {
            list.addAll(JSON.readValue(hitsJson, HITS));
        } else if (layerId != null) {
            list.add(new Hit(layerId, getFeatureId(), properties));
        }
        this.hits = List.copyOf(list);
    }

    /** Every feature under the click, the best match (points, lines, then the smallest polygon) first. */
    public List<Hit> getHits() {
        return hits;
    }

    /** The catalogue layer id. */
    public String getLayerId() {
        return layerId;
    }

    /** The feature's attributes as the tile carries them: {@code id} and the catalogue fields. */
    public Map<String, Object> getProperties() {
        return properties;
    }

    /** The store id of the feature, if the tile carried it. */
    public Long getFeatureId() {
        return properties.get("id") instanceof Number n ? n.longValue() : null;
    }

    public double getLon() {
        return lon;
    }

    public double getLat() {
        return lat;
    }
}
