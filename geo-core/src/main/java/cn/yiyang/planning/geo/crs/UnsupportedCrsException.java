package cn.yiyang.planning.geo.crs;

import java.io.Serial;

/** Thrown when a CRS code is malformed, unknown, or names a CRS the planning GIS does not support. */
public class UnsupportedCrsException extends IllegalArgumentException {

    /** Serialization version. */
    @Serial
    private static final long serialVersionUID = 1L;

    /** The code as given. */
    private final String code;

    /**
     * @param code the code as given, e.g. {@code "EPSG:32649"}
     * @param message a message saying why and what is supported instead
     */
    public UnsupportedCrsException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** @return the code as given by the caller */
    public String code() {
        return code;
    }
}
