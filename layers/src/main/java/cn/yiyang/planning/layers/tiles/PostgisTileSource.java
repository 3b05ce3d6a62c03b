package cn.yiyang.planning.layers.tiles;

import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.FieldType;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Scope;
import cn.yiyang.planning.layers.store.ScopeSql;
import cn.yiyang.planning.layers.store.SpatialStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tiles built by PostGIS in one statement: {@code ST_TileEnvelope} for the tile, the index of the
 * layer's stored Web Mercator geometry ({@code geom_3857}, a generated column kept equal to
 * {@code ST_Transform(geom, 3857)}, migration V5) through {@code geom_3857 && envelope + buffer},
 * {@code ST_AsMVTGeom(geom_3857)} to clip and scale, {@code ST_AsMVT} to encode: no feature is
 * projected on a request.
 * Table and column names come from the catalogue (plain identifiers it has checked); every value is
 * a bind parameter.
 *
 * <p>The statement runs on the store's tile connections ({@link SpatialStore#withTileConnection}), whose
 * sessions have no JIT and no parallel workers ({@link SpatialStore#TILE_SESSION_SETTINGS} says why): one
 * round trip a tile. Before, each tile ran in a transaction of its own that set them locally (BEGIN and
 * the settings, the query, COMMIT: three round trips), which on a light tile cost PostgreSQL more than
 * the query did.
 */
public final class PostgisTileSource implements TileSource {

    /** The stored Web Mercator geometry of every layer table with geometry (migration V5). */
    public static final String TILE_GEOMETRY = "geom_3857";

    /** The stored thinning cell of every point layer table (migration V5, see {@link TileRules#thinCell}). */
    public static final String THIN_CELL = "thin_cell";

    private final SpatialStore store;

    public PostgisTileSource(SpatialStore store) {
        this.store = store;
    }

    @Override
    public byte[] tile(LayerDef layer, TileCoord c, Scope scope) {
        TileSource.requireGeometry(layer);
        if (!TileRules.hasFeatures(layer, c)) {
            return new byte[0];
        }
        Query q = query(layer, c, scope);
        return store.withTileConnection(conn -> {
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

    /**
     * The thinning cell of a row of a point layer at a zoom as one bigint: the stored
     * {@code thin_cell} (x and y on the grid of {@link TileRules#THIN_GRID_ZOOM}, packed) with both
     * parts shifted right to the zoom's grid, as {@link TileRules#thinCell} does.
     */
    static String thinKey(int shift) {
        if (shift == 0) {
            return "t." + THIN_CELL;
        }
        int y = TileRules.THIN_CELL_Y_BITS;
        long mask = (1L << y) - 1;
        return "((((t." + THIN_CELL + " >> " + y + ") >> " + shift + ") << " + y + ") | ((t." + THIN_CELL + " & " + mask
                + ") >> " + shift + "))";
    }

    /** The statement and its parameters, in order. */
    record Query(String sql, List<Object> params) {}

    static Query query(LayerDef layer, TileCoord c) {
        return query(layer, c, Scope.ALL);
    }

    /** The statement of a tile within a reader's scope: its counties' rows, its view of the fields. */
    static Query query(LayerDef full, TileCoord c, Scope scope) {
        LayerDef layer = scope.view(full);
        ScopeSql in = ScopeSql.of(full, scope, "t");
        List<Object> params = new ArrayList<>();
        String mvtGeom = "ST_AsMVTGeom(%s, env.tile, " + TileRules.EXTENT + ", " + TileRules.BUFFER + ", true)";
        StringBuilder sql = new StringBuilder();
        sql.append(
                "WITH env AS (SELECT ST_TileEnvelope(?, ?, ?) AS tile, ST_TileEnvelope(?, ?, ?, margin => ?) AS bbox)");
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
        String geom = "t." + TILE_GEOMETRY;
        if (tolerance > 0) {
            geom = "ST_Simplify(" + geom + ", ?)";
            params.add(tolerance);
        }
        boolean thinned = TileRules.thinned(layer, c);
        if (thinned) {
            sql.append(", ").append(thinKey(TileRules.thinShift(c))).append(" AS thin_key");
        }
        sql.append(", ")
                .append(mvtGeom.formatted(geom))
                .append(" AS mvt_geom FROM ")
                .append(layer.table())
                .append(" t CROSS JOIN env WHERE t.")
                .append(TILE_GEOMETRY)
                .append(" && env.bbox");
        // Written out, not bound: the planner then picks the partial index of exactly these classes.
        TileRules.hidden(layer, c).ifPresent(h -> sql.append(" AND ").append(h.literalSql(true)));
        if (scope.limited()) {
            sql.append(" AND ").append(in.sql());
            params.addAll(in.params());
        }
        sql.append(")");

        if (thinned) {
            // One point per thinning cell: the one with the lowest id. The cell comes from the stored
            // thin_cell (V5), so the sort compares one bigint per row, with no geometry function.
            sql.append(", feats AS (SELECT DISTINCT ON (thin_key) mvt_id, id");
            layer.fields().forEach(f -> sql.append(", ").append(f.name()));
            sql.append(", mvt_geom FROM raw WHERE mvt_geom IS NOT NULL ORDER BY thin_key, id)");
        } else {
            sql.append(", feats AS (SELECT * FROM raw WHERE mvt_geom IS NOT NULL)");
        }

        Optional<String> labels = TileRules.labelLayer(layer);
        labels.ifPresent(l -> sql.append(", labels AS (SELECT t.id AS mvt_id, t.id, t.name, ")
                .append(mvtGeom.formatted("ST_Transform(ST_PointOnSurface(t.geom), 3857)"))
                .append(" AS mvt_geom FROM ")
                .append(layer.table())
                .append(" t CROSS JOIN env WHERE t.")
                .append(TILE_GEOMETRY)
                .append(" && env.bbox AND t.name IS NOT NULL")
                .append(scope.limited() ? " AND " + in.sql() : "")
                .append(")"));
        if (labels.isPresent() && scope.limited()) {
            params.addAll(in.params());
        }

        String asMvt = "ST_AsMVT(%s, CAST(? AS text), " + TileRules.EXTENT + ", 'mvt_geom', 'mvt_id')";
        sql.append(" SELECT COALESCE((SELECT ")
                .append(asMvt.formatted("feats.*"))
                .append(" FROM feats), ''::bytea)");
        params.add(layer.id());
        if (labels.isPresent()) {
            sql.append(" || COALESCE((SELECT ")
                    .append(asMvt.formatted("labels.*"))
                    .append(" FROM labels WHERE mvt_geom IS NOT NULL), ''::bytea)");
            params.add(labels.get());
        }
        return new Query(sql.toString(), List.copyOf(params));
    }
}
