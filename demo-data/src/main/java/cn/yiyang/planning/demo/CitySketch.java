package cn.yiyang.planning.demo;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * The hand-drawn sketch the synthetic city grows from: an outline roughly the shape and size of
 * Yiyang, and per county its real seat (the approximate position of the government), anchor
 * points that pull its territory where the real county lies, and its approximate area. Nothing
 * here is surveyed: the outline and all boundaries derived from it are SYNTHETIC.
 */
final class CitySketch {

    /**
     * One county-level unit of the sketch.
     *
     * @param code            NBS code
     * @param seatLon         longitude of the seat
     * @param seatLat         latitude of the seat
     * @param seatTownship    the township the seat lies in
     * @param areaKm2         approximate land area in km²
     * @param anchors         lon/lat pairs pulling the county's territory
     * @param documentPrefix  the prefix of the county government's letters (安政函 …)
     * @param lowland         whether the county is lake plain (farmland, 垸 names) rather than hills
     */
    record County(
            String code,
            double seatLon,
            double seatLat,
            String seatTownship,
            double areaKm2,
            double[] anchors,
            String documentPrefix,
            boolean lowland) {

        Coordinate seat() {
            return Geo.metres(seatLon, seatLat);
        }

        List<Coordinate> anchorPoints() {
            Coordinate[] out = new Coordinate[anchors.length / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = Geo.metres(anchors[2 * i], anchors[2 * i + 1]);
            }
            return List.of(out);
        }
    }

    /** Outline vertices (lon, lat), clockwise from the western tip in 安化县. */
    private static final double[] OUTLINE = {
        110.72, 28.30, 110.82, 28.40, 111.00, 28.45, 111.20, 28.50, 111.40, 28.50, 111.60, 28.47,
        111.75, 28.55, 111.90, 28.62, 112.05, 28.70, 112.10, 28.80, 112.12, 28.95, 112.10, 29.08,
        112.16, 29.30, 112.24, 29.44, 112.35, 29.52, 112.44, 29.45, 112.50, 29.33, 112.64, 29.28,
        112.72, 29.16, 112.76, 29.06, 112.94, 28.89, 112.76, 28.82, 112.74, 28.72, 112.82, 28.62,
        112.86, 28.48, 112.76, 28.38, 112.66, 28.33, 112.55, 28.31, 112.45, 28.36, 112.35, 28.40,
        112.25, 28.34, 112.10, 28.32, 111.95, 28.26, 111.80, 28.16, 111.62, 28.06, 111.45, 27.97,
        111.28, 28.00, 111.10, 28.06, 110.92, 28.14, 110.80, 28.20,
    };

    static final List<County> COUNTIES = List.of(
            new County(
                    "430902",
                    112.324,
                    28.591,
                    "430902005",
                    740,
                    new double[] {112.15, 28.68, 112.27, 28.70, 112.40, 28.68, 112.50, 28.655},
                    "资政函",
                    true),
            new County(
                    "430903",
                    112.374,
                    28.560,
                    "430903001",
                    1270,
                    new double[] {
                        112.41, 28.585, 112.47, 28.60, 112.55, 28.62, 112.64, 28.64, 112.36, 28.52, 112.40, 28.48,
                        112.45, 28.43, 112.60, 28.42, 112.72, 28.46, 112.76, 28.56
                    },
                    "赫政函",
                    false),
            new County(
                    "430921",
                    112.396,
                    29.362,
                    "430921125",
                    1320,
                    new double[] {112.25, 29.15, 112.22, 29.30, 112.33, 29.46, 112.38, 29.20},
                    "南政函",
                    true),
            new County(
                    "430922",
                    112.156,
                    28.518,
                    "430922112",
                    2070,
                    new double[] {111.85, 28.45, 111.88, 28.57, 112.00, 28.40, 112.02, 28.60, 112.20, 28.40},
                    "桃政函",
                    false),
            new County(
                    "430923",
                    111.213,
                    28.375,
                    "430923121",
                    4950,
                    new double[] {
                        110.88, 28.28, 111.05, 28.40, 111.20, 28.16, 111.45, 28.13, 111.45, 28.38, 111.62, 28.22,
                        111.80, 28.22
                    },
                    "安政函",
                    false),
            new County("430971", 112.560, 29.170, "430971121", 330, new double[] {112.64, 29.22}, "益政函", true),
            new County("430972", 112.420, 28.545, "430972005", 180, new double[] {112.45, 28.525}, "益政函", false),
            new County(
                    "430981",
                    112.355,
                    28.845,
                    "430981006",
                    2020,
                    new double[] {
                        112.18, 28.88, 112.20, 29.00, 112.50, 28.86, 112.65, 28.86, 112.85, 28.88, 112.55, 28.78
                    },
                    "沅政函",
                    true));

    private CitySketch() {}

    /** The outline as a metre polygon. */
    static Polygon outline() {
        Coordinate[] ring = new Coordinate[OUTLINE.length / 2 + 1];
        for (int i = 0; i < OUTLINE.length / 2; i++) {
            ring[i] = Geo.metres(OUTLINE[2 * i], OUTLINE[2 * i + 1]);
        }
        ring[ring.length - 1] = ring[0];
        return Geo.M.createPolygon(ring);
    }

    static County county(String code) {
        return COUNTIES.stream()
                .filter(c -> c.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sketch for county " + code));
    }
}
