package cn.yiyang.planning.geo.crs;

import org.locationtech.jts.geom.Coordinate;

/** The conversions that need no projection library: lon/lat itself, GCJ-02 and BD-09. */
enum FormulaConversion implements LonLatConversion {

    /** CGCS2000 and WGS84 lon/lat, which are the pivot (the two datums are treated as equal). */
    IDENTITY {
        @Override
        public void toLonLat(Coordinate c) {
            // already CGCS2000 lon/lat
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
            Bd09.inverse(c);
            Gcj02.inverse(c);
        }

        @Override
        public void fromLonLat(Coordinate c) {
            Gcj02.forward(c);
            Bd09.forward(c);
        }
    }
}
