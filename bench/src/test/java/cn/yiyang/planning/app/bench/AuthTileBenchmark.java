package cn.yiyang.planning.app.bench;

import cn.yiyang.planning.app.security.ApiTokenService;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Role;
import cn.yiyang.planning.app.testsupport.Browser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tiles per second for 20 clients by the way they authenticate (issue 17): a signed-in session (cookie), an API
 * token (Bearer, a keyed hash and a lookup per request) and HTTP Basic (bcrypt once, then the remembered credential),
 * side by side on the same tiles, in turns (each way first in one round), {@link #ROUNDS} rounds; the token has the
 * account's role (ADMIN), so that the three are answered the same tiles. The embedded store with the small demo city,
 * so that it needs nothing but this machine; the same county tiles (z8-z10 over the city) for every way. Writes
 * {@code target/bench/auth-tile-benchmark.md}. Run by {@code bench/auth-tile-benchmark.sh}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "planning.db.url=",
            "planning.demo.enabled=true",
            "planning.demo.scale=small",
            "planning.security.demo-accounts=true",
            "planning.tianditu.key=",
            "logging.level.root=warn",
            "planning.data-dir=target/bench/auth-data",
            "planning.analyses.run-on-start=false"
        })
class AuthTileBenchmark {

    static final int CLIENTS = 20;
    static final int REQUESTS = Integer.getInteger("auth.benchmark.requests", 200);
    static final int ROUNDS = Integer.getInteger("auth.benchmark.rounds", 5);
    static final int WARMUP = Integer.getInteger("auth.benchmark.warmup", 4_000);

    @LocalServerPort
    int port;

    @Autowired
    ApiTokenService tokens;

    @Test
    void tilesPerSecondBySessionTokenAndBasic() throws Exception {
        Map<String, String[]> ways = new LinkedHashMap<>();
        try (Browser browser = new Browser(port, "zh-CN")) {
            browser.openMap("admin");
            Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
            ways.put("session (cookie)", new String[] {"Cookie", "JSESSIONID=" + session.getValue()});
        }
        String token = tokens.create(
                        new AppUser("admin", EnumSet.of(Role.ADMIN)), "bench", EnumSet.of(Role.ADMIN), Set.of(), null)
                .secret();
        ways.put("API token (Bearer)", new String[] {"Authorization", "Bearer " + token});
        ways.put("HTTP Basic (remembered)", new String[] {
            "Authorization",
            "Basic " + Base64.getEncoder().encodeToString("admin:yiyang2025".getBytes(StandardCharsets.UTF_8))
        });
        List<String> tiles = tiles();
        for (String[] way : ways.values()) {
            run(way, tiles, WARMUP / CLIENTS);
        }
        Map<String, List<Double>> perSecond = new LinkedHashMap<>();
        ways.keySet().forEach(k -> perSecond.put(k, new ArrayList<>()));
        List<Map.Entry<String, String[]>> order = new ArrayList<>(ways.entrySet());
        for (int round = 0; round < ROUNDS; round++) {
            // each way first in turn, so that a busy spell of the machine or the order itself favours none
            Collections.rotate(order, 1);
            for (Map.Entry<String, String[]> way : order) {
                long t = System.nanoTime();
                int done = run(way.getValue(), tiles, REQUESTS);
                perSecond.get(way.getKey()).add(done / ((System.nanoTime() - t) / 1e9));
            }
        }
        StringBuilder md = new StringBuilder();
        md.append(String.format(
                Locale.ROOT,
                "# Tiles per second by authentication (issue 17)%n%n%d clients, %d requests each per round, %d rounds"
                        + " in turns, %d distinct county tiles z8-z10 (small demo city, embedded store), cores: %d%n%n"
                        + "| way | tiles/s per round | median tiles/s |%n|---|---|---|%n",
                CLIENTS,
                REQUESTS,
                ROUNDS,
                tiles.size(),
                Runtime.getRuntime().availableProcessors()));
        for (Map.Entry<String, List<Double>> e : perSecond.entrySet()) {
            List<Double> sorted = new ArrayList<>(e.getValue());
            Collections.sort(sorted);
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %.0f |%n",
                    e.getKey(),
                    e.getValue().stream()
                            .map(v -> String.format(Locale.ROOT, "%.0f", v))
                            .toList(),
                    sorted.get(sorted.size() / 2)));
        }
        List<Double> medians = perSecond.values().stream()
                .map(v -> v.stream().sorted().toList().get(v.size() / 2))
                .toList();
        double best = Collections.max(medians);
        md.append(String.format(
                Locale.ROOT,
                "%nmedians against the best: %s (the issue asks within 10 %%)%n",
                medians.stream()
                        .map(m -> String.format(Locale.ROOT, "%.1f %%", 100 * m / best))
                        .toList()));
        Path out = Path.of("target/bench/auth-tile-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        System.out.println(md);
    }

    /** The county layer's tiles z8-z10 over the demo city (Yiyang: about 110.7-113.0 E, 27.9-29.5 N). */
    private static List<String> tiles() {
        List<String> out = new ArrayList<>();
        for (int z = 8; z <= 10; z++) {
            int x0 = lonToX(110.7, z);
            int x1 = lonToX(113.0, z);
            int y0 = latToY(29.5, z);
            int y1 = latToY(27.9, z);
            for (int x = x0; x <= x1; x++) {
                for (int y = y0; y <= y1; y++) {
                    out.add("/tiles/county/" + z + "/" + x + "/" + y + ".mvt");
                }
            }
        }
        return out;
    }

    private static int lonToX(double lon, int z) {
        return (int) Math.floor((lon + 180) / 360 * (1 << z));
    }

    private static int latToY(double lat, int z) {
        double r = Math.toRadians(lat);
        return (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1 << z));
    }

    /** Each of 20 clients GETs {@code requests} tiles over its own kept-alive connection; the tiles answered. */
    private int run(String[] way, List<String> tiles, int requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    try (KeepAliveClient http = new KeepAliveClient("127.0.0.1", port, way[0], way[1])) {
                        int ok = 0;
                        for (int i = 0; i < requests; i++) {
                            int status = http.get(tiles.get((client * 7 + i) % tiles.size()))
                                    .status();
                            if (status != 200 && status != 204) {
                                throw new IllegalStateException("HTTP " + status + " with " + way[0]);
                            }
                            ok++;
                        }
                        return ok;
                    }
                }));
            }
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }
}
