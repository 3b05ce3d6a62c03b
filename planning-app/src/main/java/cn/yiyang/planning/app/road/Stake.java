package cn.yiyang.planning.app.road;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stake (桩号) as road databases and inspection tables write it, in metres along the route: {@code K12+300} and
 * {@code 12+300} are 12,300 m; {@code K12} is 12,000 m; {@code 12.3} and {@code K12.3} are kilometres (12,300 m).
 * Spaces and a full-width plus (＋) are allowed.
 */
final class Stake {

    private static final Pattern FORM = Pattern.compile("K?(\\d+(?:\\.\\d+)?)(?:\\+(\\d+(?:\\.\\d+)?))?");

    private Stake() {}

    /** The stake in metres along its route, or null for null, blank or any other form. */
    static Double metres(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip().replace('＋', '+').replace(" ", "").toUpperCase(Locale.ROOT);
        Matcher m = FORM.matcher(s);
        if (!m.matches()) {
            return null;
        }
        double km = Double.parseDouble(m.group(1));
        return km * 1000 + (m.group(2) == null ? 0 : Double.parseDouble(m.group(2)));
    }
}
