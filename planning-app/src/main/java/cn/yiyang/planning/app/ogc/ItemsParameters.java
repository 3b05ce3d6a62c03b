package cn.yiyang.planning.app.ogc;

import cn.yiyang.planning.app.system.BadValueException;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.FieldType;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.FeatureQuery;
import cn.yiyang.planning.layers.feature.FeatureQuery.AttributeFilter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Envelope;

/**
 * The query parameters of {@code /ogc/collections/{layer}/items} read against a layer: {@code bbox} (four numbers in
 * {@code bbox-crs}'s axis order, CRS84 by default), {@code limit} (default 100, at most 10,000: more is cut to
 * 10,000, as the standard allows), {@code offset} (the paging links'), {@code datetime} (an ISO date or an
 * interval {@code a/b} with {@code ..} for an open end, on the layer's first date field; on a layer without dates it
 * matches nothing), {@code crs}, {@code f}, {@code after} (the last id of the page before, which the next links
 * carry: keyset paging, so that the last page of a large layer costs what the first does) and any of the layer's
 * fields (equality, {@code ?status=运行}). Any other parameter is refused (400), as Part 1 requires.
 *
 * @param matching the store query of every matching feature (filters and box, id order), for numberMatched
 * @param after    the id the page starts after, or null for a page at {@code offset}
 * @param offset   the position of the page's first feature among the matching ones
 * @param limit    the page's size
 * @param crs      the output CRS
 * @param nothing  whether the request matches nothing whatever the store holds (a datetime on a layer without dates)
 */
record ItemsParameters(FeatureQuery matching, Long after, int offset, int limit, OgcCrs crs, boolean nothing) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;
    private static final Set<String> RESERVED =
            Set.of("bbox", "bbox-crs", "limit", "offset", "after", "datetime", "crs", "f");

    /**
     * @throws BadValueException for a malformed or unsupported value, or a parameter that is neither the API's nor
     *     a field of the layer
     */
    static ItemsParameters read(LayerDef layer, Map<String, String[]> params) {
        for (String name : params.keySet()) {
            if (!RESERVED.contains(name) && layer.field(name).isEmpty()) {
                throw new BadValueException("?", name, expectedParameters(layer));
            }
        }
        OgcCrs crs = crs(params, "crs");
        int limit = Math.min(integer(params, "limit", DEFAULT_LIMIT, 1), MAX_LIMIT);
        int offset = integer(params, "offset", 0, 0);
        List<AttributeFilter> filters = new ArrayList<>();
        for (FieldDef field : layer.fields()) {
            one(params, field.name())
                    .ifPresent(v -> filters.add(AttributeFilter.equalTo(field.name(), typed(field, v))));
        }
        boolean nothing = false;
        Optional<String> datetime = one(params, "datetime");
        if (datetime.isPresent()) {
            Optional<FieldDef> dateField = layer.fields().stream()
                    .filter(f -> f.type() == FieldType.DATE)
                    .findFirst();
            if (dateField.isPresent()) {
                filters.addAll(datetime(dateField.get().name(), datetime.get()));
            } else {
                nothing = true;
            }
        }
        Envelope box = one(params, "bbox")
                .map(v -> crs(params, "bbox-crs").toStoredBox(bbox(v)))
                .orElse(null);
        Long after = one(params, "after").map(ItemsParameters::id).orElse(null);
        FeatureQuery matching = new FeatureQuery(filters, box, null, true, 0, limit);
        return new ItemsParameters(matching, after, offset, limit, crs, nothing);
    }

    /** The page's store query: after the id given, else at the offset. */
    FeatureQuery page() {
        if (after == null) {
            return matching.window(offset, limit);
        }
        List<AttributeFilter> filters = new ArrayList<>(matching.filters());
        filters.add(AttributeFilter.atLeast(FeatureQuery.ID, Long.toString(after + 1)));
        return matching.withFilters(filters).window(0, limit);
    }

    /** Whether every feature of the layer matches (no filter, no box): its count is the layer's. */
    boolean everything() {
        return !nothing && matching.filters().isEmpty() && matching.bbox() == null;
    }

    private static String expectedParameters(LayerDef layer) {
        return String.join(", ", RESERVED.stream().sorted().toList()) + ", "
                + layer.fields().stream().map(FieldDef::name).collect(Collectors.joining(", "));
    }

    private static Optional<String> one(Map<String, String[]> params, String name) {
        String[] v = params.get(name);
        return v == null || v.length == 0 || v[0].isBlank() ? Optional.empty() : Optional.of(v[0].strip());
    }

    /**
     * The value of a filter on a field, when it is one of the field's type; else a 400 naming the field (the store
     * binds it as a value either way, but would refuse a number field's {@code 1 OR 1=1} as a failure of its own).
     */
    private static String typed(FieldDef field, String v) {
        try {
            switch (field.type()) {
                case INTEGER -> Integer.parseInt(v);
                case DECIMAL -> Double.parseDouble(v);
                case DATE -> LocalDate.parse(v);
                case BOOLEAN -> {
                    if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                        throw new BadValueException(field.name(), v, "true, false");
                    }
                }
                case TEXT, CODE -> {
                    // any text: compared as a bound value
                }
            }
            return v;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new BadValueException(
                    field.name(),
                    v,
                    field.type() == FieldType.DATE
                            ? "yyyy-MM-dd"
                            : field.type().name().toLowerCase(Locale.ROOT));
        }
    }

    private static OgcCrs crs(Map<String, String[]> params, String name) {
        return one(params, name)
                .map(v -> OgcCrs.find(v)
                        .orElseThrow(() -> new BadValueException(name, v, String.join(", ", OgcCrs.uris()))))
                .orElse(OgcCrs.CRS84);
    }

    private static int integer(Map<String, String[]> params, String name, int fallback, int min) {
        Optional<String> v = one(params, name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, as a value below the minimum is
        }
        throw new BadValueException(
                name, v.get(), min + " … " + (name.equals("limit") ? MAX_LIMIT : Integer.MAX_VALUE));
    }

    private static long id(String v) {
        try {
            long id = Long.parseLong(v);
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadValueException("after", v, "0 … " + Long.MAX_VALUE);
    }

    private static double[] bbox(String v) {
        String[] parts = v.split(",");
        if (parts.length != 4 && parts.length != 6) {
            throw new BadValueException("bbox", v, "minX,minY,maxX,maxY");
        }
        try {
            double[] n = new double[4];
            // six numbers: the heights (third and sixth) are ignored, the layers are flat
            int[] use = parts.length == 4 ? new int[] {0, 1, 2, 3} : new int[] {0, 1, 3, 4};
            for (int i = 0; i < 4; i++) {
                n[i] = Double.parseDouble(parts[use[i]].strip());
            }
            if (n[0] > n[2] || n[1] > n[3]) {
                throw new BadValueException("bbox", v, "minX,minY,maxX,maxY");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadValueException("bbox", v, "minX,minY,maxX,maxY");
        }
    }

    private static List<AttributeFilter> datetime(String field, String v) {
        String[] ends = v.split("/", -1);
        if (ends.length == 1) {
            return List.of(AttributeFilter.equalTo(field, date(v)));
        }
        if (ends.length != 2) {
            throw new BadValueException("datetime", v, "yyyy-MM-dd, start/end, ../end, start/..");
        }
        List<AttributeFilter> out = new ArrayList<>();
        if (!open(ends[0])) {
            out.add(AttributeFilter.atLeast(field, date(ends[0])));
        }
        if (!open(ends[1])) {
            out.add(AttributeFilter.atMost(field, date(ends[1])));
        }
        return out;
    }

    private static boolean open(String end) {
        return end.isBlank() || end.equals("..");
    }

    /** The date of an ISO date or date-time (the layers' dates have no time). */
    private static String date(String v) {
        String d = v.length() > 10 && v.charAt(10) == 'T' ? v.substring(0, 10) : v;
        try {
            return LocalDate.parse(d).toString();
        } catch (DateTimeParseException e) {
            throw new BadValueException("datetime", v, "yyyy-MM-dd, start/end, ../end, start/..");
        }
    }
}
