package cn.yiyang.planning.app.audit;

import cn.yiyang.planning.importer.job.Csv;
import cn.yiyang.planning.layers.audit.AuditEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/** The audit entries as CSV (UTF-8 with BOM, cells neutralised by {@link Csv}), newest first, with their hashes. */
final class AuditCsv {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.of("Asia/Shanghai"));

    private AuditCsv() {}

    static void write(List<AuditEntry> entries, OutputStream out) throws IOException {
        Writer w = Csv.open(out);
        Csv.row(w, List.of("id", "at", "user", "address", "action", "layer", "feature", "detail", "prev_hash", "hash"));
        for (AuditEntry e : entries) {
            Csv.row(
                    w,
                    Arrays.asList(
                            Long.toString(e.id()),
                            TIME.format(e.at()),
                            e.user(),
                            e.address(),
                            e.action(),
                            e.layer(),
                            e.feature(),
                            e.detail(),
                            e.prevHash(),
                            e.hash()));
        }
        w.flush();
    }
}
