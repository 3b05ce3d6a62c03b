package cn.yiyang.planning.app.feature;

import cn.yiyang.planning.app.system.BadValueException;
import cn.yiyang.planning.layers.catalogue.Region;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The {@code asOf} parameter of a feature read: an ISO date-time with an offset ({@code 2026-03-01T08:00:00Z},
 * {@code …+08:00}), one without (China time), or a date (China time, the end of that day: the feature as the day
 * left it).
 */
final class AsOf {

    static final String PARAMETER = "asOf";
    static final String EXPECTED = "2026-03-01, 2026-03-01T14:30:00, 2026-03-01T14:30:00+08:00";

    private AsOf() {}

    /**
     * The instant {@code value} names.
     *
     * @throws BadValueException when it is none of the three forms
     */
    static Instant parse(String value) {
        String v = value.strip();
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v)
                        .plusDays(1)
                        .atStartOfDay(Region.TIME_ZONE)
                        .toInstant()
                        .minusNanos(1_000); // the last microsecond of the day, the history's precision
            }
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException withoutOffset) {
                return LocalDateTime.parse(v).atZone(Region.TIME_ZONE).toInstant();
            }
        } catch (DateTimeParseException e) {
            throw new BadValueException(PARAMETER, value, EXPECTED);
        }
    }
}
