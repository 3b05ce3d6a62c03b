package cn.yiyang.planning.importer.job;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV as the downloads write it: UTF-8 with a byte-order mark (so Excel reads Chinese right), CRLF line ends,
 * cells quoted when they hold a comma, quote or line break, and a leading formula character ({@code = + - @})
 * neutralised so a spreadsheet does not run a cell as a formula (numbers keep their minus sign). {@link #neutralise}
 * is the one home of that rule for every file the app writes for spreadsheets: CSV here, and each text cell of the
 * XLSX downloads (findings, the land-use balance), since department names and attributes come from uploaded files.
 */
public final class Csv {

    private Csv() {}

    /**
     * @param out the stream; not closed
     * @return a writer on it that has written the byte-order mark
     */
    public static Writer open(OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write('\uFEFF');
        return w;
    }

    /** Writes one row; a null cell is empty. */
    public static void row(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(cell(cells.get(i) == null ? "" : cells.get(i)));
        }
        w.write("\r\n");
    }

    /** One cell: quoted when needed; a leading formula character neutralised. */
    public static String cell(String value) {
        String v = neutralise(value);
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /**
     * A text as a spreadsheet cell may hold it: one that starts with {@code = + - @}, a tab or a carriage return
     * (which Excel, LibreOffice and WPS would run as a formula) gets a leading apostrophe; numbers keep their minus
     * sign; null stays null.
     */
    public static String neutralise(String value) {
        if (value == null
                || value.isEmpty()
                || "=+-@\t\r".indexOf(value.charAt(0)) < 0
                || value.matches("-?\\d+(\\.\\d+)?")) {
            return value;
        }
        return "'" + value;
    }
}
