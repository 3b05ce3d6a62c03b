package cn.yiyang.planning.importer.source;

import cn.yiyang.planning.geo.crs.Crs;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One GeoJSON Feature sent on its own (the feature API's body), read as an import reads the features of a
 * GeoJSON file, so that a single-feature write and an import row go through the same checks.
 */
public final class GeoJsonFeature {

    private GeoJsonFeature() {}

    /**
     * The Feature as a record of row 1: properties as values by their names, the geometry in the coordinates
     * sent (its SRID that of {@code crs}). The Feature's {@code id} member is not a value: the URL names the
     * feature.
     *
     * @return the record; with UNREADABLE_RECORD when the object is not a Feature or its geometry cannot be read
     */
    public static SourceRecord read(JsonNode feature, Crs crs) {
        JsonNode withoutId = feature;
        if (feature instanceof ObjectNode object && object.has("id")) {
            ObjectNode copy = object.deepCopy();
            copy.remove("id");
            withoutId = copy;
        }
        return GeoJsonFeatures.record(withoutId, 1, null, crs.epsg().orElse(0));
    }

    /**
     * The CRS of the Feature's coordinates: the one its {@code crs} member names, else {@code fallback}.
     *
     * @throws cn.yiyang.planning.importer.issue.ImportException CRS_LEGACY_DATUM or CRS_UNSUPPORTED
     */
    public static Crs crs(JsonNode feature, Crs fallback) {
        DetectedCrs declared = feature == null ? null : GeoJsonFeatures.crsMember(feature.get("crs"), null);
        return declared == null || !declared.known() ? fallback : declared.crs();
    }
}
