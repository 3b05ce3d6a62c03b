package cn.yiyang.planning.layers.tiles;

import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Scope;
import cn.yiyang.planning.layers.store.ScopeSql;
import cn.yiyang.planning.layers.store.SpatialStore;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Tiles for the embedded H2GIS store, which has no MVT functions: the features whose bounding box
 * meets the tile (grown by the buffer) come from the spatial index through
 * {@code geom && ST_MakeEnvelope(..., 4490)}; {@link MvtEncoding} projects, simplifies, clips and
 * encodes them in Java with the same {@link TileRules} as PostGIS.
 */
public final class H2gisTileSource implements TileSource {

    private final SpatialStore store;

    public H2gisTileSource(SpatialStore store) {
        this.store = store;
    }

    @Override
    public byte[] tile(LayerDef full, TileCoord c, Scope scope) {
        LayerDef layer = scope.view(full);
        TileSource.requireGeometry(layer);
        if (!TileRules.hasFeatures(layer, c)) {
            return new byte[0];
        }
        Envelope bbox = c.lonLatEnvelope((double) TileRules.BUFFER / TileRules.EXTENT);
        StringBuilder sql = new StringBuilder("SELECT id");
        layer.fields().forEach(f -> sql.append(", ").append(f.name()));
        sql.append(", ST_AsBinary(geom) AS geom_wkb FROM ")
                .append(layer.table())
                .append(" t WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, ")
                .append(LayerDef.SRID)
                .append(")");
        Optional<TileRules.Hidden> hidden = TileRules.hidden(layer, c);
        hidden.ifPresent(h -> sql.append(h.sql()));
        ScopeSql in = ScopeSql.of(full, scope, "t");
        if (scope.limited()) {
            sql.append(" AND ").append(in.sql());
        }
        sql.append(" ORDER BY id");

        MvtEncoding enc = new MvtEncoding(c, TileRules.simplifyTolerance(layer, c));
        List<Geometry> features = new ArrayList<>();
        List<Geometry> labels = new ArrayList<>();
        Optional<String> labelLayer = TileRules.labelLayer(layer);
        boolean thinned = TileRules.thinned(layer, c);
        Set<Long> cells = new HashSet<>();

        store.withConnection(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
                ps.setDouble(1, bbox.getMinX());
                ps.setDouble(2, bbox.getMinY());
                ps.setDouble(3, bbox.getMaxX());
                ps.setDouble(4, bbox.getMaxY());
                int next = 5;
                if (hidden.isPresent()) {
                    for (String v : hidden.get().values()) {
                        ps.setString(next++, v);
                    }
                }
                if (scope.limited()) {
                    for (Object p : in.params()) {
                        ps.setObject(next++, p);
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    WKBReader wkb = new WKBReader(LayerGeometry.FACTORY);
                    while (rs.next()) {
                        byte[] bytes = rs.getBytes("geom_wkb");
                        if (bytes == null) {
                            continue;
                        }
                        Geometry g = read(wkb, bytes);
                        Geometry tileGeom = enc.toTile(g);
                        if (tileGeom != null
                                && (!thinned
                                        || cells.add(TileRules.thinCell(
                                                WebMercator.x(((Point) g).getX()),
                                                WebMercator.y(((Point) g).getY()),
                                                c)))) {
                            tileGeom.setUserData(new MvtEncoding.TileFeature(rs.getLong("id"), attributes(rs, layer)));
                            features.add(tileGeom);
                        }
                        if (labelLayer.isPresent() && rs.getString("name") != null) {
                            Geometry label = enc.toTile(g.getInteriorPoint());
                            if (label != null) {
                                Map<String, Object> props = new LinkedHashMap<>();
                                props.put("id", rs.getLong("id"));
                                props.put("name", rs.getString("name"));
                                label.setUserData(new MvtEncoding.TileFeature(rs.getLong("id"), props));
                                labels.add(label);
                            }
                        }
                    }
                }
            }
            return null;
        });
        Map<String, List<Geometry>> layers = new LinkedHashMap<>();
        layers.put(layer.id(), features);
        labelLayer.ifPresent(name -> layers.put(name, labels));
        return MvtEncoding.encode(layers);
    }

    private static Geometry read(WKBReader wkb, byte[] bytes) throws SQLException {
        try {
            return wkb.read(bytes);
        } catch (ParseException e) {
            throw new SQLException("unreadable geometry", e);
        }
    }

    /** The id and the non-null catalogue attributes, as MVT values (integers as long, dates as ISO text). */
    private static Map<String, Object> attributes(ResultSet rs, LayerDef layer) throws SQLException {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("id", rs.getLong("id"));
        for (FieldDef f : layer.fields()) {
            String col = f.name();
            if (rs.getObject(col) == null) {
                continue;
            }
            Object v = switch (f.type()) {
                case TEXT, CODE -> rs.getString(col);
                case INTEGER -> rs.getLong(col);
                case DECIMAL -> rs.getDouble(col);
                case BOOLEAN -> rs.getBoolean(col);
                case DATE -> {
                    Date d = rs.getDate(col);
                    yield d.toLocalDate().toString();
                }
            };
            props.put(col, v);
        }
        return props;
    }
}
