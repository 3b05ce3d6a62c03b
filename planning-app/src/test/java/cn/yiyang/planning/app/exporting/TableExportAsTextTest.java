package cn.yiyang.planning.app.exporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.testsupport.AsText;
import cn.yiyang.planning.app.testsupport.WorkbookCells;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

/**
 * A layer's CSV and XLSX export when attributes hold markup and text a spreadsheet would run as a formula (issue 17):
 * the literal text is there, a text field's formula-like value neutralised ({@code SpreadsheetText.neutralise}), a negative number
 * kept as it is, and no XLSX cell a formula.
 */
class TableExportAsTextTest {

    static final String HYPERLINK = "=HYPERLINK(\"http://evil.example\",\"点击\")";
    static final String CMD = "+cmd|' /C calc'!A0";

    private final LayerDef roads = LayerCatalogue.standard().get("road");
    private final ExportRequest csv = ExportRequest.of(roads, "csv", null, null, null, null);
    private final ExportRequest xlsx = ExportRequest.of(roads, "xlsx", null, null, null, null);

    private static Feature road() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("code", "@SUM(1+1)*cmd");
        a.put("name", AsText.IMG);
        a.put("maintainer", HYPERLINK);
        a.put("route_code", CMD);
        a.put("segment_seq", -3);
        return Feature.of(a, LayerGeometry.FACTORY.createMultiLineString(new LineString[] {
            LayerGeometry.FACTORY.createLineString(
                    new Coordinate[] {new Coordinate(112.3, 28.5), new Coordinate(112.31, 28.51)})
        }));
    }

    @Test
    void theCsvHoldsTheTextWithFormulasNeutralised() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportWriter w = ExportWriter.open(csv, out, null);
        w.write(road());
        w.finish();
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1])
                .startsWith("'@SUM(1+1)*cmd,")
                .contains(
                        ",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点击\"\")\",",
                        ",<img src=x onerror=alert(1)>,",
                        ",'+cmd|' /C calc'!A0,")
                .contains(",-3,")
                .endsWith(",\"MULTILINESTRING ((112.3 28.5, 112.31 28.51))\"");
    }

    @Test
    void theWorkbookHoldsTheTextWithFormulasNeutralised() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportWriter w = ExportWriter.open(xlsx, out, null);
        w.write(road());
        w.finish();
        WorkbookCells read = WorkbookCells.read(out.toByteArray(), 1);
        assertThat(read.formulas()).isEmpty();
        assertThat(read.texts()).contains("'@SUM(1+1)*cmd", "'" + HYPERLINK, "'" + CMD, AsText.IMG);
        assertThat(read.numbers()).containsExactly(-3.0);
    }
}
