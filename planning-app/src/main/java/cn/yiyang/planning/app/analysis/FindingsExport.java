package cn.yiyang.planning.app.analysis;

import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.app.layer.AttributeFormat;
import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.app.place.PlaceService;
import cn.yiyang.planning.importer.format.SpreadsheetText;
import cn.yiyang.planning.importer.job.Csv;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.FieldType;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * A list of an analysis's findings (a derived layer's rows: gaps, duties, suggested sites) as CSV (UTF-8 with BOM, so
 * Excel reads the Chinese) and XLSX: every field of the layer with its label in the reader's language and code values
 * decoded, plus the county and township names and the row's longitude and latitude (CGCS2000).
 */
@Component
public class FindingsExport {

    private final PlaceService places;
    private final Messages messages;

    /** @param places unit names
     * @param messages the column titles */
    public FindingsExport(PlaceService places, Messages messages) {
        this.places = places;
        this.messages = messages;
    }

    /** @return the header row in the locale's language */
    List<String> header(LayerDef layer, Locale locale) {
        List<String> h = new ArrayList<>();
        layer.fields().forEach(f -> h.add(AttributeFormat.label(f, locale)));
        h.add(messages.get("findings.county-name", locale));
        h.add(messages.get("findings.township-name", locale));
        h.add(messages.get("findings.lon", locale));
        h.add(messages.get("findings.lat", locale));
        return h;
    }

    /** @return one row of cells: strings, or numbers for numeric fields */
    List<Object> row(LayerDef layer, Feature gap, Locale locale) {
        List<Object> r = new ArrayList<>();
        for (FieldDef f : layer.fields()) {
            Object v = gap.get(f.name());
            boolean numeric = f.type() == FieldType.INTEGER || f.type() == FieldType.DECIMAL;
            r.add(numeric && v instanceof Number ? v : AttributeFormat.display(f, v, locale, "", ""));
        }
        r.add(name(gap.getString("county_code")));
        r.add(name(gap.getString("township_code")));
        r.add(gap.geometry() == null ? null : gap.geometry().getCoordinate().x);
        r.add(gap.geometry() == null ? null : gap.geometry().getCoordinate().y);
        return r;
    }

    private String name(String code) {
        return code == null ? "" : places.find(code).map(Place::name).orElse("");
    }

    /**
     * @param layer the derived layer the rows are of
     * @param rows its rows, in the order to write
     * @param locale the reader's language
     * @param out where to write
     */
    public void csv(LayerDef layer, List<Feature> rows, Locale locale, OutputStream out) throws IOException {
        Writer w = Csv.open(out);
        Csv.row(w, header(layer, locale));
        for (Feature g : rows) {
            Csv.row(w, row(layer, g, locale).stream().map(FindingsExport::text).toList());
        }
        w.flush();
    }

    private static String text(Object c) {
        return c == null
                ? ""
                : c instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15
                        ? String.valueOf(d.longValue())
                        : String.valueOf(c);
    }

    /** The same as {@link #csv}, as an Excel workbook whose one sheet is named after the layer. */
    public void xlsx(LayerDef layer, List<Feature> rows, Locale locale, OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(AttributeFormat.title(layer, locale)));
            write(sheet.createRow(0), header(layer, locale));
            int r = 1;
            for (Feature g : rows) {
                write(sheet.createRow(r++), row(layer, g, locale));
            }
            book.write(out);
            book.dispose();
        }
    }

    /** Writes one row: numbers as numbers, everything else as text neutralised for spreadsheets ({@link SpreadsheetText#neutralise}). */
    static void write(Row row, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = row.createCell(i);
            Object v = cells.get(i);
            if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (v != null) {
                cell.setCellValue(SpreadsheetText.neutralise(String.valueOf(v)));
            }
        }
    }
}
