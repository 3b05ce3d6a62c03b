package cn.yiyang.planning.app.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.store.SpatialStore;
import cn.yiyang.planning.layers.store.StoreException;
import cn.yiyang.planning.layers.tiles.TileCoord;
import cn.yiyang.planning.layers.tiles.TileSource;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The tile requests' short path over real HTTP (the servlet filters as deployed, which MockMvc in
 * {@link TileControllerIT} leaves out): {@link TileRequestFilter} answers valid tile URLs with the
 * bytes and headers the controller gives, before anything behind it sees the request; errors and
 * everything else still reach the controller; security still comes first.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"planning.demo.enabled=false", "planning.db.url=", "planning.tianditu.key="})
class TileRequestFilterIT {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("planning.data-dir", () -> dataDir.toString());
    }

    /** Records the tile requests that got past {@link TileRequestFilter}, i.e. went on towards Spring MVC. */
    @TestConfiguration
    static class BehindTheShortPath {
        static final List<String> SEEN = new CopyOnWriteArrayList<>();

        @Bean
        FilterRegistrationBean<HttpFilter> behindTileFilter() {
            FilterRegistrationBean<HttpFilter> r = new FilterRegistrationBean<>(new HttpFilter() {
                @Override
                protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                        throws IOException, ServletException {
                    SEEN.add(req.getRequestURI());
                    chain.doFilter(req, res);
                }
            });
            r.addUrlPatterns("/tiles/*");
            r.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2);
            return r;
        }

        /** The app's tile source, counting its calls, and failing as a store that is down while {@link #DOWN}. */
        static final AtomicInteger CALLS = new AtomicInteger();

        static volatile boolean DOWN;

        @Bean
        @Primary
        TileSource countingTileSource(SpatialStore store) {
            TileSource real = TileSource.of(store);
            return (layer, c, scope) -> {
                CALLS.incrementAndGet();
                if (DOWN) {
                    throw new StoreException(
                            StoreException.Reason.UNAVAILABLE, "a query failed (SQLSTATE 08001)", null);
                }
                return real.tile(layer, c, scope);
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    FeatureRepository repo;

    @Autowired
    LayerCatalogue catalogue;

    @Autowired
    TileService tiles;

    @Autowired
    LayerVersions versions;

    private final HttpClient http = HttpClient.newHttpClient();
    private final TileCoord centre = TileCoord.containing(10, 112.3, 28.55);

    @BeforeEach
    void load() {
        MapTestData.load(repo, catalogue);
        versions.changed();
        BehindTheShortPath.SEEN.clear();
        BehindTheShortPath.DOWN = false;
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString("planner:yiyang2025".getBytes(StandardCharsets.UTF_8));
    }

    private static String path(String layer, TileCoord c) {
        return "/tiles/" + layer + "/" + c.z() + "/" + c.x() + "/" + c.y() + ".mvt";
    }

    @Test
    void aTileIsAnsweredBeforeMvcWithTheTileTheServiceMakesAndItsHeaders() throws Exception {
        HttpResponse<byte[]> r = get(path("village", centre), "Authorization", basic());

        assertThat(r.statusCode()).isEqualTo(200);
        TileService.Tile expected = tiles.tile("village", centre);
        assertThat(r.body()).isNotEmpty().isEqualTo(expected.data());
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/vnd.mapbox-vector-tile");
        assertThat(r.headers().firstValue("ETag")).hasValue(expected.etag());
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("max-age=60, must-revalidate, private");
        assertThat(r.headers().firstValue("Content-Length")).hasValue(Integer.toString(expected.data().length));
        assertThat(r.headers().firstValue("Set-Cookie"))
                .as("a tile request never makes a session")
                .isEmpty();
        assertThat(BehindTheShortPath.SEEN).isEmpty();
    }

    @Test
    void theCurrentVersionInTheUrlIsCachedForAYearAnOldOneForAMinute() throws Exception {
        long v = tiles.version("road");
        assertThat(get(path("road", centre) + "?v=" + v, "Authorization", basic())
                        .headers()
                        .firstValue("Cache-Control"))
                .hasValue("max-age=31536000, private, immutable");
        assertThat(get(path("road", centre) + "?v=" + (v - 1), "Authorization", basic())
                        .headers()
                        .firstValue("Cache-Control"))
                .hasValue("max-age=60, must-revalidate, private");
        assertThat(BehindTheShortPath.SEEN).isEmpty();
    }

    @Test
    void aMatchingIfNoneMatchIs304WithoutTheTile() throws Exception {
        String etag = tiles.etag("road", centre);
        for (String ifNoneMatch : new String[] {etag, "\"0123\", W/" + etag, "*"}) {
            HttpResponse<byte[]> r = get(path("road", centre), "Authorization", basic(), "If-None-Match", ifNoneMatch);
            assertThat(r.statusCode()).as(ifNoneMatch).isEqualTo(304);
            assertThat(r.headers().firstValue("ETag")).hasValue(etag);
            assertThat(r.body()).isEmpty();
        }
        assertThat(get(path("road", centre), "Authorization", basic(), "If-None-Match", "\"0123\"")
                        .statusCode())
                .isEqualTo(200);
        assertThat(BehindTheShortPath.SEEN).isEmpty();
    }

    @Test
    void securityComesFirst() throws Exception {
        HttpResponse<byte[]> r = get(path("village", centre));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        HttpResponse<byte[]> wrong = get(
                path("village", centre),
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString("planner:wrong".getBytes(StandardCharsets.UTF_8)));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(BehindTheShortPath.SEEN).isEmpty();
    }

    @Test
    void whatTheShortPathDoesNotAnswerGoesOnToTheControllerAndItsProblems() throws Exception {
        HttpResponse<byte[]> unknown =
                get("/tiles/no_such_layer/1/0/0.mvt", "Authorization", basic(), "Accept-Language", "en");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).contains("\"code\":\"unknown_layer\"");
        HttpResponse<byte[]> outside = get("/tiles/village/3/8/0.mvt", "Authorization", basic());
        assertThat(outside.statusCode()).isEqualTo(404);
        assertThat(new String(outside.body(), StandardCharsets.UTF_8)).contains("\"code\":\"bad_tile\"");
        HttpResponse<byte[]> json = get("/tiles/village.json", "Authorization", basic());
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(new String(json.body(), StandardCharsets.UTF_8)).contains("\"tilejson\":\"3.0.0\"");
        assertThat(BehindTheShortPath.SEEN)
                .containsExactly("/tiles/no_such_layer/1/0/0.mvt", "/tiles/village/3/8/0.mvt", "/tiles/village.json");
    }

    @Test
    void aStoreFailureIsAnsweredAsAProblemWithoutAskingTheStoreTwice() throws Exception {
        BehindTheShortPath.DOWN = true;
        BehindTheShortPath.CALLS.set(0);
        HttpResponse<byte[]> r = get(path("village", centre), "Authorization", basic(), "Accept-Language", "zh-CN");

        assertThat(r.statusCode()).isEqualTo(503);
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("\"code\":\"store_unavailable\"").doesNotContain("SQLSTATE");
        assertThat(BehindTheShortPath.SEEN).as("the controller answered").containsExactly(path("village", centre));
        assertThat(BehindTheShortPath.CALLS).as("tile queries").hasValue(1);
    }
}
