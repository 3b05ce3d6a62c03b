package cn.yiyang.planning.importer.validate;

import cn.yiyang.planning.geo.crs.CrsTransform;
import cn.yiyang.planning.geo.geom.CoordinateMapping;
import cn.yiyang.planning.importer.issue.IssueCode;
import cn.yiyang.planning.importer.issue.Severity;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * The geometry rules, in order: present and not empty ({@code EMPTY_GEOMETRY}); of the layer's kind,
 * single parts becoming multi ({@code WRONG_GEOMETRY_TYPE} for a point into a polygon layer or a
 * GeometryCollection); valid by JTS ({@code INVALID_GEOMETRY} with the error and where, in the file's
 * coordinates — or, when repair is asked for, fixed with {@link GeometryFixer} and a
 * {@code GEOMETRY_REPAIRED} warning); transformed to EPSG:4490; inside the {@link Region}
 * ({@code OUTSIDE_REGION}, or {@code SWAPPED_AXES} when exchanging x and y would put it inside).
 */
final class GeometryCheck {

    private final LayerDef layer;
    private final CrsTransform toLayer;
    private final Region region;
    private final boolean repair;

    /**
     * @param layer   the target layer
     * @param toLayer the transformation from the file's CRS to EPSG:4490; null for a layer without geometry
     * @param region  where features must lie
     * @param repair  whether invalid geometries are repaired rather than rejected
     */
    GeometryCheck(LayerDef layer, CrsTransform toLayer, Region region, boolean repair) {
        this.layer = layer;
        this.toLayer = toLayer;
        this.region = region;
        this.repair = repair;
    }

    /**
     * The outcome for one geometry.
     *
     * @param geometry the layer geometry (EPSG:4490, the layer's kind); null when rejected or the layer has none
     * @param problem  the error or warning, or null
     * @param args     the problem's arguments
     */
    record Result(Geometry geometry, IssueCode problem, List<String> args) {
        static final Result NONE = new Result(null, null, List.of());

        boolean rejected() {
            return problem != null && problem.severity() == Severity.ERROR;
        }

        static Result error(IssueCode code, String... args) {
            return new Result(null, code, List.of(args));
        }
    }

    Result check(Geometry source) {
        if (!layer.geometry().hasGeometry()) {
            return Result.NONE;
        }
        if (source == null || source.isEmpty()) {
            return Result.error(IssueCode.EMPTY_GEOMETRY);
        }
        Geometry shaped = LayerGeometry.shape(layer.geometry(), source);
        if (shaped == null) {
            return Result.error(
                    IssueCode.WRONG_GEOMETRY_TYPE,
                    source.getGeometryType(),
                    layer.geometry().jtsType());
        }
        IssueCode warning = null;
        List<String> warningArgs = List.of();
        IsValidOp validity = new IsValidOp(shaped);
        if (!validity.isValid()) {
            TopologyValidationError error = validity.getValidationError();
            if (!repair) {
                return Result.error(IssueCode.INVALID_GEOMETRY, error.getMessage(), format(error.getCoordinate()));
            }
            Geometry fixed = LayerGeometry.shape(layer.geometry(), GeometryFixer.fix(shaped));
            if (fixed == null || fixed.isEmpty()) {
                return Result.error(IssueCode.INVALID_GEOMETRY, error.getMessage(), format(error.getCoordinate()));
            }
            shaped = fixed;
            warning = IssueCode.GEOMETRY_REPAIRED;
            warningArgs = List.of(error.getMessage());
        }
        Geometry transformed = transform(shaped);
        if (transformed == null || !region.contains(transformed.getEnvelopeInternal())) {
            Geometry swapped = transform(swap(shaped));
            String where = format(shaped.getCoordinate());
            if (swapped != null && region.contains(swapped.getEnvelopeInternal())) {
                return Result.error(IssueCode.SWAPPED_AXES, where);
            }
            return Result.error(IssueCode.OUTSIDE_REGION, where);
        }
        return new Result(LayerGeometry.stored(layer, transformed), warning, warningArgs);
    }

    /** Transformed to EPSG:4490, or null when the coordinates cannot belong to the file's CRS. */
    private Geometry transform(Geometry g) {
        if (toLayer.isIdentity()) {
            return g; // the file's coordinates are the layer's: no copy (LayerGeometry.stored sets the SRID)
        }
        try {
            return toLayer.transform(g);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Geometry swap(Geometry g) {
        return CoordinateMapping.inPlace(g.copy(), c -> {
            double x = c.x;
            c.x = c.y;
            c.y = x;
        });
    }

    /** x and y, as the file has them, to at most 6 decimals. */
    static String format(Coordinate c) {
        if (c == null) {
            return "";
        }
        return plain(c.x) + ", " + plain(c.y);
    }

    private static String plain(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        return BigDecimal.valueOf(d)
                .setScale(6, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }
}
