package cn.yiyang.planning.app.exporting;

import cn.yiyang.planning.app.ogc.GeoJsonWriter;
import cn.yiyang.planning.layers.feature.Feature;
import java.io.OutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A GeoJSON FeatureCollection written as features arrive, by the OGC API's writer; in EPSG:4490 longitude first,
 * or easting first in a Gauss-Kruger CRS, named in the (GeoJSON 2008) {@code crs} member GDAL and QGIS read.
 */
final class GeoJsonExport implements ExportWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JsonGenerator g;
    private final GeoJsonWriter writer;

    GeoJsonExport(ExportRequest request, OutputStream out) {
        this.g = JSON.createGenerator(out);
        this.writer = new GeoJsonWriter(request.layer(), request.crs());
        g.writeStartObject();
        g.writeStringProperty("type", "FeatureCollection");
        g.writeStringProperty("name", request.layer().id());
        g.writeName("crs");
        g.writeStartObject();
        g.writeStringProperty("type", "name");
        g.writeName("properties");
        g.writeStartObject();
        g.writeStringProperty(
                "name", "urn:ogc:def:crs:EPSG::" + request.crs().crs().epsg().orElseThrow());
        g.writeEndObject();
        g.writeEndObject();
        g.writeName("features");
        g.writeStartArray();
    }

    @Override
    public void write(Feature feature) {
        writer.feature(g, feature);
    }

    @Override
    public void finish() {
        g.writeEndArray();
        g.writeEndObject();
        g.close();
    }
}
