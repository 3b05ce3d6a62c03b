package cn.yiyang.planning.app.map;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A click on a feature of one of the map's layers: the layer, the feature's attributes, where. */
@DomEvent("feature-click")
public class FeatureClickEvent extends ComponentEvent<PlanningMap> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final String layerId;
    private final Map<String, Object> properties;
    private final double lon;
    private final double lat;

    public FeatureClickEvent(PlanningMap source, boolean fromClient,
                             @EventData("event.detail.layer") String layerId,
                             @EventData("event.detail.propertiesJson") String propertiesJson,
                             @EventData("event.detail.lon") double lon,
                             @EventData("event.detail.lat") double lat) {
        super(source, fromClient);
        this.layerId = layerId;
        this.properties = propertiesJson == null || propertiesJson.isBlank() ? Map.of()
                : Collections.unmodifiableMap(JSON.readValue(propertiesJson, MAP));
        this.lon = lon;
        this.lat = lat;
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
