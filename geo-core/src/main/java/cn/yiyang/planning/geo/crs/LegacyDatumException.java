package cn.yiyang.planning.geo.crs;

import java.io.Serial;

/**
 * Thrown for a recognised Beijing 1954, New Beijing 1954 or Xi'an 1980 CRS: converting it to CGCS2000 needs
 * local transformation parameters (a seven- or four-parameter set from the surveying authority), and a generic
 * shift would silently misplace features by tens of metres, so the planning GIS refuses to guess.
 */
public class LegacyDatumException extends UnsupportedCrsException {

    /** Serialization version. */
    @Serial
    private static final long serialVersionUID = 1L;

    /** The EPSG code. */
    private final int epsg;
    /** The legacy datum family. */
    private final DatumFamily datum;

    /**
     * @param epsg the EPSG code
     * @param datum the legacy datum it belongs to
     */
    public LegacyDatumException(int epsg, DatumFamily datum) {
        super(
                "EPSG:" + epsg,
                "EPSG:" + epsg + " is a " + datum.nameEn() + " (" + datum.nameZh() + ") CRS: converting it to CGCS2000"
                        + " needs local transformation parameters (七参数/四参数) from the surveying authority;"
                        + " convert the data to CGCS2000 first, this module will not guess a datum shift");
        this.epsg = epsg;
        this.datum = datum;
    }

    /** @return the EPSG code */
    public int epsg() {
        return epsg;
    }

    /** @return the legacy datum family */
    public DatumFamily datum() {
        return datum;
    }
}
