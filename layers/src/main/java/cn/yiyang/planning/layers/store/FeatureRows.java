package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Converts between {@link Feature}s and table rows of a catalogue layer: the column lists, the
 * parameter binding and the reading of result rows. Shared by both dialects.
 */
final class FeatureRows {

    static final String EXTRA = "extra";
    static final String GEOM = "geom";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private FeatureRows() {}

    /** The columns an insert writes, in binding order: the fields, extra, then geom if any. */
    static List<String> insertColumns(LayerDef layer) {
        List<String> cols = new ArrayList<>();
        layer.fields().forEach(f -> cols.add(f.name()));
        cols.add(EXTRA);
        if (layer.geometry().hasGeometry()) {
            cols.add(GEOM);
        }
        return cols;
    }

    /** The select list that {@link #read} expects. */
    static String selectList(LayerDef layer) {
        return selectList(layer, layer.fields(), true);
    }

    /**
     * {@code id}, the fields, {@code extra} when asked for and the geometry as WKB, in this order: {@link #read} reads
     * them by position.
     */
    static String selectList(LayerDef layer, List<FieldDef> fields, boolean extra) {
        StringBuilder sb = new StringBuilder("id");
        fields.forEach(f -> sb.append(", ").append(f.name()));
        if (extra) {
            sb.append(", ").append(EXTRA);
        }
        if (layer.geometry().hasGeometry()) {
            sb.append(", ST_AsBinary(geom) AS geom_wkb");
        }
        return sb.toString();
    }

    /** Binds the attribute values of {@code f} from parameter {@code first} on; returns the next index. */
    static int bindAttributes(PreparedStatement ps, int first, LayerDef layer, Feature f) throws SQLException {
        return bindAttributes(ps, first, layer, layer.fields(), f);
    }

    /** As {@link #bindAttributes(PreparedStatement, int, LayerDef, Feature)}, for some of the layer's fields. */
    static int bindAttributes(PreparedStatement ps, int first, LayerDef layer, List<FieldDef> fields, Feature f)
            throws SQLException {
        int i = first;
        for (FieldDef field : fields) {
            Object v = checked(layer, field, f.get(field.name()));
            switch (field.type()) {
                case TEXT, CODE -> ps.setString(i, (String) v);
                case INTEGER -> ps.setObject(i, v, Types.INTEGER);
                case DECIMAL -> ps.setObject(i, v, Types.DOUBLE);
                case BOOLEAN -> ps.setObject(i, v, Types.BOOLEAN);
                case DATE -> ps.setDate(i, v == null ? null : Date.valueOf((LocalDate) v));
            }
            i++;
        }
        ps.setString(i++, extraJson(f));
        return i;
    }

    /**
     * The value as the field's Java type; numbers are widened or narrowed to the field's type.
     *
     * @throws IllegalArgumentException naming layer and field when the value has the wrong type
     */
    static Object checked(LayerDef layer, FieldDef field, Object v) {
        if (v == null) {
            return null;
        }
        Object out = switch (field.type()) {
            case TEXT, CODE -> v instanceof String ? v : null;
            case INTEGER ->
                v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) ? n.intValue() : null;
            case DECIMAL -> v instanceof Number n ? n.doubleValue() : null;
            case BOOLEAN -> v instanceof Boolean ? v : null;
            case DATE -> v instanceof LocalDate ? v : null;
        };
        if (out == null) {
            throw new IllegalArgumentException(layer.id() + "." + field.name() + ": a " + field.type()
                    + " value was expected, got " + v.getClass().getSimpleName());
        }
        return out;
    }

    /** The extra attributes as JSON, or null when there are none. */
    static String extraJson(Feature f) {
        if (f.extra().isEmpty()) {
            return null;
        }
        String flat = flatJson(f.extra());
        return flat != null ? flat : jacksonJson(f.extra());
    }

    /** The map as Jackson writes it: for the values {@link #flatJson} leaves to it (dates, lists, NaN). */
    static String jacksonJson(Map<String, Object> map) {
        return JSON.writeValueAsString(map);
    }

    /**
     * A map of text, whole numbers, finite decimals and booleans (what an import keeps of a file's other columns) as
     * JSON, written as Jackson writes it; null for any other value, which Jackson writes. A bulk load writes one per
     * row: Jackson's set-up per call was a third of the COPY thread's time for 100,000 households with extra columns.
     */
    static String flatJson(Map<String, Object> map) {
        StringBuilder sb = new StringBuilder(32 * map.size() + 2);
        return flatJson(map, sb) ? sb.toString() : null;
    }

    /**
     * {@link #flatJson(Map)} appended to {@code sb} (a bulk load's, used again for every row).
     *
     * @return false, with {@code sb} holding part of it, for a value Jackson must write
     */
    static boolean flatJson(Map<String, Object> map, StringBuilder sb) {
        int start = sb.length();
        sb.append('{');
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (sb.length() > start + 1) {
                sb.append(',');
            }
            jsonString(sb, e.getKey());
            sb.append(':');
            Object v = e.getValue();
            if (v instanceof String text) {
                jsonString(sb, text);
            } else if (v instanceof Long || v instanceof Integer || v instanceof Boolean) {
                sb.append(v);
            } else if (v instanceof Double d && Double.isFinite(d)) {
                sb.append(d.doubleValue());
            } else {
                return false;
            }
        }
        sb.append('}');
        return true;
    }

    private static void jsonString(StringBuilder sb, String s) {
        sb.append('"');
        int plain = 0;
        while (plain < s.length() && !escaped(s.charAt(plain))) {
            plain++;
        }
        // most text needs no escape: appended whole, not a char at a time
        sb.append(s, 0, plain);
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static boolean escaped(char c) {
        return c < 0x20 || c == '"' || c == '\\';
    }

    static byte[] wkb(Geometry g) {
        return g == null ? null : new WKBWriter(2).write(g);
    }

    /** Reads the current row (selected with {@link #selectList}) into a feature. */
    static Feature read(ResultSet rs, LayerDef layer) throws SQLException {
        return read(rs, layer, layer.fields(), true);
    }

    /** The feature of the current row of a query of {@link #selectList(LayerDef, List, boolean)} with these fields. */
    static Feature read(ResultSet rs, LayerDef layer, List<FieldDef> fields, boolean extra) throws SQLException {
        LinkedHashMap<String, Object> attrs = new LinkedHashMap<>();
        int column = 2;
        for (FieldDef field : fields) {
            Object v = switch (field.type()) {
                case TEXT, CODE -> rs.getString(column);
                case INTEGER -> {
                    int i = rs.getInt(column);
                    yield rs.wasNull() ? null : i;
                }
                case DECIMAL -> {
                    double d = rs.getDouble(column);
                    yield rs.wasNull() ? null : d;
                }
                case BOOLEAN -> {
                    boolean b = rs.getBoolean(column);
                    yield rs.wasNull() ? null : b;
                }
                case DATE -> {
                    Date d = rs.getDate(column);
                    yield d == null ? null : d.toLocalDate();
                }
            };
            if (v != null) {
                attrs.put(field.name(), v);
            }
            column++;
        }
        LinkedHashMap<String, Object> extras = null;
        if (extra) {
            String extraJson = rs.getString(column++);
            extras = extraJson == null ? null : JSON.readValue(extraJson, MAP);
        }
        long id = rs.getLong(1);
        Geometry g = null;
        if (layer.geometry().hasGeometry()) {
            byte[] wkb = rs.getBytes(column);
            if (wkb != null) {
                try {
                    g = new WKBReader(LayerGeometry.FACTORY).read(wkb);
                    g.setSRID(LayerDef.SRID);
                } catch (ParseException e) {
                    throw new SQLException("unreadable geometry in " + layer.id() + " id " + id, e);
                }
            }
        }
        return Feature.owning(id, attrs, extras == null ? new LinkedHashMap<>() : extras, g);
    }
}
