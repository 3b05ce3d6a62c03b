package cn.yiyang.planning.app.dashboard;

import cn.yiyang.planning.app.indicator.IndicatorLabels;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * The report's charts and maps drawn straight on a PDF page: bars of the units against the target line, and the units
 * filled by class with a legend (the colours and classes of the page's choropleth, {@link DashboardJson}).
 */
final class PdfDrawing {

    private final PdfContentByte cb;
    private final BaseFont font;

    PdfDrawing(PdfContentByte cb, BaseFont font) {
        this.cb = cb;
        this.font = font;
    }

    /** Bars of the values with the target as a dashed line, names below. */
    void bars(List<DashboardValue> values, float x, float y, float w, float h, Function<String, String> t) {
        double max = values.stream()
                .map(v -> DashboardJson.scaled(v.indicator(), v.value()))
                .filter(v -> v != null)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(1);
        Double target = DashboardJson.scaled(
                values.getFirst().indicator(), values.getFirst().target());
        if (target != null) {
            max = Math.max(max, target);
        }
        max = max <= 0 ? 1 : max * 1.1;
        float slot = w / values.size();
        float base = y + 24;
        float height = h - 30;
        for (int i = 0; i < values.size(); i++) {
            DashboardValue v = values.get(i);
            Double s = DashboardJson.scaled(v.indicator(), v.value());
            float bx = x + i * slot + slot * 0.15f;
            if (s != null) {
                cb.setColorFill(new Color(0x4A, 0x7E, 0xBB));
                cb.rectangle(bx, base, slot * 0.7f, (float) (height * s / max));
                cb.fill();
            }
            text(
                    v.name(),
                    bx,
                    base - 10,
                    Math.min(8, slot / Math.max(1, v.name().length()) * 1.4f));
            text(
                    IndicatorLabels.value(v.indicator(), v.value(), t),
                    bx,
                    base + 2 + (float) (height * (s == null ? 0 : s) / max),
                    7);
        }
        if (target != null) {
            float ty = base + (float) (height * target / max);
            cb.setColorStroke(new Color(0xD7, 0x30, 0x1F));
            cb.setLineDash(4, 2, 0);
            cb.moveTo(x, ty);
            cb.lineTo(x + w, ty);
            cb.stroke();
            cb.setLineDash(0);
            text(
                    t.apply("dashboard.target") + " "
                            + IndicatorLabels.value(
                                    values.getFirst().indicator(),
                                    values.getFirst().target(),
                                    t),
                    x + w - 90,
                    ty + 3,
                    8);
        }
    }

    /** The units filled by class, fitted in the box, with the legend at its left. */
    void choropleth(
            List<DashboardValue> values,
            Map<String, Geometry> outlines,
            ClassBreaks breaks,
            float x,
            float y,
            float w,
            float h,
            Function<String, String> t) {
        Envelope env = new Envelope();
        values.forEach(v -> {
            Geometry g = outlines.get(v.code());
            if (g != null) {
                env.expandToInclude(g.getEnvelopeInternal());
            }
        });
        if (env.isNull() || h < 50) {
            return;
        }
        double kx = Math.cos(Math.toRadians(env.centre().y));
        float legend = 120;
        double scale = Math.min((w - legend) / (env.getWidth() * kx), h / env.getHeight());
        for (DashboardValue v : values) {
            Geometry g = outlines.get(v.code());
            if (g == null) {
                continue;
            }
            cb.setColorFill(Color.decode(DashboardJson.color(v.indicator(), breaks, v.value())));
            cb.setColorStroke(new Color(0x55, 0x55, 0x55));
            cb.setLineWidth(0.5f);
            for (int p = 0; p < g.getNumGeometries(); p++) {
                if (g.getGeometryN(p) instanceof Polygon polygon) {
                    ring(polygon.getExteriorRing(), env, kx, scale, x + legend, y);
                    for (int r = 0; r < polygon.getNumInteriorRing(); r++) {
                        ring(polygon.getInteriorRingN(r), env, kx, scale, x + legend, y);
                    }
                }
            }
            cb.eoFillStroke();
            Coordinate c = g.getInteriorPoint().getCoordinate();
            text(
                    v.name(),
                    (float) (x + legend + (c.x - env.getMinX()) * kx * scale) - 10,
                    (float) (y + (c.y - env.getMinY()) * scale),
                    7);
        }
        List<Double> b = breaks.breaks();
        DashboardValue first = values.getFirst();
        for (int c = 0; c < breaks.count(); c++) {
            float ly = y + h - 14 * (c + 1);
            double probe = c == 0 ? (b.isEmpty() ? 0 : b.get(0) - 1) : b.get(c - 1);
            cb.setColorFill(Color.decode(DashboardJson.color(first.indicator(), breaks, probe)));
            cb.rectangle(x, ly, 12, 9);
            cb.fill();
            String label = DashboardJson.classLabel(first.indicator(), breaks, c, t);
            text(label, x + 16, ly + 1, 8);
        }
    }

    private void ring(LineString ring, Envelope env, double kx, double scale, float ox, float oy) {
        Coordinate[] cs = ring.getCoordinates();
        for (int i = 0; i < cs.length; i++) {
            float px = (float) (ox + (cs[i].x - env.getMinX()) * kx * scale);
            float py = (float) (oy + (cs[i].y - env.getMinY()) * scale);
            if (i == 0) {
                cb.moveTo(px, py);
            } else {
                cb.lineTo(px, py);
            }
        }
        cb.closePath();
    }

    private void text(String s, float x, float y, float size) {
        cb.beginText();
        cb.setColorFill(Color.BLACK);
        cb.setFontAndSize(font, size);
        cb.setTextMatrix(x, y);
        cb.showText(s);
        cb.endText();
    }
}
