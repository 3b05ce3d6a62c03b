package cn.yiyang.planning.importer.job;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.IssueCode;
import cn.yiyang.planning.layers.load.ImportRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ImportReportTest {

    private final List<ImportIssue> issues = List.of(
            ImportIssue.ofFile("道路.shp", IssueCode.ENCODING_DETECTED, "GBK", "DBF"),
            ImportIssue.ofRow("道路.shp", 12, "路段编码", IssueCode.DUPLICATE_KEY, "C001", 3),
            ImportIssue.ofRow("道路.shp", 13, "=cmd", IssueCode.WRONG_TYPE, "4,5", "12.5"));

    private static byte[] csv(List<ImportIssue> issues, Locale locale) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImportReport.issues(issues, locale, out);
        return out.toByteArray();
    }

    @Test
    void issuesAreUtf8WithABomOneLinePerProblemInTheRequestedLanguage() throws Exception {
        byte[] bytes = csv(issues, Locale.SIMPLIFIED_CHINESE);
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<String> lines =
                new String(bytes, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines)
                .containsExactly(
                        "file,row,field,code,severity,message",
                        "道路.shp,0,,ENCODING_DETECTED,WARNING,文件未声明文字编码，已选择 GBK（DBF）。如名称显示乱码，请另选编码。",
                        "道路.shp,12,路段编码,DUPLICATE_KEY,ERROR,编码“C001”重复（首次出现在第 3 行）。",
                        "道路.shp,13,'=cmd,WRONG_TYPE,ERROR,\"值“4,5”格式不正确，应为类似 12.5 的值。\"");
        String english = new String(csv(issues, Locale.ENGLISH), StandardCharsets.UTF_8);
        assertThat(english)
                .contains(
                        "道路.shp,12,路段编码,DUPLICATE_KEY,ERROR,\"The key \"\"C001\"\" appears again (first in row 3).\"");
    }

    @Test
    void cellsAreQuotedAndFormulasNeutralised() {
        assertThat(Csv.cell("plain")).isEqualTo("plain");
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("-12.5")).isEqualTo("-12.5");
        assertThat(Csv.cell("")).isEmpty();
        assertThat(Csv.cell("+86 737 1234")).isEqualTo("'+86 737 1234");
        assertThat(Csv.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(Csv.cell("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(Csv.cell("-cmd|' /C calc'!A0")).isEqualTo("'-cmd|' /C calc'!A0");
    }

    @Test
    void theRecordIsAHeaderAndOneRow() throws Exception {
        OffsetDateTime t = OffsetDateTime.parse("2025-03-01T08:00:00Z");
        ImportRecord r = new ImportRecord(
                "id-1",
                "road",
                "SUCCEEDED",
                "REPLACE",
                "道路, 新.zip",
                "ab12",
                2048,
                "GBK",
                "EPSG:4546",
                10,
                9,
                1,
                1,
                false,
                "张三",
                t,
                t.plusMinutes(1),
                null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImportReport.record(r, Locale.ENGLISH, out);
        List<String> lines =
                out.toString(StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines)
                .containsExactly(
                        String.join(",", ImportReport.RECORD_COLUMNS),
                        "id-1,road,SUCCEEDED,REPLACE,\"道路, 新.zip\",ab12,2048,GBK,EPSG:4546,10,9,1,1,false,张三,"
                                + "2025-03-01T08:00Z,2025-03-01T08:01Z,");
    }
}
