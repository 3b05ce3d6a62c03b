package cn.yiyang.planning.app.edit;

import cn.yiyang.planning.app.feature.InvalidFeatureException;
import cn.yiyang.planning.app.map.PlanningMap.ProblemMarker;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.InteriorPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Where on the map a problem of a feature's shape is shown: at the location the problem names (a parcel's overlap
 * or the part outside its plan, from a {@code FeatureRule}), else at the spot where the shape is invalid (the
 * self-intersection JTS finds), else at a point of the shape (outside the region, wrong kind: the shape as a whole
 * is wrong, and the marker says which one).
 */
final class ProblemPlaces {

    private ProblemPlaces() {}

    /** Markers for the problems that no field shows, at their places on {@code geometry}. */
    static List<ProblemMarker> of(Geometry geometry, List<InvalidFeatureException.Problem> problems) {
        List<ProblemMarker> out = new ArrayList<>();
        if (geometry == null || geometry.isEmpty()) {
            return out;
        }
        Coordinate at = place(geometry);
        for (InvalidFeatureException.Problem p : problems) {
            List<Double> own = p.location();
            if (own != null && own.size() == 2) {
                out.add(new ProblemMarker(own.get(0), own.get(1), p.message()));
            } else {
                out.add(new ProblemMarker(at.x, at.y, p.message()));
            }
        }
        return out;
    }

    /** The invalid spot, or a point of the shape. */
    static Coordinate place(Geometry geometry) {
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error != null && error.getCoordinate() != null) {
            return error.getCoordinate();
        }
        Coordinate inside = InteriorPoint.getInteriorPoint(geometry);
        return inside != null ? inside : geometry.getCoordinate();
    }
}
