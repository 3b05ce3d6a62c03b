package cn.yiyang.planning.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.planning.app.testsupport.Browser;
import cn.yiyang.planning.app.testsupport.BrowserExtension;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Attribute values holding HTML and script, in headless Chromium (issue 17): three villages whose names are an image
 * with an error handler, a script that sets {@code window.__xss} and quotes that close an attribute before an SVG
 * with a handler, and a road of the same name blocked for a cause that holds the script. The map draws the villages
 * (map-client's labels), identify lists and shows one, the attribute table lists all three, the editing form holds a
 * name as its value, the road register lists the road and its cause, the plans list a plan named with the quotes and
 * its village; after each step no alert is open, {@code window.__xss} is undefined, no element a payload would add is
 * in the page (its shadow roots included), and the literal text is what the user reads. Embedded store.
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
class AttributesAsTextJourneyIT {

    static final String IMG = "<img src=x onerror=alert(1)>";
    static final String SCRIPT = "<script>window.__xss=1</script>";
    static final String QUOTES = "\"'><svg onload=alert(1)>";
    static final Path RUN_DIR =
            Path.of("target", "it-as-text", UUID.randomUUID().toString());
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Elements a payload taken as markup would have added, searched through every shadow root. */
    private static final String INJECTED = """
            const found = [];
            const walk = root => {
              for (const el of root.querySelectorAll('*')) {
                const tag = el.tagName.toLowerCase();
                if ((tag === 'img' && el.getAttribute('src') === 'x') || tag === 'svg' && el.hasAttribute('onload')
                    || (tag === 'script' && el.textContent.includes('__xss'))
                    || el.hasAttribute('onerror') || el.hasAttribute('onload')) {
                  found.push(el.outerHTML);
                }
                if (el.shadowRoot) walk(el.shadowRoot);
              }
            };
            walk(document);
            return found;""";

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

    private Browser browser;

    @BeforeAll
    void start(Browser browser) {
        this.browser = browser;
        repo.load(
                catalogue.get("county"),
                LoadMode.REPLACE,
                List.of(Feature.of(Map.of("code", "430921", "name", "南县"), box(112.0, 28.3, 112.6, 28.8)))
                        .iterator());
        repo.load(
                catalogue.get("township"),
                LoadMode.REPLACE,
                List.of(Feature.of(
                                Map.of("code", "430921100", "name", "南洲镇", "county_code", "430921"),
                                box(112.0, 28.3, 112.6, 28.8)))
                        .iterator());
        repo.load(
                catalogue.get("village"),
                LoadMode.REPLACE,
                List.of(
                                village("430921100201", IMG, 0),
                                village("430921100202", SCRIPT, 1),
                                village("430921100203", QUOTES, 2))
                        .iterator());
        // a village road, blocked since 2024-03-05 for a cause that holds a script: an open entry of the register
        Map<String, Object> road = new HashMap<>();
        road.put("code", "C001");
        road.put("name", IMG);
        road.put("admin_class", "village");
        road.put("route_code", QUOTES);
        repo.load(
                catalogue.get("road"),
                LoadMode.REPLACE,
                List.of(Feature.of(road, LayerGeometry.FACTORY.createMultiLineString(new LineString[] {
                            LayerGeometry.FACTORY.createLineString(
                                    new Coordinate[] {new Coordinate(112.1, 28.5), new Coordinate(112.2, 28.5)})
                        })))
                        .iterator());
        // a plan being compiled for the first village, named with quotes that close an attribute
        repo.load(
                catalogue.get("village_plan"),
                LoadMode.REPLACE,
                List.of(Feature.of(
                                Map.of(
                                        "code",
                                        "P1",
                                        "name",
                                        QUOTES,
                                        "village_codes",
                                        "430921100201",
                                        "status",
                                        "compiling"),
                                box(112.05, 28.45, 112.2, 28.65)))
                        .iterator());
        repo.load(
                catalogue.get("road_inspection"),
                LoadMode.REPLACE,
                List.of(inspection("2024-01-10", "open", null), inspection("2024-03-05", "blocked", SCRIPT))
                        .iterator());
    }

    private static Feature inspection(String on, String status, String cause) {
        Map<String, Object> a = new HashMap<>();
        a.put("road_code", "C001");
        a.put("inspected_on", LocalDate.parse(on));
        a.put("status", status);
        if (cause != null) {
            a.put("cause", cause);
        }
        return Feature.of(a, null);
    }

    private static Feature village(String code, String name, int col) {
        double minx = 112.05 + col * 0.15;
        return Feature.of(
                Map.of("code", code, "name", name, "township_code", "430921100"), box(minx, 28.45, minx + 0.15, 28.65));
    }

    private static Polygon box(double minx, double miny, double maxx, double maxy) {
        return LayerGeometry.FACTORY.createPolygon(new Coordinate[] {
            new Coordinate(minx, miny),
            new Coordinate(maxx, miny),
            new Coordinate(maxx, maxy),
            new Coordinate(minx, maxy),
            new Coordinate(minx, miny)
        });
    }

    @BeforeEach
    void forgetChoices() {
        browser.get("/favicon.ico");
        browser.js("localStorage.clear()");
    }

    @AfterEach
    void nothingRan() {
        assertNothingRan("after the test");
    }

    /** No alert, no {@code window.__xss}, no element a payload would have added. */
    private void assertNothingRan(String step) {
        assertThatThrownBy(() -> browser.driver().switchTo().alert())
                .as("an alert " + step)
                .isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.js("return typeof window.__xss"))
                .as("window.__xss " + step)
                .isEqualTo("undefined");
        assertThat((List<?>) browser.js(INJECTED))
                .as("elements injected " + step)
                .isEmpty();
    }

    /** Centres the map on a longitude at the villages' middle latitude (28.55), at a zoom level. */
    private void centre(WebElement map, double lon, int zoom) {
        browser.js("""
                const R = 6378137, v = arguments[0].olMap.getView();
                v.setCenter([arguments[1] * Math.PI / 180 * R, Math.log(Math.tan(Math.PI / 4 + 28.55 * Math.PI / 360)) * R]);
                v.setZoom(arguments[2]);""", map, lon, zoom);
    }

    /** The names the map's label styles draw for the villages in view (map-client's text, on the canvas). */
    @SuppressWarnings("unchecked")
    private List<Object> labels(WebElement map) {
        return (List<Object>) browser.js("""
                const m = arguments[0].olMap, res = m.getView().getResolution();
                const ext = m.getView().calculateExtent(m.getSize()), names = [];
                for (const l of m.getAllLayers()) {
                  if (!l.get('layerId') || !l.getVisible() || !l.getFeaturesInExtent) continue;
                  for (const f of l.getFeaturesInExtent(ext)) {
                    const s = l.getStyleFunction() && l.getStyleFunction()(f, res);
                    for (const st of (Array.isArray(s) ? s : s ? [s] : [])) {
                      const t = st.getText && st.getText();
                      if (t && t.getText()) names.push(t.getText());
                    }
                  }
                }
                return names;""", map);
    }

    @Test
    void theMapAndIdentifyShowTheNamesAsText() {
        WebElement map = browser.openMap("admin");
        assertNothingRan("when the map has drawn");
        browser.clickMapAt(map, 112.125, 28.55);
        browser.waitFor(
                WAIT,
                "the village under the click",
                () -> browser.text("map-feature-info").contains("行政村（社区） · " + IMG));
        browser.driver().findElements(By.className("map-identify-entry")).stream()
                .filter(e -> e.getText().contains(IMG))
                .findFirst()
                .orElseThrow()
                .click();
        browser.waitFor(
                WAIT,
                "the village's attributes",
                () -> browser.driver()
                        .findElement(By.className("map-identify-attributes"))
                        .getText()
                        .contains(IMG));
        assertNothingRan("after identify");

        browser.clickMapAt(map, 112.425, 28.55);
        browser.waitFor(
                WAIT,
                "the third village",
                () -> browser.text("map-feature-info").contains(QUOTES));
        browser.clickMapAt(map, 112.275, 28.55);
        browser.waitFor(
                WAIT,
                "the second village",
                () -> browser.text("map-feature-info").contains(SCRIPT));
        browser.screenshot("as-text-identify");
        assertNothingRan("after identifying the others");
        // village names are drawn from zoom 11 on: centre the three villages at 12
        centre(map, 112.275, 12);
        browser.waitFor(WAIT, "the villages' labels", () -> labels(map).containsAll(List.of(IMG, SCRIPT, QUOTES)));
        assertNothingRan("with the villages' labels drawn");
    }

    @Test
    void theAttributeTableShowsTheNamesAsText() {
        browser.openMap("admin");
        browser.driver().findElement(By.id("table-toggle")).click();
        browser.waitFor(
                WAIT, "the village table", () -> browser.text("table-count").contains("共 3 条"));
        browser.waitFor(
                WAIT,
                "the names in the grid",
                () -> browser.driver().findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                        .map(WebElement::getText)
                        .toList()
                        .containsAll(List.of(IMG, SCRIPT, QUOTES)));
        browser.screenshot("as-text-table");
        assertNothingRan("with the attribute table open");
    }

    @Test
    void theEditingFormHoldsTheNameAsText() {
        WebElement map = browser.openMap("admin");
        centre(map, 112.125, 13); // editing loads the features of a view at most 0.3° wide
        browser.driver().findElement(By.id("edit-layer")).click();
        browser.pick(WAIT, "vaadin-select-item", "行政村（社区）");
        browser.driver().findElement(By.id("edit-start")).click();
        browser.waitFor(
                WAIT,
                "the villages to edit",
                () -> "village".equals(map.getDomAttribute("data-editing"))
                        && Integer.parseInt(String.valueOf(map.getDomAttribute("data-edit-features"))
                                        .replace("null", "0"))
                                >= 1);
        browser.clickMapAt(map, 112.125, 28.55);
        browser.waitFor(
                WAIT,
                "the village's form",
                () -> IMG.equals(
                        browser.js("const f = document.querySelector('#edit-field-name');" + " return f && f.value")));
        browser.js("document.querySelector('#edit-field-name').scrollIntoView({block: 'center'})");
        browser.screenshot("as-text-edit");
        assertNothingRan("with the editing form open");
        browser.driver().findElement(By.id("edit-cancel")).click();
        browser.waitFor(WAIT, "the session to end", () -> map.getDomAttribute("data-editing") == null);
    }

    @Test
    void theRoadRegisterShowsTheRoadAndItsCauseAsText() {
        browser.openMap("admin");
        browser.get("/roads/register");
        browser.waitFor(
                WAIT,
                "the register's entry",
                () -> browser.driver().findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                        .map(WebElement::getText)
                        .toList()
                        .containsAll(List.of(IMG + " · C001", SCRIPT)));
        browser.screenshot("as-text-register");
        assertNothingRan("on the register");
    }

    @Test
    void thePlansListShowsThePlanAndItsVillageAsText() {
        browser.openMap("admin");
        browser.get("/plans");
        browser.waitFor(
                WAIT,
                "the plan's row",
                () -> browser.driver().findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                        .map(WebElement::getText)
                        .toList()
                        .containsAll(List.of(QUOTES, IMG)));
        browser.screenshot("as-text-plans");
        assertNothingRan("on the plans list");
    }
}
