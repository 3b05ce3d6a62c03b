package cn.yiyang.planning.app.ogc;

import cn.yiyang.planning.geo.crs.CrsTransform;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JsonGenerator;

/**
 * Writes features as GeoJSON onto a streaming generator, one at a time, in an output CRS and its axis order: the
 * catalogue's fields are the properties (every field, null when empty, so that a client's schema is the layer's),
 * the store's id is the feature's {@code id}. Dates are ISO text. Layers without geometry have {@code null}
 * geometries.
 */
public final class GeoJsonWriter {

    private final LayerDef layer;
    private final OgcCrs crs;
    /** The transformation from the stored CRS, or null when the output is in it (CRS84, EPSG:4490). */
    private final CrsTransform transform;

    private final double scale;

    /**
     * @param layer the features' layer
     * @param crs   the output CRS, its axis order and decimals
     */
    public GeoJsonWriter(LayerDef layer, OgcCrs crs) {
        this.layer = layer;
        this.crs = crs;
        CrsTransform t = crs.fromStored();
        // the identity would still copy each geometry: write the stored coordinates as they are
        this.transform = t.source() == t.target() ? null : t;
        this.scale = Math.pow(10, crs.decimals());
    }

    /** One feature object (a file's too: the exports write GeoJSON with it). */
    public void feature(JsonGenerator g, Feature f) {
        g.writeStartObject();
        g.writeStringProperty("type", "Feature");
        g.writeNumberProperty("id", f.id());
        g.writeName("geometry");
        if (f.geometry() == null) {
            g.writeNull();
        } else {
            geometry(g, transform == null ? f.geometry() : transform.transform(f.geometry()));
        }
        g.writeName("properties");
        g.writeStartObject();
        for (FieldDef field : layer.fields()) {
            g.writeName(field.name());
            value(g, f.get(field.name()));
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void value(JsonGenerator g, Object v) {
        switch (v) {
            case null -> g.writeNull();
            case Integer i -> g.writeNumber(i);
            case Double d -> g.writeNumber(d);
            case Boolean b -> g.writeBoolean(b);
            default -> g.writeString(v.toString());
        }
    }

    private void geometry(JsonGenerator g, Geometry geom) {
        g.writeStartObject();
        g.writeStringProperty("type", geom.getGeometryType());
        if (geom.getGeometryType().equals(Geometry.TYPENAME_GEOMETRYCOLLECTION)) {
            g.writeName("geometries");
            g.writeStartArray();
            for (int i = 0; i < geom.getNumGeometries(); i++) {
                geometry(g, geom.getGeometryN(i));
            }
            g.writeEndArray();
        } else {
            g.writeName("coordinates");
            coordinates(g, geom);
        }
        g.writeEndObject();
    }

    private void coordinates(JsonGenerator g, Geometry geom) {
        switch (geom) {
            case Point p -> position(g, p.getCoordinate());
            case LineString l -> positions(g, l.getCoordinates());
            case Polygon p -> {
                g.writeStartArray();
                positions(g, p.getExteriorRing().getCoordinates());
                for (int i = 0; i < p.getNumInteriorRing(); i++) {
                    positions(g, p.getInteriorRingN(i).getCoordinates());
                }
                g.writeEndArray();
            }
            default -> { // MultiPoint, MultiLineString, MultiPolygon
                g.writeStartArray();
                for (int i = 0; i < geom.getNumGeometries(); i++) {
                    coordinates(g, geom.getGeometryN(i));
                }
                g.writeEndArray();
            }
        }
    }

    private void positions(JsonGenerator g, Coordinate[] cs) {
        g.writeStartArray();
        for (Coordinate c : cs) {
            position(g, c);
        }
        g.writeEndArray();
    }

    private void position(JsonGenerator g, Coordinate c) {
        g.writeStartArray();
        g.writeNumber(round(crs.secondAxisFirst() ? c.y : c.x));
        g.writeNumber(round(crs.secondAxisFirst() ? c.x : c.y));
        g.writeEndArray();
    }

    private double round(double v) {
        return Math.round(v * scale) / scale;
    }
}
