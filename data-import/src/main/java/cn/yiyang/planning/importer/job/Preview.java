package cn.yiyang.planning.importer.job;

import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * What the map shows before loading: a sample of the file's features spread over the whole file
 * (reservoir sampling, so a million-row file gives as representative a sample as a small one) and
 * the extent of every geometry that could be transformed, all in EPSG:4490 (x = longitude).
 *
 * @param features up to the configured number of features, in row order
 * @param extent   the extent of all transformed geometries, or null when there is none
 */
public record Preview(List<Feature> features, Envelope extent) {

    public static final Preview EMPTY = new Preview(List.of(), null);

    public Preview {
        features = List.copyOf(features);
        extent = extent == null ? null : new Envelope(extent);
    }

    /**
     * One sampled feature.
     *
     * @param row        its row in the file
     * @param geometry   the geometry in EPSG:4490, ready for GeoJSON
     * @param attributes the converted catalogue attributes
     * @param rejected   whether the row has an error (the map can show it differently)
     */
    public record Feature(long row, Geometry geometry, Map<String, Object> attributes, boolean rejected) {}
}
