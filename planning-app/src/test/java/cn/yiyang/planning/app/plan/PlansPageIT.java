package cn.yiyang.planning.app.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Role;
import cn.yiyang.planning.app.testsupport.Browser;
import cn.yiyang.planning.app.testsupport.BrowserExtension;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.plans.PlanDocument;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The plan register page in headless Chromium on an embedded store holding {@link PlanTestData}: the approver
 * signs in on 村庄规划, opens the plan under review, downloads its text through the page's session,
 * returns it for revision with a reason and sees the step in its timeline. Screenshots: plans.png,
 * plans-returned.png.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "planning.demo.enabled=false",
            "planning.db.url=",
            "planning.tianditu.key=",
            "planning.road-access.run-on-start=false"
        })
@ExtendWith(BrowserExtension.class)
class PlansPageIT {

    static final Path RUN_DIR = Path.of("target", "it-plans", UUID.randomUUID().toString());

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add(
                "planning.data-dir",
                () -> RUN_DIR.resolve("data").toAbsolutePath().toString());
    }

    @Autowired
    FeatureRepository features;

    @Autowired
    LayerCatalogue catalogue;

    @Autowired
    LayerVersions versions;

    @Autowired
    PlanService plans;

    @Autowired
    PlanDocuments documents;

    @Test
    void theApproverOpensAPlanDownloadsItsTextAndReturnsItWithAReason(Browser browser) {
        PlanTestData.load(features, catalogue);
        versions.changed();
        PlanDocument text = documents.upload(
                new AppUser("planner", EnumSet.of(Role.PLANNER)),
                PlanTestData.REVIEWING,
                "甲村规划文本.pdf",
                "text",
                new ByteArrayInputStream("%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));

        browser.driver().manage().window().setSize(new Dimension(1440, 1000));
        browser.forgetConsole();
        browser.get("/plans");
        browser.signIn("approver", Browser.DEMO_PASSWORD);
        browser.waitFor(Duration.ofSeconds(60), "the plans page", () -> present(browser, "plans-view"));
        assertThat(browser.driver().findElement(By.id("nav-plans")).getDomAttribute("highlight"))
                .isNotNull();
        assertThat(browser.driver().getTitle()).isEqualTo("村庄规划");
        assertThat(browser.text("plans-count")).isEqualTo("共 3 个规划");
        assertThat(browser.driver().findElements(By.id("plans-new")))
                .as("only planners create")
                .isEmpty();

        cell(browser, "南洲镇甲村村庄规划").click();
        browser.waitFor(Duration.ofSeconds(20), "the plan", () -> present(browser, "plan-detail"));
        assertThat(browser.text("plan-attributes")).contains("待审查", "南县", "南洲镇", "甲村", "逾期");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/plans/" + PlanTestData.REVIEWING);
        assertThat(present(browser, PlanDetailPanel.ANALYSIS_ID)
                        || !browser.driver()
                                .findElements(By.id(PlanDetailPanel.ANALYSIS_ID))
                                .isEmpty())
                .isTrue();
        WebElement download = browser.driver().findElement(By.id("plan-document-download-" + text.id()));
        Object fetched = browser.js("""
                const x = new XMLHttpRequest();
                x.open('GET', arguments[0].href, false);
                x.send();
                return x.status + ' ' + x.getResponseHeader('Content-Type') + ' ' + x.responseText.length;""", download);
        assertThat(fetched).hasToString("200 application/pdf 15");
        browser.screenshot("plans");

        // the coverage card sits above the register: the plan's steps are further down the page
        WebElement giveBack = browser.driver().findElement(By.id("plan-step-return"));
        browser.js("arguments[0].scrollIntoView({block: 'center'})", giveBack);
        giveBack.click();
        browser.waitFor(Duration.ofSeconds(10), "the dialog", () -> present(browser, "plan-step-confirm"));
        browser.driver()
                .findElement(By.cssSelector("#plan-step-reason textarea"))
                .sendKeys("请补充村庄安全和防灾减灾内容");
        browser.driver().findElement(By.id("plan-step-confirm")).click();

        browser.waitFor(
                Duration.ofSeconds(20),
                "the step in the timeline",
                () -> browser.text("plan-timeline").contains("退回修改"));
        assertThat(browser.text("plan-timeline")).contains("approver", "待审查 → 编制中", "请补充村庄安全和防灾减灾内容");
        assertThat(browser.text("plan-attributes")).contains("编制中");
        assertThat(plans.get(new AppUser("leader", EnumSet.of(Role.LEADER)), PlanTestData.REVIEWING)
                        .plan()
                        .status())
                .isEqualTo("compiling");
        assertThat(browser.consoleErrors()).as("console errors").isEmpty();
        browser.screenshot("plans-returned");
    }

    private static WebElement cell(Browser browser, String content) {
        browser.waitFor(
                Duration.ofSeconds(20),
                "the grid row " + content,
                () -> browser.driver().findElements(By.cssSelector("#plans-grid vaadin-grid-cell-content")).stream()
                        .anyMatch(c -> c.getText().strip().equals(content)));
        return browser.driver().findElements(By.cssSelector("#plans-grid vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().strip().equals(content))
                .findFirst()
                .orElseThrow();
    }

    private static boolean present(Browser browser, String id) {
        return !browser.driver().findElements(By.id(id)).isEmpty()
                && browser.driver().findElement(By.id(id)).isDisplayed();
    }
}
