package cn.yiyang.planning.app.exporting;

import cn.yiyang.planning.app.ogc.OgcCrs;
import cn.yiyang.planning.app.system.BadValueException;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.FeatureQuery;
import cn.yiyang.planning.layers.feature.FeatureQuery.AttributeFilter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * What to export: the layer, the format, the CRS (written x first: longitude or easting), the features (a unit's or
 * a box's, all by default, in id order) and, for a Shapefile, the DBF's encoding.
 *
 * @param layer    the layer
 * @param format   the file format
 * @param crs      the output CRS (EPSG:4490 or a Gauss-Kruger CRS of {@link OgcCrs#SUPPORTED})
 * @param query    the features: filters and box, every matching feature
 * @param encoding the Shapefile's DBF encoding (UTF-8 or GBK); the other formats are UTF-8
 */
public record ExportRequest(LayerDef layer, ExportFormat format, OgcCrs crs, FeatureQuery query, Charset encoding) {

    /** The fields that name a feature's unit, most specific first; unit codes are NBS codes, so a prefix selects. */
    private static final List<String> UNIT_FIELDS = List.of("village_code", "township_code", "county_code");

    private static final Charset GBK = Charset.forName("GBK");

    /**
     * Reads the API's parameters.
     *
     * @param crs      {@code EPSG:4490} (default) or a Gauss-Kruger CRS ({@code EPSG:4546} …), any form {@link
     *                 OgcCrs#find} reads
     * @param unit     a county (6 digits), township (9) or village (12) code, or null
     * @param bbox     {@code minLon,minLat,maxLon,maxLat} in EPSG:4490, or null
     * @param encoding {@code UTF-8} (default) or {@code GBK}
     * @throws BadValueException for a value the export cannot use
     */
    public static ExportRequest of(
            LayerDef layer, String format, String crs, String unit, String bbox, String encoding) {
        ExportFormat f = ExportFormat.of(format);
        if (f == ExportFormat.SHP && !layer.geometry().hasGeometry()) {
            throw new BadValueException("format", format, "gpkg, geojson, csv, xlsx");
        }
        OgcCrs c = crs == null || crs.isBlank()
                ? OgcCrs.CGCS2000
                : OgcCrs.find(crs)
                        .filter(o -> o != OgcCrs.CRS84)
                        .orElseThrow(() -> new BadValueException(
                                "crs", crs, "EPSG:4490, EPSG:4525, EPSG:4526, EPSG:4546, EPSG:4547"));
        List<AttributeFilter> filters = new ArrayList<>();
        if (unit != null && !unit.isBlank()) {
            filters.add(unitFilter(layer, unit.strip()));
        }
        Envelope box = bbox == null || bbox.isBlank() ? null : box(bbox);
        Charset cs = encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("UTF-8")
                ? StandardCharsets.UTF_8
                : encoding.equalsIgnoreCase("GBK") ? GBK : null;
        if (cs == null) {
            throw new BadValueException("encoding", encoding, "UTF-8, GBK");
        }
        FeatureQuery q = new FeatureQuery(filters, box, null, true, 0, Integer.MAX_VALUE);
        return new ExportRequest(layer, f, c.xFirst(), q, cs);
    }

    /** The file's name without extension: the layer and, when filtered, the unit. */
    public String baseName() {
        return layer.id();
    }

    private static AttributeFilter unitFilter(LayerDef layer, String unit) {
        if (!unit.matches("\\d{6}|\\d{9}|\\d{12}")) {
            throw new BadValueException("unit", unit, "a county (6 digits), township (9) or village (12) code");
        }
        Optional<String> field = unitField(layer, unit.length());
        return field.map(name -> unit.length() == fieldLength(name)
                        ? AttributeFilter.equalTo(name, unit)
                        : AttributeFilter.startsWith(name, unit))
                .orElseThrow(() -> new BadValueException(
                        "unit", unit, "none: the layer " + layer.id() + " has no unit code this long"));
    }

    /** The most specific unit field of the layer that holds codes at least {@code length} digits long. */
    private static Optional<String> unitField(LayerDef layer, int length) {
        for (String name : UNIT_FIELDS) {
            if (layer.field(name).isPresent() && fieldLength(name) >= length) {
                return Optional.of(name);
            }
        }
        // the administrative layers themselves: their key is the unit's code
        int own = switch (layer.id()) {
            case "county" -> 6;
            case "township" -> 9;
            case "village" -> 12;
            default -> 0;
        };
        return own >= length ? layer.field("code").map(FieldDef::name) : Optional.empty();
    }

    private static int fieldLength(String name) {
        return switch (name) {
            case "village_code" -> 12;
            case "township_code" -> 9;
            case "county_code" -> 6;
            default -> 0;
        };
    }

    private static Envelope box(String v) {
        String[] p = v.split(",");
        try {
            if (p.length == 4) {
                double[] n = new double[4];
                for (int i = 0; i < 4; i++) {
                    n[i] = Double.parseDouble(p[i].strip());
                }
                if (n[0] <= n[2] && n[1] <= n[3]) {
                    return new Envelope(n[0], n[2], n[1], n[3]);
                }
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadValueException("bbox", v, "minLon,minLat,maxLon,maxLat");
    }
}
