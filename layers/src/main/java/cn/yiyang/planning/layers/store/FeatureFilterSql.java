package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.FeatureQuery;
import cn.yiyang.planning.layers.feature.FeatureQuery.AttributeFilter;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;

/**
 * The WHERE and ORDER BY clauses of a {@link FeatureQuery} on one layer, the same SQL on both
 * stores, within the query's scope ({@link ScopeSql}; the table is aliased {@value #ALIAS}). Column names come only from the catalogue (a filter or sort on any other name is
 * refused); every value is a bind parameter.
 *
 * @param where   {@code " WHERE …"} or empty
 * @param orderBy {@code " ORDER BY …"}
 * @param params  the values of the WHERE clause's placeholders, in order
 */
record FeatureFilterSql(String where, String orderBy, List<Object> params) {

    /** The alias the queries give the layer's table, which the scope's condition names ({@link ScopeSql}). */
    static final String ALIAS = "t";

    static FeatureFilterSql of(LayerDef full, FeatureQuery q) {
        // a filter or sort on a field the reader may not see is refused as an unknown field: no probing by filters
        LayerDef layer = q.scope().view(full);
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (AttributeFilter f : q.filters()) {
            if (f.field().equals("id")) {
                idCondition(layer, f, conditions, params);
                continue;
            }
            FieldDef field = layer.requiredField(f.field());
            condition(layer, field, f, conditions, params);
        }
        Envelope box = q.bbox();
        if (box != null) {
            if (!layer.geometry().hasGeometry() || box.isNull()) {
                conditions.add("1 = 0");
            } else {
                // && first so that both stores use the spatial index; then the exact test, as OGC API's bbox asks
                conditions.add("geom && ST_MakeEnvelope(?, ?, ?, ?, " + LayerDef.SRID + ")"
                        + " AND ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, " + LayerDef.SRID + "))");
                List<Object> corners = List.of(box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY());
                params.addAll(corners);
                params.addAll(corners);
            }
        }
        if (q.scope().limited()) {
            ScopeSql scope = ScopeSql.of(full, q.scope(), ALIAS);
            conditions.add(scope.sql());
            params.addAll(scope.params());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        String sort = q.sortField() == null || q.sortField().equals("id")
                ? null
                : layer.requiredField(q.sortField()).name();
        String dir = q.ascending() ? "ASC" : "DESC";
        String orderBy = sort == null ? " ORDER BY id " + dir : " ORDER BY " + sort + " " + dir + " NULLS LAST, id ASC";
        return new FeatureFilterSql(where, orderBy, List.copyOf(params));
    }

    private static void condition(
            LayerDef layer, FieldDef field, AttributeFilter f, List<String> conditions, List<Object> params) {
        String col = field.name();
        String value = f.value().strip();
        switch (field.type()) {
            case TEXT, CODE -> {
                switch (f.op()) {
                    case EQUALS -> {
                        conditions.add(col + " = ?");
                        params.add(value);
                    }
                    case CONTAINS -> {
                        conditions.add("LOWER(" + col + ") LIKE ? ESCAPE '\\'");
                        params.add("%" + escapeLike(value.toLowerCase(Locale.ROOT)) + "%");
                    }
                    case STARTS_WITH -> {
                        conditions.add(col + " LIKE ? ESCAPE '\\'");
                        params.add(escapeLike(value) + "%");
                    }
                    case AT_LEAST, AT_MOST -> {
                        conditions.add(col + comparison(f.op()));
                        params.add(value);
                    }
                }
            }
            case INTEGER -> {
                conditions.add(col + comparison(f.op()));
                params.add(parse(layer, field, value, () -> Integer.parseInt(value)));
            }
            case DECIMAL -> {
                conditions.add(col + comparison(f.op()));
                params.add(parse(layer, field, value, () -> Double.parseDouble(value)));
            }
            case BOOLEAN -> {
                String v = value.toLowerCase(Locale.ROOT);
                if (!v.equals("true") && !v.equals("false")) {
                    throw new IllegalArgumentException(
                            layer.id() + "." + col + ": true or false expected, got " + value);
                }
                conditions.add(col + " = ?");
                params.add(Boolean.parseBoolean(v));
            }
            case DATE -> {
                conditions.add(col + comparison(f.op()));
                params.add(Date.valueOf(parse(layer, field, value, () -> LocalDate.parse(value))));
            }
        }
    }

    /** The store's id ({@link FeatureQuery#ID}): equal, at least, at most; for keyset paging. */
    private static void idCondition(LayerDef layer, AttributeFilter f, List<String> conditions, List<Object> params) {
        conditions.add("id" + comparison(f.op()));
        try {
            params.add(Long.parseLong(f.value().strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(layer.id() + ".id: a number was expected, got " + f.value(), e);
        }
    }

    /** {@code " = ?"}, {@code " >= ?"} or {@code " <= ?"}; text operators on numbers and dates compare equal. */
    private static String comparison(FeatureQuery.Op op) {
        return switch (op) {
            case AT_LEAST -> " >= ?";
            case AT_MOST -> " <= ?";
            case EQUALS, CONTAINS, STARTS_WITH -> " = ?";
        };
    }

    private static <T> T parse(LayerDef layer, FieldDef field, String value, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(
                    layer.id() + "." + field.name() + ": a " + field.type() + " value was expected, got " + value, e);
        }
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
