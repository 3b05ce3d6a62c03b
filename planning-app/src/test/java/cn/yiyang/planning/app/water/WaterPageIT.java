package cn.yiyang.planning.app.water;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.testsupport.Browser;
import cn.yiyang.planning.app.testsupport.BrowserExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 供水保障 in headless Chromium on the embedded store holding the small (synthetic) demo city: the water department's
 * user opens the page from the menu, runs the analysis and follows it to the cards with the plan's targets, then opens
 * the duty list. Screenshots: water.png, water-duties.png.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "planning.demo.enabled=true",
            "planning.demo.scale=small",
            "planning.db.url=",
            "planning.tianditu.key=",
            "planning.analyses.run-on-start=false"
        })
@ExtendWith(BrowserExtension.class)
class WaterPageIT {

    static final Path RUN_DIR = Path.of("target", "it-water", UUID.randomUUID().toString());

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add(
                "planning.data-dir",
                () -> RUN_DIR.resolve("data").toAbsolutePath().toString());
    }

    @Test
    void theWaterDepartmentRunsTheAnalysisAndOpensTheDutyList(Browser browser) {
        browser.driver().manage().window().setSize(new Dimension(1440, 1200));
        browser.openMap("water");
        browser.driver().findElement(By.id("nav-water")).click();
        browser.waitFor(Duration.ofSeconds(30), "the page", () -> present(browser, "water-view"));
        assertThat(browser.driver().getTitle()).isEqualTo("供水保障");
        assertThat(browser.text("water-run-info")).isEqualTo("尚未运行过分析。");

        browser.driver().findElement(By.id("water-run")).click();
        browser.waitFor(Duration.ofSeconds(120), "the run's results", () -> present(browser, "water-summary"));
        assertThat(browser.text("water-card-poverty_household_water_supply_rate"))
                .contains("%", "目标 100.0%");
        assertThat(browser.text("water-summary")).contains("集中供水覆盖", "履职问题");
        browser.screenshot("water");

        browser.driver().findElement(By.id("water-open-duties")).click();
        browser.waitFor(Duration.ofSeconds(30), "the duty list", () -> present(browser, "findings-view"));
        assertThat(browser.driver().getTitle()).isEqualTo("供水工程履职问题");
        browser.waitFor(
                Duration.ofSeconds(20),
                "the duties",
                () -> !browser.driver()
                        .findElements(By.cssSelector("#findings-grid vaadin-grid-cell-content"))
                        .isEmpty());
        assertThat(present(browser, "findings-severity")).isTrue();
        assertThat(browser.consoleErrors()).as("console errors").isEmpty();
        browser.screenshot("water-duties");
    }

    private static boolean present(Browser browser, String id) {
        return !browser.driver().findElements(By.id(id)).isEmpty();
    }
}
