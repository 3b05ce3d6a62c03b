package cn.yiyang.planning.geo.plan;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One land-use parcel of a village plan.
 *
 * @param id the parcel's key, unique in its plan
 * @param landUseCode its class in 《国土空间调查、规划、用途管制用地用海分类指南》(2023), e.g. {@code "0703"}
 * @param state current (现状) or planned (规划)
 * @param geometry a polygon or multipolygon in CGCS2000 lon/lat (EPSG:4490, x = longitude)
 */
public record PlanParcel(String id, String landUseCode, ParcelState state, Geometry geometry) {

    /** Checks that nothing is missing; the geometry itself is checked by {@link ParcelCheck}. */
    public PlanParcel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(landUseCode, "landUseCode");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(geometry, "geometry");
    }
}
