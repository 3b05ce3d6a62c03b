package cn.yiyang.planning.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.testsupport.AsText;
import cn.yiyang.planning.layers.audit.AuditEntry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The audit CSV when what was recorded holds markup and text a spreadsheet would run as a formula (a user name from
 * a failed sign-in, a feature key and a detail from an uploaded file; issue 17): each cell holds the literal text,
 * the formula-like ones neutralised with a leading apostrophe ({@code SpreadsheetText.neutralise}).
 */
class AuditCsvAsTextTest {

    @Test
    void markupStaysLiteralAndFormulasAreNeutralised() throws Exception {
        AuditEntry e = new AuditEntry(
                7L,
                Instant.parse("2025-07-01T02:03:04.005Z"),
                "=HYPERLINK(\"http://evil.example\",\"x\")",
                "+cmd|' /C calc'!A0",
                "sign-in-failed",
                AsText.IMG,
                "@SUM(1+1)*cmd",
                AsText.SCRIPT + AsText.QUOTES,
                "ab",
                "cd");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditCsv.write(List.of(e), out);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1])
                .isEqualTo("7,2025-07-01 10:03:04.005,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\","
                        + "'+cmd|' /C calc'!A0,sign-in-failed,<img src=x onerror=alert(1)>,'@SUM(1+1)*cmd,"
                        + "\"<script>alert('x')</script>\"\"'><svg onload=alert(2)>\",ab,cd");
    }
}
