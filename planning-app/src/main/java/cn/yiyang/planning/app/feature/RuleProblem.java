package cn.yiyang.planning.app.feature;

import cn.yiyang.planning.app.i18n.Localized;
import java.util.Objects;
import org.locationtech.jts.geom.Point;

/**
 * A problem a {@link FeatureRule} found: shown as the row checks' problems are ({@code field}, {@code code},
 * {@code message}), plus where on the map it lies when it concerns the geometry.
 *
 * @param field the property it concerns, or {@code geometry}
 * @param code a stable code in the style of the import issue codes ({@code PARCEL_OVERLAP})
 * @param message the message, rendered in the caller's language
 * @param error true when it refuses the write; a warning otherwise
 * @param location where the map shows it (lon/lat, EPSG:4490), or {@code null}
 */
public record RuleProblem(String field, String code, Localized message, boolean error, Point location) {

    /** Checks that nothing required is missing. */
    public RuleProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
