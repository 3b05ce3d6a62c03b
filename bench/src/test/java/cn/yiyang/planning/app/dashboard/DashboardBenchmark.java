package cn.yiyang.planning.app.dashboard;

import cn.yiyang.planning.app.analysis.AnalysisKind;
import cn.yiyang.planning.app.analysis.AnalysisRunner;
import cn.yiyang.planning.app.bench.BenchDatabase;
import cn.yiyang.planning.app.indicator.IndicatorCatalogueService;
import cn.yiyang.planning.app.place.Place;
import cn.yiyang.planning.app.testsupport.Browser;
import cn.yiyang.planning.geo.access.UnitGroup;
import cn.yiyang.planning.geo.access.UnitLevel;
import cn.yiyang.planning.layers.analysis.AnalysisRun;
import cn.yiyang.planning.layers.analysis.IndicatorEntry;
import cn.yiyang.planning.layers.analysis.IndicatorEntryRepository;
import cn.yiyang.planning.layers.analysis.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The leaders' dashboard on the FULL synthetic city in PostGIS, run by {@code bench/dashboard-benchmark.sh} (named
 * neither *Test nor *IT, so the test runs never collect it). Fills the database {@code planning_bench} (or
 * {@code -Ddashboard.benchmark.db}) with the city on first use, stores one successful run of every analysis kind that
 * has none, and enters 村集体经济年收入 for every village (2024, 2025) and 返贫人口 for every county when none are
 * entered, so the city's cards roll 1,446 villages up; then:
 *
 * <ol>
 *   <li>first content in headless Chromium, signed in as leader: {@code /dashboard} loaded {@code
 *       dashboard.benchmark.loads} times (default 20) after 3 unmeasured loads; each load is timed in the page from
 *       navigation start ({@code performance.now()} = 0) to the moment the first headline card enters the DOM (a
 *       MutationObserver installed before the page's own scripts run, through the DevTools protocol), and to the
 *       moment the choropleth reports it has drawn;
 *   <li>the PDF report of the city (table, chart and map of 乡镇通三级公路比例), A4 and A3, built on the server as
 *       the page's button builds it, 5 times each after one unmeasured build.
 * </ol>
 *
 * Writes {@code target/bench/dashboard-benchmark.md}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "planning.demo.enabled=false",
            "planning.security.demo-accounts=true",
            "planning.tianditu.key=",
            "logging.level.root=warn",
            "planning.data-dir=target/bench/data",
            "planning.road-access.run-on-start=false"
        })
class DashboardBenchmark {

    static final String DB = System.getProperty("dashboard.benchmark.db", "planning_bench");
    static final int LOADS = Integer.getInteger("dashboard.benchmark.loads", 20);
    static final int BUILDS = 5;

    /** Records when the first card enters the DOM and when the choropleth says it has drawn, from navigation start. */
    private static final String OBSERVER = """
            new MutationObserver((changes, observer) => {
              if (window.__firstCard === undefined && document.querySelector('[id^="dashboard-card-"]')) {
                window.__firstCard = performance.now();
              }
              const map = document.getElementById('dashboard-choropleth');
              if (window.__mapDrawn === undefined && map && map.hasAttribute('drawn')) {
                window.__mapDrawn = performance.now();
              }
            }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['drawn'] });
            """;

    private static String benchUrl;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("planning.db.url", DashboardBenchmark::prepare);
    }

    static synchronized String prepare() {
        if (benchUrl == null) {
            benchUrl = BenchDatabase.postgis(DB);
        }
        return benchUrl;
    }

    @LocalServerPort
    int port;

    @Autowired
    AnalysisRunner runner;

    @Autowired
    IndicatorEntryRepository entries;

    @Autowired
    IndicatorCatalogueService catalogue;

    @Autowired
    DashboardService service;

    @Autowired
    DashboardPdf pdf;

    private final List<String> report = new ArrayList<>();

    @Test
    void firstContentAndTheCityReport() throws Exception {
        List<String> ran = storeRuns();
        int entered = enterValues();
        line("# Dashboard benchmark (full demo city, PostGIS %s)%n%n", DB);
        line(
                "Cores the app sees: %d (app, PostgreSQL and Chromium share them). Runs stored for this benchmark: %s;"
                        + " entries added: %,d.%n",
                Runtime.getRuntime().availableProcessors(),
                ran.isEmpty() ? "none (every kind had one)" : String.join(", ", ran),
                entered);

        List<Double> cards = new ArrayList<>();
        List<Double> maps = new ArrayList<>();
        try (Browser browser = new Browser(port, "zh-CN")) {
            browser.get("/");
            browser.signIn("leader", Browser.DEMO_PASSWORD);
            browser.waitFor(
                    Duration.ofSeconds(120),
                    "the dashboard",
                    () -> !browser.driver()
                            .findElements(By.id("dashboard-view"))
                            .isEmpty());
            browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", OBSERVER));
            for (int i = 0; i < LOADS + 3; i++) {
                browser.get("/dashboard");
                browser.waitFor(
                        Duration.ofSeconds(120),
                        "the first card and the map",
                        () -> browser.js("return window.__firstCard !== undefined && window.__mapDrawn !== undefined")
                                .equals(Boolean.TRUE));
                if (i >= 3) {
                    cards.add(((Number) browser.js("return window.__firstCard")).doubleValue());
                    maps.add(((Number) browser.js("return window.__mapDrawn")).doubleValue());
                }
            }
            browser.screenshot("bench-dashboard");
        }
        line(
                "%n## First content of /dashboard in headless Chromium (%d loads after 3 unmeasured, signed in as"
                        + " leader)%n%nFrom navigation start to the first headline card in the DOM: median %.0f ms,"
                        + " p95 %.0f ms, max %.0f ms. To the choropleth drawn: median %.0f ms, p95 %.0f ms.%n%n"
                        + "Loads (first card ms): %s%n",
                LOADS,
                quantile(cards, 0.5),
                quantile(cards, 0.95),
                quantile(cards, 1.0),
                quantile(maps, 0.5),
                quantile(maps, 0.95),
                cards.stream().map(d -> String.format(Locale.ROOT, "%.0f", d)).toList());

        Place city = service.unit(null).orElseThrow();
        line(
                "%n## The city's PDF report (table, chart and map of 乡镇通三级公路比例; %d builds after one unmeasured)%n%n",
                BUILDS);
        line("| page | median ms | p95 ms | max ms | bytes |%n|---|---|---|---|---|%n");
        for (boolean a3 : List.of(false, true)) {
            List<Double> ms = new ArrayList<>();
            int bytes = 0;
            for (int i = 0; i <= BUILDS; i++) {
                long t = System.nanoTime();
                bytes = pdf.report(city, UnitGroup.ALL, List.of("township_class3_road_rate"), a3, p -> {}).length;
                if (i > 0) {
                    ms.add((System.nanoTime() - t) / 1e6);
                }
            }
            line(
                    "| %s | %.0f | %.0f | %.0f | %,d |%n",
                    a3 ? "A3 landscape" : "A4 portrait",
                    quantile(ms, 0.5),
                    quantile(ms, 0.95),
                    quantile(ms, 1.0),
                    bytes);
        }
        Path out = Path.of("target", "bench", "dashboard-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("", report));
        System.out.println(String.join("", report));
    }

    /** Runs every kind that has no successful run yet, one after another; returns the kinds run. */
    private List<String> storeRuns() throws InterruptedException {
        List<String> ran = new ArrayList<>();
        for (AnalysisKind kind : runner.kinds()) {
            if (runner.latest(kind.id()).isPresent()) {
                continue;
            }
            AnalysisRun run = runner.startScheduled(kind.id(), Map.of(), "system");
            while (true) {
                RunStatus s = runner.get(run.id()).status();
                if (s != RunStatus.QUEUED && s != RunStatus.RUNNING) {
                    ran.add(s == RunStatus.SUCCEEDED ? kind.id() : kind.id() + " (" + s + ")");
                    break;
                }
                Thread.sleep(500);
            }
        }
        return ran;
    }

    /** Enters village collective income (every village, 2024 and 2025) and returned-to-poverty (every county, 2025). */
    private int enterValues() {
        int n = 0;
        if (entries.entries("village_collective_income", null, UnitLevel.VILLAGE, null)
                .isEmpty()) {
            List<Place> villages = catalogue.units(UnitLevel.VILLAGE);
            for (int year = 2024; year <= 2025; year++) {
                for (Place v : villages) {
                    double income = 2 + Math.floorMod(v.code().hashCode() + year, 120) / 10.0;
                    entries.save(new IndicatorEntry(
                            "village_collective_income",
                            year,
                            UnitLevel.VILLAGE,
                            v.code(),
                            income,
                            null,
                            "bench",
                            null));
                    n++;
                }
            }
        }
        if (entries.entries("returned_to_poverty_count", null, UnitLevel.COUNTY, null)
                .isEmpty()) {
            for (Place c : catalogue.units(UnitLevel.COUNTY)) {
                entries.save(new IndicatorEntry(
                        "returned_to_poverty_count", 2025, UnitLevel.COUNTY, c.code(), 0, null, "bench", null));
                n++;
            }
        }
        return n;
    }

    private static double quantile(List<Double> values, double q) {
        List<Double> sorted = values.stream().sorted().toList();
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private void line(String format, Object... args) {
        report.add(String.format(Locale.ROOT, format, args));
    }
}
