package cn.yiyang.planning.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.access.RoadAccessService;
import cn.yiyang.planning.app.analysis.AnalysisRunner;
import cn.yiyang.planning.app.layer.LayerService;
import cn.yiyang.planning.app.layer.LayerState;
import cn.yiyang.planning.app.testsupport.Browser;
import cn.yiyang.planning.app.testsupport.BrowserExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a newcomer sees after the README's run command: the app on a new embedded store loads the
 * synthetic demo city on first start, asks for sign-in, refuses a wrong password in Chinese, and
 * then shows Yiyang's counties, townships, villages and roads on the map with the synthetic-data
 * notice; the language switch turns the page English. Screenshots: demo-city.png, demo-city-en.png.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "planning.demo.enabled=true",
            "planning.demo.scale=small",
            "planning.db.url=",
            "planning.tianditu.key="
        })
@ExtendWith(BrowserExtension.class)
class DemoCityJourneyIT {

    static final Path RUN_DIR =
            Path.of("target", "it-demo-city", UUID.randomUUID().toString());

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add(
                "planning.data-dir",
                () -> RUN_DIR.resolve("data").toAbsolutePath().toString());
    }

    @Autowired
    LayerService layers;

    @Autowired
    RoadAccessService roadAccess;

    @Autowired
    AnalysisRunner runner;

    @Test
    void firstStartLoadsTheWholeSyntheticCityAndRecordsItAsSynthetic() {
        Map<String, LayerState> byId = layers.layers().stream()
                .collect(Collectors.toMap(s -> s.definition().id(), s -> s));
        assertThat(byId.get("county").featureCount()).isEqualTo(8);
        assertThat(byId.get("township").featureCount()).isEqualTo(98);
        assertThat(byId.get("village").featureCount()).isEqualTo(1446);
        assertThat(byId.get("road").featureCount()).isPositive();
        assertThat(byId.get("household").featureCount()).isPositive();
        assertThat(byId.values().stream().filter(s -> !s.definition().derived()))
                .allSatisfy(
                        s -> assertThat(s.synthetic()).as(s.definition().id()).isTrue());
        // the first start also runs every analysis (road access first), so the dashboards are not empty; their
        // result layers are synthetic like their inputs
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (runner.kinds().stream().anyMatch(k -> runner.latest(k.id()).isEmpty()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(runner.kinds()).hasSizeGreaterThanOrEqualTo(5).allSatisfy(k -> {
            assertThat(runner.latest(k.id())).as(k.id()).isPresent();
            assertThat(runner.latest(k.id()).orElseThrow().requestedBy()).isEqualTo("scheduler");
        });
        assertThat(roadAccess.latest()).isPresent();
        Map<String, LayerState> after = layers.layers().stream()
                .collect(Collectors.toMap(s -> s.definition().id(), s -> s));
        assertThat(after.values().stream().filter(s -> s.definition().derived()))
                .allSatisfy(s -> {
                    assertThat(s.featureCount()).as(s.definition().id()).isPositive();
                    assertThat(s.synthetic()).as(s.definition().id()).isTrue();
                });
        assertThat(layers.holdsSyntheticData()).isTrue();
    }

    @Test
    void aNewcomerSignsInAndSeesYiyangOnTheMapInChineseThenEnglish(Browser browser) {
        browser.get("/");
        browser.signIn("planner", "wrong-password");
        browser.waitFor(
                Duration.ofSeconds(30),
                "the wrong-password message",
                () -> Boolean.TRUE.equals(
                        browser.js("const f = document.querySelector('vaadin-login-form'); return !!(f && f.error);")));
        assertThat(browser.js("return document.querySelector('vaadin-login-form').i18n.errorMessage.title"))
                .isEqualTo("用户名或密码错误");

        WebElement map = browser.openMap("planner");
        assertThat(browser.driver().findElement(By.id("synthetic-banner")).getText())
                .contains("演示数据为合成数据");
        assertThat(browser.drawnPixels(map)).as("pixels drawn").isGreaterThan(20_000);
        for (String layer : new String[] {"county", "township", "village", "road"}) {
            assertThat((Boolean) browser.js(
                            "return arguments[0].olMap.getAllLayers()"
                                    + ".find(l => l.get('layerId') === arguments[1]).getVisible()",
                            map,
                            layer))
                    .as(layer)
                    .isTrue();
        }
        assertThat(browser.consoleErrors()).as("console errors").isEmpty();
        browser.screenshot("demo-city");

        browser.driver().findElement(By.id("language-select")).click();
        browser.waitFor(
                Duration.ofSeconds(10),
                "the language list",
                () -> !browser.driver()
                        .findElements(By.cssSelector("vaadin-select-item"))
                        .isEmpty());
        browser.driver().findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(i -> i.getText().contains("English"))
                .findFirst()
                .orElseThrow()
                .click();
        browser.waitFor(
                Duration.ofSeconds(30),
                "the English page",
                () -> browser.driver().getPageSource().contains("Demo data are synthetic"));
        browser.waitFor(
                Duration.ofSeconds(60),
                "the map to render again",
                () -> !browser.driver()
                        .findElements(By.cssSelector("planning-map[data-rendered='true']"))
                        .isEmpty());
        assertThat(browser.driver().findElement(By.id("layer-county")).getText())
                .contains("Counties");
        browser.screenshot("demo-city-en");
    }
}
