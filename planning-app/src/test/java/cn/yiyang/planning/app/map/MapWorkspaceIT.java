package cn.yiyang.planning.app.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.testsupport.Browser;
import cn.yiyang.planning.app.testsupport.BrowserExtension;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The map workspace in headless Chromium on {@link MapTestData}: switching layers (remembered after a
 * reload), legends, identifying one and several features, searching a village and landing on it,
 * the attribute table (filter, select a row, zoom), measuring a distance, pointer coordinates. Each
 * step keeps a screenshot under {@code target/screenshots/workspace-*.png}, and no step may log a
 * console error.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "planning.demo.enabled=false",
            "planning.db.url=",
            "planning.tianditu.key=",
            "planning.map.version-check=PT1S"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserExtension.class)
class MapWorkspaceIT {

    static final Path RUN_DIR =
            Path.of("target", "it-map-workspace", UUID.randomUUID().toString());

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

    /** One browser for the class (the extension quits it after the last test). */
    private Browser browser;

    @BeforeAll
    void startBrowser(Browser browser) {
        MapTestData.load(repo, catalogue);
        this.browser = browser;
    }

    @BeforeEach
    void forgetChoices() {
        browser.get("/favicon.ico");
        browser.js("localStorage.clear()");
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    }

    private WebElement open() {
        WebElement map = browser.openMap("admin");
        browser.waitFor(
                Duration.ofSeconds(20),
                "the legends",
                () -> !browser.driver()
                        .findElements(By.cssSelector("#legend-road img"))
                        .isEmpty());
        return map;
    }

    private boolean olVisible(WebElement map, String layerId) {
        return (Boolean) browser.js(
                "return arguments[0].olMap.getAllLayers()"
                        + ".find(l => l.get('layerId') === arguments[1]).getVisible()",
                map,
                layerId);
    }

    /** Clicks the map at a longitude/latitude. */
    private void clickAt(WebElement map, double lon, double lat) {
        List<?> px = (List<?>) browser.js("""
                const m = arguments[0].olMap;
                const R = 6378137, x = arguments[1] * Math.PI / 180 * R,
                  y = Math.log(Math.tan(Math.PI / 4 + arguments[2] * Math.PI / 360)) * R;
                return m.getPixelFromCoordinate([x, y]);""", map, lon, lat);
        int w = map.getRect().getWidth();
        int h = map.getRect().getHeight();
        int dx = (int) Math.round(((Number) px.get(0)).doubleValue() - w / 2.0);
        int dy = (int) Math.round(((Number) px.get(1)).doubleValue() - h / 2.0);
        new Actions(browser.driver()).moveToElement(map, dx, dy).click().perform();
    }

    /** Waits until the map has drawn everything it shows now (the tiles of newly shown layers included). */
    private void awaitRender(WebElement map) {
        browser.js(
                "const el = arguments[0]; el.removeAttribute('data-render-done');"
                        + "el.olMap.once('rendercomplete', () => el.setAttribute('data-render-done', 'true')); el.olMap.render();",
                map);
        browser.waitFor(
                Duration.ofSeconds(30),
                "the map to finish drawing",
                () -> "true".equals(map.getDomAttribute("data-render-done")));
    }

    private double[] centre(WebElement map) {
        List<?> c = (List<?>) browser.js("""
                const v = arguments[0].olMap.getView(), c = v.getCenter(), R = 6378137;
                return [c[0] / R * 180 / Math.PI, (2 * Math.atan(Math.exp(c[1] / R)) - Math.PI / 2) * 180 / Math.PI,
                  v.getZoom()];""", map);
        return new double[] {
            ((Number) c.get(0)).doubleValue(), ((Number) c.get(1)).doubleValue(), ((Number) c.get(2)).doubleValue()
        };
    }

    @Test
    void roadsLoadedWhileTheMapIsOpenAreRedrawnWithoutTouchingIt() {
        WebElement map = open();
        browser.js("performance.setResourceTimingBufferSize(100000)"); // the default keeps only 250 requests
        awaitRender(map);
        long before = repo.version(catalogue.get("road"));
        String villageTiles =
                "return performance.getEntriesByType('resource').filter(e => e.name.includes('/tiles/village/')).length";
        long villagesBefore = ((Number) browser.js(villageTiles)).longValue();
        MapTestData.loadRoads(repo, catalogue); // as an import in another process would: nobody tells the app
        long after = repo.version(catalogue.get("road"));
        assertThat(after).isNotEqualTo(before);

        // The periodic check finds the new version, the server pushes it, the page fetches the roads' tiles anew.
        browser.waitFor(Duration.ofSeconds(30), "road tiles of the new version", () -> (Boolean) browser.js(
                "return performance.getEntriesByType('resource').some(e => e.name.includes('/tiles/road/')"
                        + " && e.name.endsWith('v=' + arguments[0]))",
                Long.toString(after)));
        awaitRender(map);
        assertThat(((Number) browser.js(villageTiles)).longValue())
                .as("village tiles, whose layer did not change")
                .isEqualTo(villagesBefore);
        browser.screenshot("workspace-new-version");
    }

    @Test
    void switchingLayersShowsThemWithLegendsAndTheChoiceIsRemembered() {
        WebElement map = open();
        assertThat(browser.driver().findElements(By.cssSelector("#legend-road img")))
                .hasSizeGreaterThanOrEqualTo(5);
        assertThat(browser.driver().findElement(By.id("legend-road")).getText()).contains("国省道（硬化）", "未硬化道路");
        assertThat(olVisible(map, "township_seat")).isFalse();

        browser.driver().findElement(By.id("layer-township_seat")).click();
        browser.waitFor(Duration.ofSeconds(20), "the township seats to show", () -> olVisible(map, "township_seat"));
        browser.driver().findElement(By.id("layer-road")).click();
        browser.waitFor(Duration.ofSeconds(20), "the roads to hide", () -> !olVisible(map, "road"));
        browser.js("const s = document.getElementById('opacity-village'); s.value = '40';"
                + "s.dispatchEvent(new Event('change', {bubbles: true}));");
        browser.waitFor(
                Duration.ofSeconds(20),
                "the village opacity",
                () -> ((Number) browser.js(
                                        "return arguments[0].olMap.getAllLayers().find(l => l.get('layerId') === 'village').getOpacity()",
                                        map))
                                .doubleValue()
                        < 0.5);
        browser.screenshot("workspace-layers");

        // A new visit restores the choices (kept in the browser under the user's name).
        WebElement again = browser.openMap("admin");
        browser.waitFor(
                Duration.ofSeconds(20),
                "the remembered layers",
                () -> olVisible(again, "township_seat") && !olVisible(again, "road"));
        browser.waitFor(
                Duration.ofSeconds(20),
                "the tree to follow",
                () -> browser.driver().findElement(By.id("layer-township_seat")).getDomAttribute("checked") != null);
        assertThat(browser.driver().findElement(By.id("layer-road")).getDomAttribute("checked"))
                .isNull();
    }

    @Test
    void identifyListsEveryFeatureUnderTheClickAndShowsThePickedOne() {
        WebElement map = open();
        browser.driver().findElement(By.id("layer-township_seat")).click();
        browser.waitFor(Duration.ofSeconds(20), "the township seats", () -> olVisible(map, "township_seat"));
        // 南洲镇's seat lies in 东风村, in 南洲镇, in 南县: four features under one click.
        awaitRender(map);
        clickAt(map, 112.12, 28.5);
        browser.waitFor(
                Duration.ofSeconds(30),
                "four features under the click",
                () -> browser.driver()
                                .findElements(By.className("map-identify-entry"))
                                .size()
                        >= 4);
        List<WebElement> entries = browser.driver().findElements(By.className("map-identify-entry"));
        assertThat(entries.getFirst().getText()).contains("乡镇驻地", "南洲镇");
        assertThat(browser.driver()
                        .findElement(By.className("map-identify-list"))
                        .getText())
                .contains("行政村（社区） · 东风村", "乡镇（街道） · 南洲镇", "县级行政区 · 南县");
        entries.stream()
                .filter(e -> e.getText().contains("东风村"))
                .findFirst()
                .orElseThrow()
                .click();

        browser.waitFor(
                Duration.ofSeconds(20),
                "the village's attributes",
                () -> browser.driver()
                        .findElement(By.className("map-identify-attributes"))
                        .getText()
                        .contains("村名称"));
        assertThat((String) browser.js("return arguments[0]._selected && arguments[0]._selected.layer", map))
                .isEqualTo("village");
        browser.screenshot("workspace-identify");
    }

    @Test
    void searchingAVillageLandsOnItAndHighlightsIt() {
        WebElement map = open();
        WebElement input = browser.driver().findElement(By.cssSelector("#place-search input"));
        input.click();
        input.sendKeys("中心村");
        browser.waitFor(
                Duration.ofSeconds(20),
                "the suggestions",
                () -> browser.driver().findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                        .anyMatch(i -> i.getText().contains("中心村 · 茅草街镇 · 南县")));
        browser.driver().findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(i -> i.getText().contains("中心村 · 茅草街镇 · 南县"))
                .findFirst()
                .orElseThrow()
                .click();
        // 中心村 is 112.25-112.35 E, 28.483-28.617 N.
        browser.waitFor(Duration.ofSeconds(20), "the map on 中心村", () -> {
            double[] c = centre(map);
            return c[0] > 112.25 && c[0] < 112.35 && c[1] > 28.483 && c[1] < 28.617 && c[2] > 11;
        });
        browser.waitFor(
                Duration.ofSeconds(20),
                "中心村 highlighted",
                () -> "village"
                        .equals(browser.js("return arguments[0]._selected && arguments[0]._selected.layer", map)));
        assertThat(browser.driver().findElement(By.id("drill-down")).getText()).contains("益阳市", "南县", "茅草街镇", "中心村");
        browser.waitFor(Duration.ofSeconds(20), "a render", () -> (Boolean) browser.js(
                "return arguments[0].olMap.getAllLayers().every(l => !l.getSource() || !l.getSource().loading)", map));
        browser.screenshot("workspace-search");

        // The names the map draws there: the village's own, not its county's (whose label point lies in
        // 中心村 and used to take its place at this zoom).
        @SuppressWarnings("unchecked")
        List<Object> names = (List<Object>) browser.js("""
                const m = arguments[0].olMap, res = m.getView().getResolution();
                const ext = m.getView().calculateExtent(m.getSize()), names = [];
                for (const l of m.getAllLayers()) {
                  if (!l.get('layerId') || !l.getVisible()) continue;
                  for (const f of l.getFeaturesInExtent(ext)) {
                    if (!String(f.get('layer') || '').endsWith('_label')) continue;
                    const s = l.getStyleFunction()(f, res);
                    for (const st of (Array.isArray(s) ? s : s ? [s] : [])) {
                      const t = st.getText && st.getText();
                      if (t && t.getText()) names.push(t.getText());
                    }
                  }
                }
                return names;""", map);
        assertThat(names).as("labels drawn on 中心村").contains("中心村").doesNotContain("南县");
    }

    @Test
    void theAttributeTableFiltersAndARowZoomsToItsFeature() {
        WebElement map = open();
        browser.driver().findElement(By.id("table-toggle")).click();
        browser.waitFor(
                Duration.ofSeconds(20),
                "the village table",
                () -> browser.driver()
                        .findElement(By.id("table-count"))
                        .getText()
                        .contains("共 15 条"));
        WebElement nameFilter = browser.driver().findElement(By.cssSelector("#filter-name input"));
        nameFilter.sendKeys("中心");
        browser.waitFor(
                Duration.ofSeconds(20),
                "the filtered rows",
                () -> browser.driver()
                        .findElement(By.id("table-count"))
                        .getText()
                        .contains("共 3 条"));
        browser.waitFor(
                Duration.ofSeconds(20),
                "the row of 中心村",
                () -> browser.driver().findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                        .anyMatch(c -> c.getText().equals("中心村")));
        browser.driver().findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().equals("中心村"))
                .findFirst()
                .orElseThrow()
                .click();
        browser.waitFor(Duration.ofSeconds(20), "the map on 中心村", () -> {
            double[] c = centre(map);
            return c[0] > 112.25 && c[0] < 112.35 && c[1] > 28.483 && c[1] < 28.617 && c[2] > 11;
        });
        browser.waitFor(
                Duration.ofSeconds(20),
                "中心村 highlighted",
                () -> "village"
                        .equals(browser.js("return arguments[0]._selected && arguments[0]._selected.layer", map)));
        browser.screenshot("workspace-table");
    }

    @Test
    void measuringADistanceShowsALengthAndThePointerShowsCoordinates() {
        WebElement map = open();
        new Actions(browser.driver()).moveToElement(map, 30, 20).perform();
        browser.waitFor(
                Duration.ofSeconds(10),
                "the pointer coordinates",
                () -> browser.driver()
                        .findElement(By.className("planning-map-coords"))
                        .getText()
                        .contains("经纬度"));
        String coords = browser.driver()
                .findElement(By.className("planning-map-coords"))
                .getText();
        assertThat(coords).contains("3度带 37", "EPSG:4546").matches("(?s).*经纬度 112\\.\\d{6}, 28\\.\\d{6}.*");

        browser.driver().findElement(By.id("measure-distance")).click();
        browser.waitFor(
                Duration.ofSeconds(10), "the measure tool", () -> map.getDomAttribute("data-measuring") != null);
        new Actions(browser.driver())
                .moveToElement(map, -200, 0)
                .click()
                .pause(300)
                .moveToElement(map, 0, 0)
                .click()
                .pause(300)
                .moveToElement(map, 200, 0)
                .doubleClick()
                .perform();
        browser.waitFor(
                Duration.ofSeconds(20),
                "a measured length",
                () -> browser.driver()
                        .findElement(By.id("measure-result"))
                        .getText()
                        .matches("长度：[\\d,.]+ (千米|米)"));
        double metres = Double.parseDouble(map.getDomAttribute("data-measure"));
        assertThat(metres).isGreaterThan(1000);
        browser.screenshot("workspace-measure");
        browser.driver().findElement(By.id("measure-stop")).click();
    }
}
