package cn.yiyang.planning.app.dashboard;

import cn.yiyang.planning.app.indicator.IndicatorLabels;
import cn.yiyang.planning.layers.analysis.CatalogueIndicator;
import cn.yiyang.planning.layers.analysis.IndicatorUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the dashboard's elements draw, as JSON: the choropleth's units with their class colours and legend, and the
 * ECharts options of the three charts (value by unit against the target line, the trend across runs, the distribution
 * over the classes). Labels come in the page's language through {@code translate}.
 */
final class DashboardJson {

    /** Class colours from worst to best. */
    static final List<String> COLORS = List.of("#d7301f", "#fc8d59", "#fdcc8a", "#a6d96a", "#1a9641", "#006837");

    static final String NO_VALUE = "#cccccc";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DashboardJson() {}

    /** The choropleth: one feature per unit that has an outline, filled by its class, and the legend. */
    static String choropleth(
            List<DashboardValue> values,
            Map<String, Geometry> shapes,
            ClassBreaks breaks,
            Function<String, String> translate) {
        ObjectNode fc = JSON.createObjectNode();
        fc.put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        GeoJsonWriter writer = new GeoJsonWriter(5);
        writer.setEncodeCRS(false);
        for (DashboardValue v : values) {
            Geometry g = shapes.get(v.code());
            if (g == null) {
                continue;
            }
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            f.set("geometry", JSON.readTree(writer.write(g)));
            ObjectNode p = f.putObject("properties");
            p.put("code", v.code());
            p.put("name", v.name());
            p.put("label", IndicatorLabels.value(v.indicator(), v.value(), translate));
            p.put("color", color(v.indicator(), breaks, v.value()));
        }
        ArrayNode legend = fc.putArray("legend");
        CatalogueIndicator i = values.isEmpty() ? null : values.getFirst().indicator();
        for (int c = 0; c < breaks.count() && i != null; c++) {
            ObjectNode l = legend.addObject();
            l.put("color", colorOf(i, breaks, c));
            l.put("label", classLabel(i, breaks, c, translate));
        }
        if (i != null) {
            legend.addObject().put("color", NO_VALUE).put("label", translate.apply("dashboard.no-value"));
        }
        return fc.toString();
    }

    /** A bar per unit and the target as a line. */
    static String byUnit(List<DashboardValue> values, String title, Function<String, String> translate) {
        ObjectNode o = base(title);
        ArrayNode names = o.putObject("xAxis").put("type", "category").putArray("data");
        values.forEach(v -> names.add(v.name()));
        o.putObject("yAxis").put("type", "value");
        ObjectNode bar = o.putArray("series").addObject();
        bar.put("type", "bar").put("name", translate.apply("dashboard.value"));
        ArrayNode data = bar.putArray("data");
        values.forEach(v -> data.add(scaled(v.indicator(), v.value())));
        Double target = values.isEmpty() ? null : values.getFirst().target();
        if (target != null) {
            ObjectNode line = bar.putObject("markLine");
            line.put("symbol", "none");
            line.putArray("data")
                    .addObject()
                    .put("name", translate.apply("dashboard.target"))
                    .put("yAxis", scaled(values.getFirst().indicator(), target));
            line.putObject("label").put("formatter", translate.apply("dashboard.target") + " {c}");
        }
        return o.toString();
    }

    /** The value across the kind's runs, oldest first. */
    static String trend(List<DashboardValue> values, List<String> labels, String title, Function<String, String> t) {
        ObjectNode o = base(title);
        ArrayNode x = o.putObject("xAxis").put("type", "category").putArray("data");
        labels.forEach(x::add);
        o.putObject("yAxis").put("type", "value");
        ObjectNode line = o.putArray("series").addObject();
        line.put("type", "line").put("name", t.apply("dashboard.value"));
        ArrayNode data = line.putArray("data");
        values.forEach(v -> data.add(scaled(v.indicator(), v.value())));
        return o.toString();
    }

    /** How many units fall in each class. */
    static String distribution(
            List<DashboardValue> values, ClassBreaks breaks, String title, Function<String, String> t) {
        ObjectNode o = base(title);
        ArrayNode x = o.putObject("xAxis").put("type", "category").putArray("data");
        CatalogueIndicator i = values.isEmpty() ? null : values.getFirst().indicator();
        int[] counts = new int[breaks.count()];
        values.forEach(v -> {
            int c = breaks.classOf(v.value());
            if (c >= 0) {
                counts[c]++;
            }
        });
        for (int c = 0; c < breaks.count() && i != null; c++) {
            x.add(classLabel(i, breaks, c, t));
        }
        o.putObject("yAxis").put("type", "value").put("minInterval", 1);
        ObjectNode bar = o.putArray("series").addObject();
        bar.put("type", "bar").put("name", t.apply("dashboard.units"));
        ArrayNode data = bar.putArray("data");
        for (int n : counts) {
            data.add(n);
        }
        return o.toString();
    }

    /** A value as a chart plots it: a rate in percent, rounded to one decimal. */
    static Double scaled(CatalogueIndicator i, Double v) {
        if (v == null) {
            return null;
        }
        double s = i.unit() == IndicatorUnit.RATE ? v * 100 : v;
        return Math.round(s * 10) / 10.0;
    }

    static String color(CatalogueIndicator i, ClassBreaks breaks, Double value) {
        int c = breaks.classOf(value);
        return c < 0 ? NO_VALUE : colorOf(i, breaks, c);
    }

    private static String colorOf(CatalogueIndicator i, ClassBreaks breaks, int c) {
        int n = breaks.count();
        // spread the classes over the palette, worst first: the lowest class is worst when higher is better
        int rank = i.higherIsBetter() ? c : n - 1 - c;
        int index = n == 1 ? COLORS.size() - 1 : Math.round((float) rank * (COLORS.size() - 1) / (n - 1));
        return COLORS.get(index);
    }

    /** @return a class's legend label: {@code < 85.0%}, {@code 50.0% – 85.0%}, {@code ≥ 85.0%} */
    static String classLabel(CatalogueIndicator i, ClassBreaks breaks, int c, Function<String, String> t) {
        List<Double> b = breaks.breaks();
        String low = c == 0 ? null : IndicatorLabels.value(i, b.get(c - 1), t);
        String high = c == b.size() ? null : IndicatorLabels.value(i, b.get(c), t);
        if (low == null && high == null) {
            return t.apply("dashboard.all-values");
        }
        if (low == null) {
            return "< " + high;
        }
        return high == null ? "≥ " + low : low + " – " + high;
    }

    private static ObjectNode base(String title) {
        ObjectNode o = JSON.createObjectNode();
        o.putObject("title")
                .put("text", title)
                .put("left", "center")
                .putObject("textStyle")
                .put("fontSize", 13);
        o.putObject("tooltip").put("trigger", "axis");
        o.putObject("grid").put("left", 48).put("right", 24).put("top", 40).put("bottom", 60);
        return o;
    }
}
