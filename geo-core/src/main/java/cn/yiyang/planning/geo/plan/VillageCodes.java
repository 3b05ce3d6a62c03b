package cn.yiyang.planning.geo.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The administrative villages a plan covers, as its {@code village_codes} text holds them: codes separated by
 * commas, as the app writes them, or by whatever people type in a spreadsheet: 、 ， , ; ； and white space (also
 * full-width). The one place that text is read.
 */
public final class VillageCodes {

    private static final Pattern SEPARATORS = Pattern.compile("[,，、;；\\s\\u3000]+");

    private VillageCodes() {}

    /**
     * @param text a {@code village_codes} value, may be null
     * @return the codes in the order written, each once, without empty pieces
     */
    public static List<String> parse(String text) {
        if (text == null) {
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String piece : SEPARATORS.split(text.strip())) {
            if (!piece.isEmpty()) {
                codes.add(piece);
            }
        }
        return List.copyOf(new ArrayList<>(codes));
    }

    /**
     * @param codes village codes
     * @return them as the app stores them: joined by commas
     */
    public static String format(List<String> codes) {
        return String.join(",", codes);
    }
}
