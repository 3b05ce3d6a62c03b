package cn.yiyang.planning.app.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.testsupport.Browser;
import cn.yiyang.planning.app.testsupport.BrowserExtension;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.load.LayerLoad;
import cn.yiyang.planning.layers.load.LayerLoadRepository;
import cn.yiyang.planning.layers.tiles.WebMercator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The map page in a real browser (headless Chromium) against the app on an embedded H2GIS store
 * holding {@link MapTestData}: the page renders vector tiles, the canvas holds drawn pixels, the
 * browser logs no errors, a click on the county's centre shows 中心村's attributes, ticking a layer
 * shows it. Signs in as the demo user first. Saves {@code target/screenshots/map.png}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"planning.demo.enabled=false", "planning.db.url=", "planning.tianditu.key="})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserExtension.class)
class MapPageIT {

    /** Under target/, created before the Spring context (which a per-class test instance loads early). */
    static final Path RUN_DIR =
            Path.of("target", "it-map-page", UUID.randomUUID().toString());

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
    LayerLoadRepository loads;

    /** One browser for the class (the extension quits it after the last test). */
    private Browser browser;

    @BeforeAll
    void startBrowser(Browser browser) {
        this.browser = browser;
    }

    @BeforeEach
    void load() {
        MapTestData.load(repo, catalogue);
        loads.record(new LayerLoad("county", "MapTestData", true, "replace", 1, "test", null));
    }

    @Test
    void theMapPageDrawsTheLayersFromVectorTiles() {
        WebElement map = browser.openMap("admin");
        assertThat(Integer.parseInt(map.getDomAttribute("data-tiles-loaded")))
                .as("vector tiles loaded")
                .isPositive();

        // The whole county is in view (the fit follows the layout as it settles).
        double[] c = MapTestData.COUNTY;
        browser.waitFor(Duration.ofSeconds(20), "the whole county in view", () -> (Boolean) browser.js(
                """
                const m = arguments[0].olMap;
                const e = m.getView().calculateExtent(m.getSize());
                return e[0] <= arguments[1] && e[1] <= arguments[2] && e[2] >= arguments[3] && e[3] >= arguments[4];""", map, WebMercator.x(c[0]), WebMercator.y(c[1]), WebMercator.x(c[2]), WebMercator.y(c[3])));

        assertThat(browser.drawnPixels(map))
                .as("pixels drawn on the map canvas")
                .isGreaterThan(2_000);
        browser.screenshot("map");

        assertThat(browser.driver().getTitle()).isEqualTo("一张图");
        assertThat(browser.driver().findElement(By.id("synthetic-banner")).getText())
                .contains("演示数据为合成数据");
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    }

    /**
     * The synthetic-data notice once sat in the bar and pushed the language switch and sign-out off a
     * 1,400 px window (and half of itself, in English): on a laptop-sized window, in both languages, the
     * three are now inside it.
     */
    @Test
    void theLanguageSwitchSignOutAndSyntheticNoticeStayInALaptopSizedWindow() {
        for (String language : List.of("zh-CN", "en")) {
            try (Browser b = browser.another(language)) {
                b.driver().manage().window().setSize(new Dimension(1280, 800));
                b.openMap("admin");
                for (String id : List.of("language-select", "logout", "synthetic-banner")) {
                    Boolean inside = (Boolean) b.js("""
                            const r = arguments[0].getBoundingClientRect();
                            return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth
                                && r.top >= 0 && r.bottom <= window.innerHeight;""", b.driver().findElement(By.id(id)));
                    assertThat(inside)
                            .as("#%s inside the window (%s)", id, language)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void clickingTheCountyCentreShowsTheVillageThere() {
        WebElement map = browser.openMap("admin");
        new Actions(browser.driver()).moveToElement(map).click().perform();
        browser.waitFor(
                Duration.ofSeconds(20),
                "the village's attributes",
                () -> browser.driver()
                        .findElement(By.className("map-feature-info"))
                        .getText()
                        .contains(MapTestData.CENTRE_VILLAGE));
        assertThat(browser.driver()
                        .findElement(By.className("map-feature-info"))
                        .getText())
                .contains("行政村（社区）", "重点帮扶村", "是");
    }

    /** The road style takes "hardened" from what the server sends with the layer (the catalogue's code lists). */
    @Test
    void theRoadStyleReadsHardenedFromTheCodesTheLayerCarries() {
        WebElement map = browser.openMap("admin");
        String colour = """
                const road = arguments[0].olMap.getAllLayers().find(l => l.get('layerId') === 'road');
                const props = JSON.parse(arguments[1]);
                const styles = [].concat(road.getStyle()({get: (k) => props[k]}, 10));
                return styles[styles.length - 1].getStroke().getColor();""";
        Object cement = browser.js(colour, map, "{\"admin_class\": \"village\", \"surface\": \"cement\"}");
        Object gravel = browser.js(colour, map, "{\"admin_class\": \"village\", \"surface\": \"gravel\"}");
        Object flagged =
                browser.js(colour, map, "{\"admin_class\": \"village\", \"surface\": \"gravel\", \"hardened\": true}");
        Object saidNot =
                browser.js(colour, map, "{\"admin_class\": \"village\", \"surface\": \"cement\", \"hardened\": false}");
        assertThat(cement)
                .as("a cement road without the flag is drawn hardened")
                .isEqualTo(flagged);
        assertThat(gravel).as("gravel is not hardened").isNotEqualTo(cement).isEqualTo(saidNot);
    }

    @Test
    void tickingALayerShowsIt() {
        WebElement map = browser.openMap("admin");
        String visible = "return arguments[0].olMap.getAllLayers()"
                + ".find(l => l.get('layerId') === 'township_seat').getVisible()";
        assertThat((Boolean) browser.js(visible, map)).isFalse();
        browser.driver().findElement(By.id("layer-township_seat")).click();
        browser.waitFor(Duration.ofSeconds(20), "the township seats to show", () -> (Boolean) browser.js(visible, map));
    }

    @Test
    void aTiandituKeyWithoutReachableTiandituKeepsThePlainBackgroundAndTheLayers() {
        WebElement map = browser.openMap("admin");
        browser.js("""
                const el = arguments[0];
                el.addEventListener('basemap-error', () => el.setAttribute('data-basemap-error', 'true'));
                el.setAttribute('tianditu-key', 'no-such-key');""", map);
        // This machine has no internet: the probe tile fails and no base-map layer is added.
        browser.waitFor(
                Duration.ofSeconds(30),
                "the base-map probe to fail",
                () -> "true".equals(map.getDomAttribute("data-basemap-error")));
        assertThat((Long) browser.js(
                        "return arguments[0].olMap.getAllLayers().filter(l => l.get('basemap')).length", map))
                .isZero();
        assertThat((Long) browser.js(
                        "return arguments[0].olMap.getAllLayers().filter(l => l.get('layerId')).length", map))
                .isPositive();
        // The failed probe is the only thing the console shows: a network error, no script error.
        var errors = browser.consoleErrors();
        assertThat(errors).allSatisfy(e -> assertThat(e.getMessage()).contains("tianditu.gov.cn"));
        assertThat(errors).hasSizeLessThanOrEqualTo(1);
    }
}
