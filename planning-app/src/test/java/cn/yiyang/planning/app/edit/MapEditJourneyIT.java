package cn.yiyang.planning.app.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import cn.yiyang.planning.app.plan.ConflictService;
import cn.yiyang.planning.app.plan.PlanService;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Role;
import cn.yiyang.planning.app.testsupport.Browser;
import cn.yiyang.planning.app.testsupport.BrowserExtension;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureQuery;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Editing plan parcels on the map in headless Chromium (embedded store): draw a parcel snapped to its neighbours
 * and save it with its attributes; undo and redo from the keyboard; split a parcel with a drawn line and merge two
 * parcels; two sessions edit the same parcel, and the second gets the conflict message without losing what it chose.
 * The journeys wait on the attributes the map element sets ({@code data-edit-*}) and check the store.
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
class MapEditJourneyIT {

    static final Path RUN_DIR =
            Path.of("target", "it-map-edit", UUID.randomUUID().toString());
    private static final Duration WAIT = Duration.ofSeconds(30);

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
    ConflictService conflicts;

    @Autowired
    PlanService plans;

    private Browser browser;

    @BeforeAll
    void start(Browser browser) {
        this.browser = browser;
        repo.load(
                catalogue.get("village"),
                LoadMode.REPLACE,
                List.of(Feature.of(
                                Map.of("code", "430921101201", "name", "中心村", "township_code", "430921101"),
                                box(112.300, 28.500, 112.310, 28.508)))
                        .iterator());
        repo.load(
                catalogue.get("village_plan"),
                LoadMode.REPLACE,
                List.of(Feature.of(
                                Map.of(
                                        "code", "P1",
                                        "name", "中心村村庄规划",
                                        "village_codes", "430921101201",
                                        "status", "compiling"),
                                box(112.300, 28.500, 112.310, 28.508)))
                        .iterator());
        // permanent basic farmland in the free land east of B, where the approval journey draws a homestead
        repo.load(
                catalogue.get("basic_farmland"),
                LoadMode.REPLACE,
                List.of(Feature.of(Map.of(), box(112.3075, 28.5005, 112.3095, 28.5035)))
                        .iterator());
    }

    /** The plan being compiled, and three parcels: A and B side by side (sharing x = 112.304), C above A. */
    @BeforeEach
    void parcels() {
        repo.load(
                catalogue.get("village_plan"),
                LoadMode.REPLACE,
                List.of(Feature.of(
                                Map.of(
                                        "code", "P1",
                                        "name", "中心村村庄规划",
                                        "village_codes", "430921101201",
                                        "status", "compiling"),
                                box(112.300, 28.500, 112.310, 28.508)))
                        .iterator());
        repo.load(
                catalogue.get("plan_land_use"),
                LoadMode.REPLACE,
                List.of(
                                parcel(box(112.301, 28.501, 112.304, 28.504)),
                                parcel(box(112.304, 28.501, 112.307, 28.504)),
                                parcel(box(112.301, 28.5045, 112.304, 28.507)))
                        .iterator());
        browser.get("/favicon.ico");
        browser.js("localStorage.clear()");
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    }

    private static Feature parcel(Polygon shape) {
        return Feature.of(Map.of("plan_code", "P1", "land_use_code", "01", "state", "planned"), shape);
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

    private List<Feature> stored() {
        return repo.page(catalogue.get("plan_land_use"), FeatureQuery.first(100));
    }

    // ---- steps -----------------------------------------------------------------------------------

    /** Opens the map as {@code user} in {@code b} and starts editing the plan parcels. */
    private WebElement startEditing(Browser b, String user) {
        WebElement map = b.openMap(user);
        b.driver().findElement(By.id("edit-layer")).click();
        pick(b, "vaadin-select-item", "规划用地");
        b.driver().findElement(By.id("edit-start")).click();
        b.waitFor(
                WAIT,
                "the parcels to edit",
                () -> "plan_land_use".equals(map.getDomAttribute("data-editing"))
                        && Integer.parseInt(attr(map, "data-edit-features", "0")) >= 3);
        return map;
    }

    private static String attr(WebElement map, String name, String otherwise) {
        String v = map.getDomAttribute(name);
        return v == null || v.isEmpty() ? otherwise : v;
    }

    /**
     * Clicks the open list's item showing {@code text} (a select's item exactly, a combo box's containing it), never
     * the copy of a select's chosen item in its button (id {@code value-…}).
     */
    private static void pick(Browser b, String itemTag, String text) {
        boolean exact = itemTag.equals("vaadin-select-item");
        Predicate<WebElement> wanted = i -> i.isDisplayed()
                && !String.valueOf(i.getDomAttribute("id")).startsWith("value-")
                && (exact ? i.getText().strip().equals(text) : i.getText().contains(text));
        // the list may be rendered again while it is read (the form is rebuilt when the selection changes):
        // a stale item is read again on the next try
        b.waitFor(WAIT, "the item " + text, () -> {
            try {
                Optional<WebElement> item = b.driver().findElements(By.cssSelector(itemTag)).stream()
                        .filter(wanted)
                        .findFirst();
                item.ifPresent(WebElement::click);
                return item.isPresent();
            } catch (StaleElementReferenceException e) {
                return false;
            }
        });
    }

    private void tool(Browser b, WebElement map, String tool) {
        b.driver().findElement(By.id("edit-tool-" + tool)).click();
        b.waitFor(WAIT, "the tool " + tool, () -> tool.equals(map.getDomAttribute("data-edit-tool")));
    }

    /** Clicks the map at a longitude/latitude, {@code dx} pixels to the right. */
    private void clickAt(Browser b, WebElement map, double lon, double lat, int dx) {
        List<?> px = (List<?>) b.js("""
                const m = arguments[0].olMap;
                const R = 6378137, x = arguments[1] * Math.PI / 180 * R,
                  y = Math.log(Math.tan(Math.PI / 4 + arguments[2] * Math.PI / 360)) * R;
                return m.getPixelFromCoordinate([x, y]);""", map, lon, lat);
        int w = map.getRect().getWidth();
        int h = map.getRect().getHeight();
        int x = (int) Math.round(((Number) px.get(0)).doubleValue() - w / 2.0) + dx;
        int y = (int) Math.round(((Number) px.get(1)).doubleValue() - h / 2.0);
        new Actions(b.driver())
                .moveToElement(map, x, y)
                .pause(Duration.ofMillis(150))
                .click()
                .perform();
    }

    private void key(Browser b, CharSequence... keys) {
        new Actions(b.driver()).sendKeys(keys).perform();
    }

    private void chord(Browser b, Keys modifier, String key) {
        new Actions(b.driver()).keyDown(modifier).sendKeys(key).keyUp(modifier).perform();
    }

    private void waitFor(Browser b, WebElement map, String attribute, String value) {
        b.waitFor(WAIT, attribute + " = " + value, () -> value.equals(map.getDomAttribute(attribute)));
    }

    private void save(Browser b, WebElement map) {
        b.driver().findElement(By.id("edit-save")).click();
        waitFor(b, map, "data-edit-changes", "0");
    }

    /**
     * Clicks a field (opening its list) or a button, scrolled to the middle of its panel first: the editor's form and
     * the plan's steps may be below the fold.
     */
    private static void open(Browser b, String id) {
        WebElement field = b.driver().findElement(By.id(id));
        b.js("arguments[0].scrollIntoView({block: 'center'})", field);
        field.click();
    }

    // ---- journeys --------------------------------------------------------------------------------

    @Test
    void drawAParcelSnappedToItsNeighboursAndSaveIt() {
        WebElement map = startEditing(browser, "planner");
        tool(browser, map, "draw");
        browser.waitFor(WAIT, "snapping to the parcels and villages", () -> {
            String snap = attr(map, "data-edit-snap", "");
            return snap.contains("plan_land_use") && snap.contains("village");
        });
        // below A: the corners on A's edge are clicked 4 px off and snap onto A's vertices
        clickAt(browser, map, 112.301, 28.501, 4);
        clickAt(browser, map, 112.304, 28.501, -4);
        clickAt(browser, map, 112.304, 28.5003, 0);
        clickAt(browser, map, 112.301, 28.5003, 0);
        key(browser, Keys.ENTER);
        waitFor(browser, map, "data-edit-changes", "1");
        waitFor(browser, map, "data-edit-selected", "n1");
        List<?> first = (List<?>) browser.js("""
                const f = arguments[0].olMap.getAllLayers().find(l => l.get('editing')).getSource().getFeatures()
                  .find(f => f.get('key') === 'n1');
                const c = f.getGeometry().getCoordinates()[0][0], R = 6378137;
                return [c[0] / R * 180 / Math.PI, (2 * Math.atan(Math.exp(c[1] / R)) - Math.PI / 2) * 180 / Math.PI];""", map);
        assertThat(((Number) first.get(0)).doubleValue()).isCloseTo(112.301, offset(1e-9));
        assertThat(((Number) first.get(1)).doubleValue()).isCloseTo(28.501, offset(1e-9));

        browser.waitFor(
                WAIT,
                "the new parcel's form",
                () -> !browser.driver()
                        .findElements(By.id("edit-field-plan_code"))
                        .isEmpty());
        WebElement plan = browser.driver().findElement(By.cssSelector("#edit-field-plan_code input"));
        plan.click();
        plan.sendKeys("P1");
        pick(browser, "vaadin-combo-box-item", "中心村村庄规划");
        browser.driver().findElement(By.id("edit-field-land_use_code")).click();
        pick(browser, "vaadin-select-item", "林地");
        browser.driver().findElement(By.id("edit-field-state")).click();
        pick(browser, "vaadin-select-item", "规划");
        browser.screenshot("edit-drawn");
        save(browser, map);

        assertThat(stored()).hasSize(4);
        Feature drawn = stored().stream()
                .filter(f -> "03".equals(f.get("land_use_code")))
                .findFirst()
                .orElseThrow();
        assertThat(drawn.attributes()).containsEntry("plan_code", "P1").containsEntry("state", "planned");
        Envelope e = drawn.geometry().getEnvelopeInternal();
        assertThat(e.getMaxY()).isCloseTo(28.501, offset(1e-9));
        assertThat(e.getMinX()).isCloseTo(112.301, offset(1e-9));
        assertThat(e.getMaxX()).isCloseTo(112.304, offset(1e-9));
    }

    @Test
    void undoAndRedoFromTheKeyboard() {
        WebElement map = startEditing(browser, "planner");
        int before = Integer.parseInt(attr(map, "data-edit-features", "0"));
        tool(browser, map, "delete");
        clickAt(browser, map, 112.3025, 28.5055, 0); // C
        waitFor(browser, map, "data-edit-features", String.valueOf(before - 1));
        chord(browser, Keys.CONTROL, "z");
        waitFor(browser, map, "data-edit-features", String.valueOf(before));
        waitFor(browser, map, "data-edit-redo", "1");
        chord(browser, Keys.CONTROL, "y");
        waitFor(browser, map, "data-edit-features", String.valueOf(before - 1));
        browser.driver().findElement(By.id("edit-undo")).click();
        waitFor(browser, map, "data-edit-features", String.valueOf(before));
        waitFor(browser, map, "data-edit-changes", "0");
        browser.driver().findElement(By.id("edit-cancel")).click();
        browser.waitFor(WAIT, "the session to end", () -> map.getDomAttribute("data-editing") == null);
        assertThat(stored()).hasSize(3); // nothing was written
    }

    @Test
    void splitAParcelWithADrawnLineThenMergeTwo() {
        WebElement map = startEditing(browser, "planner");
        tool(browser, map, "split");
        // across B from below to above, at x = 112.306: B keeps its western two thirds
        clickAt(browser, map, 112.306, 28.5005, 0);
        clickAt(browser, map, 112.306, 28.5044, 0);
        key(browser, Keys.ENTER);
        waitFor(browser, map, "data-edit-changes", "2");
        save(browser, map);
        List<Feature> afterSplit = stored();
        assertThat(afterSplit).hasSize(4);
        assertThat(afterSplit.stream().filter(f -> "01".equals(f.get("land_use_code"))))
                .hasSize(4);
        assertThat(afterSplit.stream()
                        .map(f -> f.geometry().getEnvelopeInternal().getMaxX())
                        .filter(x -> Math.abs(x - 112.306) < 2e-5)) // where the click put it: a pixel is about a metre
                .hasSize(1);

        tool(browser, map, "merge");
        clickAt(browser, map, 112.3025, 28.5025, 0); // A
        clickAt(browser, map, 112.305, 28.5025, 0); // the western part of B
        waitFor(browser, map, "data-edit-changes", "2");
        save(browser, map);
        List<Feature> afterMerge = stored();
        assertThat(afterMerge).hasSize(3);
        Feature merged = afterMerge.stream()
                .max(Comparator.comparingDouble(f -> f.geometry().getArea()))
                .orElseThrow();
        Envelope e = merged.geometry().getEnvelopeInternal();
        assertThat(e.getMinX()).isCloseTo(112.301, offset(1e-9));
        assertThat(e.getMaxX()).isCloseTo(112.306, offset(2e-5));
        assertThat(merged.geometry().getNumGeometries()).isEqualTo(1);
    }

    @Test
    void theSecondOfTwoSessionsGetsTheConflictAndKeepsItsChoice() {
        WebElement mine = startEditing(browser, "planner");
        clickAt(browser, mine, 112.3025, 28.5025, 0); // A, with the select tool
        browser.waitFor(
                WAIT,
                "A's form",
                () -> !browser.driver()
                        .findElements(By.id("edit-field-land_use_code"))
                        .isEmpty());
        browser.driver().findElement(By.id("edit-field-land_use_code")).click();
        pick(browser, "vaadin-select-item", "林地");

        try (Browser other = browser.another("zh-CN")) {
            WebElement theirs = startEditing(other, "admin");
            clickAt(other, theirs, 112.3025, 28.5025, 0);
            other.waitFor(
                    WAIT,
                    "A's form",
                    () -> !other.driver()
                            .findElements(By.id("edit-field-land_use_code"))
                            .isEmpty());
            other.driver().findElement(By.id("edit-field-land_use_code")).click();
            pick(other, "vaadin-select-item", "园地");
            other.driver().findElement(By.id("edit-save")).click();
            other.waitFor(
                    WAIT, "their save", () -> stored().stream().anyMatch(f -> "02".equals(f.get("land_use_code"))));
        }

        browser.driver().findElement(By.id("edit-save")).click();
        browser.waitFor(
                WAIT,
                "the conflict message",
                () -> !browser.driver()
                        .findElements(By.id("edit-conflict-note"))
                        .isEmpty());
        String note = browser.driver().findElement(By.id("edit-conflict-note")).getText();
        assertThat(note).contains("admin").contains("用地用海分类");
        assertThat(browser.driver()
                        .findElement(By.id("edit-field-land_use_code"))
                        .getText())
                .contains("林地");
        browser.screenshot("edit-conflict");

        browser.driver().findElement(By.id("edit-conflict-overwrite")).click();
        browser.waitFor(
                WAIT,
                "my parcel saved over theirs",
                () -> stored().stream().anyMatch(f -> "03".equals(f.get("land_use_code"))));
        assertThat(stored().stream().filter(f -> "02".equals(f.get("land_use_code"))))
                .isEmpty();
    }

    @Test
    void aSelfIntersectingParcelIsRefusedWithItsProblemsAtTheFieldsAndOnTheMap() {
        WebElement map = startEditing(browser, "planner");
        tool(browser, map, "draw");
        // a bow tie east of B, in free land
        clickAt(browser, map, 112.3075, 28.505, 0);
        clickAt(browser, map, 112.3095, 28.507, 0);
        clickAt(browser, map, 112.3095, 28.505, 0);
        clickAt(browser, map, 112.3075, 28.507, 0);
        key(browser, Keys.ENTER);
        waitFor(browser, map, "data-edit-changes", "1");
        browser.driver().findElement(By.id("edit-save")).click();

        waitFor(browser, map, "data-edit-problems", "1"); // the marker where the edges cross
        browser.waitFor(
                WAIT,
                "the required plan code marked at its field",
                () -> !browser.driver()
                        .findElements(By.cssSelector("#edit-field-plan_code[invalid]"))
                        .isEmpty());
        assertThat(map.getDomAttribute("data-edit-changes")).isEqualTo("1"); // still in the session
        assertThat(browser.driver().findElement(By.id("edit-problems")).getText())
                .contains("图形");
        browser.screenshot("edit-problems");
        assertThat(stored()).hasSize(3);
    }

    /**
     * The planner's journey to an approved plan: a homestead drawn snapped to a parcel lands on basic farmland, the
     * save answers the conflict (listed and marked on the map), the planner fixes it (the land stays cropland), sees
     * no conflict left on the plan's page and submits; the approver approves with the document's details.
     */
    @Test
    void aParcelOnFarmlandIsAConflictUntilFixedThenThePlanIsSubmittedAndApproved() {
        AppUser leader = new AppUser("leader", EnumSet.of(Role.LEADER));
        WebElement map = startEditing(browser, "planner");
        tool(browser, map, "draw");
        browser.waitFor(
                WAIT,
                "snapping to the parcels",
                () -> attr(map, "data-edit-snap", "").contains("plan_land_use"));
        clickAt(browser, map, 112.307, 28.501, 4); // B's south-east corner, clicked 4 px off: snapped
        clickAt(browser, map, 112.309, 28.501, 0);
        clickAt(browser, map, 112.309, 28.503, 0);
        clickAt(browser, map, 112.307, 28.503, 0);
        key(browser, Keys.ENTER);
        waitFor(browser, map, "data-edit-changes", "1");
        browser.waitFor(
                WAIT,
                "the new parcel's form",
                () -> !browser.driver()
                        .findElements(By.id("edit-field-plan_code"))
                        .isEmpty());
        WebElement plan = browser.driver().findElement(By.cssSelector("#edit-field-plan_code input"));
        plan.click();
        plan.sendKeys("P1");
        pick(browser, "vaadin-combo-box-item", "中心村村庄规划");
        open(browser, "edit-field-land_use_code");
        pick(browser, "vaadin-select-item", "农村宅基地");
        open(browser, "edit-field-state");
        pick(browser, "vaadin-select-item", "规划");
        save(browser, map);

        // saved, with the conflict listed beside the map and marked where it overlaps the farmland
        assertThat(stored()).hasSize(4);
        browser.waitFor(
                WAIT,
                "the conflict in the save's warnings",
                () -> browser.driver()
                        .findElement(By.id("edit-problems"))
                        .getText()
                        .contains("永久基本农田"));
        // marked on the map: the conflict (and the gaps the new parcel leaves beside it)
        browser.waitFor(
                WAIT, "the conflict's marker", () -> Integer.parseInt(attr(map, "data-edit-problems", "0")) >= 1);
        assertThat(conflicts.conflicts(leader, "P1")).hasSize(1);
        browser.screenshot("plan-conflict");

        // the fix: the land stays cropland (01), the conflict is gone
        tool(browser, map, "select");
        clickAt(browser, map, 112.308, 28.502, 0);
        // the stored parcel's own form (its title names the version it starts from), not the new one's left open
        browser.waitFor(
                WAIT,
                "the parcel's form",
                () -> browser.driver().findElements(By.id("edit-form-title")).stream()
                        .anyMatch(t -> t.getText().contains("版本 1")));
        open(browser, "edit-field-land_use_code");
        pick(browser, "vaadin-select-item", "耕地");
        save(browser, map);
        browser.waitFor(
                WAIT,
                "no conflict left",
                () -> conflicts.conflicts(leader, "P1").isEmpty());

        // the plan's page: no conflict, the planner submits
        browser.get("/plans/P1");
        browser.waitFor(
                WAIT,
                "the plan",
                () -> !browser.driver().findElements(By.id("plan-step-submit")).isEmpty());
        assertThat(browser.driver().findElement(By.id("plan-conflict-summary")).getText())
                .contains("共 0 处冲突");
        open(browser, "plan-step-submit");
        browser.waitFor(
                WAIT,
                "the submission",
                () -> "reviewing".equals(plans.get(leader, "P1").plan().status()));

        // the approver approves it with the document's details
        try (Browser approver = browser.another("zh-CN")) {
            approver.get("/plans/P1");
            approver.signIn("approver", Browser.DEMO_PASSWORD);
            approver.waitFor(
                    WAIT,
                    "the approve step",
                    () -> !approver.driver()
                            .findElements(By.id("plan-step-approve"))
                            .isEmpty());
            open(approver, "plan-step-approve");
            approver.waitFor(
                    WAIT,
                    "the dialog",
                    () -> !approver.driver()
                            .findElements(By.id("plan-step-confirm"))
                            .isEmpty());
            approver.driver()
                    .findElement(By.cssSelector("#plan-step-document-number input"))
                    .sendKeys("南政函〔2026〕8号");
            approver.driver()
                    .findElement(By.cssSelector("#plan-step-authority input"))
                    .sendKeys("南县人民政府");
            approver.driver().findElement(By.id("plan-step-confirm")).click();
            approver.waitFor(
                    WAIT,
                    "the approval",
                    () -> "approved".equals(plans.get(leader, "P1").plan().status()));
            approver.waitFor(
                    WAIT,
                    "the approval in the timeline",
                    () -> approver.driver()
                            .findElement(By.id("plan-timeline"))
                            .getText()
                            .contains("待审查 → 已批复"));
            approver.screenshot("plan-approved");
        }
        assertThat(plans.get(leader, "P1").plan().documentNumber()).isEqualTo("南政函〔2026〕8号");
    }
}
