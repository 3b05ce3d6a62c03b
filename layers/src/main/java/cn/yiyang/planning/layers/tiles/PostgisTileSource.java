package cn.yiyang.planning.layers.tiles;

import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.FieldType;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.store.SpatialStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tiles built by PostGIS in one statement: {@code ST_TileEnvelope} for the tile, the layer's
 * spatial index through {@code geom && ST_Transform(envelope + buffer, 4490)},
 * {@code ST_AsMVTGeom(ST_Transform(geom, 3857))} to clip and scale, {@code ST_AsMVT} to encode.
 * Table and column names come from the catalogue (plain identifiers it has checked); every value is
 * a bind parameter.
 */
public final class PostgisTileSource implements TileSource {

    private final SpatialStore store;

    public PostgisTileSource(SpatialStore store) {
        this.store = store;
    }

    @Override
    public byte[] tile(LayerDef layer, TileCoord c) {
        TileSource.requireGeometry(layer);
        if (!TileRules.hasFeatures(layer, c)) {
            return new byte[0];
        }
        Query q = query(layer, c);
        return store.withConnection(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(q.sql())) {
                for (int i = 0; i < q.params().size(); i++) {
                    ps.setObject(i + 1, q.params().get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    byte[] bytes = rs.getBytes(1);
                    return bytes == null ? new byte[0] : bytes;
                }
            }
        });
    }

    /** The statement and its parameters, in order. */
    record Query(String sql, List<Object> params) {
    }

    static Query query(LayerDef layer, TileCoord c) {
        List<Object> params = new ArrayList<>();
        String mvtGeom = "ST_AsMVTGeom(%s, env.tile, " + TileRules.EXTENT + ", " + TileRules.BUFFER + ", true)";
        StringBuilder sql = new StringBuilder();
        sql.append("WITH env AS (SELECT ST_TileEnvelope(?, ?, ?) AS tile, ")
                .append("ST_Transform(ST_TileEnvelope(?, ?, ?, margin => ?), ").append(LayerDef.SRID).append(") AS bbox)");
        params.addAll(List.of(c.z(), c.x(), c.y(), c.z(), c.x(), c.y(), (double) TileRules.BUFFER / TileRules.EXTENT));

        // The layer's features: id as feature id (mvt_id) and as attribute, the catalogue fields, the tile geometry.
        sql.append(", raw AS (SELECT t.id AS mvt_id, t.id");
        for (FieldDef f : layer.fields()) {
            sql.append(", ");
            if (f.type() == FieldType.DATE) {
                sql.append("CAST(t.").append(f.name()).append(" AS text) AS ").append(f.name());
            } else {
                sql.append("t.").append(f.name());
            }
        }
        double tolerance = TileRules.simplifyTolerance(layer, c);
        String geom = "ST_Transform(t.geom, 3857)";
        if (tolerance > 0) {
            geom = "ST_Simplify(" + geom + ", ?)";
            params.add(tolerance);
        }
        sql.append(", ").append(mvtGeom.formatted(geom)).append(" AS mvt_geom FROM ").append(layer.table())
                .append(" t CROSS JOIN env WHERE t.geom && env.bbox");
        TileRules.hidden(layer, c).ifPresent(h -> {
            sql.append(h.sql());
            params.addAll(h.values());
        });
        sql.append(")");

        if (TileRules.thinned(layer, c)) {
            // One point per thinning cell: the one with the lowest id.
            String cell = "floor(ST_X(mvt_geom) / " + TileRules.THIN_CELL + "), floor(ST_Y(mvt_geom) / "
                    + TileRules.THIN_CELL + ")";
            sql.append(", feats AS (SELECT DISTINCT ON (").append(cell).append(") * FROM raw WHERE mvt_geom IS NOT NULL ORDER BY ")
                    .append(cell).append(", id)");
        } else {
            sql.append(", feats AS (SELECT * FROM raw WHERE mvt_geom IS NOT NULL)");
        }

        Optional<String> labels = TileRules.labelLayer(layer);
        labels.ifPresent(l -> sql.append(", labels AS (SELECT t.id AS mvt_id, t.id, t.name, ")
                .append(mvtGeom.formatted("ST_Transform(ST_PointOnSurface(t.geom), 3857)"))
                .append(" AS mvt_geom FROM ").append(layer.table())
                .append(" t CROSS JOIN env WHERE t.geom && env.bbox AND t.name IS NOT NULL)"));

        String asMvt = "ST_AsMVT(%s, CAST(? AS text), " + TileRules.EXTENT + ", 'mvt_geom', 'mvt_id')";
        sql.append(" SELECT COALESCE((SELECT ").append(asMvt.formatted("feats.*")).append(" FROM feats), ''::bytea)");
        params.add(layer.id());
        if (labels.isPresent()) {
            sql.append(" || COALESCE((SELECT ").append(asMvt.formatted("labels.*"))
                    .append(" FROM labels WHERE mvt_geom IS NOT NULL), ''::bytea)");
            params.add(labels.get());
        }
        return new Query(sql.toString(), List.copyOf(params));
    }
}
