package cn.yiyang.planning.app.bench;

import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Role;
import cn.yiyang.planning.app.table.FeatureTableService;
import cn.yiyang.planning.app.table.TableQuery;
import cn.yiyang.planning.app.testsupport.Browser;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.store.SpatialStore;
import cn.yiyang.planning.layers.store.StoreSettings;
import cn.yiyang.planning.layers.tiles.PostgisTileSource;
import cn.yiyang.planning.layers.tiles.TileCoord;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tile benchmark on the FULL synthetic city in PostGIS, run by {@code bench/tile-benchmark.sh} (named
 * neither *Test nor *IT, so the test runs never collect it). Loads the city once into the database {@code planning_bench} (or
 * {@code -Dtile.benchmark.db}) of
 * the test server ({@code PLANNING_TEST_DB_URL}), starts the app on it, then:
 * <ol>
 *   <li>first full map render in headless Chromium: milliseconds from navigation to the map's first
 *   complete render ({@code data-rendered-ms}), signed in;</li>
 *   <li>a warm-up of {@link #WARMUP} requests on each path over all the tiles below, so that what is
 *   measured is a server that has been up for a while (compiled code, filled pools and buffers);</li>
 *   <li>for household and road tiles at z8, z12, z13 (households' first zoom) and z15: 20 concurrent
 *   HTTP clients on loopback, each with its own kept-alive connection ({@link KeepAliveClient}), a
 *   bounded number of requests each, no HTTP cache (no If-None-Match), latency median/p95 and
 *   throughput;</li>
 *   <li>the same tiles built by the bare {@code ST_AsMVT} statement over JDBC (PostgisTileSource), one
 *   at a time and with 20 threads, so the server's overhead is a ratio. SQL and HTTP take turns,
 *   {@link #ROUNDS} rounds each, so that the machine's slow spells fall on both.</li>
 * </ol>
 * Writes {@code target/bench/tile-benchmark.md}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "planning.demo.enabled=false",
            // the browser signs in as a demo account: on PostGIS they exist only when asked for (issue 17)
            "planning.security.demo-accounts=true",
            "planning.tianditu.key=",
            "logging.level.root=warn",
            // the app's folder (uploads) under target/, not bench/data
            "planning.data-dir=target/bench/data",
            // the road-access run at first start would share the cores with the measurements
            "planning.road-access.run-on-start=false"
        })
class TileBenchmark {

    /** The benchmark database on the test server ({@code -Dtile.benchmark.db}, default planning_bench). */
    static final String DB = System.getProperty("tile.benchmark.db", "planning_bench");

    static final int CLIENTS = 20;
    static final int REQUESTS_PER_CLIENT = Integer.getInteger("tile.benchmark.requests", 100);
    static final int TILES_PER_ZOOM = 120;
    static final int[] ZOOMS = {8, 12, 13, 15};
    /**
     * Requests per path (HTTP and SQL) made before anything is measured, spread over every row's tiles
     * with 20 clients, so both paths run compiled code (the C2 compiler needs about ten thousand calls of
     * a method), as a server that has been up for a while does.
     */
    static final int WARMUP = Integer.getInteger("tile.benchmark.warmup", 20_000);
    /**
     * Only these rows ({@code -Dtile.benchmark.rows=road/15,household/15}; default all): for profiling one
     * kind of tile with more rounds.
     */
    static final Set<String> ONLY_ROWS = Set.of(
                    System.getProperty("tile.benchmark.rows", "").split(","))
            .stream()
            .filter(r -> !r.isBlank())
            .collect(Collectors.toSet());
    /**
     * Where to write each measured run's path, row, start and end ({@code System.nanoTime()}, the clock of
     * {@code perf record -k CLOCK_MONOTONIC}) and number of requests, one line each: to cut a system-wide
     * profile into the SQL and the HTTP runs ({@code bench/tile-profile.sh}). Off when not set.
     */
    static final String PHASE_LOG = System.getProperty("tile.benchmark.phases", "");
    /** Rounds of (SQL, HTTP) per row: both paths are measured in turn, each round with every client. */
    static final int ROUNDS = Integer.getInteger("tile.benchmark.rounds", 3);
    /**
     * The load generator: {@link KeepAliveClient} (default: a kept-alive connection per client thread,
     * as wrk) or, with {@code -Dtile.benchmark.client=jdk}, the JDK's {@code HttpClient} (earlier rounds).
     */
    static final boolean JDK_CLIENT = "jdk".equals(System.getProperty("tile.benchmark.client", "keepalive"));
    /** Each client thread's own connection (by session cookie). */
    private static final ThreadLocal<Map<String, KeepAliveClient>> CONNECTIONS = ThreadLocal.withInitial(HashMap::new);

    private static String benchUrl;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("planning.db.url", TileBenchmark::prepare);
    }

    /** The benchmark database, created and filled with the full city on first use. */
    static synchronized String prepare() {
        if (benchUrl != null) {
            return benchUrl;
        }
        if (!DB.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("tile.benchmark.db must be a plain database name: " + DB);
        }
        String url = BenchDatabase.postgis(DB);
        benchUrl = url;
        return url;
    }

    @LocalServerPort
    int port;

    @Autowired
    FeatureTableService table;

    private final List<String> report = new ArrayList<>();

    @Test
    void tileLatencyThroughputAndFirstRender() throws Exception {
        LayerCatalogue catalogue = LayerCatalogue.standard();
        line("# Tile benchmark (full demo city, PostGIS)%n");
        line(
                "clients %d, requests per client and round %d, %d rounds of SQL then HTTP per row, up to %d distinct tiles per layer and zoom, cores the app sees: %d (%s), HTTP client: %s%n",
                CLIENTS,
                REQUESTS_PER_CLIENT,
                ROUNDS,
                TILES_PER_ZOOM,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("tile.benchmark.topology", "app, load generator and database on the same cores"),
                JDK_CLIENT ? "JDK HttpClient" : "kept-alive socket per client (KeepAliveClient)");

        String cookie;
        List<Long> renders = new ArrayList<>();
        try (Browser browser = new Browser(port, "zh-CN")) {
            browser.openMap("admin");
            Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
            cookie = "JSESSIONID=" + session.getValue();
            for (int i = 0; i < 3; i++) {
                browser.get("/");
                browser.waitFor(
                        Duration.ofSeconds(120),
                        "the map to render",
                        () -> !browser.driver()
                                .findElements(By.cssSelector("planning-map[data-rendered='true']"))
                                .isEmpty());
                renders.add(Long.parseLong(
                        browser.driver().findElement(By.tagName("planning-map")).getDomAttribute("data-rendered-ms")));
            }
            browser.screenshot("bench-full-city");
        }
        line(
                "%nFirst full map render in headless Chromium (navigation → first complete render, signed in): "
                        + "runs %s ms, median %d ms%n",
                renders, median(renders));

        try (SpatialStore store = SpatialStore.open(new StoreSettings(benchUrl, null, null))) {
            PostgisTileSource bare = new PostgisTileSource(store);
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(CLIENTS))
                    .build();
            List<Row> rows = new ArrayList<>();
            for (String layerId : List.of("household", "road")) {
                LayerDef layer = catalogue.get(layerId);
                for (int z : ZOOMS) {
                    if (!(layerId.equals("road") && z == 13)
                            && (ONLY_ROWS.isEmpty() || ONLY_ROWS.contains(layerId + "/" + z))) {
                        rows.add(new Row(layer, z, sample(store, layer, z)));
                    }
                }
            }
            long warm = System.nanoTime();
            warmUp(rows, r -> c -> bare.tile(r.layer(), c));
            warmUp(rows, r -> c -> fetch(http, cookie, r.layer().id(), c));
            line(
                    "%nWarm-up before measuring: %,d requests on each path (HTTP, SQL) over all rows' tiles, %.0f s%n",
                    WARMUP, (System.nanoTime() - warm) / 1e9);
            line("%n| layer | z | tiles | avg bytes | HTTP median (20 clients) | HTTP p95 (20) | HTTP tiles/s (20) "
                    + "| SQL median (20 threads) | SQL p95 (20) | SQL tiles/s (20) | overhead at 20 "
                    + "| HTTP median (1 client) | SQL median (1 thread) | overhead at 1 |%n");
            line("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|%n");
            for (Row row : rows) {
                LayerDef layer = row.layer();
                String layerId = layer.id();
                int z = row.z();
                List<TileCoord> tiles = row.tiles();
                long bytes = 0;
                for (TileCoord c : tiles) { // and this row's tiles in PostgreSQL's buffers
                    bytes += bare.tile(layer, c).length;
                    fetch(http, cookie, layerId, c);
                }
                List<Long> seqSql = new ArrayList<>();
                List<Long> seqWeb = new ArrayList<>();
                for (TileCoord c : tiles) {
                    long t = System.nanoTime();
                    bare.tile(layer, c);
                    seqSql.add(System.nanoTime() - t);
                    t = System.nanoTime();
                    fetch(http, cookie, layerId, c);
                    seqWeb.add(System.nanoTime() - t);
                }
                // SQL and HTTP in turn, ROUNDS times, so that a slow spell of the machine falls on both.
                Run sql = Run.EMPTY;
                Run web = Run.EMPTY;
                for (int round = 0; round < ROUNDS; round++) {
                    sql = sql.and(phase("sql " + layerId + "/" + z, concurrently(tiles, c -> bare.tile(layer, c))));
                    web = web.and(phase(
                            "http " + layerId + "/" + z, concurrently(tiles, c -> fetch(http, cookie, layerId, c))));
                }
                boolean empty = bytes == 0; // left empty by the zoom rules: no query at all
                line(
                        "| %s | %d | %d | %d | %s | %s | %.0f | %s | %s | %.0f | %s | %s | %s | %s |%n",
                        layerId,
                        z,
                        tiles.size(),
                        bytes / Math.max(1, tiles.size()),
                        ms(web.median()),
                        ms(web.p95()),
                        web.throughput(),
                        ms(sql.median()),
                        ms(sql.p95()),
                        sql.throughput(),
                        empty ? "n/a (empty)" : ratio(web.median(), sql.median()),
                        ms(median(seqWeb)),
                        ms(median(seqSql)),
                        empty ? "n/a (empty)" : ratio(median(seqWeb), median(seqSql)));
            }
        }
        attributeTable();
        Path out = Path.of("target", "bench", "tile-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("", report));
        System.out.println(String.join("", report));
    }

    /** A row of the table: a layer at a zoom and its sample of tiles. */
    record Row(LayerDef layer, int z, List<TileCoord> tiles) {}

    /** {@link #WARMUP} calls with {@link #CLIENTS} threads, taking the rows' tiles in turn. */
    private static void warmUp(List<Row> rows, Function<Row, Consumer<TileCoord>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < CLIENTS; t++) {
            fs.add(pool.submit(() -> {
                for (int n = next.getAndIncrement(); n < WARMUP; n = next.getAndIncrement()) {
                    Row row = rows.get(n % rows.size());
                    call.apply(row)
                            .accept(row.tiles()
                                    .get((n / rows.size()) % row.tiles().size()));
                }
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
    }

    /** Whom the attribute table is asked for: an account of the whole city that sees household data. */
    private static final AppUser PLANNER = new AppUser("planner", Set.of(Role.PLANNER));

    /** The attribute table's queries on the household layer (the largest), each the median of 5 runs. */
    private void attributeTable() {
        var all = TableQuery.all();
        line(
                "%nAttribute table on the household layer (median of 5, after one warm-up):%n%n| query | time |%n|---|---|%n");
        timed("count, no filter", () -> table.count(PLANNER, "household", all));
        timed("first page (50 rows)", () -> table.rows(PLANNER, "household", all, 0, 50));
        timed("page at row 300,000", () -> table.rows(PLANNER, "household", all, 300_000, 50));
        timed(
                "sorted by population, first page",
                () -> table.rows(PLANNER, "household", all.sortedBy("population", false), 0, 50));
        var filtered = all.withFilters(Map.of("code", "4309211")).withScope("430921");
        timed("count, code contains + county scope", () -> table.count(PLANNER, "household", filtered));
        var box = all.withExtent(new Envelope(112.30, 112.40, 28.50, 28.60));
        timed("count in a 0.1 degree map extent", () -> table.count(PLANNER, "household", box));
    }

    private void timed(String what, Runnable r) {
        r.run();
        List<Long> t = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            r.run();
            t.add(System.nanoTime() - t0);
        }
        line("| %s | %s |%n", what, ms(median(t)));
    }

    private void line(String format, Object... args) {
        report.add(String.format(Locale.ROOT, format, args));
    }

    /** Distinct tiles of the zoom that hold the layer's features, from a spread sample of the layer. */
    private static List<TileCoord> sample(SpatialStore store, LayerDef layer, int z) {
        String geom = layer.id().equals("road") ? "ST_PointOnSurface(geom)" : "geom";
        String sql = "SELECT ST_X(" + geom + "), ST_Y(" + geom + ") FROM " + layer.table()
                + " WHERE id % 97 = 0 ORDER BY id";
        Set<TileCoord> tiles = new LinkedHashSet<>();
        store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql);
                    ResultSet rs = ps.executeQuery()) {
                List<TileCoord> all = new ArrayList<>();
                while (rs.next()) {
                    all.add(TileCoord.containing(z, rs.getDouble(1), rs.getDouble(2)));
                }
                Collections.shuffle(all, new Random(42));
                for (TileCoord t : all) {
                    tiles.add(t);
                    if (tiles.size() >= TILES_PER_ZOOM) {
                        break;
                    }
                }
            }
            return null;
        });
        return List.copyOf(tiles);
    }

    private byte[] fetch(HttpClient http, String cookie, String layer, TileCoord c) {
        String path = "/tiles/" + layer + "/" + c.z() + "/" + c.x() + "/" + c.y() + ".mvt";
        if (!JDK_CLIENT) {
            KeepAliveClient.Response resp = CONNECTIONS
                    .get()
                    .computeIfAbsent(cookie, k -> new KeepAliveClient("127.0.0.1", port, k))
                    .get(path);
            if (resp.status() != 200) {
                throw new IllegalStateException("HTTP " + resp.status() + " for " + path);
            }
            return resp.body();
        }
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Cookie", cookie)
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
        try {
            HttpResponse<byte[]> resp = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
            if (resp.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + resp.statusCode() + " for " + r.uri());
            }
            return resp.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Latencies (ns) and throughput of {@link #CLIENTS} threads each doing {@link #REQUESTS_PER_CLIENT} calls. */
    record Run(long[] latencies, long nanos, long start) {
        static final Run EMPTY = new Run(new long[0], 0, 0);

        /** This run and another one as one: all latencies, the time of both. */
        Run and(Run other) {
            long[] all = Arrays.copyOf(latencies, latencies.length + other.latencies.length);
            System.arraycopy(other.latencies, 0, all, latencies.length, other.latencies.length);
            return new Run(all, nanos + other.nanos, start == 0 ? other.start : start);
        }

        long median() {
            return percentile(latencies, 0.5);
        }

        long p95() {
            return percentile(latencies, 0.95);
        }

        double throughput() {
            return latencies.length / (nanos / 1e9);
        }
    }

    /** The run, its path and times appended to {@link #PHASE_LOG} when that is set. */
    private static Run phase(String what, Run run) throws IOException {
        if (!PHASE_LOG.isEmpty()) {
            Files.writeString(
                    Path.of(PHASE_LOG),
                    what + " " + run.start() + " " + (run.start() + run.nanos()) + " " + run.latencies().length + "\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        return run;
    }

    private static Run concurrently(List<TileCoord> tiles, Consumer<TileCoord> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger next = new AtomicInteger();
        long[] lat = new long[CLIENTS * REQUESTS_PER_CLIENT];
        long start = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < CLIENTS; t++) {
            fs.add(pool.submit(() -> {
                for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                    int n = next.getAndIncrement();
                    TileCoord c = tiles.get(n % tiles.size());
                    long t0 = System.nanoTime();
                    call.accept(c);
                    lat[n] = System.nanoTime() - t0;
                }
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        long nanos = System.nanoTime() - start;
        pool.shutdown();
        return new Run(lat, nanos, start);
    }

    private static long percentile(long[] values, double p) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v[Math.min(v.length - 1, (int) Math.ceil(p * v.length) - 1)];
    }

    private static long median(List<Long> values) {
        return percentile(values.stream().mapToLong(Long::longValue).toArray(), 0.5);
    }

    private static String ratio(long http, long sql) {
        return String.format(Locale.ROOT, "%+.0f%%", ((double) http / sql - 1) * 100);
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
