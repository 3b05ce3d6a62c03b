package cn.yiyang.planning.geo.crs;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;

/** Test points: a regular grid over Yiyang's extent, 110.72–112.94°E × 27.97–29.52°N, in both GK zones. */
final class YiyangPoints {

    static final double WEST = 110.72;
    static final double EAST = 112.94;
    static final double SOUTH = 27.97;
    static final double NORTH = 29.52;

    private YiyangPoints() {}

    /** @return an {@code n × n} grid of lon/lat points including the corners */
    static List<Coordinate> grid(int n) {
        List<Coordinate> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                points.add(new Coordinate(WEST + (EAST - WEST) * i / (n - 1), SOUTH + (NORTH - SOUTH) * j / (n - 1)));
            }
        }
        return points;
    }
}
