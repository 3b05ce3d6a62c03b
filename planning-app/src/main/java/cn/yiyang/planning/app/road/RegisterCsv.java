package cn.yiyang.planning.app.road;

import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.importer.job.Csv;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The register as CSV, like the import reports: UTF-8 with a byte-order mark (so that Excel opens the
 * Chinese text correctly), a header of column ids, RFC 4180 quoting, labels in the reader's language, and a
 * text cell that a spreadsheet would take for a formula (=, +, -, @) prefixed with an apostrophe.
 */
final class RegisterCsv {

    /** The columns. */
    static final List<String> COLUMNS = List.of(
            "road_code",
            "road_name",
            "admin_class",
            "county",
            "township",
            "cause",
            "blocked_on",
            "days_open",
            "status",
            "closed_on",
            "closed_by",
            "note",
            "route_code",
            "route_inspection");

    private RegisterCsv() {}

    static void write(List<RegisterEntry> entries, LocalDate today, Messages messages, Locale locale, OutputStream out)
            throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write('\uFEFF');
        row(w, COLUMNS);
        for (RegisterEntry e : entries) {
            row(
                    w,
                    List.of(
                            e.roadCode(),
                            nz(e.roadName()),
                            RegisterLabels.adminClass(e.adminClass(), locale),
                            nz(e.countyName()),
                            nz(e.townshipName()),
                            nz(e.cause()),
                            e.blockedOn().toString(),
                            Long.toString(e.daysOpen(today)),
                            RegisterLabels.status(messages, e.status(), locale),
                            e.closedOn() == null ? "" : e.closedOn().toString(),
                            RegisterLabels.closedBy(messages, e, locale),
                            nz(e.note()),
                            nz(e.routeCode()),
                            RegisterLabels.scope(e.scope(), RegisterLabels.words(messages, locale), locale)));
        }
        w.flush();
    }

    private static void row(Writer w, List<String> cells) throws IOException {
        Csv.row(w, cells);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
