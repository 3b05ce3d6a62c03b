package cn.yiyang.planning.geo.plan;

import java.util.Locale;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** WKT fixtures near Yiyang (112.30°E, 28.50°N): cells of 0.001° (about 98 m × 111 m). */
final class PlanFixtures {

    static final GeometryFactory GF = new GeometryFactory();

    private PlanFixtures() {}

    static Geometry wkt(String wkt) {
        try {
            return new WKTReader(GF).read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }

    /** A lon/lat rectangle. */
    static Geometry box(double west, double south, double east, double north) {
        return wkt(String.format(
                Locale.ROOT,
                "POLYGON((%.10f %.10f, %.10f %.10f, %.10f %.10f, %.10f %.10f, %.10f %.10f))",
                west,
                south,
                east,
                south,
                east,
                north,
                west,
                north,
                west,
                south));
    }

    /** Cell (column, row) of the fixture grid, from 112.300°E, 28.500°N. */
    static Geometry cell(int column, int row) {
        double w = 112.300 + column * 0.001;
        double s = 28.500 + row * 0.001;
        return box(w, s, w + 0.001, s + 0.001);
    }

    static PlanParcel parcel(String id, String code, ParcelState state, Geometry g) {
        return new PlanParcel(id, code, state, g);
    }
}
