package cn.yiyang.planning.app.table;

import java.util.Map;

/**
 * One row of the attribute table: the feature's store id and its catalogue attributes (raw values;
 * see {@link cn.yiyang.planning.app.layer.AttributeFormat} for display).
 */
public record TableRow(long id, Map<String, Object> values) {

    public TableRow {
        values = Map.copyOf(values);
    }

    public Object get(String field) {
        return values.get(field);
    }
}
