package cn.yiyang.planning.layers.tiles;

import cn.yiyang.planning.geo.geom.CoordinateMapping;
import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.IUserDataConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerProps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.LineStringExtracter;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java half of tile making, as {@code ST_AsMVTGeom} and {@code ST_AsMVT} do it in PostGIS:
 * longitude/latitude to Web Mercator, Douglas-Peucker simplification, clipping to the tile grown by
 * the buffer, scaling to tile units (y down) rounded to integers, then MVT encoding with
 * mapbox-vector-tile-java.
 */
final class MvtEncoding {

    private static final Logger log = LoggerFactory.getLogger(MvtEncoding.class);
    private static final GeometryFactory MERCATOR = new GeometryFactory(new PrecisionModel(), 3857);

    private final Envelope tile;
    private final Envelope clip;
    private final Geometry clipGeom;
    private final double scale;
    private final double tolerance;

    /** A feature's id and properties, carried as the tile geometry's user data. */
    record TileFeature(long id, Map<String, Object> properties) {}

    MvtEncoding(TileCoord c, double tolerance) {
        this.tile = c.mercatorEnvelope();
        this.scale = TileRules.EXTENT / c.size();
        this.clip = new Envelope(tile);
        this.clip.expandBy(TileRules.BUFFER / scale);
        this.clipGeom = MERCATOR.toGeometry(clip);
        this.tolerance = tolerance;
    }

    /**
     * The geometry (EPSG:4490) in tile units, clipped; null when nothing of it is left in the tile.
     * Lines and polygons keep their multi form; points stay points.
     */
    Geometry toTile(Geometry lonLat) {
        Geometry g = lonLat.copy();
        CoordinateMapping.inPlace(g, c -> {
            c.x = WebMercator.x(c.x);
            c.y = WebMercator.y(c.y);
        });
        g.setSRID(3857);
        if (g instanceof Point p) {
            return clip.contains(p.getCoordinate()) ? scaled(p) : null;
        }
        if (tolerance > 0) {
            g = DouglasPeuckerSimplifier.simplify(g, tolerance);
        }
        if (g.isEmpty() || !clip.intersects(g.getEnvelopeInternal())) {
            return null;
        }
        if (!clip.contains(g.getEnvelopeInternal())) {
            g = clipped(g);
            if (g == null) {
                return null;
            }
        }
        Geometry out = scaled(g);
        return out.isEmpty() ? null : out;
    }

    private Geometry clipped(Geometry g) {
        boolean polygonal = g.getDimension() == 2;
        Geometry cut;
        try {
            cut = OverlayNGRobust.overlay(g, clipGeom, OverlayNG.INTERSECTION);
        } catch (RuntimeException e) {
            if (!polygonal) {
                log.warn("a line could not be clipped to a tile: {}", e.getMessage());
                return null;
            }
            try {
                cut = OverlayNGRobust.overlay(g.buffer(0), clipGeom, OverlayNG.INTERSECTION);
            } catch (RuntimeException again) {
                log.warn("a polygon could not be clipped to a tile: {}", again.getMessage());
                return null;
            }
        }
        // Keep the parts of the layer's own dimension (an intersection may add touching lines or points).
        if (polygonal) {
            @SuppressWarnings("unchecked")
            List<Polygon> polys = PolygonExtracter.getPolygons(cut);
            return polys.isEmpty() ? null : MERCATOR.createMultiPolygon(polys.toArray(Polygon[]::new));
        }
        @SuppressWarnings("unchecked")
        List<LineString> lines = LineStringExtracter.getLines(cut);
        return lines.isEmpty() ? null : MERCATOR.createMultiLineString(lines.toArray(LineString[]::new));
    }

    private Geometry scaled(Geometry g) {
        // Web Mercator metres to integer tile units, y down.
        return CoordinateMapping.inPlace(g.copy(), c -> {
            c.x = Math.rint((c.x - tile.getMinX()) * scale);
            c.y = Math.rint((tile.getMaxY() - c.y) * scale);
        });
    }

    /** Encodes the non-empty layers (name to tile geometries with {@link TileFeature} user data), in order. */
    static byte[] encode(Map<String, List<Geometry>> layers) {
        List<JtsLayer> nonEmpty = new ArrayList<>();
        layers.forEach((name, geoms) -> {
            if (!geoms.isEmpty()) {
                nonEmpty.add(new JtsLayer(name, geoms, TileRules.EXTENT));
            }
        });
        if (nonEmpty.isEmpty()) {
            return new byte[0];
        }
        return MvtEncoder.encode(new JtsMvt(nonEmpty), new MvtLayerParams(TileRules.EXTENT), new Tags());
    }

    /** Writes a {@link TileFeature}'s id and non-null properties. */
    private static final class Tags implements IUserDataConverter {
        @Override
        public void addTags(Object userData, MvtLayerProps props, VectorTile.Tile.Feature.Builder feature) {
            TileFeature f = (TileFeature) userData;
            feature.setId(f.id());
            f.properties().forEach((k, v) -> {
                if (v != null) {
                    int value = props.addValue(v);
                    if (value >= 0) {
                        feature.addTags(props.addKey(k));
                        feature.addTags(value);
                    }
                }
            });
        }
    }
}
