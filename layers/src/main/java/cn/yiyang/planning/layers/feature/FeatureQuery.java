package cn.yiyang.planning.layers.feature;

import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;

/**
 * A page of a layer's features for attribute tables and OGC API items: attribute filters (all must hold), an
 * optional bounding box (EPSG:4490, features whose geometry intersects it, as PostGIS {@code ST_Intersects}),
 * a sort and a window.
 * Field names are checked against the catalogue by the repository; values are always bound as
 * parameters.
 *
 * @param filters   conditions that must all hold
 * @param bbox      only features whose geometry intersects this longitude/latitude box, or null for all
 * @param sortField the field to sort by ({@code id} or a catalogue field), null for {@code id}
 * @param ascending sort direction; ties are broken by id
 * @param offset    rows to skip, 0 or more
 * @param limit     rows to return at most, 1 or more
 * @param scope     the counties and the personal data the reader may see ({@link Scope#ALL} for everything)
 */
public record FeatureQuery(
        List<AttributeFilter> filters,
        Envelope bbox,
        String sortField,
        boolean ascending,
        int offset,
        int limit,
        Scope scope) {

    /**
     * The store's id as a filter's field ({@code AT_LEAST}, {@code AT_MOST}, {@code EQUALS}): a page that starts
     * after the last id of the one before (keyset paging) costs the same at the end of a layer as at its start,
     * where an offset makes the store skip every row before it.
     */
    public static final String ID = "id";

    /** A query of everything the store holds ({@link Scope#ALL}). */
    public FeatureQuery(
            List<AttributeFilter> filters, Envelope bbox, String sortField, boolean ascending, int offset, int limit) {
        this(filters, bbox, sortField, ascending, offset, limit, Scope.ALL);
    }

    public FeatureQuery {
        Objects.requireNonNull(scope, "scope");
        filters = List.copyOf(filters);
        bbox = bbox == null ? null : new Envelope(bbox);
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and limit >= 1, got " + offset + ", " + limit);
        }
    }

    /** The first {@code limit} features in id order, unfiltered. */
    public static FeatureQuery first(int limit) {
        return new FeatureQuery(List.of(), null, null, true, 0, limit);
    }

    public FeatureQuery withFilters(List<AttributeFilter> newFilters) {
        return new FeatureQuery(newFilters, bbox, sortField, ascending, offset, limit, scope);
    }

    public FeatureQuery withBbox(Envelope newBbox) {
        return new FeatureQuery(filters, newBbox, sortField, ascending, offset, limit, scope);
    }

    public FeatureQuery sortedBy(String field, boolean asc) {
        return new FeatureQuery(filters, bbox, field, asc, offset, limit, scope);
    }

    public FeatureQuery window(int newOffset, int newLimit) {
        return new FeatureQuery(filters, bbox, sortField, ascending, newOffset, newLimit, scope);
    }

    /** The same query within a reader's scope: only its counties' features, personal data as it may see them. */
    public FeatureQuery within(Scope newScope) {
        return new FeatureQuery(filters, bbox, sortField, ascending, offset, limit, newScope);
    }

    /**
     * One condition on a field.
     *
     * @param field the catalogue field name
     * @param op    how the value is compared
     * @param value the value as text (numbers, {@code true}/{@code false} and ISO dates are parsed by
     *              the field's type)
     */
    public record AttributeFilter(String field, Op op, String value) {
        public AttributeFilter {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, "value");
        }

        public static AttributeFilter equalTo(String field, String value) {
            return new AttributeFilter(field, Op.EQUALS, value);
        }

        public static AttributeFilter contains(String field, String value) {
            return new AttributeFilter(field, Op.CONTAINS, value);
        }

        public static AttributeFilter startsWith(String field, String value) {
            return new AttributeFilter(field, Op.STARTS_WITH, value);
        }

        /** The field's value is {@code value} or later/greater (dates and numbers). */
        public static AttributeFilter atLeast(String field, String value) {
            return new AttributeFilter(field, Op.AT_LEAST, value);
        }

        /** The field's value is {@code value} or earlier/smaller (dates and numbers). */
        public static AttributeFilter atMost(String field, String value) {
            return new AttributeFilter(field, Op.AT_MOST, value);
        }
    }

    /**
     * Comparisons. {@link #CONTAINS} and {@link #STARTS_WITH} apply to text and code fields; {@link #AT_LEAST}
     * and {@link #AT_MOST} (bounds included) to dates and numbers.
     */
    public enum Op {
        EQUALS,
        CONTAINS,
        STARTS_WITH,
        AT_LEAST,
        AT_MOST
    }
}
