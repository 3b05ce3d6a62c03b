package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.geo.plan.Conflict;
import cn.yiyang.planning.geo.plan.ConflictKind;
import cn.yiyang.planning.layers.plan.ConflictJustification;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * One 多规合一 conflict of a plan as the app shows it: the geo-core {@link Conflict} named by a stable key, with the
 * constraint's layer id and the approver's justification when there is one.
 *
 * @param key the stable key: {@code <parcel id>.<constraint layer id>[.<constraint feature id>]}, e.g.
 *     {@code 120.basic_farmland.7}; the town boundary conflict has no constraint feature
 * @param planCode the plan
 * @param conflict the conflict: parcel, class, kind, overlap geometry and area, location
 * @param constraintLayer the constraint layer's id ({@code basic_farmland} …)
 * @param justification the approver's justification, or {@code null}
 */
public record PlanConflict(
        String key, String planCode, Conflict conflict, String constraintLayer, ConflictJustification justification) {

    /** The conflict's key (see the record's description). */
    static String key(Conflict c, String constraintLayer) {
        return c.parcelId() + "." + constraintLayer + (c.constraintId() == null ? "" : "." + c.constraintId());
    }

    /** The parcel's feature id in {@code plan_land_use}. */
    public long parcelId() {
        return Long.parseLong(conflict.parcelId());
    }

    public ConflictKind kind() {
        return conflict.kind();
    }

    /** The constraint feature's id in its layer, or {@code null} for a town-boundary conflict. */
    public Long constraintId() {
        return conflict.constraintId() == null ? null : Long.valueOf(conflict.constraintId());
    }

    public double squareMetres() {
        return conflict.area().squareMetres();
    }

    public double mu() {
        return conflict.area().mu();
    }

    public Point location() {
        return conflict.location();
    }

    public Geometry overlap() {
        return conflict.overlap();
    }

    /** Whether the approver justified it. */
    public boolean justified() {
        return justification != null;
    }
}
