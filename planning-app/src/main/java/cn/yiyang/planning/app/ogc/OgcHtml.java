package cn.yiyang.planning.app.ogc;

import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.app.layer.LayerState;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The HTML representation of the OGC API's resources: plain pages with the same content and links as the JSON, for
 * a person in a browser (Chinese titles first). Every value is escaped. Items are written row by row as they are
 * read.
 */
final class OgcHtml {

    private final PrintWriter out;
    private final Messages messages;
    private final Locale locale;
    private final String base;

    OgcHtml(PrintWriter out, Messages messages, Locale locale, String base) {
        this.out = out;
        this.messages = messages;
        this.locale = locale;
        this.base = base;
    }

    void landing() {
        start(text("ogc.html.title"));
        out.print("<p>" + esc(text("ogc.html.description")) + "</p><ul>");
        item(base + "/collections?f=html", text("ogc.html.collections"));
        item(base + "/conformance?f=html", text("ogc.html.conformance"));
        item(base + "/api", text("ogc.html.api"));
        item(base + "?f=json", "JSON");
        out.print("</ul>");
        end();
    }

    void conformance() {
        start(text("ogc.html.conformance"));
        out.print("<ul>");
        OgcDocuments.CONFORMANCE.forEach(c -> out.print("<li>" + esc(c) + "</li>"));
        out.print("</ul>");
        end();
    }

    void collections(List<LayerState> layers) {
        start(text("ogc.html.collections"));
        out.print("<table><tr><th>id</th><th>" + esc(text("ogc.html.layer")) + "</th><th>" + esc(text("ogc.html.count"))
                + "</th><th></th></tr>");
        for (LayerState s : layers) {
            LayerDef d = s.definition();
            String href = base + "/collections/" + d.id();
            out.print("<tr><td><a href=\"" + esc(href + "?f=html") + "\">" + esc(d.id()) + "</a></td><td>"
                    + esc(d.titleZh()) + " · " + esc(d.titleEn()) + "</td><td>" + s.featureCount()
                    + "</td><td><a href=\""
                    + esc(href + "/items?f=html") + "\">" + esc(text("ogc.html.items")) + "</a></td></tr>");
        }
        out.print("</table>");
        end();
    }

    void collection(LayerState s) {
        LayerDef d = s.definition();
        String href = base + "/collections/" + d.id();
        start(d.titleZh() + " · " + d.titleEn());
        out.print("<p>" + esc(text("ogc.html.count")) + ": " + s.featureCount() + "</p><ul>");
        item(href + "/items?f=html", text("ogc.html.items"));
        item(href + "?f=json", "JSON");
        out.print("</ul><table><tr><th>" + esc(text("ogc.html.field")) + "</th><th></th><th></th></tr>");
        for (FieldDef f : d.fields()) {
            out.print("<tr><td>" + esc(f.name()) + "</td><td>" + esc(f.titleZh()) + "</td><td>" + esc(f.titleEn())
                    + "</td></tr>");
        }
        out.print("</table>");
        end();
    }

    /** The start of an items page: title, counts and the table's head. */
    void itemsStart(LayerDef d, long matched, long offset, String json) {
        start(d.titleZh() + " · " + d.titleEn());
        out.print("<p>" + esc(text("ogc.html.matched", matched, offset + 1)) + " <a href=\"" + esc(json)
                + "\">JSON</a></p><table><tr><th>id</th>");
        d.fields().forEach(f -> out.print("<th>" + esc(f.titleZh()) + "</th>"));
        out.print("<th>" + esc(text("ogc.html.geometry")) + "</th></tr>");
    }

    void itemRow(LayerDef d, Feature f) {
        out.print("<tr><td><a href=\"" + esc(base + "/collections/" + d.id() + "/items/" + f.id() + "?f=html") + "\">"
                + f.id() + "</a></td>");
        d.fields().forEach(field -> out.print("<td>" + esc(value(f.get(field.name()))) + "</td>"));
        out.print("<td>" + esc(f.geometry() == null ? "" : f.geometry().getGeometryType()) + "</td></tr>");
    }

    /** The end of an items page: the paging links (the next page starts after the last row's id). */
    void itemsEnd(String prev, String next) {
        out.print("</table><p>");
        if (prev != null) {
            out.print("<a rel=\"prev\" href=\"" + esc(prev) + "\">" + esc(text("ogc.html.prev")) + "</a> ");
        }
        if (next != null) {
            out.print("<a rel=\"next\" href=\"" + esc(next) + "\">" + esc(text("ogc.html.next")) + "</a>");
        }
        out.print("</p>");
        end();
    }

    void feature(LayerDef d, Feature f) {
        start(d.titleZh() + " · " + f.id());
        out.print("<p><a href=\"" + esc(base + "/collections/" + d.id() + "/items/" + f.id() + "?f=json")
                + "\">JSON</a></p><table>");
        for (FieldDef field : d.fields()) {
            out.print("<tr><th>" + esc(field.titleZh()) + "</th><td>" + esc(value(f.get(field.name()))) + "</td></tr>");
        }
        out.print("<tr><th>" + esc(text("ogc.html.geometry")) + "</th><td>"
                + esc(f.geometry() == null ? "" : f.geometry().getGeometryType()) + "</td></tr></table>");
        end();
    }

    private void start(String title) {
        out.print("<!DOCTYPE html><html lang=\"" + (locale.getLanguage().equals("en") ? "en" : "zh-CN")
                + "\"><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title>"
                + "<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}</style></head><body>"
                + "<nav><a href=\"" + esc(base + "?f=html") + "\">" + esc(text("ogc.html.home")) + "</a> · <a href=\""
                + esc(base + "/collections?f=html") + "\">" + esc(text("ogc.html.collections")) + "</a></nav><h1>"
                + esc(title) + "</h1>");
    }

    private void end() {
        out.print("</body></html>");
        out.flush();
    }

    private void item(String href, String label) {
        out.print("<li><a href=\"" + esc(href) + "\">" + esc(label) + "</a></li>");
    }

    private String text(String key, Object... args) {
        return messages.get(key, locale, args);
    }

    private static String value(Object v) {
        return v == null ? "" : v.toString();
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
