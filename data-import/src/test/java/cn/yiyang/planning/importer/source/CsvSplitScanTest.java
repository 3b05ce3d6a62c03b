package cn.yiyang.planning.importer.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/**
 * The opening pass of a large CSV read in two halves at once ({@link CsvSource#splitPoint}): the description is the
 * one a single pass gives (count, extent, geometry types, fields), and files whose bytes could
 * mislead a split (quotes, a UTF-16 byte-order mark) are read in one pass.
 */
class CsvSplitScanTest {

    private static final int ROWS = 70_000;

    @Test
    void aLargeFileIsScannedInTwoHalvesWithTheDescriptionOfOnePass(@TempDir Path tmp) throws Exception {
        Path file = write(tmp.resolve("大.csv"), StandardCharsets.UTF_8, "", false);
        try (CsvSource source = CsvSource.open(file, "大.csv", SourceOptions.DETECT, null)) {
            assertThat(source.splitPoint()).isBetween(Files.size(file) / 2, Files.size(file) / 2 + 200);
            assertDescribesTheRows(source.describe());
        }
    }

    @Test
    void aGbkFileIsSplitAtALineFeedAndItsTextDecodedInBothHalves(@TempDir Path tmp) throws Exception {
        Path file = write(tmp.resolve("gbk.csv"), Charset.forName("GBK"), "", false);
        try (CsvSource source = CsvSource.open(file, "gbk.csv", SourceOptions.DETECT, null)) {
            assertThat(source.splitPoint()).isPositive();
            assertDescribesTheRows(source.describe());
            assertThat(source.describe().encoding().charset().name()).isEqualTo("GBK");
        }
    }

    @Test
    void aFileWithAQuoteOrAUtf16ByteOrderMarkIsScannedInOnePassWithTheSameDescription(@TempDir Path tmp)
            throws Exception {
        Path quoted = write(tmp.resolve("quoted.csv"), StandardCharsets.UTF_8, "", true);
        try (CsvSource source = CsvSource.open(quoted, "quoted.csv", SourceOptions.DETECT, null)) {
            assertThat(source.splitPoint()).isEqualTo(-1);
            assertDescribesTheRows(source.describe());
        }
        Path utf16 = write(tmp.resolve("utf16.csv"), StandardCharsets.UTF_16LE, "\uFEFF", false);
        try (CsvSource source = CsvSource.open(utf16, "utf16.csv", SourceOptions.DETECT, null)) {
            assertThat(source.splitPoint()).isEqualTo(-1);
            assertDescribesTheRows(source.describe());
        }
    }

    @Test
    void aSmallFileIsScannedInOnePass(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("small.csv");
        Files.writeString(file, "名称\tgeometry\n甲\tPOINT (112 28)\n乙\tPOINT (113 29)\n");
        try (CsvSource source = CsvSource.open(file, "small.csv", SourceOptions.DETECT, null)) {
            assertThat(source.splitPoint()).isEqualTo(-1);
            assertThat(source.describe().featureCount()).isEqualTo(2);
        }
    }

    /**
     * Tab-separated (the WKT's commas need no quotes): a point a row, then lines only in the last rows, one unreadable
     * WKT and an empty one, and blank lines; with {@code quote}, one value in quotes near the start.
     */
    private static Path write(Path file, Charset charset, String bom, boolean quote) throws Exception {
        StringBuilder csv = new StringBuilder(bom).append("名称\tgeometry\t备注\n");
        for (int i = 0; i < ROWS; i++) {
            String note = quote && i == 3 ? "\"引号\"" : "第" + i + "户";
            String wkt = i >= ROWS - 5
                    ? "LINESTRING (111 27, 114.5 30.25)"
                    : i == 100 ? "POINT (oops)" : i == 200 ? "" : "POINT (" + x(i) + " " + y(i) + ")";
            csv.append("户")
                    .append(i)
                    .append('\t')
                    .append(wkt)
                    .append('\t')
                    .append(note)
                    .append('\n');
            if (i % 20_000 == 0) {
                csv.append('\n');
            }
        }
        Files.write(file, csv.toString().getBytes(charset));
        return file;
    }

    private static double x(int i) {
        return 112 + (i % 1000) * 0.001;
    }

    private static double y(int i) {
        return 28 + (i / 1000) * 0.001;
    }

    private static void assertDescribesTheRows(SourceDescription d) {
        assertThat(d.featureCount()).isEqualTo(ROWS);
        assertThat(d.geometryTypes()).containsExactlyInAnyOrder("Point", "LineString");
        assertThat(d.extent()).isEqualTo(new Envelope(111, 114.5, 27, 30.25));
        assertThat(d.fields())
                .containsExactly(
                        new SourceField("名称", "text"),
                        new SourceField("geometry", "text"),
                        new SourceField("备注", "text"));
    }
}
