package cn.yiyang.planning.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.place.PlaceService;
import cn.yiyang.planning.app.testsupport.AsText;
import cn.yiyang.planning.app.testsupport.WorkbookCells;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.catalogue.LayerIds;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.store.JdbcFeatureRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * The findings' CSV and XLSX when a finding's attributes and the names of its county and township (from uploaded
 * layers) hold markup and text a spreadsheet would run as a formula (issue 17): the literal text is there, the
 * formula-like cells neutralised ({@code SpreadsheetText.neutralise}) and no XLSX cell a formula. H2GIS holds the units.
 */
class FindingsExportAsTextTest {

    static final String HYPERLINK = "=HYPERLINK(\"http://evil.example\",\"南县\")";
    static final String CMD = "+cmd|' /C calc'!A0";
    static final String SUM = "@SUM(1+1)*cmd";

    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private TestStores.TestStore store;
    private FindingsExport export;
    private Feature gap;

    @BeforeEach
    void setUp() {
        store = TestStores.h2gis();
        JdbcFeatureRepository features = new JdbcFeatureRepository(store.store());
        features.load(
                catalogue.get("county"),
                LoadMode.REPLACE,
                List.of(Feature.of(Map.of("code", "430921", "name", HYPERLINK), box()))
                        .iterator());
        features.load(
                catalogue.get("township"),
                LoadMode.REPLACE,
                List.of(Feature.of(Map.of("code", "430921100", "name", CMD, "county_code", "430921"), box()))
                        .iterator());
        export = new FindingsExport(new PlaceService(features, catalogue, new LayerVersions(features)), new Messages());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("code", SUM);
        a.put("name", AsText.IMG);
        a.put("natural_village_code", AsText.SCRIPT);
        a.put("village_code", AsText.QUOTES);
        a.put("township_code", "430921100");
        a.put("county_code", "430921");
        a.put("households", 12);
        gap = Feature.of(a, LayerGeometry.FACTORY.createPoint(new Coordinate(112.3, 28.5)));
    }

    @AfterEach
    void tearDown() throws Exception {
        store.close();
    }

    private static Polygon box() {
        return LayerGeometry.FACTORY.createPolygon(new Coordinate[] {
            new Coordinate(112.2, 28.4),
            new Coordinate(112.4, 28.4),
            new Coordinate(112.4, 28.6),
            new Coordinate(112.2, 28.6),
            new Coordinate(112.2, 28.4)
        });
    }

    @Test
    void theCsvHoldsTheTextWithFormulasNeutralised() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.csv(catalogue.get(LayerIds.ACCESS_GAP), List.of(gap), Messages.ZH, out);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1])
                .startsWith("'@SUM(1+1)*cmd,")
                .contains(
                        ",<img src=x onerror=alert(1)>,",
                        ",<script>alert('x')</script>,",
                        ",\"\"\"'><svg onload=alert(2)>\",",
                        ",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"南县\"\")\",'+cmd|' /C calc'!A0,112.3,28.5");
    }

    @Test
    void theWorkbookHoldsTheTextWithFormulasNeutralised() throws Exception {
        LayerDef layer = catalogue.get(LayerIds.ACCESS_GAP);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.xlsx(layer, List.of(gap), Messages.ZH, out);
        WorkbookCells read = WorkbookCells.read(out.toByteArray(), 1);
        assertThat(read.formulas()).isEmpty();
        assertThat(read.texts())
                .contains("'" + SUM, "'" + HYPERLINK, "'" + CMD, AsText.IMG, AsText.SCRIPT, AsText.QUOTES)
                .doesNotContain(SUM, HYPERLINK, CMD);
    }
}
