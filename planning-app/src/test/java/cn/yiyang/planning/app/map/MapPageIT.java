package cn.yiyang.planning.app.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.load.LayerLoad;
import cn.yiyang.planning.layers.load.LayerLoadRepository;
import cn.yiyang.planning.layers.tiles.WebMercator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The map page in a real browser (headless Chromium) against the app on an embedded H2GIS store
 * holding {@link MapTestData}: the page renders vector tiles, the canvas holds drawn pixels, the
 * browser logs no errors, a click on the county's centre shows 中心村's attributes, ticking a layer
 * shows it. Signs in as the demo user first. Saves {@code target/screenshots/map.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"planning.demo.enabled=false", "planning.db.url=", "planning.tianditu.key="})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapPageIT {

    static final Path SCREENSHOT = Path.of("target", "screenshots", "map.png");

    /** Under target/, created before the Spring context (which a per-class test instance loads early). */
    static final Path RUN_DIR = Path.of("target", "it-map-page", java.util.UUID.randomUUID().toString());

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("planning.data-dir", () -> RUN_DIR.resolve("data").toAbsolutePath().toString());
    }

    @LocalServerPort
    int port;
    @Value("${planning.security.demo-user:admin}")
    String demoUser;
    @Value("${planning.security.demo-password:yiyang2025}")
    String demoPassword;
    @Autowired
    FeatureRepository repo;
    @Autowired
    LayerCatalogue catalogue;

    private ChromeDriverService service;
    private ChromeDriver driver;

    @BeforeAll
    void startBrowser() throws Exception {
        service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,900", "--lang=zh-CN", "--user-data-dir=" + Files.createDirectories(RUN_DIR.resolve("chromium")).toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    @Autowired
    LayerLoadRepository loads;

    @BeforeEach
    void load() {
        MapTestData.load(repo, catalogue);
        loads.record(new LayerLoad("county", "MapTestData", true, "replace", 1, "test", null));
    }

    @Test
    void theMapPageDrawsTheLayersFromVectorTiles() throws Exception {
        open();
        WebElement map = driver.findElement(By.tagName("planning-map"));
        assertThat(Integer.parseInt(map.getDomAttribute("data-tiles-loaded"))).as("vector tiles loaded").isPositive();

        // The whole county is in view (the fit follows the layout as it settles).
        double[] c = MapTestData.COUNTY;
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> (Boolean) js("""
                const m = arguments[0].olMap;
                const e = m.getView().calculateExtent(m.getSize());
                return e[0] <= arguments[1] && e[1] <= arguments[2] && e[2] >= arguments[3] && e[3] >= arguments[4];""",
                map, WebMercator.x(c[0]), WebMercator.y(c[1]), WebMercator.x(c[2]), WebMercator.y(c[3])));

        long drawn = ((Number) js("""
                let n = 0;
                for (const c of arguments[0].querySelectorAll('canvas')) {
                  if (!c.width || !c.height) continue;
                  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                  for (let i = 3; i < d.length; i += 16) if (d[i] > 0) n++;
                }
                return n;""", map)).longValue();
        assertThat(drawn).as("pixels drawn on the map canvas").isGreaterThan(2_000);

        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);

        assertThat(driver.getTitle()).isEqualTo("一张图");
        assertThat(driver.findElement(By.id("synthetic-banner")).getText()).contains("演示数据为合成数据");

        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> !e.getMessage().contains("/favicon.ico")) // the app has no icon yet
                .toList();
        assertThat(errors).as("browser console errors").isEmpty();
    }

    @Test
    void clickingTheCountyCentreShowsTheVillageThere() {
        open();
        WebElement map = driver.findElement(By.tagName("planning-map"));
        new Actions(driver).moveToElement(map).click().perform();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                d.findElement(By.className("map-feature-info")).getText().contains(MapTestData.CENTRE_VILLAGE));
        assertThat(driver.findElement(By.className("map-feature-info")).getText())
                .contains("行政村（社区）", "重点帮扶村", "是");
    }

    @Test
    void tickingALayerShowsIt() {
        open();
        WebElement map = driver.findElement(By.tagName("planning-map"));
        assertThat((Boolean) js("return arguments[0].olMap.getAllLayers()"
                + ".find(l => l.get('layerId') === 'township_seat').getVisible()", map)).isFalse();
        driver.findElement(By.id("layer-township_seat")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> (Boolean) js("return arguments[0].olMap"
                + ".getAllLayers().find(l => l.get('layerId') === 'township_seat').getVisible()", map));
    }

    @Test
    void aTiandituKeyWithoutReachableTiandituKeepsThePlainBackgroundAndTheLayers() {
        open();
        WebElement map = driver.findElement(By.tagName("planning-map"));
        js("""
                const el = arguments[0];
                el.addEventListener('basemap-error', () => el.setAttribute('data-basemap-error', 'true'));
                el.setAttribute('tianditu-key', 'no-such-key');""", map);
        // This machine has no internet: the probe tile fails and no base-map layer is added.
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "true".equals(map.getDomAttribute("data-basemap-error")));
        assertThat((Long) js("return arguments[0].olMap.getAllLayers().filter(l => l.get('basemap')).length", map))
                .isZero();
        assertThat((Long) js("return arguments[0].olMap.getAllLayers().filter(l => l.get('layerId')).length", map))
                .isPositive();
        // The failed probe is the only thing the console shows: a network error, no script error.
        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> !e.getMessage().contains("/favicon.ico")).toList();
        assertThat(errors).allSatisfy(e -> assertThat(e.getMessage()).contains("tianditu.gov.cn"));
        assertThat(errors).hasSizeLessThanOrEqualTo(1);
    }

    private void open() {
        driver.manage().logs().get(LogType.BROWSER); // forget what earlier tests logged
        driver.get("http://localhost:" + port + "/");
        signInIfAsked();
        try {
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d ->
                    !d.findElements(By.cssSelector("planning-map[data-rendered='true']")).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the map did not render; url " + driver.getCurrentUrl() + ", console: "
                    + driver.manage().logs().get(LogType.BROWSER).getAll() + ", page: "
                    + driver.getPageSource().substring(0, Math.min(3000, driver.getPageSource().length())), e);
        }
    }

    /** With the app's own security, the page first asks for the demo user (once per browser session). */
    private void signInIfAsked() {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d ->
                !d.findElements(By.tagName("planning-map")).isEmpty()
                        || !d.findElements(By.cssSelector("vaadin-login-form input[name='password']")).isEmpty());
        if (driver.findElements(By.tagName("planning-map")).isEmpty()) {
            driver.findElement(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys(demoUser);
            driver.findElement(By.cssSelector("vaadin-login-form input[name='password']"))
                    .sendKeys(demoPassword, Keys.ENTER);
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> !d.findElements(By.tagName("planning-map")).isEmpty());
        }
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
