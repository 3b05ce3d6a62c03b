package cn.yiyang.planning.layers.store;

import cn.yiyang.planning.geo.access.Indicator;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.analysis.IndicatorValue;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The values of one indicator, level and group of a run as one document (table {@code analysis_indicator_units},
 * V28): a JSON array of {@code [code, name, parent_code, numerator, denominator, target]}, one per unit, in code
 * order. For the levels of many units (natural villages): one row of a few hundred kB instead of thousands of rows,
 * written, read and deleted at once.
 */
final class UnitValues {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private UnitValues() {}

    /** The document of {@code values} (all of one run, indicator, level and group), in code order. */
    static String write(Collection<IndicatorValue> values) {
        List<IndicatorValue> sorted = new ArrayList<>(values);
        sorted.sort((a, b) -> a.code().compareTo(b.code()));
        StringBuilder out = new StringBuilder(sorted.size() * 64);
        try (JsonGenerator g = JSON.createGenerator(new StringBuilderWriter(out))) {
            g.writeStartArray();
            for (IndicatorValue v : sorted) {
                g.writeStartArray();
                g.writeString(v.code());
                g.writeString(v.name());
                g.writeString(v.parentCode());
                g.writeNumber(v.numerator());
                g.writeNumber(v.denominator());
                if (v.target() == null) {
                    g.writeNull();
                } else {
                    g.writeNumber(v.target());
                }
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        return out.toString();
    }

    /**
     * The values of a document, those of {@code code} only when it is not null.
     *
     * @throws IllegalStateException when the document is not one this class wrote
     */
    static List<IndicatorValue> read(
            String document, String runId, Indicator indicator, UnitLevel level, UnitGroup group, String code) {
        List<IndicatorValue> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(document)) {
            expect(p.nextToken(), JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_ARRAY) {
                String unit = text(p);
                String name = text(p);
                String parent = text(p);
                long numerator = number(p);
                long denominator = number(p);
                JsonToken t = p.nextToken();
                Double target = t == JsonToken.VALUE_NULL ? null : p.getDoubleValue();
                expect(p.nextToken(), JsonToken.END_ARRAY);
                if (code == null || code.equals(unit)) {
                    out.add(new IndicatorValue(
                            runId, indicator, level, unit, name, parent, group, numerator, denominator, target));
                }
            }
            expect(p.currentToken(), JsonToken.END_ARRAY);
        }
        return out;
    }

    private static String text(JsonParser p) {
        JsonToken t = p.nextToken();
        return t == JsonToken.VALUE_NULL ? null : p.getString();
    }

    private static long number(JsonParser p) {
        expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
        return p.getLongValue();
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalStateException("analysis_indicator_units holds a document this version cannot read: "
                    + actual + " where " + expected + " belongs");
        }
    }

    /** A writer into a StringBuilder (no synchronisation, unlike StringWriter's buffer). */
    private static final class StringBuilderWriter extends Writer {
        private final StringBuilder sb;

        StringBuilderWriter(StringBuilder sb) {
            this.sb = sb;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            sb.append(buf, off, len);
        }

        @Override
        public void write(String s, int off, int len) {
            sb.append(s, off, off + len);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
