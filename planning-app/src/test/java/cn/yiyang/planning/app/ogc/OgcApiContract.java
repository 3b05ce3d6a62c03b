package cn.yiyang.planning.app.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.yiyang.planning.app.testsupport.ApiClient;
import cn.yiyang.planning.app.testsupport.Browser;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.store.SpatialStore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OGC API – Features against a running app, read by plain HTTP and by GDAL's OAPIF driver ({@code ogrinfo},
 * {@code ogr2ogr}, installed by scripts/provision.sh); the expected answers come from the store itself
 * ({@code ST_Intersects}, {@code ST_Transform}). Subclasses pick the store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "planning.demo.enabled=false")
abstract class OgcApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int HOUSEHOLDS = 2_500;
    private static final String CRS_4490 = "http://www.opengis.net/def/crs/EPSG/0/4490";
    private static final String CRS_4546 = "http://www.opengis.net/def/crs/EPSG/0/4546";

    @LocalServerPort
    int port;

    @Autowired
    FeatureRepository features;

    @Autowired
    SpatialStore store;

    @TempDir
    Path tmp;

    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private ApiClient api;

    @BeforeEach
    void loadLayers() {
        api = new ApiClient(port);
        Random random = new Random(16);
        List<Feature> households = new ArrayList<>();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            Map<String, Object> a = new HashMap<>();
            a.put("code", String.format("H%05d", i));
            a.put("village_code", "430921100" + String.format("%03d", 200 + i % 30));
            a.put("natural_village_code", i % 7 == 0 ? "东湖组" : "西湾组");
            a.put("population", 1 + i % 6);
            a.put("poverty_status", i % 10 == 0 ? "monitored" : "none");
            households.add(Feature.of(
                    a,
                    LayerGeometry.FACTORY.createPoint(
                            new Coordinate(110.8 + random.nextDouble() * 2.0, 28.0 + random.nextDouble() * 1.4))));
        }
        features.load(catalogue.get("household"), LoadMode.REPLACE, households.iterator());
        List<Feature> villages = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            double x = 111.0 + (i % 6) * 0.3;
            double y = 28.1 + (i / 6) * 0.25;
            villages.add(Feature.of(
                    Map.of(
                            "code",
                            "430921100" + (200 + i),
                            "name",
                            i % 3 == 0 ? "新月村" : "东湖村" + i,
                            "township_code",
                            "430921100"),
                    // triangles: their boxes meet boxes their shapes do not, so bbox must mean ST_Intersects
                    LayerGeometry.FACTORY.createPolygon(new Coordinate[] {
                        new Coordinate(x, y),
                        new Coordinate(x + 0.25, y),
                        new Coordinate(x + 0.25, y + 0.2),
                        new Coordinate(x, y)
                    })));
        }
        features.load(catalogue.get("village"), LoadMode.REPLACE, villages.iterator());
        List<Feature> inspections = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            inspections.add(Feature.of(
                    Map.of(
                            "road_code",
                            "R" + i,
                            "inspected_on",
                            LocalDate.of(2024, 2 + i % 3, 10),
                            "status",
                            "blocked",
                            "cause",
                            i % 2 == 0 ? "山体滑坡" : "水毁"),
                    null));
        }
        features.load(catalogue.get("road_inspection"), LoadMode.REPLACE, inspections.iterator());
    }

    // ---- GDAL, the real client -----------------------------------------------------------------

    @Test
    void ogrinfoListsEveryCollection() throws Exception {
        String out = gdal("ogrinfo", "-ro", "-q", "OAPIF:" + base());
        Set<String> listed = new TreeSet<>();
        for (String line : out.split("\n")) {
            // "1: household (Point)"
            if (line.matches("\\d+: \\S+.*")) {
                listed.add(line.replaceFirst("\\d+: (\\S+).*", "$1"));
            }
        }
        assertThat(listed)
                .containsExactlyInAnyOrderElementsOf(
                        catalogue.layers().stream().map(LayerDef::id).toList());
    }

    @Test
    void ogr2ogrCopiesTheLargestLayerPageByPageIntoAGeoPackageWithEqualCountsAndChineseIntact() throws Exception {
        JsonNode collections = getJson("/ogc/collections");
        JsonNode largest = null;
        for (JsonNode c : collections.get("collections")) {
            if (largest == null
                    || c.get("featureCount").asLong()
                            > largest.get("featureCount").asLong()) {
                largest = c;
            }
        }
        assertThat(largest.get("id").asString()).isEqualTo("household");
        Path gpkg = tmp.resolve("copy.gpkg");
        gdal(
                "ogr2ogr",
                "-f",
                "GPKG",
                gpkg.toString(),
                "OAPIF:" + base(),
                "-oo",
                "PAGE_SIZE=1000",
                "household",
                "village");
        assertThat(gdal("ogrinfo", "-ro", "-so", gpkg.toString(), "household"))
                .contains("Feature Count: " + HOUSEHOLDS);
        assertThat(gdal("ogrinfo", "-ro", "-so", gpkg.toString(), "village")).contains("Feature Count: 30");
        assertThat(gdal(
                        "ogrinfo",
                        "-ro",
                        gpkg.toString(),
                        "-sql",
                        "SELECT COUNT(*) AS n FROM village WHERE name = '新月村'"))
                .contains("n (Integer) = 10");
        assertThat(gdal(
                        "ogrinfo",
                        "-ro",
                        gpkg.toString(),
                        "-sql",
                        "SELECT COUNT(*) AS n FROM household WHERE natural_village_code = '东湖组'"))
                .contains("n (Integer) = " + (HOUSEHOLDS + 6) / 7);
    }

    // ---- items: box, paging, filters, CRS --------------------------------------------------------

    @Test
    void aBboxAnswersWhatTheStoresStIntersectsAnswers() throws Exception {
        double[] box = {111.2, 28.3, 111.9, 28.7};
        for (String layer : List.of("village", "household")) {
            JsonNode page = getJson("/ogc/collections/" + layer + "/items?limit=10000&bbox=" + box[0] + "," + box[1]
                    + "," + box[2] + "," + box[3]);
            Set<Long> ids = ids(page);
            Set<Long> expected = store.withConnection(c -> {
                Set<Long> out = new HashSet<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT id FROM " + layer + " WHERE ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4490))")) {
                    for (int i = 0; i < 4; i++) {
                        ps.setDouble(i + 1, box[i]);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getLong(1));
                        }
                    }
                }
                return out;
            });
            assertThat(expected).isNotEmpty();
            assertThat(ids).as(layer).isEqualTo(expected);
            assertThat(page.get("numberMatched").asLong()).isEqualTo(expected.size());
        }
        // the same box in EPSG:4490's axis order (latitude first) through bbox-crs
        JsonNode latLon =
                getJson("/ogc/collections/village/items?bbox=28.3,111.2,28.7,111.9&bbox-crs=" + enc(CRS_4490));
        assertThat(latLon.get("numberMatched").asLong())
                .isEqualTo(getJson("/ogc/collections/village/items?bbox=111.2,28.3,111.9,28.7")
                        .get("numberMatched")
                        .asLong());
    }

    @Test
    void pagesFollowNextAndPrevLinksWithNumbersMatchedAndReturned() throws Exception {
        JsonNode first = getJson("/ogc/collections/household/items?limit=1000");
        assertThat(first.get("numberMatched").asLong()).isEqualTo(HOUSEHOLDS);
        assertThat(first.get("numberReturned").asLong()).isEqualTo(1000);
        assertThat(link(first, "prev")).isNull();
        Set<Long> seen = new HashSet<>(ids(first));
        JsonNode page = first;
        int pages = 1;
        while (link(page, "next") != null) {
            page = getAbsolute(link(page, "next"));
            assertThat(link(page, "prev")).isNotNull();
            seen.addAll(ids(page));
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(page.get("numberReturned").asLong()).isEqualTo(500);
        assertThat(seen).hasSize(HOUSEHOLDS);

        assertThat(getJson("/ogc/collections/household/items")
                        .get("numberReturned")
                        .asLong())
                .isEqualTo(100);
        JsonNode most = getJson("/ogc/collections/household/items?limit=50000");
        assertThat(most.get("numberReturned").asLong()).isEqualTo(HOUSEHOLDS);
        assertThat(link(most, "next")).isNull();
        HttpResponse<String> zero = api.send("GET", "/ogc/collections/household/items?limit=0", "leader", null);
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(zero.body()).get("code").asString()).isEqualTo("bad_value");
    }

    @Test
    void attributeFiltersAndDatesSelectAndChineseValuesStayIntact() throws Exception {
        JsonNode named = getJson("/ogc/collections/village/items?name=" + enc("新月村"));
        assertThat(named.get("numberMatched").asLong()).isEqualTo(10);
        assertThat(named.get("features").get(0).get("properties").get("name").asString())
                .isEqualTo("新月村");
        String next = link(getJson("/ogc/collections/village/items?limit=4&name=" + enc("新月村")), "next");
        assertThat(getAbsolute(next)
                        .get("features")
                        .get(0)
                        .get("properties")
                        .get("name")
                        .asString())
                .isEqualTo("新月村");

        // a layer without geometry: a collection without extent, features without geometry, dates as text
        JsonNode inspections = getJson("/ogc/collections/road_inspection");
        assertThat(inspections.has("extent")).isFalse();
        JsonNode march = getJson("/ogc/collections/road_inspection/items?datetime=2024-03-01/2024-03-31");
        assertThat(march.get("numberMatched").asLong()).isEqualTo(2);
        assertThat(march.get("features").get(0).get("geometry").isNull()).isTrue();
        assertThat(march.get("features")
                        .get(0)
                        .get("properties")
                        .get("inspected_on")
                        .asString())
                .isEqualTo("2024-03-10");
        assertThat(getJson("/ogc/collections/road_inspection/items?datetime=../2024-03-10&cause=" + enc("山体滑坡"))
                        .get("numberMatched")
                        .asLong())
                .isEqualTo(2);
        assertThat(getJson("/ogc/collections/household/items?datetime=2024-03-01")
                        .get("numberMatched")
                        .asLong())
                .as("a layer without dates has no feature at any time")
                .isZero();

        HttpResponse<String> unknown = api.send("GET", "/ogc/collections/village/items?colour=red", "leader", null);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).get("code").asString()).isEqualTo("bad_value");
    }

    @Test
    void coordinatesIn4490And4546AreWithinAMillimetreOfTheStoresTransformInTheirAxisOrder() throws Exception {
        JsonNode crs84 = getJson("/ogc/collections/household/items?limit=200");
        HttpResponse<String> r4490 =
                api.send("GET", "/ogc/collections/household/items?limit=200&crs=" + enc(CRS_4490), "leader", null);
        HttpResponse<String> r4546 =
                api.send("GET", "/ogc/collections/household/items?limit=200&crs=" + enc("EPSG:4546"), "leader", null);
        assertThat(r4490.headers().firstValue("Content-Crs")).hasValue("<" + CRS_4490 + ">");
        assertThat(r4546.headers().firstValue("Content-Crs")).hasValue("<" + CRS_4546 + ">");
        assertThat(api.send("GET", "/ogc/collections/household/items?limit=1", "leader", null)
                        .headers()
                        .firstValue("Content-Crs"))
                .hasValue("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>");
        JsonNode latLon = JSON.readTree(r4490.body());
        JsonNode gk = JSON.readTree(r4546.body());
        Map<Long, double[]> expected = store.withConnection(c -> {
            Map<Long, double[]> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, ST_X(geom), ST_Y(geom),"
                            + " ST_X(ST_Transform(geom, 4546)), ST_Y(ST_Transform(geom, 4546)) FROM household");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(
                            rs.getLong(1),
                            new double[] {rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5)});
                }
            }
            return out;
        });
        for (int i = 0; i < 200; i++) {
            long id = crs84.get("features").get(i).get("id").asLong();
            double[] e = expected.get(id);
            JsonNode lonLat = crs84.get("features").get(i).get("geometry").get("coordinates");
            assertThat(lonLat.get(0).asDouble()).isCloseTo(e[0], within(1e-8));
            assertThat(lonLat.get(1).asDouble()).isCloseTo(e[1], within(1e-8));
            JsonNode ll = latLon.get("features").get(i);
            assertThat(ll.get("id").asLong()).isEqualTo(id);
            assertThat(ll.get("geometry").get("coordinates").get(0).asDouble()).isCloseTo(e[1], within(1e-8));
            assertThat(ll.get("geometry").get("coordinates").get(1).asDouble()).isCloseTo(e[0], within(1e-8));
            JsonNode ne = gk.get("features").get(i).get("geometry").get("coordinates");
            assertThat(ne.get(0).asDouble()).as("northing").isCloseTo(e[3], within(0.001));
            assertThat(ne.get(1).asDouble()).as("easting").isCloseTo(e[2], within(0.001));
        }
        long someId = crs84.get("features").get(7).get("id").asLong();
        JsonNode one = getJson("/ogc/collections/household/items/" + someId + "?crs=" + enc(CRS_4546));
        assertThat(one.get("geometry").get("coordinates").get(1).asDouble())
                .isCloseTo(expected.get(someId)[2], within(0.001));
        HttpResponse<String> bad =
                api.send("GET", "/ogc/collections/household/items?crs=" + enc("EPSG:2414"), "leader", null);
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    // ---- documents, HTML, sign-in, problems ----------------------------------------------------

    @Test
    void landingConformanceAndApiDescribeTheService() throws Exception {
        JsonNode landing = getJson("/ogc");
        assertThat(landing.get("links").findValuesAsString("rel"))
                .contains("self", "service-desc", "conformance", "data");
        assertThat(getJson("/ogc/conformance").get("conformsTo").toString())
                .contains("ogcapi-features-1/1.0/conf/core", "ogcapi-features-2/1.0/conf/crs");
        JsonNode openapi = getJson("/ogc/api");
        assertThat(openapi.get("openapi").asString()).isEqualTo("3.0.3");
        assertThat(openapi.get("servers").get(0).get("url").asString()).isEqualTo(base());
        JsonNode household = getJson("/ogc/collections/household");
        assertThat(household.get("title").asString()).isEqualTo("农户");
        assertThat(household.get("crs").toString()).contains(CRS_4490, CRS_4546);
        assertThat(household.get("storageCrs").asString()).isEqualTo(CRS_4490);
    }

    @Test
    void browsersGetHtmlPages() throws Exception {
        HttpResponse<String> r = api.text(api.request("/ogc/collections", "leader")
                .header("Accept", "text/html,application/xhtml+xml")
                .build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("农户", "通返不通巡查");
        HttpResponse<String> items =
                api.send("GET", "/ogc/collections/village/items?f=html&limit=3&name=" + enc("新月村"), "leader", null);
        assertThat(items.body()).contains("<td>新月村</td>", "rel=\"next\"");
        assertThat(items.body().split("<tr>")).hasSize(1 + 1 + 3); // before the table, the head, three rows
    }

    @Test
    void theSameSignInAndProblemsAsTheApi() throws Exception {
        HttpResponse<String> anonymous = api.text(
                HttpRequest.newBuilder(URI.create(base() + "/collections")).build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(anonymous.body()).get("code").asString()).isEqualTo("unauthenticated");
        HttpResponse<String> layer = api.send("GET", "/ogc/collections/nowhere/items", "leader", null);
        assertThat(layer.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(layer.body()).get("code").asString()).isEqualTo("unknown_layer");
        HttpResponse<String> feature = api.send("GET", "/ogc/collections/village/items/999999", "leader", null);
        assertThat(feature.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(feature.body()).get("code").asString()).isEqualTo("unknown_feature");
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private String base() {
        return "http://localhost:" + port + "/ogc";
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> r = api.send("GET", path, "leader", null);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private JsonNode getAbsolute(String url) throws Exception {
        assertThat(url).startsWith(base());
        return getJson(url.substring(("http://localhost:" + port).length()));
    }

    private static String link(JsonNode page, String rel) {
        for (JsonNode l : page.get("links")) {
            if (l.get("rel").asString().equals(rel)) {
                return l.get("href").asString();
            }
        }
        return null;
    }

    private static Set<Long> ids(JsonNode page) {
        Set<Long> ids = new HashSet<>();
        page.get("features").forEach(f -> ids.add(f.get("id").asLong()));
        return ids;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Runs a GDAL program signed in as a reader; its standard output, failing on a non-zero exit. */
    private String gdal(String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(command));
        cmd.addAll(List.of("--config", "GDAL_HTTP_USERPWD", "leader:" + Browser.DEMO_PASSWORD));
        Path log = Files.createTempFile(tmp, "gdal", ".txt");
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("GDAL finished").isTrue();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
        return out;
    }
}
