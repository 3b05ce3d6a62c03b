package cn.yiyang.planning.app.access;

import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.app.layer.AttributeFormat;
import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.app.place.PlaceService;
import cn.yiyang.planning.importer.job.Csv;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.FieldType;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerIds;
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
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The gap list as CSV (UTF-8 with BOM, so Excel reads the Chinese) and XLSX: every field of the {@code access_gap}
 * layer with its label in the reader's language and code values decoded, plus the county and township names and the
 * gap's longitude and latitude (CGCS2000).
 */
@Component
public class GapExport {

    private final LayerDef layer;
    private final PlaceService places;
    private final Messages messages;

    GapExport(LayerCatalogue catalogue, PlaceService places, Messages messages) {
        this.layer = catalogue.get(LayerIds.ACCESS_GAP);
        this.places = places;
        this.messages = messages;
    }

    /** @return the header row in the locale's language */
    List<String> header(Locale locale) {
        List<String> h = new ArrayList<>();
        layer.fields().forEach(f -> h.add(AttributeFormat.label(f, locale)));
        h.add(messages.get("access.gaps.county-name", locale));
        h.add(messages.get("access.gaps.township-name", locale));
        h.add(messages.get("access.gaps.lon", locale));
        h.add(messages.get("access.gaps.lat", locale));
        return h;
    }

    /** @return one row of cells: strings, or numbers for numeric fields */
    List<Object> row(Feature gap, Locale locale) {
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

    void csv(List<Feature> gaps, Locale locale, OutputStream out) throws IOException {
        Writer w = Csv.open(out);
        Csv.row(w, header(locale));
        for (Feature g : gaps) {
            Csv.row(w, row(g, locale).stream().map(GapExport::text).toList());
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

    void xlsx(List<Feature> gaps, Locale locale, OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            Sheet sheet = book.createSheet(messages.get("access.gaps.sheet", locale));
            write(sheet.createRow(0), header(locale));
            int r = 1;
            for (Feature g : gaps) {
                write(sheet.createRow(r++), row(g, locale));
            }
            book.write(out);
            book.dispose();
        }
    }

    private static void write(Row row, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = row.createCell(i);
            Object v = cells.get(i);
            if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (v != null) {
                cell.setCellValue(String.valueOf(v));
            }
        }
    }
}
