package cn.yiyang.planning.app.map;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The map element applied the user's remembered choices (kept in the browser's localStorage under
 * the user's name): layer visibility, opacity and style variant, and the base map.
 */
@DomEvent("prefs-restored")
public class PreferencesRestoredEvent extends ComponentEvent<PlanningMap> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, LayerChoice> layers = new LinkedHashMap<>();
    private final Basemap basemap;

    /** What the user chose for one layer. */
    public record LayerChoice(boolean visible, double opacity, String variant) {}

    public PreferencesRestoredEvent(
            PlanningMap source, boolean fromClient, @EventData("event.detail.json") String json) {
        super(source, fromClient);
        JsonNode root = json == null || json.isBlank() ? JSON.createObjectNode() : JSON.readTree(json);
        JsonNode ls = root.path("layers");
        for (var e : ls.properties()) {
            JsonNode v = e.getValue();
            double opacity = v.path("opacity").isNumber() ? v.path("opacity").asDouble() : 1.0;
            layers.put(
                    e.getKey(),
                    new LayerChoice(
                            v.path("visible").asBoolean(false),
                            Math.max(0, Math.min(1, opacity)),
                            v.path("variant").isString() ? v.path("variant").asString() : null));
        }
        basemap = root.path("basemap").isString()
                ? Basemap.ofClientName(root.path("basemap").asString())
                : null;
    }

    public Map<String, LayerChoice> getLayers() {
        return layers;
    }

    /** The remembered base map, or null when none was remembered. */
    public Basemap getBasemap() {
        return basemap;
    }
}
