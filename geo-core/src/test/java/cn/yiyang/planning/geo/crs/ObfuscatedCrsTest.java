package cn.yiyang.planning.geo.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class ObfuscatedCrsTest {

    /** Metres per degree of latitude, near enough for centimetre-level checks. */
    private static final double METRES_PER_DEGREE = 111_320.0;

    private static final CrsTransform WGS_TO_GCJ = CrsTransform.of(Crs.WGS84, Crs.GCJ02);
    private static final CrsTransform WGS_TO_BD = CrsTransform.of(Crs.WGS84, Crs.BD09);

    /** Published results of wandergis/coordtransform (test/app.js) for (116.404, 39.915). */
    @Test
    void publishedForwardSamples() {
        Coordinate gcj = WGS_TO_GCJ.transform(new Coordinate(116.404, 39.915));
        assertThat(gcj.x).isCloseTo(116.41024449916938, within(1e-12));
        assertThat(gcj.y).isCloseTo(39.91640428150164, within(1e-12));
        Coordinate bd = CrsTransform.of(Crs.GCJ02, Crs.BD09).transform(new Coordinate(116.404, 39.915));
        assertThat(bd.x).isCloseTo(116.41036949371029, within(1e-12));
        assertThat(bd.y).isCloseTo(39.92133699351021, within(1e-12));
    }

    /**
     * Tiananmen: WGS84 (116.397428, 39.90923) is usually quoted as (116.40367, 39.91063) in GCJ-02. The exact
     * output pinned here is this formula's (a regression check; the independent check is the sample above).
     */
    @Test
    void tiananmenSample() {
        Coordinate gcj = WGS_TO_GCJ.transform(new Coordinate(116.397428, 39.90923));
        assertThat(gcj.x).isCloseTo(116.40367, within(5e-6)).isCloseTo(116.40367162595768, within(1e-12));
        assertThat(gcj.y).isCloseTo(39.91063, within(5e-6)).isCloseTo(39.91063350638631, within(1e-12));
    }

    /** The usual one-step inverses are approximate: ours agree with them to metres, not better. */
    @Test
    void inversesAgreeWithPublishedApproximateInverses() {
        Coordinate gcj = CrsTransform.of(Crs.BD09, Crs.GCJ02).transform(new Coordinate(116.404, 39.915));
        assertThat(gcj.x).isCloseTo(116.39762729119315, within(1e-5));
        assertThat(gcj.y).isCloseTo(39.90865673957631, within(1e-5));
        Coordinate wgs = CrsTransform.of(Crs.GCJ02, Crs.WGS84).transform(new Coordinate(116.404, 39.915));
        assertThat(wgs.x).isCloseTo(116.39775550083061, within(1e-5));
        assertThat(wgs.y).isCloseTo(39.91359571849836, within(1e-5));
    }

    @Test
    void roundTripsAcrossYiyangWithinACentimetre() {
        for (Coordinate wgs : YiyangPoints.grid(30)) {
            for (CrsTransform forward : new CrsTransform[] {WGS_TO_GCJ, WGS_TO_BD}) {
                Coordinate obfuscated = forward.transform(wgs);
                double shiftMetres = obfuscated.distance(wgs) * METRES_PER_DEGREE;
                assertThat(shiftMetres).as("offset at %s", wgs).isBetween(100.0, 2_000.0);
                Coordinate back = forward.inverse().transform(obfuscated);
                assertThat(back.distance(wgs) * METRES_PER_DEGREE)
                        .as("%s at %s", forward, wgs)
                        .isLessThan(1e-3);
            }
        }
    }

    @Test
    void gcj02LeavesPointsOutsideChinaAlone() {
        Coordinate paris = new Coordinate(2.3522, 48.8566);
        assertThat(WGS_TO_GCJ.transform(paris)).isEqualTo(paris);
        assertThat(WGS_TO_GCJ.inverse().transform(paris)).isEqualTo(paris);
        assertThat(Gcj02.isOutOfChina(112.35, 28.55)).isFalse();
    }

    @Test
    void bd09RoundTripsToProjectedCrs() {
        Coordinate gk = new Coordinate(38_420_000.0, 3_150_000.0);
        Coordinate bd = CrsTransform.of(Crs.epsg(4526), Crs.BD09).transform(gk);
        Coordinate back = CrsTransform.of(Crs.BD09, Crs.epsg(4526)).transform(bd);
        assertThat(back.distance(gk)).isLessThan(1e-3);
    }
}
