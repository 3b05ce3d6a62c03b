package cn.yiyang.planning.layers.catalogue;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * How a layer holds its geometry: built on one factory in EPSG:4490 and of the layer's {@link GeometryKind}, with
 * lines and polygons in their multi forms. The store, the importer and the demo city all shape geometries here, so
 * what an import accepts is what the store writes.
 */
public final class LayerGeometry {

    /** Layer geometries are built on this factory: floating precision, SRID 4490. */
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), LayerDef.SRID);

    private LayerGeometry() {}

    /**
     * The geometry as the given kind: a single line or polygon becomes its multi form and a MultiPoint of one point
     * becomes that point. The multi form is built on the geometry's own factory, so a geometry still in a file's
     * coordinates (the importer shapes before it transforms) keeps its factory.
     *
     * @return {@code g} itself when it already is of the kind, its shaped form, or null when it cannot be of the
     *         kind (another geometry type, a kind without geometry, or no geometry)
     */
    public static Geometry shape(GeometryKind kind, Geometry g) {
        if (g == null) {
            return null;
        }
        return switch (kind) {
            case POINT ->
                g instanceof Point
                        ? g
                        : g instanceof MultiPoint mp && mp.getNumGeometries() == 1 ? mp.getGeometryN(0) : null;
            case MULTILINESTRING ->
                g instanceof MultiLineString
                        ? g
                        : g instanceof LineString l ? g.getFactory().createMultiLineString(new LineString[] {l}) : null;
            case MULTIPOLYGON ->
                g instanceof MultiPolygon
                        ? g
                        : g instanceof Polygon p ? g.getFactory().createMultiPolygon(new Polygon[] {p}) : null;
            case NONE -> null;
        };
    }

    /**
     * The geometry as the layer stores it: {@linkplain #shape shaped} to the layer's kind, with SRID 4490.
     *
     * @param g a geometry in EPSG:4490 (x = longitude, y = latitude)
     * @return null when {@code g} is null or the layer has no geometry
     * @throws IllegalArgumentException naming the layer when the geometry cannot be of the layer's kind
     */
    public static Geometry stored(LayerDef layer, Geometry g) {
        GeometryKind kind = layer.geometry();
        if (g == null || !kind.hasGeometry()) {
            return null;
        }
        Geometry out = shape(kind, g);
        if (out == null) {
            throw new IllegalArgumentException(
                    layer.id() + ": a " + kind.jtsType() + " geometry was expected, got " + g.getGeometryType());
        }
        out.setSRID(LayerDef.SRID);
        return out;
    }
}
