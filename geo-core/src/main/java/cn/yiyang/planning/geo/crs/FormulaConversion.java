package cn.yiyang.planning.geo.crs;

import org.locationtech.jts.geom.Coordinate;

/**
 * The conversions that need no projection library: lon/lat itself, GCJ-02 and BD-09. Their input must be a
 * longitude and latitude in that order; anything else is refused rather than transformed into nonsense.
 */
enum FormulaConversion implements LonLatConversion {

    /** CGCS2000 and WGS84 lon/lat, which are the pivot (the two datums are treated as equal). */
    IDENTITY {
        @Override
        public void toLonLat(Coordinate c) {
            requireLonLat(c);
        }

        @Override
        public void fromLonLat(Coordinate c) {
            // already CGCS2000 lon/lat
        }
    },

    /** GCJ-02 = obfuscated WGS84. */
    GCJ02 {
        @Override
        public void toLonLat(Coordinate c) {
            requireLonLat(c);
            Gcj02.inverse(c);
        }

        @Override
        public void fromLonLat(Coordinate c) {
            Gcj02.forward(c);
        }
    },

    /** BD-09 = obfuscated GCJ-02. */
    BD09 {
        @Override
        public void toLonLat(Coordinate c) {
            requireLonLat(c);
            Bd09.inverse(c);
            Gcj02.inverse(c);
        }

        @Override
        public void fromLonLat(Coordinate c) {
            Gcj02.forward(c);
            Bd09.forward(c);
        }
    };

    private static void requireLonLat(Coordinate c) {
        if (Math.abs(c.x) <= 180 && Math.abs(c.y) <= 90) {
            return;
        }
        String hint = Math.abs(c.x) <= 90 && Math.abs(c.y) <= 180
                ? ": it looks like latitude, longitude (EPSG:4490's official axis order); this API takes x = longitude"
                : ": it looks like projected metres, give its projected CRS instead";
        throw new IllegalArgumentException("(" + c.x + ", " + c.y + ") is not a longitude, latitude" + hint);
    }
}
