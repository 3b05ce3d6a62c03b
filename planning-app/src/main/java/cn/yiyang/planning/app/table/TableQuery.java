package cn.yiyang.planning.app.table;

import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * What the attribute table shows of a layer: per-column filters, the map extent (when the user
 * asked for features in view only), the drill-down unit, and the sort.
 *
 * @param filters   field name to the text typed or value chosen (text fields match where they
 *                  contain it, others where they equal it); blank values are ignored
 * @param extent    only features meeting this longitude/latitude box, or null
 * @param scopeCode only features in this administrative unit (NBS code prefix), or null for all
 * @param sortField the field sorted by, or null for the store order
 * @param ascending the sort direction
 */
public record TableQuery(
        Map<String, String> filters, Envelope extent, String scopeCode, String sortField, boolean ascending) {

    public TableQuery {
        Map<String, String> kept = new LinkedHashMap<>();
        filters.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                kept.put(k, v.strip());
            }
        });
        filters = Map.copyOf(kept);
        extent = extent == null ? null : new Envelope(extent);
    }

    /** Everything, in store order. */
    public static TableQuery all() {
        return new TableQuery(Map.of(), null, null, null, true);
    }

    public TableQuery withFilters(Map<String, String> f) {
        return new TableQuery(f, extent, scopeCode, sortField, ascending);
    }

    public TableQuery withExtent(Envelope e) {
        return new TableQuery(filters, e, scopeCode, sortField, ascending);
    }

    public TableQuery withScope(String code) {
        return new TableQuery(filters, extent, code, sortField, ascending);
    }

    public TableQuery sortedBy(String field, boolean asc) {
        return new TableQuery(filters, extent, scopeCode, field, asc);
    }

    @Override
    public Envelope extent() {
        return extent == null ? null : new Envelope(extent);
    }
}
