package cn.yiyang.planning.app.map;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The legends of the map's layers, drawn by the map element with the very style functions that
 * draw the map: per layer, entries of a translation key (null: the layer's own title) and a swatch
 * image (a data URL).
 */
@DomEvent("legend")
public class LegendEvent extends ComponentEvent<PlanningMap> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, List<Entry>>> TYPE = new TypeReference<>() {};

    private final Map<String, List<Entry>> legends;

    /** One legend entry. */
    public record Entry(String key, String image) {}

    public LegendEvent(PlanningMap source, boolean fromClient, @EventData("event.detail.json") String json) {
        super(source, fromClient);
        this.legends = json == null || json.isBlank() ? Map.of() : JSON.readValue(json, TYPE);
    }

    /** Layer id to its legend entries. */
    public Map<String, List<Entry>> getLegends() {
        return legends;
    }
}
