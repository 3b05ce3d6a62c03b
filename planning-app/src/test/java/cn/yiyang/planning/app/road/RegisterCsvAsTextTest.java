package cn.yiyang.planning.app.road;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.app.testsupport.AsText;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The register's CSV when a road's name, its units, the cause, the note and the closer hold markup and text a
 * spreadsheet would run as a formula (issue 17): each cell holds the literal text, the formula-like ones neutralised
 * with a leading apostrophe ({@code SpreadsheetText.neutralise}).
 */
class RegisterCsvAsTextTest {

    @Test
    void markupStaysLiteralAndFormulasAreNeutralised() throws Exception {
        RegisterEntry e = new RegisterEntry(
                "C0001",
                AsText.IMG,
                "village",
                "430921",
                "=HYPERLINK(\"http://evil.example\",\"南县\")",
                "430921100",
                "@SUM(1+1)*cmd",
                "+cmd|' /C calc'!A0",
                LocalDate.of(2025, 7, 1),
                LocalDate.of(2025, 7, 3),
                "-2+3",
                ClosureSource.APP,
                AsText.SCRIPT,
                null,
                AsText.QUOTES,
                null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RegisterCsv.write(List.of(e), LocalDate.of(2025, 7, 10), new Messages(), Messages.ZH, out);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1])
                .startsWith("C0001,<img src=x onerror=alert(1)>,")
                .contains(",'+cmd|' /C calc'!A0,2025-07-01,")
                .contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"南县\"\")\",'@SUM(1+1)*cmd,")
                .endsWith(",'-2+3,<script>alert('x')</script>,\"\"\"'><svg onload=alert(2)>\",");
    }
}
