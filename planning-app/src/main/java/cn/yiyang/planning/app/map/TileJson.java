package cn.yiyang.planning.app.map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * A layer's TileJSON 3.0.0 document ({@code GET /tiles/{layer}.json}), members named and ordered as the
 * specification writes them.
 *
 * @param tilejson the specification's version, 3.0.0
 * @param name the layer's title in the caller's language
 * @param description its Chinese and English titles
 * @param attribution empty: the data is the city's
 * @param scheme xyz
 * @param tiles the tile URL template
 * @param minzoom the first zoom with tiles
 * @param maxzoom the last zoom with tiles
 * @param bounds minLon, minLat, maxLon, maxLat; absent for an empty layer
 * @param center lon, lat, zoom; absent for an empty layer
 * @param vectorLayers the layer, and its label points when it has them
 */
@JsonPropertyOrder({
    "tilejson",
    "name",
    "description",
    "attribution",
    "scheme",
    "tiles",
    "minzoom",
    "maxzoom",
    "bounds",
    "center",
    "vector_layers"
})
record TileJson(
        String tilejson,
        String name,
        String description,
        String attribution,
        String scheme,
        List<String> tiles,
        int minzoom,
        int maxzoom,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> bounds,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Number> center,
        @JsonProperty("vector_layers") List<VectorLayer> vectorLayers) {

    /**
     * One vector layer of the tiles.
     *
     * @param id the layer's id in the tile
     * @param description what it holds
     * @param minzoom the first zoom it is in
     * @param maxzoom the last zoom it is in
     * @param fields attribute → Number, Boolean or String
     */
    @JsonPropertyOrder({"id", "description", "minzoom", "maxzoom", "fields"})
    record VectorLayer(String id, String description, int minzoom, int maxzoom, Map<String, String> fields) {}
}
