package cn.yiyang.planning.app.road;

import com.vaadin.flow.component.html.Div;
import java.util.List;
import java.util.Locale;

/**
 * The register's monthly trend as an SVG chart drawn on the server (no chart library in the browser):
 * bars for the entries added (新增) and closed (销号) each month, a line for the entries open at the month's
 * end (月末未销号). Accessible: the SVG is an image ({@code role="img"}) with a title and a description that
 * say what it shows and the latest figures, and every month's figures are in a {@code <title>} (a tooltip,
 * read by screen readers). Colours come from {@code app.css} (classes {@code trend-added}, {@code trend-closed},
 * {@code trend-open}), never from inline styles.
 */
final class TrendChart extends Div {

    static final int WIDTH = 960;
    static final int HEIGHT = 260;
    private static final int LEFT = 44;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;

    TrendChart() {
        addClassName("trend-chart");
        setId("road-register-trend");
    }

    /** Draws the months; an empty list shows the empty text. */
    void show(List<TrendMonth> months) {
        getElement()
                .setProperty(
                        "innerHTML",
                        months.isEmpty()
                                ? "<p class=\"trend-empty\">" + escape(getTranslation("road-register.trend.empty"))
                                        + "</p>"
                                : svg(months));
    }

    private String svg(List<TrendMonth> months) {
        int max = 1;
        for (TrendMonth m : months) {
            max = Math.max(max, Math.max(m.openAtEnd(), Math.max(m.added(), m.closed())));
        }
        int top = niceCeiling(max);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double step = plotW / months.size();
        double bar = Math.max(1, step * 0.35);
        TrendMonth last = months.getLast();

        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend-svg\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"trend-title trend-desc\">");
        s.append("<title id=\"trend-title\">")
                .append(escape(getTranslation("road-register.trend.title")))
                .append("</title>");
        s.append("<desc id=\"trend-desc\">")
                .append(escape(getTranslation(
                        "road-register.trend.desc",
                        months.getFirst().month().toString(),
                        last.month().toString(),
                        last.openAtEnd(),
                        last.added(),
                        last.closed())))
                .append("</desc>");
        // grid lines and y labels
        for (int k = 0; k <= 4; k++) {
            int value = top * k / 4;
            double y = TOP + plotH - plotH * value / top;
            s.append("<line class=\"trend-grid\" x1=\"")
                    .append(LEFT)
                    .append("\" x2=\"")
                    .append(WIDTH - RIGHT)
                    .append("\" y1=\"")
                    .append(fmt(y))
                    .append("\" y2=\"")
                    .append(fmt(y))
                    .append("\"/>");
            s.append("<text class=\"trend-axis\" x=\"")
                    .append(LEFT - 6)
                    .append("\" y=\"")
                    .append(fmt(y + 4))
                    .append("\" text-anchor=\"end\">")
                    .append(value)
                    .append("</text>");
        }
        // bars: added (left), closed (right), each month with its figures as a tooltip
        StringBuilder line = new StringBuilder();
        int labelEvery = Math.max(1, (int) Math.ceil(months.size() / 12.0));
        for (int i = 0; i < months.size(); i++) {
            TrendMonth m = months.get(i);
            double x = LEFT + i * step + step / 2;
            s.append("<g class=\"trend-month\"><title>")
                    .append(escape(getTranslation(
                            "road-register.trend.month", m.month().toString(), m.added(), m.closed(), m.openAtEnd())))
                    .append("</title>");
            s.append(rect("trend-added", x - bar, m.added(), bar, top, plotH));
            s.append(rect("trend-closed", x, m.closed(), bar, top, plotH));
            s.append("</g>");
            double y = TOP + plotH - plotH * m.openAtEnd() / top;
            line.append(i == 0 ? "" : " ").append(fmt(x)).append(',').append(fmt(y));
            int fromLast = months.size() - 1 - i;
            if (fromLast == 0 || i % labelEvery == 0 && fromLast * 5 >= labelEvery * 3) { // no label crowds the last
                s.append("<text class=\"trend-axis\" x=\"")
                        .append(fmt(x))
                        .append("\" y=\"")
                        .append(HEIGHT - BOTTOM + 16)
                        .append("\" text-anchor=\"middle\">")
                        .append(m.month())
                        .append("</text>");
            }
        }
        s.append("<polyline class=\"trend-open\" fill=\"none\" points=\"")
                .append(line)
                .append("\"/>");
        // legend
        double lx = LEFT;
        double ly = HEIGHT - 8;
        String[][] legend = {
            {"trend-open-key", "road-register.trend.open-at-end"},
            {"trend-added", "road-register.trend.added"},
            {"trend-closed", "road-register.trend.closed"}
        };
        for (String[] item : legend) {
            s.append("<rect class=\"")
                    .append(item[0])
                    .append("\" x=\"")
                    .append(fmt(lx))
                    .append("\" y=\"")
                    .append(fmt(ly - 9))
                    .append("\" width=\"12\" height=\"10\"/>");
            String text = escape(getTranslation(item[1]));
            s.append("<text class=\"trend-legend\" x=\"")
                    .append(fmt(lx + 16))
                    .append("\" y=\"")
                    .append(fmt(ly))
                    .append("\">")
                    .append(text)
                    .append("</text>");
            lx += 16 + textWidth(text) + 28;
        }
        return s.append("</svg>").toString();
    }

    private static String rect(String cls, double x, int value, double width, int top, double plotH) {
        double h = plotH * value / top;
        return "<rect class=\"" + cls + "\" x=\"" + fmt(x) + "\" y=\"" + fmt(TOP + plotH - h) + "\" width=\""
                + fmt(width) + "\" height=\"" + fmt(h) + "\"/>";
    }

    /** 1, 2, 5 × 10^n at or above {@code max}, divisible by 4 for the grid where possible. */
    static int niceCeiling(int max) {
        int magnitude = 1;
        while (magnitude * 10 <= max) {
            magnitude *= 10;
        }
        for (int f : new int[] {1, 2, 4, 5, 8, 10}) {
            if (f * magnitude >= max) {
                return Math.max(4, f * magnitude);
            }
        }
        return 10 * magnitude;
    }

    /** About how wide a legend text is at 12 px: CJK characters are square, Latin ones about half as wide. */
    static double textWidth(String text) {
        return text.codePoints().mapToDouble(c -> c >= 0x2E80 ? 12.5 : 6.8).sum();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
