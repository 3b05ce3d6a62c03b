package cn.yiyang.planning.layers.tiles;

import cn.yiyang.planning.layers.catalogue.GeometryKind;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a tile of a layer holds at each zoom, the same on every store: the tile extent and buffer,
 * the zoom from which a layer has features, the thinning of dense point layers, the simplification
 * of lines and polygons, and the label points of named polygon layers.
 */
public final class TileRules {

    /** Tile coordinate units across a tile. */
    public static final int EXTENT = 4096;
    /** Units drawn beyond each tile edge, so that lines and symbols do not break at tile seams. */
    public static final int BUFFER = 64;
    /** The deepest zoom with its own tiles; clients over-zoom beyond it. */
    public static final int MAX_DATA_ZOOM = 16;
    /** Below this zoom a point layer keeps one point per {@link #THIN_CELL} × {@link #THIN_CELL} cell. */
    public static final int THIN_BELOW_ZOOM = 14;
    /**
     * The thinning cell, in tile units: 128 units = 8 pixels of a 256-pixel tile, about the width of
     * the map's point symbols (households 5 px, natural villages 7 px, stops 8 px), so the points a
     * thinned tile keeps do not draw over each other. A power of two from 64 down to 1 unit
     * ({@link #THIN_GRID_ZOOM} is the grid of 64-unit cells at zoom 13).
     */
    public static final int THIN_CELL = 128;
    /**
     * The grid of the stored thinning cells: 2^19 cells across the Web Mercator world (76.4 m, 64
     * units of a zoom-13 tile, the deepest thinned zoom; PostGIS column {@code thin_cell}, migration
     * V5). The cells of a tile are these cells shifted right by {@link #thinShift}: the grid is
     * global, so a point has the same cell whichever tile it falls in.
     */
    public static final int THIN_GRID_ZOOM = 19;
    /** Bits of the y part of a packed cell ({@link #thinCell}): x in the bits above. */
    public static final int THIN_CELL_Y_BITS = 20;
    /** Below this zoom lines and polygons are simplified by {@link #SIMPLIFY_UNITS}. */
    public static final int SIMPLIFY_BELOW_ZOOM = 15;
    /** The simplification tolerance, in tile units (a quarter of a pixel of a 256-pixel tile). */
    public static final double SIMPLIFY_UNITS = 4;
    /** Suffix of the MVT layer that carries one label point per feature of a named polygon layer. */
    public static final String LABEL_SUFFIX = "_label";

    /**
     * Zooms below which a layer's tiles are empty: dense layers would make low-zoom tiles large
     * and unreadable. Layers not listed start at zoom 0.
     */
    private static final Map<String, Integer> MIN_ZOOM = Map.ofEntries(
            Map.entry(LayerIds.VILLAGE, 8),
            Map.entry(LayerIds.NATURAL_VILLAGE, 10),
            Map.entry(LayerIds.HOUSEHOLD, 13),
            Map.entry(LayerIds.PLAN_LAND_USE, 12),
            Map.entry(LayerIds.BASIC_FARMLAND, 10),
            Map.entry(LayerIds.WATER_PIPE, 11),
            Map.entry(LayerIds.SEWAGE_PIPE, 11),
            Map.entry(LayerIds.COURIER_POINT, 10),
            Map.entry(LayerIds.BUS_STOP, 10),
            // road access results: gaps are few and the leaders' view, unserved households are shown
            // (thinned) from natural-village scale, road status from where group roads appear
            Map.entry(LayerIds.ACCESS_GAP, 8),
            Map.entry(LayerIds.ACCESS_HOUSEHOLD, 10),
            Map.entry(LayerIds.ACCESS_ROAD, 10));

    /**
     * Line classes left out below a zoom: at city and county scale the tens of thousands of short
     * natural-village and household access roads would make road tiles megabytes large and draw
     * as a grey felt. Field, then value to the first zoom that shows it. On PostGIS each distinct
     * set of hidden values has a partial GiST index on {@code geom_3857} whose predicate is exactly
     * {@link Hidden#literalSql(boolean)} (migration V5: {@code road_geom_3857_z8_gist} for zooms below 10,
     * {@code road_geom_3857_z10_gist} for 10 and 11), so a low-zoom tile reads only the roads it
     * draws; {@code PostgisTileIndexIT} fails when a rule here has no such index.
     */
    private static final Map<String, Map.Entry<String, Map<String, Integer>>> CLASS_MIN_ZOOM =
            Map.of(LayerIds.ROAD, Map.entry("admin_class", Map.of("group", 10, "household", 12)));

    private TileRules() {}

    /**
     * The feature classes a tile of this layer leaves out at this zoom: the field and its values, or
     * empty when the tile keeps every feature. Features without a value are kept.
     */
    public static Optional<Hidden> hidden(LayerDef layer, TileCoord c) {
        var rule = CLASS_MIN_ZOOM.get(layer.id());
        if (rule == null || layer.field(rule.getKey()).isEmpty()) {
            return Optional.empty();
        }
        List<String> values = rule.getValue().entrySet().stream()
                .filter(e -> c.z() < e.getValue())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        return values.isEmpty() ? Optional.empty() : Optional.of(new Hidden(rule.getKey(), values));
    }

    /** Values of a field whose features a tile leaves out. */
    public record Hidden(String field, List<String> values) {
        public Hidden {
            values = List.copyOf(values);
        }

        /** {@code " AND (t.f IS NULL OR t.f NOT IN (?, ?))"} for a table aliased {@code t}. */
        String sql() {
            return " AND (t." + field + " IS NULL OR t." + field + " NOT IN ("
                    + String.join(", ", Collections.nCopies(values.size(), "?")) + "))";
        }

        /**
         * {@code "(f IS NULL OR f NOT IN ('a', 'b'))"} with the values written out, for a table aliased
         * {@code t} when {@code alias} is true: the planner matches it to a partial index's predicate
         * (which a bind parameter in a generic plan cannot do). The values are this class's own
         * constants, plain lower-case codes.
         */
        String literalSql(boolean alias) {
            String f = (alias ? "t." : "") + field;
            StringBuilder sb = new StringBuilder("(")
                    .append(f)
                    .append(" IS NULL OR ")
                    .append(f)
                    .append(" NOT IN (");
            for (int i = 0; i < values.size(); i++) {
                String v = values.get(i);
                if (!v.matches("[a-z0-9_]+")) {
                    throw new IllegalStateException("not a plain code: " + v);
                }
                sb.append(i == 0 ? "'" : ", '").append(v).append('\'');
            }
            return sb.append("))").toString();
        }
    }

    /** The first zoom whose tiles hold features of this layer. */
    public static int minZoom(LayerDef layer) {
        return MIN_ZOOM.getOrDefault(layer.id(), 0);
    }

    /** Whether tiles of this layer at this zoom hold features at all. */
    public static boolean hasFeatures(LayerDef layer, TileCoord c) {
        return layer.geometry().hasGeometry() && c.z() >= minZoom(layer);
    }

    /** Whether a point layer is thinned at this zoom (one point per {@link #THIN_CELL} cell, the lowest id). */
    public static boolean thinned(LayerDef layer, TileCoord c) {
        return layer.geometry() == GeometryKind.POINT && c.z() < THIN_BELOW_ZOOM;
    }

    /** Right shift from a stored cell's x and y to the thinning cell of a tile at this zoom. */
    public static int thinShift(TileCoord c) {
        return THIN_GRID_ZOOM - c.z() - Integer.numberOfTrailingZeros(EXTENT / THIN_CELL);
    }

    /**
     * The cell of {@link #THIN_GRID_ZOOM}'s grid that holds a Web Mercator point, packed as
     * {@code x << 20 | y} (x from the west edge of the world, y down from its top edge, as tile rows
     * count): the number PostGIS stores in {@code thin_cell} (migration V5; computed from longitude and
     * latitude since V24).
     */
    public static long gridCell(double x3857, double y3857) {
        double size = WebMercator.WORLD_SIZE / (1L << THIN_GRID_ZOOM);
        long x = (long) Math.floor((x3857 + WebMercator.HALF_WORLD) / size);
        long y = (long) Math.floor((WebMercator.HALF_WORLD - y3857) / size);
        return x << THIN_CELL_Y_BITS | y;
    }

    /**
     * The thinning cell of a Web Mercator point in a tile at zoom {@code c.z()}: {@link #gridCell} with
     * x and y shifted right by {@link #thinShift}, as {@code PostgisTileSource} does in SQL.
     */
    public static long thinCell(double x3857, double y3857, TileCoord c) {
        long cell = gridCell(x3857, y3857);
        int shift = thinShift(c);
        long mask = (1L << THIN_CELL_Y_BITS) - 1;
        return (cell >> THIN_CELL_Y_BITS >> shift) << THIN_CELL_Y_BITS | (cell & mask) >> shift;
    }

    /** The simplification tolerance in Web Mercator metres at this zoom, or 0 for none. */
    public static double simplifyTolerance(LayerDef layer, TileCoord c) {
        if (layer.geometry() == GeometryKind.POINT || c.z() >= SIMPLIFY_BELOW_ZOOM) {
            return 0;
        }
        return c.size() / EXTENT * SIMPLIFY_UNITS;
    }

    /**
     * The name of the label-point MVT layer of a polygon layer with a {@code name} field, e.g.
     * {@code village_label}: one point on the surface of each whole feature, so a feature cut by
     * tile edges is labelled once.
     */
    public static Optional<String> labelLayer(LayerDef layer) {
        return layer.geometry() == GeometryKind.MULTIPOLYGON
                        && layer.field("name").isPresent()
                ? Optional.of(layer.id() + LABEL_SUFFIX)
                : Optional.empty();
    }
}
