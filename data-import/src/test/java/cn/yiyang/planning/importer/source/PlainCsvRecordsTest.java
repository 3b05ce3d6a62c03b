package cn.yiyang.planning.importer.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV without quotes is read on its bytes ({@link PlainCsvRecords}): its description and every record (row number,
 * values, geometry, problem) are what Commons CSV gives for the same file, whatever its line ends, blank lines,
 * encoding, delimiter, missing or extra values, and however large its lines.
 */
class PlainCsvRecordsTest {

    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void lineFeedsBlankLinesAndALastLineWithoutEnd(@TempDir Path tmp) throws Exception {
        assertReadAsCommonsCsvReadsIt(
                tmp,
                "lf.csv",
                bytes(
                        StandardCharsets.UTF_8,
                        "lon,lat,户编号,村代码,备注\n112.1,28.1,H1,430921,资阳区\n\n\n112.2,28.2,H2,430921,\n"
                                + "   ,28.3,H3,,空经度\n112.4,28.4\n112.5,28.5,H5,430922,多,出,来\n"
                                + "112°21′36″,北纬28°30',H6,430923,度分秒\n一百一十二,28.7,H7,430923,不是数\n"
                                + "112.8,28.8,'=1+2,430923,公式\n112.9,28.9,H9,430923,最后一行"));
    }

    @Test
    void carriageReturnsWithAndWithoutLineFeeds(@TempDir Path tmp) throws Exception {
        assertReadAsCommonsCsvReadsIt(
                tmp,
                "crlf.csv",
                bytes(
                        StandardCharsets.UTF_8,
                        "lon,lat,name\r\n112.1,28.1,甲\r\n\r\n112.2,28.2,乙\r112.3,28.3,丙\n\r\n112.4,28.4,丁\r\n"));
    }

    @Test
    void gbkTextWhoseSecondBytesLookLikeAscii(@TempDir Path tmp) throws Exception {
        // 乡 (D1 E7), 村 (B4 E5), 组 (D7 E9), 镇 (D5 F2): and 丨 (D8 AD), 乂 (D8 BD), 亍 (D8 A1), whose second bytes
        // are outside ASCII too; ｀ (A3 E0)…; 丂 (81 40) and 丄 (81 41) have a second byte of '@' and 'A'
        assertReadAsCommonsCsvReadsIt(
                tmp,
                "gbk.csv",
                bytes(GBK, "经度\t纬度\t名称\n112.1\t28.1\t乡村组镇\n112.2\t28.2\t丂丄丨乂亍\n\n112.3\t28.3\t资阳区；赫山区\n"));
    }

    @Test
    void semicolonsAndAByteOrderMark(@TempDir Path tmp) throws Exception {
        assertReadAsCommonsCsvReadsIt(
                tmp, "bom.csv", bytes(StandardCharsets.UTF_8, "\uFEFFx;y;名称\n112.1;28.1;甲\n112.2;28.2;乙\n"));
    }

    @Test
    void wktAndUndecodableBytes(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(StandardCharsets.UTF_8, "名称\tgeometry\n甲\tPOINT (112 28)\n乙"));
        out.write(0xE4); // a character cut short
        out.writeBytes(bytes(StandardCharsets.UTF_8, "\tLINESTRING (112 28, 113 29)\n丙\tPOINT (bad)\n丁\t\n"));
        assertReadAsCommonsCsvReadsIt(tmp, "wkt.csv", out.toByteArray());
    }

    @Test
    void linesLongerThanTheBufferAndALargeFileReadInTwoHalves(@TempDir Path tmp) throws Exception {
        StringBuilder text = new StringBuilder("lon,lat,note\n");
        text.append("112.0,28.0,").append("长".repeat(300_000)).append('\n');
        for (int i = 0; i < 60_000; i++) {
            text.append(112 + i * 1e-5)
                    .append(',')
                    .append(28 + i * 1e-5)
                    .append(",户")
                    .append(i);
            text.append(i % 7 == 0 ? "\r\n" : "\n");
            if (i % 1000 == 0) {
                text.append('\n');
            }
        }
        Path file = assertReadAsCommonsCsvReadsIt(tmp, "large.csv", bytes(StandardCharsets.UTF_8, text.toString()));
        try (CsvSource source = CsvSource.open(file, "large.csv", SourceOptions.DETECT, null)) {
            assertThat(source.splitPoint()).as("read in two halves at opening").isPositive();
            assertThat(source.describe().featureCount()).isEqualTo(60_001);
        }
    }

    @Test
    void aFileWithAQuoteIsReadByCommonsCsv(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("quoted.csv");
        Files.write(file, bytes(StandardCharsets.UTF_8, "lon,lat,name\n112.1,28.1,\"甲,乙\"\n"));
        try (CsvSource source = CsvSource.open(file, "quoted.csv", SourceOptions.DETECT, null)) {
            assertThat(source.readOnBytes()).isFalse();
            assertThat(source.records().next().values()).containsEntry("name", "甲,乙");
        }
    }

    private static byte[] bytes(Charset charset, String text) {
        return text.getBytes(charset);
    }

    private static Path assertReadAsCommonsCsvReadsIt(Path tmp, String name, byte[] content) throws Exception {
        Path file = tmp.resolve(name);
        Files.write(file, content);
        try (CsvSource onBytes = CsvSource.open(file, name, SourceOptions.DETECT, null);
                CsvSource parsed = CsvSource.openParsed(file, name, SourceOptions.DETECT, null)) {
            assertThat(onBytes.readOnBytes()).isTrue();
            assertThat(parsed.readOnBytes()).isFalse();
            assertThat(onBytes.describe()).isEqualTo(parsed.describe());
            List<String> expected = records(parsed);
            assertThat(expected).isNotEmpty();
            assertThat(records(onBytes)).containsExactlyElementsOf(expected);
        }
        return file;
    }

    private static List<String> records(CsvSource source) {
        List<String> out = new ArrayList<>();
        for (Iterator<SourceRecord> it = source.records(); it.hasNext(); ) {
            SourceRecord r = it.next();
            out.add(r.row() + " " + r.values() + " " + r.geometry() + " " + r.problem());
        }
        return out;
    }
}
