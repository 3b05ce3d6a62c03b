package cn.yiyang.planning.app.feature;

import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.HistoryEntry;
import cn.yiyang.planning.layers.feature.VersionedFeature;
import java.time.OffsetDateTime;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Features as the API shows them: GeoJSON Features in EPSG:4490 (x = longitude), the catalogue attributes and
 * then the extra ones in {@code properties}, so that what a GET answers can be sent back by a PUT unchanged.
 */
final class FeatureJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Eight decimals of a degree are about a millimetre: no loss against the stored coordinates that matters. */
    private static final int DECIMALS = 8;

    private FeatureJson() {}

    /** The feature as a GeoJSON Feature with its id. */
    static ObjectNode feature(VersionedFeature stored) {
        return feature(stored.feature());
    }

    /** The feature as a GeoJSON Feature; {@code id} when it has one. */
    static ObjectNode feature(Feature f) {
        ObjectNode node = NODES.objectNode();
        node.put("type", "Feature");
        if (f.id() != null) {
            node.put("id", f.id());
        }
        ObjectNode properties = node.putObject("properties");
        f.attributes().forEach((name, value) -> properties.set(name, value(value)));
        f.extra().forEach((name, value) -> {
            if (!properties.has(name)) {
                properties.set(name, value(value));
            }
        });
        node.set("geometry", geometry(f.geometry()));
        return node;
    }

    /** The entry as the history and a stale write's {@code changes} show it. */
    static HistoryEntryJson entry(HistoryEntry e) {
        return new HistoryEntryJson(
                e.id(),
                e.operation().name(),
                e.version(),
                e.user(),
                e.at(),
                e.before() == null ? null : feature(e.before()),
                e.after() == null ? null : feature(e.after()),
                e.details());
    }

    /**
     * RFC 7396 JSON Merge Patch: an object patch merges member by member (null removes), anything else replaces.
     *
     * @return the patched document; {@code target} is left unchanged
     */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : NODES.objectNode();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), mergePatch(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }

    /** A rule's answer property (a record, a map, a number …) as JSON. */
    static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    private static JsonNode geometry(Geometry g) {
        if (g == null) {
            return NODES.nullNode();
        }
        GeoJsonWriter writer = new GeoJsonWriter(DECIMALS);
        writer.setEncodeCRS(false);
        return JSON.readTree(writer.write(g));
    }

    private static JsonNode value(Object v) {
        return switch (v) {
            case null -> NODES.nullNode();
            case String s -> NODES.stringNode(s);
            case Integer i -> NODES.numberNode(i);
            case Long l -> NODES.numberNode(l);
            case Double d -> NODES.numberNode(d);
            case Boolean b -> NODES.booleanNode(b);
            default -> NODES.stringNode(v.toString()); // dates as ISO text, as imports read them
        };
    }

    /**
     * One history entry.
     *
     * @param id        the entry's id
     * @param operation INSERT, UPDATE, DELETE (or a summary operation)
     * @param version   the feature's version after the write
     * @param user      who wrote
     * @param at        when
     * @param before    the feature before (UPDATE, DELETE), GeoJSON
     * @param after     the feature after (INSERT, UPDATE), GeoJSON
     * @param details   a summary entry's details
     */
    record HistoryEntryJson(
            long id,
            String operation,
            Long version,
            String user,
            OffsetDateTime at,
            JsonNode before,
            JsonNode after,
            Map<String, Object> details) {}
}
