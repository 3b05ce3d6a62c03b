package cn.yiyang.planning.importer.validate;

import java.util.Objects;
import org.locationtech.jts.geom.Envelope;

/**
 * The area features must lie in (EPSG:4490 lon/lat): the region's extent grown by a margin, so that
 * features near the border (a road leaving the city) pass while features put far away by a wrong
 * coordinate system do not.
 *
 * @param extent the region's extent, x = longitude
 * @param margin degrees added on every side
 */
public record Region(Envelope extent, double margin) {

    /** 益阳市: about 110°43′–112°56′E, 27°58′–29°31′N, with half a degree around it. */
    public static final Region YIYANG = new Region(new Envelope(110.72, 112.94, 27.97, 29.52), 0.5);

    public Region {
        Objects.requireNonNull(extent, "extent");
        if (margin < 0) {
            throw new IllegalArgumentException("margin must not be negative");
        }
        extent = new Envelope(extent);
    }

    /** The extent with the margin. */
    public Envelope bounds() {
        Envelope e = new Envelope(extent);
        e.expandBy(margin);
        return e;
    }

    /** Whether a geometry with this envelope lies entirely inside {@link #bounds()}. */
    public boolean contains(Envelope envelope) {
        return bounds().contains(envelope);
    }
}
