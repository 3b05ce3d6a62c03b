package cn.yiyang.planning.app.exporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.testsupport.Browser;
import cn.yiyang.planning.app.testsupport.BrowserExtension;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Exports in headless Chromium (embedded store): a viewer exports the households from the layer tree and the villages
 * from the attribute table as GeoPackages; the dialog shows the export's end and offers the file, which is fetched
 * through the page's session and opened with GDAL's {@code ogrinfo}: its feature count is the layer's.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"planning.demo.enabled=false", "planning.db.url=", "planning.tianditu.key="})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserExtension.class)
class ExportJourneyIT {

    static final Path RUN_DIR = Path.of("target", "it-export", UUID.randomUUID().toString());
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int HOUSEHOLDS = 2_500;
    private static final int VILLAGES = 4;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add(
                "planning.data-dir",
                () -> RUN_DIR.resolve("data").toAbsolutePath().toString());
    }

    @Autowired
    FeatureRepository repo;

    @Autowired
    LayerCatalogue catalogue;

    @Autowired
    LayerVersions versions;

    @TempDir
    Path tmp;

    private Browser browser;

    @BeforeAll
    void start(Browser browser) {
        this.browser = browser;
        List<Feature> villages = new ArrayList<>();
        for (int v = 0; v < VILLAGES; v++) {
            double x = 112.30 + v * 0.01;
            villages.add(Feature.of(
                    Map.of("code", "43092110120" + v, "name", "新村" + v, "township_code", "430921101"),
                    LayerGeometry.FACTORY.createPolygon(new Coordinate[] {
                        new Coordinate(x, 28.50),
                        new Coordinate(x + 0.01, 28.50),
                        new Coordinate(x + 0.01, 28.51),
                        new Coordinate(x, 28.51),
                        new Coordinate(x, 28.50)
                    })));
        }
        repo.load(catalogue.get("village"), LoadMode.REPLACE, villages.iterator());
        List<Feature> houses = new ArrayList<>();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            houses.add(Feature.of(
                    Map.of("code", "H" + i, "village_code", "43092110120" + (i % VILLAGES)),
                    LayerGeometry.FACTORY.createPoint(
                            new Coordinate(112.30 + (i % 100) * 0.0004, 28.50 + (i / 100) * 0.0004))));
        }
        repo.load(catalogue.get("household"), LoadMode.REPLACE, houses.iterator());
        versions.changed();
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    }

    @Test
    void aViewerExportsTheHouseholdsFromTheLayerTreeAndTheVillagesFromTheAttributeTable() throws Exception {
        browser.openMap("viewer");

        // the households' theme is closed while none of its layers is shown
        WebElement settlement = browser.driver().findElement(By.cssSelector("vaadin-details.map-theme-settlement"));
        browser.js("arguments[0].opened = true", settlement);
        click("export-household");
        waitForText("export-count", "将导出 2,500 个要素");
        click("export-start");
        waitForText("export-status", "导出完成：2,500 个要素");
        browser.screenshot("export-layer-tree");
        Path households = download("households.gpkg");
        assertThat(featureCount(households)).isEqualTo(HOUSEHOLDS);
        click("export-cancel"); // now "关闭"
        browser.waitFor(
                WAIT,
                "the dialog to close",
                () -> browser.driver().findElements(By.id("export-dialog")).isEmpty());

        click("table-toggle");
        browser.waitFor(
                WAIT, "the table's export", () -> !browser.text("table-export").isEmpty());
        click("table-export");
        waitForText("export-count", "将导出 4 个要素");
        click("export-start");
        waitForText("export-status", "导出完成：4 个要素");
        Path villages = download("villages.gpkg");
        assertThat(featureCount(villages)).isEqualTo(VILLAGES);
        assertThat(ogrinfo(villages)).contains("name (String) = 新村3");
    }

    private void click(String id) {
        browser.waitFor(
                WAIT, id, () -> !browser.driver().findElements(By.id(id)).isEmpty());
        WebElement e = browser.driver().findElement(By.id(id));
        browser.js("arguments[0].scrollIntoView({block: 'center'})", e);
        e.click();
    }

    private void waitForText(String id, String text) {
        browser.waitFor(WAIT, id + " to say " + text, () -> browser.text(id).equals(text));
    }

    /** Fetches the offered file through the page (its session and cookies) into {@code name}. */
    private Path download(String name) throws Exception {
        WebElement link = browser.driver().findElement(By.id("export-download"));
        Object b64 = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0].href).then(r => r.arrayBuffer()).then(buf => {
                  let s = '';
                  const bytes = new Uint8Array(buf);
                  for (let i = 0; i < bytes.length; i += 8192) {
                    s += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
                  }
                  done(btoa(s));
                }).catch(e => done('failed: ' + e));""", link);
        assertThat(b64).isInstanceOf(String.class);
        assertThat((String) b64).doesNotStartWith("failed");
        Path file = tmp.resolve(name);
        Files.write(file, Base64.getDecoder().decode((String) b64));
        return file;
    }

    private long featureCount(Path gpkg) throws Exception {
        Matcher m = Pattern.compile("Feature Count: (\\d+)").matcher(ogrinfo(gpkg));
        assertThat(m.find()).as("ogrinfo names a feature count").isTrue();
        return Long.parseLong(m.group(1));
    }

    private String ogrinfo(Path gpkg) throws Exception {
        Path log = Files.createTempFile(tmp, "ogrinfo", ".txt");
        Process p = new ProcessBuilder("ogrinfo", "-ro", "-al", gpkg.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("ogrinfo finished").isTrue();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
