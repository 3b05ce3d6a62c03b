package cn.yiyang.planning.geo.facility;

import java.util.Locale;

/** How serious a finding of a facility analysis is, from the most serious (code list {@code finding_severity}). */
public enum Severity {
    HIGH,
    MEDIUM,
    LOW;

    /** @return the code: high, medium, low */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
