package cn.yiyang.planning.app.dashboard;

import cn.yiyang.planning.app.analysis.AnalysisKind;
import cn.yiyang.planning.app.analysis.AnalysisRunner;
import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.app.indicator.IndicatorLabels;
import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.app.place.PlaceLabels;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.layers.analysis.AnalysisRun;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import org.locationtech.jts.geom.Geometry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The dashboard's PDF report, built on the server with OpenPDF: title, date, data version and run ids, the indicator
 * table with targets and met or not, and for each chosen indicator a bar chart of the units below against the target
 * and a choropleth of them (drawn with {@link PdfDrawing}). A4 portrait or A3 landscape; the Chinese font is embedded
 * (a subset) from a font file of a Debian package ({@code planning.report.font}, never downloaded).
 */
@Component
public class DashboardPdf {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final DashboardService service;
    private final AnalysisRunner runner;
    private final UnitShapes shapes;
    private final Messages messages;
    private final String fontPath;

    DashboardPdf(
            DashboardService service,
            AnalysisRunner runner,
            UnitShapes shapes,
            Messages messages,
            @Value("${planning.report.font:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0}") String fontPath) {
        this.service = service;
        this.runner = runner;
        this.shapes = shapes;
        this.messages = messages;
        this.fontPath = fontPath;
    }

    /**
     * @param unit       the city or a unit
     * @param group      the villages counted
     * @param indicators the indicators with a chart and a map (ids); empty for the table alone
     * @param landscape  A3 landscape rather than A4 portrait
     * @param progress   told 0..1 as the report grows
     * @return the PDF
     */
    public byte[] report(
            Place unit, UnitGroup group, List<String> indicators, boolean landscape, DoubleConsumer progress)
            throws IOException {
        Locale zh = Messages.ZH;
        Function<String, String> t = key -> messages.get(key, zh);
        BaseFont base = BaseFont.createFont(fontPath, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        Font title = new Font(base, 18, Font.BOLD);
        Font text = new Font(base, 9);
        Font head = new Font(base, 9, Font.BOLD);
        Rectangle size = landscape ? PageSize.A3.rotate() : PageSize.A4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(size, 36, 36, 36, 36);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        doc.open();
        Paragraph heading = new Paragraph(messages.get("report.title", zh, PlaceLabels.name(unit, t)), title);
        heading.setAlignment(Element.ALIGN_CENTER);
        doc.add(heading);
        doc.add(new Paragraph(
                messages.get(
                        "report.meta",
                        zh,
                        LocalDate.now(ZONE).toString(),
                        service.planPeriod(),
                        t.apply("analysis.group." + group.id())),
                text));
        for (String line : runLines(zh)) {
            doc.add(new Paragraph(line, text));
        }
        progress.accept(0.1);
        List<DashboardValue> values = service.headline(unit, group);
        doc.add(table(values, head, text, t));
        progress.accept(0.3);
        for (int k = 0; k < indicators.size(); k++) {
            String id = indicators.get(k);
            List<DashboardValue> below = service.below(id, unit, group);
            if (below.isEmpty()) {
                continue;
            }
            doc.newPage();
            String name = below.getFirst().indicator().nameZh();
            doc.add(new Paragraph(name, new Font(base, 13, Font.BOLD)));
            Double target = below.getFirst().target();
            ClassBreaks breaks =
                    ClassBreaks.of(below.stream().map(DashboardValue::value).toList(), target);
            float width = size.getWidth() - 72;
            float top = writer.getVerticalPosition(true) - 10;
            PdfDrawing draw = new PdfDrawing(writer.getDirectContent(), base);
            draw.bars(below, 36, top - 200, width, 190, t);
            Map<String, Geometry> outlines = service.unit(below.getFirst().code())
                    .map(p -> shapes.of(p.level()))
                    .orElse(Map.of());
            draw.choropleth(below, outlines, breaks, 36, 60, width, top - 290, t);
            progress.accept(0.3 + 0.7 * (k + 1) / indicators.size());
        }
        doc.close();
        progress.accept(1);
        return out.toByteArray();
    }

    private PdfPTable table(List<DashboardValue> values, Font head, Font text, Function<String, String> t) {
        PdfPTable table = new PdfPTable(new float[] {5, 1.4f, 2.2f, 2.2f, 1.4f, 2.4f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(8);
        for (String key : List.of(
                "dashboard.indicator",
                "report.binding",
                "dashboard.target",
                "dashboard.value",
                "dashboard.met",
                "dashboard.source")) {
            PdfPCell cell = new PdfPCell(new Phrase(t.apply(key), head));
            cell.setBackgroundColor(new Color(0xE8, 0xEE, 0xF4));
            table.addCell(cell);
        }
        for (DashboardValue v : values) {
            table.addCell(new Phrase(v.indicator().nameZh(), text));
            table.addCell(
                    new Phrase(t.apply(v.indicator().binding() ? "report.binding.yes" : "report.binding.no"), text));
            table.addCell(new Phrase(IndicatorLabels.value(v.indicator(), v.target(), t), text));
            table.addCell(new Phrase(IndicatorLabels.value(v.indicator(), v.value(), t), text));
            table.addCell(new Phrase(
                    v.met() == null ? "—" : t.apply(v.met() ? "dashboard.met.yes" : "dashboard.met.no"), text));
            table.addCell(
                    new Phrase(v.year() != null ? String.valueOf(v.year()) : v.runId() == null ? "" : v.runId(), text));
        }
        return table;
    }

    /** One line per kind with a successful run: its id, when it finished, the data version it read. */
    private List<String> runLines(Locale zh) {
        List<String> lines = new ArrayList<>();
        for (AnalysisKind kind : runner.kinds()) {
            runner.latest(kind.id())
                    .ifPresent(r -> lines.add(messages.get(
                            "report.run",
                            zh,
                            kind.id(),
                            r.id(),
                            finished(r),
                            r.dataVersionJson() == null ? "" : r.dataVersionJson())));
        }
        return lines;
    }

    private static String finished(AnalysisRun r) {
        return r.finishedAt() == null
                ? ""
                : r.finishedAt().atZone(ZONE).toLocalDateTime().toString();
    }
}
