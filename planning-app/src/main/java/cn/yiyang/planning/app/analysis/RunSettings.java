package cn.yiyang.planning.app.analysis;

import cn.yiyang.planning.layers.catalogue.Region;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of one run, resolved against the analysis's {@link SettingSpec}s: every setting present (given or
 * its default), of its type and in its range. Stored with the run as JSON ({@link #values()}, dates as ISO text).
 */
public final class RunSettings {

    private final Map<String, Object> values;

    private RunSettings(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * @param specs the analysis's settings
     * @param given the settings asked for (a run request's JSON body), or null for the defaults; a null value
     *     means the default
     * @param today the default of {@link SettingSpec#AS_OF}
     * @return every setting, given or default
     * @throws BadSettingException naming the first setting that is unknown, of the wrong type or out of range
     */
    public static RunSettings resolve(List<SettingSpec> specs, Map<String, ?> given, LocalDate today) {
        Map<String, ?> asked = given == null ? Map.of() : given;
        for (String name : asked.keySet()) {
            if (specs.stream().noneMatch(s -> s.name().equals(name))) {
                throw BadSettingException.unknown(
                        name,
                        String.join(", ", specs.stream().map(SettingSpec::name).toList()));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (SettingSpec s : specs) {
            Object v = asked.get(s.name());
            out.put(s.name(), v == null ? defaultOf(s, today) : read(s, v));
        }
        return new RunSettings(out);
    }

    /** @return the defaults */
    public static RunSettings defaults(List<SettingSpec> specs) {
        return resolve(specs, null, LocalDate.now(Region.TIME_ZONE));
    }

    private static Object defaultOf(SettingSpec s, LocalDate today) {
        return s.type() == SettingSpec.Type.DATE && s.defaultValue() == null ? today : s.defaultValue();
    }

    private static Object read(SettingSpec s, Object v) {
        return switch (s.type()) {
            case NUMBER -> inRange(s, number(s, v));
            case INTEGER -> {
                double d = number(s, v);
                if (d != Math.rint(d)) {
                    throw BadSettingException.badValue(s.name(), v, "integer");
                }
                yield (int) inRange(s, d);
            }
            case BOOLEAN -> {
                if (v instanceof Boolean b) {
                    yield b;
                }
                throw BadSettingException.badValue(s.name(), v, "true/false");
            }
            case DATE -> {
                if (v instanceof LocalDate d) {
                    yield d;
                }
                try {
                    yield LocalDate.parse(String.valueOf(v).trim());
                } catch (DateTimeParseException e) {
                    throw BadSettingException.badValue(s.name(), v, "yyyy-MM-dd");
                }
            }
        };
    }

    private static double number(SettingSpec s, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw BadSettingException.badValue(s.name(), v, "number");
        }
    }

    private static double inRange(SettingSpec s, double d) {
        if (!Double.isFinite(d) || s.min() != null && d < s.min() || s.max() != null && d > s.max()) {
            throw BadSettingException.outOfRange(
                    s.name(),
                    BadSettingException.fmt(d),
                    s.min() == null ? Double.NEGATIVE_INFINITY : s.min(),
                    s.max() == null ? Double.POSITIVE_INFINITY : s.max());
        }
        return d;
    }

    /** @return a number setting */
    public double number(String name) {
        return ((Number) get(name)).doubleValue();
    }

    /** @return a whole-number setting */
    public int integer(String name) {
        return ((Number) get(name)).intValue();
    }

    /** @return a yes-or-no setting */
    public boolean flag(String name) {
        return (Boolean) get(name);
    }

    /** @return a date setting */
    public LocalDate date(String name) {
        return (LocalDate) get(name);
    }

    /** @return the {@link SettingSpec#AS_OF} date */
    public LocalDate asOf() {
        return date(SettingSpec.AS_OF);
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no setting " + name);
        }
        return v;
    }

    /** @return every setting by name, in the specs' order; dates as ISO text (as stored with the run) */
    public Map<String, Object> values() {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v instanceof LocalDate d ? d.toString() : v));
        return out;
    }
}
