package cn.yiyang.planning.app.exporting;

import cn.yiyang.planning.importer.format.SpreadsheetText;
import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;

/**
 * The table formats: one row per feature, the layer's field names as the header and the geometry as WKT in the
 * last column {@code wkt} (x first), so that the import reads a file back with no mapping. A text value that starts
 * like a formula is written neutralised, as in every spreadsheet file the app writes.
 */
final class TableExport {

    private TableExport() {}

    static List<String> header(LayerDef layer) {
        List<String> h = new ArrayList<>();
        layer.fields().forEach(f -> h.add(f.name()));
        if (layer.geometry().hasGeometry()) {
            h.add("wkt");
        }
        return h;
    }

    /**
     * One feature's cells: a text field's value that a spreadsheet would run as a formula is neutralised
     * ({@link SpreadsheetText#neutralise}, the one rule: attributes come from uploaded files); numbers are left as they are.
     */
    static List<String> row(ExportRequest request, Feature f) {
        List<String> r = new ArrayList<>();
        for (FieldDef field : request.layer().fields()) {
            String v = ExportWriter.text(f.get(field.name()));
            r.add(numeric(field) ? v : SpreadsheetText.neutralise(v));
        }
        if (request.layer().geometry().hasGeometry()) {
            Geometry g = ExportWriter.geometry(request, f);
            r.add(g == null ? null : new WKTWriter().write(g));
        }
        return r;
    }

    private static boolean numeric(FieldDef field) {
        return switch (field.type()) {
            case INTEGER, DECIMAL -> true;
            default -> false;
        };
    }

    /** CSV in UTF-8 with a byte-order mark (so that Excel reads the Chinese), RFC 4180 quoting. */
    static final class CsvFile implements ExportWriter {
        private final ExportRequest request;
        private final Writer out;

        CsvFile(ExportRequest request, OutputStream out) throws IOException {
            this.request = request;
            this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            this.out.write('\uFEFF');
            line(header(request.layer()));
        }

        @Override
        public void write(Feature feature) throws IOException {
            line(row(request, feature));
        }

        @Override
        public void finish() throws IOException {
            out.flush();
        }

        private void line(List<String> values) throws IOException {
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                String v = values.get(i);
                if (v != null) {
                    out.write(v.matches("[^\",\\r\\n]*") ? v : "\"" + v.replace("\"", "\"\"") + "\"");
                }
            }
            out.write("\r\n");
        }
    }

    /** XLSX written with POI's streaming workbook: a window of rows in memory, the rest on disk. */
    static final class Xlsx implements ExportWriter {
        private final ExportRequest request;
        private final OutputStream out;
        private final SXSSFWorkbook book = new SXSSFWorkbook(200);
        private final Sheet sheet;
        private int next;

        Xlsx(ExportRequest request, OutputStream out) {
            this.request = request;
            this.out = out;
            this.sheet = book.createSheet(request.layer().id());
            cells(header(request.layer()), null);
        }

        @Override
        public void write(Feature feature) {
            cells(row(request, feature), request.layer().fields());
        }

        @Override
        public void finish() throws IOException {
            try {
                book.write(out);
            } finally {
                book.close();
            }
        }

        private void cells(List<String> values, List<FieldDef> fields) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.size(); i++) {
                String v = values.get(i);
                if (v == null) {
                    continue;
                }
                boolean number = fields != null && i < fields.size() && numeric(fields.get(i));
                if (number) {
                    row.createCell(i).setCellValue(Double.parseDouble(v));
                } else {
                    row.createCell(i).setCellValue(v);
                }
            }
        }
    }
}
