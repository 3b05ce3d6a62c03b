package cn.yiyang.planning.importer.mapping;

import cn.yiyang.planning.importer.issue.IssueCode;
import cn.yiyang.planning.layers.catalogue.Code;
import cn.yiyang.planning.layers.catalogue.CodeList;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.FieldType;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Converts source values to the Java type of a catalogue field:
 * <ul>
 *   <li>TEXT → String; whole numbers are written without a decimal point (a village code read from a
 *       numeric DBF column as 4.30921100201E11 becomes {@code 430921100201});</li>
 *   <li>INTEGER → Integer, from whole numbers or text such as {@code 12}, {@code １２}, {@code 1,234}, {@code 12.0};</li>
 *   <li>DECIMAL → Double, from numbers or numeric text;</li>
 *   <li>BOOLEAN → Boolean, from true/false, 是/否, 有/无, 1/0, Y/N, yes/no, T/F, √/×;</li>
 *   <li>DATE → LocalDate, from dates and date-times, or text {@code 2023-05-01}, {@code 2023/5/1},
 *       {@code 2023.5.1}, {@code 20230501}, {@code 2023年5月1日} or {@code 2023年5月1号} (a time after the date is
 *       ignored); a whole number from 20000 to 80000 is an Excel date serial (days since 1899-12-30, what a date cell
 *       holds when the sheet is saved without its formats: 45356 = 2024-03-05); a year and month only
 *       ({@code 2024-03}, {@code 2024/3}, {@code 2024.3}, {@code 2024年3月}, {@code 202403}) is the first day of that
 *       month, with a {@code DATE_MONTH_ONLY} warning;</li>
 *   <li>CODE → the code's value through {@link CodeList#resolve} (value, Chinese or English label, or
 *       alias): 水泥 → cement, 沥青 → asphalt, 村道 or C → village; a value that names what another layer holds
 *       ({@link CodeList#elsewhere}: 快递网点 in a cold-chain tier) is a {@code BELONGS_TO_OTHER_LAYER}.</li>
 * </ul>
 * Null and blank text are no value. Anything else is a {@link Conversion.Failure}: {@code WRONG_TYPE},
 * {@code UNKNOWN_CODE} or {@code BELONGS_TO_OTHER_LAYER}, with the value as written.
 */
public final class ValueConverter {

    private static final Pattern THOUSANDS = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern YMD_SEPARATED =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*[日号]?");
    private static final Pattern YMD_COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern YM = Pattern.compile("(\\d{4})\\s*(?:[-/.年]\\s*(\\d{1,2})\\s*月?|(\\d{2}))");
    /** Day 0 of Excel's 1900 date system as Excel counts (it takes 1900 for a leap year). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private static final int EXCEL_SERIAL_MIN = 20000; // 1954-10-03
    private static final int EXCEL_SERIAL_MAX = 80000; // 2119-01-11
    private static final Map<String, Boolean> BOOLEANS = Map.ofEntries(
            Map.entry("true", true),
            Map.entry("false", false),
            Map.entry("t", true),
            Map.entry("f", false),
            Map.entry("yes", true),
            Map.entry("no", false),
            Map.entry("y", true),
            Map.entry("n", false),
            Map.entry("1", true),
            Map.entry("0", false),
            Map.entry("是", true),
            Map.entry("否", false),
            Map.entry("有", true),
            Map.entry("无", false),
            Map.entry("√", true),
            Map.entry("×", false));
    private static final int LISTED_CODES = 12;
    private static final int REMEMBERED = 4096;

    /** Code list id → written form → the code it resolves to (thread-safe: ContentMatcher shares a converter). */
    private final Map<String, Map<String, Optional<Object>>> resolved = new ConcurrentHashMap<>();

    /** Converts {@code raw} to the type of {@code field}. */
    public Conversion convert(FieldDef field, Object raw) {
        if (raw == null || raw instanceof String s && s.isBlank()) {
            return Conversion.EMPTY;
        }
        if (raw instanceof Double d && (d.isNaN() || d.isInfinite()) || raw instanceof Float fl && fl.isNaN()) {
            return Conversion.EMPTY;
        }
        if (field.type() == FieldType.DATE) {
            Optional<Conversion> month = monthOnly(raw);
            if (month.isPresent()) {
                return month.get();
            }
        }
        Optional<Object> value = switch (field.type()) {
            case TEXT -> Optional.of(text(raw).strip());
            case INTEGER -> integer(raw);
            case DECIMAL -> decimal(raw);
            case BOOLEAN -> bool(raw);
            case DATE -> date(raw);
            case CODE -> code(field.codeList(), text(raw));
        };
        if (value.isPresent()) {
            return new Conversion.Value(value.get());
        }
        String written = text(raw);
        if (field.type() == FieldType.CODE) {
            Optional<LayerDef> home = field.codeList()
                    .elsewhere(nfkc(written))
                    .flatMap(id -> LayerCatalogue.standard().find(id));
            if (home.isPresent()) {
                return new Conversion.Failure(
                        IssueCode.BELONGS_TO_OTHER_LAYER,
                        List.of(written, home.get().titleZh(), home.get().titleEn()));
            }
            return new Conversion.Failure(IssueCode.UNKNOWN_CODE, List.of(written, allowed(field.codeList())));
        }
        return new Conversion.Failure(IssueCode.WRONG_TYPE, List.of(written, example(field.type())));
    }

    /**
     * A source value as stored among a feature's extra attributes (JSON): strings, whole numbers as
     * Long, other numbers as Double, booleans; dates as ISO text; null for no value.
     */
    public Object extraValue(Object raw) {
        if (raw == null || raw instanceof String s && s.isEmpty()) {
            return null;
        }
        if (raw instanceof String || raw instanceof Boolean || raw instanceof Long || raw instanceof Integer) {
            return raw;
        }
        if (raw instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return null;
            }
            return d == Math.rint(d) && Math.abs(d) < 9e15 ? (Object) (long) d : (Object) d;
        }
        return text(raw);
    }

    /** The value as text, whole numbers without a decimal point or exponent. */
    static String text(Object raw) {
        if (raw instanceof String s) {
            return s;
        }
        if (raw instanceof Double || raw instanceof Float || raw instanceof BigDecimal) {
            double d = ((Number) raw).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 9e15) {
                return Long.toString((long) d);
            }
            return new BigDecimal(raw.toString()).stripTrailingZeros().toPlainString();
        }
        if (raw instanceof Date d) {
            return new Timestamp(d.getTime()).toLocalDateTime().toLocalDate().toString();
        }
        return raw.toString();
    }

    private static Optional<Object> integer(Object raw) {
        return number(raw)
                .filter(d -> d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE)
                .map(d -> (int) (double) d);
    }

    private static Optional<Object> decimal(Object raw) {
        return number(raw).map(d -> (Object) d);
    }

    private static Optional<Double> number(Object raw) {
        if (raw instanceof Number n) {
            return Optional.of(n.doubleValue());
        }
        if (!(raw instanceof String s)) {
            return Optional.empty();
        }
        String t = nfkc(s).strip();
        if (THOUSANDS.matcher(t).matches()) {
            t = t.replace(",", "");
        }
        if (!NUMBER.matcher(t).matches()) {
            return Optional.empty();
        }
        double d = Double.parseDouble(t);
        return Double.isInfinite(d) ? Optional.empty() : Optional.of(d);
    }

    private static Optional<Object> bool(Object raw) {
        if (raw instanceof Boolean b) {
            return Optional.of(b);
        }
        if (raw instanceof Number n) {
            double d = n.doubleValue();
            return d == 1 ? Optional.of(true) : d == 0 ? Optional.of(false) : Optional.empty();
        }
        String t = nfkc(text(raw)).strip().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(BOOLEANS.get(t));
    }

    private static Optional<Object> date(Object raw) {
        try {
            if (raw instanceof LocalDate d) {
                return Optional.of(d);
            }
            if (raw instanceof LocalDateTime d) {
                return Optional.of(d.toLocalDate());
            }
            if (raw instanceof OffsetDateTime d) {
                return Optional.of(d.toLocalDate());
            }
            if (raw instanceof ZonedDateTime d) {
                return Optional.of(d.toLocalDate());
            }
            if (raw instanceof TemporalAccessor) {
                return Optional.empty();
            }
            if (raw instanceof Date d) {
                return Optional.of(new Timestamp(d.getTime()).toLocalDateTime().toLocalDate());
            }
            Optional<LocalDate> serial = excelSerial(raw);
            if (serial.isPresent()) {
                return Optional.of(serial.get());
            }
            String t = nfkc(text(raw)).strip();
            Matcher m = YMD_SEPARATED.matcher(t);
            if (m.lookingAt() && (m.end() == t.length() || startsTime(t.substring(m.end())))) {
                return Optional.of(LocalDate.of(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            }
            m = YMD_COMPACT.matcher(t);
            if (m.matches()) {
                return Optional.of(LocalDate.of(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            }
        } catch (DateTimeException e) {
            return Optional.empty(); // 2023-02-30
        }
        return Optional.empty();
    }

    /** An Excel date serial: a whole number (or digits) from 20000 to 80000, days since 1899-12-30. */
    private static Optional<LocalDate> excelSerial(Object raw) {
        Double d = raw instanceof Number n
                ? Double.valueOf(n.doubleValue())
                : raw instanceof String s && nfkc(s).strip().matches("\\d{5}") ? Double.valueOf(nfkc(s).strip()) : null;
        if (d == null || d != Math.rint(d) || d < EXCEL_SERIAL_MIN || d > EXCEL_SERIAL_MAX) {
            return Optional.empty();
        }
        return Optional.of(EXCEL_EPOCH.plusDays(d.longValue()));
    }

    /**
     * A year and a month only (2024-03, 2024/3, 2024.3, 2024年3月, 202403): the first day of the month, with a
     * warning. Empty for anything else (a full date, or text that is no date).
     */
    private static Optional<Conversion> monthOnly(Object raw) {
        // text only: a number 2024.1 may have been 2024.10 before a spreadsheet dropped the zero
        if (!(raw instanceof String written)) {
            return Optional.empty();
        }
        Matcher m = YM.matcher(nfkc(written).strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3));
        if (month < 1 || month > 12 || year < 1900 || year > 2200) {
            return Optional.empty();
        }
        LocalDate first = LocalDate.of(year, month, 1);
        return Optional.of(new Conversion.Value(first, IssueCode.DATE_MONTH_ONLY, List.of(written, first.toString())));
    }

    private static boolean startsTime(String rest) {
        return rest.matches("[ T]?\\d{1,2}:\\d{2}.*");
    }

    /**
     * The code a written value resolves to, remembered per list and written form (a file repeats a few forms on
     * every row, and normalising each costs more than the rest of a row's checks); at most {@link #REMEMBERED}
     * forms a list.
     */
    private Optional<Object> code(CodeList list, String written) {
        Map<String, Optional<Object>> known = resolved.computeIfAbsent(list.id(), id -> new ConcurrentHashMap<>());
        Optional<Object> hit = known.get(written);
        if (hit == null) {
            hit = list.resolve(nfkc(written)).map(Code::value);
            if (known.size() < REMEMBERED) {
                known.put(written, hit);
            }
        }
        return hit;
    }

    private static String nfkc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC);
    }

    /** The allowed values for a message: value and Chinese label, the first dozen of a long list. */
    static String allowed(CodeList list) {
        String shown = list.codes().stream()
                .limit(LISTED_CODES)
                .map(c -> c.value() + " " + c.titleZh())
                .collect(Collectors.joining(", "));
        return list.codes().size() > LISTED_CODES ? shown + ", …" : shown;
    }

    /** An example of the expected form, readable in either language. */
    static String example(FieldType type) {
        return switch (type) {
            case INTEGER -> "12";
            case DECIMAL -> "12.5";
            case BOOLEAN -> "是/否, true/false, 1/0";
            case DATE -> "2023-05-01";
            case TEXT, CODE -> "";
        };
    }
}
