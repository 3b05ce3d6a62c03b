package cn.yiyang.planning.importer.job;

import cn.yiyang.planning.importer.format.SpreadsheetText;
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
 * neutralised so a spreadsheet does not run a cell as a formula (numbers keep their minus sign) by
 * {@link SpreadsheetText#neutralise}, the one home of that rule for every CSV and XLSX the app writes.
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
        String v = SpreadsheetText.neutralise(value);
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
