package cn.yiyang.planning.geo.crs;

import java.util.List;
import java.util.Optional;

/**
 * EPSG codes of the legacy Chinese datums, taken from the EPSG registry as loaded in PostGIS
 * ({@code spatial_ref_sys}): geographic CRSs and their 6- and 3-degree Gauss-Kruger projections.
 */
final class LegacyCrsCodes {

    private record Range(int first, int last, DatumFamily datum) {}

    private static final List<Range> RANGES = List.of(
            new Range(4214, 4214, DatumFamily.BEIJING1954), // Beijing 1954
            new Range(2401, 2442, DatumFamily.BEIJING1954), // 3-degree GK, zones 25-45 and CM 75E-135E
            new Range(21413, 21423, DatumFamily.BEIJING1954), // 6-degree GK zones 13-23
            new Range(21453, 21463, DatumFamily.BEIJING1954), // 6-degree GK CM 75E-135E
            new Range(21473, 21483, DatumFamily.BEIJING1954), // 6-degree GK, deprecated variants
            new Range(4555, 4555, DatumFamily.NEW_BEIJING1954), // New Beijing
            new Range(4568, 4589, DatumFamily.NEW_BEIJING1954), // 6-degree GK
            new Range(4652, 4656, DatumFamily.NEW_BEIJING1954), // 3-degree GK zones 25-29
            new Range(4766, 4800, DatumFamily.NEW_BEIJING1954), // 3-degree GK zones 30-45 and CM 75E-129E
            new Range(4812, 4812, DatumFamily.NEW_BEIJING1954), // 3-degree GK CM 132E
            new Range(4822, 4822, DatumFamily.NEW_BEIJING1954), // 3-degree GK CM 135E
            new Range(4610, 4610, DatumFamily.XIAN1980), // Xian 1980
            new Range(2327, 2390, DatumFamily.XIAN1980)); // 6- and 3-degree GK

    private LegacyCrsCodes() {}

    /** @return the legacy datum of an EPSG code, or empty if it is not a legacy Chinese CRS */
    static Optional<DatumFamily> datumOf(int epsg) {
        return RANGES.stream()
                .filter(r -> epsg >= r.first() && epsg <= r.last())
                .map(Range::datum)
                .findFirst();
    }
}
