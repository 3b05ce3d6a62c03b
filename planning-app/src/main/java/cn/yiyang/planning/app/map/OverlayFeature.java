package cn.yiyang.planning.app.map;

import java.util.Locale;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * A feature drawn over the map's layers without being in one: an import's preview, the roads of the
 * 通返不通 register.
 *
 * @param geometry the geometry in EPSG:4490 (x = longitude)
 * @param tone     how it is drawn: {@link Tone#NORMAL} blue, {@link Tone#ALERT} red, {@link Tone#MUTED} grey,
 *                 {@link Tone#HISTORY} dashed
 */
public record OverlayFeature(Geometry geometry, Tone tone) {

    /** The colours an overlay feature can take. */
    public enum Tone {
        /** Blue: an import's valid feature. */
        NORMAL,
        /** Red: a rejected feature, an impassable road. */
        ALERT,
        /** Grey: something settled, such as a closed register entry. */
        MUTED,
        /** Dashed purple: an earlier version of a feature, beside the current one. */
        HISTORY;

        /** The name the map element knows. */
        String clientName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public OverlayFeature {
        Objects.requireNonNull(tone, "tone");
    }

    /** An import's feature: red when rejected, else blue. */
    public OverlayFeature(Geometry geometry, boolean rejected) {
        this(geometry, rejected ? Tone.ALERT : Tone.NORMAL);
    }

    /** Whether it is drawn in red. */
    public boolean rejected() {
        return tone == Tone.ALERT;
    }
}
