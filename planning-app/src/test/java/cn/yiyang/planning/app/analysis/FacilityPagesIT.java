package cn.yiyang.planning.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.testsupport.Browser;
import cn.yiyang.planning.app.testsupport.BrowserExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A facility page in headless Chromium on the embedded store holding the small (synthetic) demo city: the sewage user
 * opens 污水治理, runs the sewage analysis and follows its progress bar to the cards with their targets, opens the gap
 * list, keeps the serious gaps of one county, sees the export links carry the filters, picks a gap and sees the map
 * zoom to it. Screenshots: sewage.png, sewage-gaps.png.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "planning.demo.enabled=true",
            "planning.demo.scale=small",
            "planning.db.url=",
            "planning.tianditu.key=",
            "planning.road-access.run-on-start=false"
        })
@ExtendWith(BrowserExtension.class)
class FacilityPagesIT {

    static final Path RUN_DIR =
            Path.of("target", "it-facility-pages", UUID.randomUUID().toString());

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add(
                "planning.data-dir",
                () -> RUN_DIR.resolve("data").toAbsolutePath().toString());
    }

    @Test
    void theSewageUserRunsTheAnalysisAndFindsTheSeriousGapsOfOneCountyOnTheMap(Browser browser) {
        browser.driver().manage().window().setSize(new Dimension(1440, 1200));
        browser.openMap("sewage");
        browser.driver().findElement(By.id("nav-sewage")).click();
        browser.waitFor(Duration.ofSeconds(30), "the sewage page", () -> present(browser, "sewage-view"));
        assertThat(browser.driver().getTitle()).isEqualTo("污水治理");
        assertThat(browser.text("sewage-run-info")).isEqualTo("尚未运行过分析。");
        assertThat(browser.driver().findElement(By.id("sewage-run")).isEnabled())
                .isTrue();

        click(browser, browser.driver().findElement(By.id("sewage-run")));
        browser.waitFor(
                Duration.ofSeconds(120),
                "the run's results",
                () -> present(browser, "sewage-card-rural_sewage_treatment_rate"));
        assertThat(browser.text("sewage-progress-text")).startsWith("已完成");
        assertThat(browser.text("sewage-card-rural_sewage_treatment_rate")).contains("农村生活污水处理率", "%", "目标 35.0%");
        assertThat(browser.text("sewage-card-township_sewage_facility_rate")).contains("目标 100.0%");
        assertThat(browser.text("sewage-run-info")).startsWith("最近一次分析：").contains("sewage");
        browser.screenshot("sewage");

        click(browser, browser.driver().findElement(By.id("sewage-open-gaps")));
        browser.waitFor(Duration.ofSeconds(30), "the gap list", () -> present(browser, "findings-grid"));
        assertThat(browser.driver().getTitle()).isEqualTo("污水治理缺口");
        String all = browser.text("findings-count");
        assertThat(all).startsWith("共 ").endsWith(" 条");
        pick(browser, "findings-county", "安化县");
        pick(browser, "findings-severity", "高");
        browser.waitFor(
                Duration.ofSeconds(20),
                "the filtered list",
                () -> browser.driver()
                        .findElement(By.id("findings-csv"))
                        .getDomAttribute("href")
                        .endsWith("?county=430923&severity=high"));
        assertThat(browser.text("findings-count")).isNotEqualTo(all);
        assertThat(browser.driver().findElement(By.id("findings-xlsx")).getDomAttribute("href"))
                .isEqualTo("api/v1/analyses/sewage/findings/sewage_gap.xlsx?county=430923&severity=high");
        // a row of the county: its county column reads 安化县 (the header reads 县（市、区）)
        click(browser, cell(browser, "findings-grid", "安化县"));
        WebElement map = browser.driver().findElement(By.id("findings-map"));
        browser.waitFor(
                Duration.ofSeconds(20),
                "the map to zoom to the gap",
                () -> ((Number) browser.js("return arguments[0].olMap.getView().getZoom();", map)).doubleValue() >= 14);
        assertThat(browser.consoleErrors()).as("console errors").isEmpty();
        browser.screenshot("sewage-gaps");
    }

    private static void click(Browser browser, WebElement e) {
        browser.js("arguments[0].scrollIntoView({block:'center'})", e);
        e.click();
    }

    /**
     * Picks an item of a vaadin-select by its label: the open list's item showing it exactly, never the copy of the
     * chosen item in the select's button (id {@code value-…}); a list rendered again while read is read again.
     */
    private static void pick(Browser browser, String select, String label) {
        click(browser, browser.driver().findElement(By.id(select)));
        browser.waitFor(Duration.ofSeconds(10), "the item " + label + " of " + select, () -> {
            try {
                Optional<WebElement> item = browser.driver().findElements(By.cssSelector("vaadin-select-item")).stream()
                        .filter(i -> i.isDisplayed()
                                && !String.valueOf(i.getDomAttribute("id")).startsWith("value-")
                                && i.getText().strip().equals(label))
                        .findFirst();
                item.ifPresent(WebElement::click);
                return item.isPresent();
            } catch (StaleElementReferenceException e) {
                return false;
            }
        });
    }

    private static WebElement cell(Browser browser, String grid, String content) {
        By cells = By.cssSelector("#" + grid + " vaadin-grid-cell-content");
        browser.waitFor(
                Duration.ofSeconds(20),
                "the grid cell " + content,
                () -> browser.driver().findElements(cells).stream()
                        .anyMatch(c -> c.getText().strip().equals(content)));
        return browser.driver().findElements(cells).stream()
                .filter(c -> c.getText().strip().equals(content))
                .findFirst()
                .orElseThrow();
    }

    private static boolean present(Browser browser, String id) {
        return !browser.driver().findElements(By.id(id)).isEmpty();
    }
}
