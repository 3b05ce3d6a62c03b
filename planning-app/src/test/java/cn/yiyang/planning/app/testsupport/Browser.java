package cn.yiyang.planning.app.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver (never a downloaded browser), with
 * the steps the UI journeys share: sign in, open the map and wait until it has drawn, read the
 * console, keep screenshots under {@code target/screenshots/}. Tests get one from {@link BrowserExtension}.
 */
public final class Browser implements AutoCloseable {

    public static final String DEMO_PASSWORD = "yiyang2025";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final String baseUrl;
    private final int port;

    /** Starts a browser with a fresh profile whose preferred language is {@code language} (e.g. zh-CN). */
    public Browser(int port, String language) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver packages "
                    + "(/usr/bin/chromium, /usr/bin/chromedriver): run ./scripts/test, which installs them.");
        }
        this.port = port;
        this.baseUrl = "http://localhost:" + port;
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        Path profile;
        try {
            profile = Files.createDirectories(
                    Path.of("target", "chromium-profiles", UUID.randomUUID().toString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1400,900",
                "--lang=" + language,
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
    }

    /** Another browser on the same app, with a fresh profile in {@code language}; the caller closes it. */
    public Browser another(String language) {
        return new Browser(port, language);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void get(String path) {
        driver.get(baseUrl + path);
    }

    /** Fills the login form and submits it. */
    public void signIn(String user, String password) {
        waitFor(
                Duration.ofSeconds(60),
                "the login form",
                () -> !driver.findElements(By.cssSelector("vaadin-login-form input[name='password']"))
                        .isEmpty());
        driver.findElement(By.cssSelector("vaadin-login-form input[name='username']"))
                .sendKeys(user);
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']"))
                .sendKeys(password, Keys.ENTER);
    }

    /**
     * Opens the map page (signing in as {@code user} if asked) and waits until the map says it has
     * drawn its vector tiles; returns the map element.
     */
    public WebElement openMap(String user) {
        forgetConsole();
        get("/");
        waitFor(
                Duration.ofSeconds(60),
                "the map page or the login form",
                () -> !driver.findElements(By.tagName("planning-map")).isEmpty()
                        || !driver.findElements(By.cssSelector("vaadin-login-form input[name='password']"))
                                .isEmpty());
        if (driver.findElements(By.tagName("planning-map")).isEmpty()) {
            signIn(user, DEMO_PASSWORD);
        }
        waitFor(
                Duration.ofSeconds(60),
                "the map to render",
                () -> !driver.findElements(By.cssSelector("planning-map[data-rendered='true']"))
                        .isEmpty());
        return driver.findElement(By.tagName("planning-map"));
    }

    /** How many pixels the map's canvases hold that are not transparent (sampled every 4th pixel). */
    public long drawnPixels(WebElement map) {
        return ((Number) js("""
                let n = 0;
                for (const c of arguments[0].querySelectorAll('canvas')) {
                  if (!c.width || !c.height) continue;
                  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                  for (let i = 3; i < d.length; i += 16) if (d[i] > 0) n++;
                }
                return n;""", map)).longValue();
    }

    /** Console errors since the last {@link #openMap} or {@link #forgetConsole}. */
    public List<LogEntry> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
    }

    public void forgetConsole() {
        driver.manage().logs().get(LogType.BROWSER);
    }

    /** Saves a screenshot as {@code target/screenshots/<name>.png}, kept as a test artefact. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits for {@code condition}; on time-out fails saying what was awaited, where, and what the console said. */
    public void waitFor(Duration timeout, String what, BooleanSupplier condition) {
        try {
            // Vaadin re-renders parts of a page while it is read: an element found a moment ago
            // may be gone, so a stale element means "not yet", never a failure
            new WebDriverWait(driver, timeout)
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> condition.getAsBoolean());
        } catch (TimeoutException e) {
            String page = driver.getPageSource();
            throw new AssertionError(
                    "waited " + timeout.toSeconds() + " s for " + what + "; url "
                            + driver.getCurrentUrl() + ", console "
                            + driver.manage().logs().get(LogType.BROWSER).getAll()
                            + ", page " + page.substring(0, Math.min(2000, page.length())),
                    e);
        }
    }

    /**
     * The visible text of the element with this id, "" when there is none. Read again when Vaadin
     * replaced the element while it was read (a stale element), up to five times.
     */
    public String text(String id) {
        for (int attempt = 1; ; attempt++) {
            try {
                var found = driver.findElements(By.id(id));
                return found.isEmpty() ? "" : found.get(0).getText().strip();
            } catch (StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** Clicks the map element at a longitude/latitude (EPSG:4490 read as Web Mercator's lon/lat). */
    public void clickMapAt(WebElement map, double lon, double lat) {
        List<?> px = (List<?>) js("""
                const m = arguments[0].olMap;
                const R = 6378137, x = arguments[1] * Math.PI / 180 * R,
                  y = Math.log(Math.tan(Math.PI / 4 + arguments[2] * Math.PI / 360)) * R;
                return m.getPixelFromCoordinate([x, y]);""", map, lon, lat);
        int dx = (int)
                Math.round(((Number) px.get(0)).doubleValue() - map.getRect().getWidth() / 2.0);
        int dy = (int)
                Math.round(((Number) px.get(1)).doubleValue() - map.getRect().getHeight() / 2.0);
        new Actions(driver).moveToElement(map, dx, dy).click().perform();
    }

    /**
     * Clicks the open list's item ({@code vaadin-select-item}, {@code vaadin-combo-box-item}…) showing exactly
     * {@code text}, never the copy of a select's chosen item in its button (id {@code value-…}); waits for it.
     */
    public void pick(Duration timeout, String itemTag, String text) {
        waitFor(timeout, "the item " + text, () -> {
            var item = driver.findElements(By.cssSelector(itemTag)).stream()
                    .filter(i -> i.isDisplayed()
                            && !String.valueOf(i.getDomAttribute("id")).startsWith("value-")
                            && i.getText().strip().equals(text))
                    .findFirst();
            item.ifPresent(WebElement::click);
            return item.isPresent();
        });
    }

    @Override
    public void close() {
        driver.quit();
        service.stop();
    }
}
