package cn.yiyang.planning.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.planning.app.edit.MapEditService;
import cn.yiyang.planning.app.feature.FeatureEditService;
import cn.yiyang.planning.app.feature.FeatureNotFoundException;
import cn.yiyang.planning.app.importing.Multipart;
import cn.yiyang.planning.app.table.FeatureTableService;
import cn.yiyang.planning.app.table.TableQuery;
import cn.yiyang.planning.app.testsupport.ApiClient;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureQuery;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.testsupport.TwoCounties;
import cn.yiyang.planning.layers.tiles.TileCoord;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * County scoping and household-level data over real HTTP, with HTTP Basic (stored accounts) and bearer tokens:
 * two counties side by side (南县 430921 west of 112.5°E, 安化县 430923 east of it), five households in 南县 and
 * three in 安化县 (each with a poverty status and a 户主姓名 among its extra attributes), one road in each county.
 * A planner limited to 南县 lists, identifies, tiles and exports only 南县's features, with their poverty status
 * (the county's own user); its edits and import rows in 安化县 are refused and change nothing. A city-wide
 * transport account and a city-wide leader token see every county's households without poverty status or extra
 * attributes; a city-wide planner sees them. Subclasses pick the store.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"planning.demo.enabled=false", "planning.tianditu.key="})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CountyScopeContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AppUser ADMIN = new AppUser("admin", EnumSet.of(Role.ADMIN));
    private static final String PASSWORD = "county-scope-2026";
    private static final String NANXIAN_PLANNER = "nanxian.planner";
    private static final String CITY_TRANSPORT = "city.transport";
    private static final String CITY_PLANNER = "city.planner";

    @LocalServerPort
    int port;

    @Autowired
    FeatureRepository features;

    @Autowired
    AccountService accounts;

    @Autowired
    ApiTokenService tokens;

    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private final LayerDef household = catalogue.get("household");
    private String nanxianToken;
    private String leaderToken;

    @BeforeAll
    void accountsAndTokens() {
        accounts.create(ADMIN, NANXIAN_PLANNER, PASSWORD, EnumSet.of(Role.PLANNER), Set.of("430921"));
        accounts.create(ADMIN, CITY_TRANSPORT, PASSWORD, EnumSet.of(Role.TRANSPORT), Set.of());
        accounts.create(ADMIN, CITY_PLANNER, PASSWORD, EnumSet.of(Role.PLANNER), Set.of());
        nanxianToken = tokens.create(ADMIN, "nanxian-client", EnumSet.of(Role.PLANNER), Set.of("430921"), null)
                .secret();
        leaderToken = tokens.create(ADMIN, "leader-board", EnumSet.of(Role.LEADER), Set.of(), null)
                .secret();
    }

    @BeforeEach
    void fixtures() throws Exception {
        WKTReader wkt = new WKTReader();
        TwoCounties.load(features);
        features.load(
                catalogue.get("village"),
                LoadMode.REPLACE,
                List.of(
                                Feature.of(
                                        Map.of("code", "430921100201", "name", "新建村", "township_code", "430921100"),
                                        wkt.read("POLYGON ((112 28, 112.5 28, 112.5 28.5, 112 28.5, 112 28))")),
                                Feature.of(
                                        Map.of("code", "430923100201", "name", "东坪村", "township_code", "430923100"),
                                        wkt.read("POLYGON ((112.5 28, 113 28, 113 28.5, 112.5 28.5, 112.5 28))")))
                        .iterator());
        List<Feature> households = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            households.add(house("N" + i, "430921100201", i == 1 ? "exited" : "none", 112.05 + 0.08 * i, 28.2));
        }
        for (int i = 1; i <= 3; i++) {
            households.add(house("A" + i, "430923100201", i == 1 ? "monitored" : "none", 112.55 + 0.1 * i, 28.3));
        }
        features.load(household, LoadMode.REPLACE, households.iterator());
        features.load(
                catalogue.get("road"),
                LoadMode.REPLACE,
                List.of(
                                Feature.of(
                                        Map.of("code", "R1", "admin_class", "village"),
                                        wkt.read("LINESTRING (112.1 28.1, 112.2 28.1)")),
                                Feature.of(
                                        Map.of("code", "R2", "admin_class", "village"),
                                        wkt.read("LINESTRING (112.7 28.1, 112.8 28.1)")))
                        .iterator());
    }

    private static Feature house(String code, String village, String poverty, double lon, double lat) {
        Map<String, Object> a = new HashMap<>();
        a.put("code", code);
        a.put("village_code", village);
        a.put("population", 4);
        a.put("poverty_status", poverty);
        return new Feature(
                null, a, Map.of("户主姓名", "户主" + code), new GeometryFactory().createPoint(new Coordinate(lon, lat)));
    }

    // ---- requests ------------------------------------------------------------------------------

    private HttpRequest.Builder basic(String path, String user) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept-Language", "en")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder bearer(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept-Language", "en")
                .header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> text(HttpRequest.Builder r) throws Exception {
        return new ApiClient(port).text(r.build());
    }

    private JsonNode json(HttpRequest.Builder r) throws Exception {
        HttpResponse<String> answer = text(r);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static List<String> codes(JsonNode collection) {
        List<String> out = new ArrayList<>();
        collection
                .get("features")
                .forEach(f -> out.add(f.get("properties").get("code").asString()));
        return out;
    }

    private long id(String code) {
        return features.findByKey(household, code).orElseThrow().id();
    }

    private List<Geometry> tile(HttpRequest.Builder r, String layer) throws Exception {
        HttpResponse<byte[]> answer = new ApiClient(port).bytes(r.build());
        assertThat(answer.statusCode()).isIn(200, 204);
        JtsMvt mvt = MvtReader.loadMvt(
                new ByteArrayInputStream(answer.body()),
                new GeometryFactory(),
                new TagKeyValueMapConverter(false, "mvt_feature_id"),
                MvtReader.RING_CLASSIFIER_V2_1);
        JtsLayer l = mvt.getLayer(layer);
        return l == null ? List.of() : List.copyOf(l.getGeometries());
    }

    private static String tilePath(String layer, TileCoord c) {
        return "/tiles/" + layer + "/" + c.z() + "/" + c.x() + "/" + c.y() + ".mvt";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(Geometry g) {
        return (Map<String, Object>) g.getUserData();
    }

    // ---- reads ---------------------------------------------------------------------------------

    @Test
    void aCountyPlannerListsAndIdentifiesOnlyItsCountyWithBasicAndWithAToken() throws Exception {
        String items = "/ogc/collections/household/items?f=json&limit=100";
        JsonNode basic = json(basic(items, NANXIAN_PLANNER));
        assertThat(basic.get("numberMatched").asLong()).isEqualTo(5);
        assertThat(codes(basic)).containsExactly("N1", "N2", "N3", "N4", "N5");
        // the county's own user sees its households in full
        assertThat(basic.get("features")
                        .get(0)
                        .get("properties")
                        .get("poverty_status")
                        .asString())
                .isEqualTo("exited");
        JsonNode token = json(bearer(items, nanxianToken));
        assertThat(codes(token)).containsExactly("N1", "N2", "N3", "N4", "N5");
        assertThat(json(bearer("/ogc/collections/road/items?f=json", nanxianToken))
                        .get("numberMatched")
                        .asLong())
                .isEqualTo(1);

        // identify: a feature of the other county is not found, through the OGC API and the feature API
        String anhua = "/ogc/collections/household/items/" + id("A1") + "?f=json";
        assertThat(text(basic(anhua, NANXIAN_PLANNER)).statusCode()).isEqualTo(404);
        assertThat(text(bearer(anhua, nanxianToken)).statusCode()).isEqualTo(404);
        assertThat(text(basic("/api/v1/layers/household/features/" + id("A1"), NANXIAN_PLANNER))
                        .statusCode())
                .isEqualTo(404);
        assertThat(text(basic("/api/v1/layers/household/features/" + id("N2"), NANXIAN_PLANNER))
                        .statusCode())
                .isEqualTo(200);

        // the whole city for an account without counties
        assertThat(json(basic(items, CITY_TRANSPORT)).get("numberMatched").asLong())
                .isEqualTo(8);
        assertThat(json(bearer(items, leaderToken)).get("numberMatched").asLong())
                .isEqualTo(8);
    }

    @Test
    void householdAttributesAreAbsentForOtherRolesAndPresentForPlanners() throws Exception {
        String items = "/ogc/collections/household/items?f=json&limit=100";
        for (HttpRequest.Builder r : List.of(basic(items, CITY_TRANSPORT), bearer(items, leaderToken))) {
            HttpResponse<String> answer = text(r);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).doesNotContain("poverty_status", "exited", "monitored", "户主");
            assertThat(codes(JSON.readTree(answer.body()))).hasSize(8);
        }
        String planner = text(basic(items, CITY_PLANNER)).body();
        assertThat(planner).contains("\"poverty_status\":\"exited\"", "\"poverty_status\":\"monitored\"");
        // nor can a filter on the withheld field probe it
        assertThat(text(basic(items + "&poverty_status=exited", CITY_TRANSPORT)).statusCode())
                .isEqualTo(400);
        String one = text(basic("/api/v1/layers/household/features/" + id("N1"), CITY_TRANSPORT))
                .body();
        assertThat(one).contains("\"N1\"").doesNotContain("poverty_status", "户主");
    }

    @Test
    void tilesHoldTheScopesFeaturesAndPovertyStatusOnlyForHouseholdRoles() throws Exception {
        TileCoord a1 = TileCoord.containing(14, 112.65, 28.3);
        assertThat(tile(basic(tilePath("household", a1), NANXIAN_PLANNER), "household"))
                .isEmpty();
        assertThat(tile(bearer(tilePath("household", a1), nanxianToken), "household"))
                .isEmpty();
        List<Geometry> transport = tile(basic(tilePath("household", a1), CITY_TRANSPORT), "household");
        assertThat(transport).hasSize(1);
        assertThat(props(transport.getFirst())).containsEntry("code", "A1").doesNotContainKey("poverty_status");
        List<Geometry> leader = tile(bearer(tilePath("household", a1), leaderToken), "household");
        assertThat(props(leader.getFirst())).doesNotContainKey("poverty_status");
        List<Geometry> planner = tile(basic(tilePath("household", a1), CITY_PLANNER), "household");
        assertThat(props(planner.getFirst())).containsEntry("poverty_status", "monitored");

        TileCoord n1 = TileCoord.containing(14, 112.13, 28.2);
        List<Geometry> own = tile(basic(tilePath("household", n1), NANXIAN_PLANNER), "household");
        assertThat(own).hasSize(1);
        assertThat(props(own.getFirst())).containsEntry("poverty_status", "exited");
        // roads by location
        TileCoord r2 = TileCoord.containing(12, 112.75, 28.1);
        assertThat(tile(bearer(tilePath("road", r2), nanxianToken), "road")).isEmpty();
        assertThat(tile(bearer(tilePath("road", r2), leaderToken), "road")).hasSize(1);
    }

    @Test
    void exportsHoldTheScopesFeaturesWithoutWithheldFields() throws Exception {
        String export = "/api/v1/layers/household/export?format=geojson";
        HttpResponse<String> county = text(basic(export, NANXIAN_PLANNER));
        assertThat(county.statusCode()).as(county.body()).isEqualTo(200);
        assertThat(county.headers().firstValue("X-Feature-Count")).hasValue("5");
        assertThat(codes(JSON.readTree(county.body()))).containsExactly("N1", "N2", "N3", "N4", "N5");
        HttpResponse<String> byToken = text(bearer(export, nanxianToken));
        assertThat(codes(JSON.readTree(byToken.body()))).containsExactly("N1", "N2", "N3", "N4", "N5");

        HttpResponse<String> transport = text(basic(export, CITY_TRANSPORT));
        assertThat(codes(JSON.readTree(transport.body()))).hasSize(8);
        assertThat(transport.body()).doesNotContain("poverty_status", "户主");
        HttpResponse<String> csv = text(bearer("/api/v1/layers/household/export?format=csv", leaderToken));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).doesNotContain("poverty_status", "脱贫属性", "户主").contains("A3");
        assertThat(text(basic(export, CITY_PLANNER)).body()).contains("\"poverty_status\":\"exited\"");
    }

    @Test
    void findingsAndIndicatorsHoldTheCountysRowsAndUnitsOnly() throws Exception {
        List<Feature> gaps = new ArrayList<>();
        String[] counties = {"430921", "430921", "430923"};
        for (int i = 0; i < counties.length; i++) {
            Map<String, Object> a = new HashMap<>();
            a.put("code", "G" + i);
            a.put("kind", "natural_village");
            a.put("county_code", counties[i]);
            a.put("village_code", counties[i] + "100201");
            gaps.add(Feature.of(a, new GeometryFactory().createPoint(new Coordinate(112.2 + 0.3 * i, 28.2))));
        }
        features.load(catalogue.get("access_gap"), LoadMode.REPLACE, gaps.iterator());
        String csv = "/api/v1/analyses/road-access/findings/access_gap.csv";
        String county = text(basic(csv, NANXIAN_PLANNER)).body();
        assertThat(county).contains("G0", "G1").doesNotContain("G2");
        assertThat(text(bearer(csv, nanxianToken)).body()).contains("G0", "G1").doesNotContain("G2");
        assertThat(text(bearer(csv, leaderToken)).body()).contains("G0", "G1", "G2");

        // the live plan-coverage indicators: one row per county for the city, the own county's for a county user
        String indicators = "/api/v1/indicators?level=county&kind=village-plan";
        List<String> cityWide = new ArrayList<>();
        json(bearer(indicators, leaderToken))
                .get("indicators")
                .forEach(i -> cityWide.add(i.get("code").asString()));
        List<String> own = new ArrayList<>();
        json(basic(indicators, NANXIAN_PLANNER))
                .get("indicators")
                .forEach(i -> own.add(i.get("code").asString()));
        assertThat(cityWide).contains("430921", "430923");
        assertThat(own).isNotEmpty().allMatch("430921"::equals);
        assertThat(json(basic("/api/v1/indicators?level=city&kind=village-plan", NANXIAN_PLANNER))
                        .get("indicators"))
                .isEmpty();
        assertThat(json(bearer("/api/v1/indicators?level=city&kind=village-plan", leaderToken))
                        .get("indicators"))
                .isNotEmpty();
    }

    @Test
    void aCountyUsersDashboardStartsAtItsCountyAndHidesTheCitysTotals() throws Exception {
        assertThat(json(basic("/api/v1/dashboard", NANXIAN_PLANNER)).get("code").asString())
                .isEqualTo("430921");
        assertThat(json(bearer("/api/v1/dashboard", nanxianToken)).get("code").asString())
                .isEqualTo("430921");
        HttpResponse<String> city = text(basic("/api/v1/dashboard?code=430900", NANXIAN_PLANNER));
        assertThat(city.statusCode()).as(city.body()).isEqualTo(400);
        assertThat(city.body()).contains("\"code\":\"bad_value\"", "430921");
        assertThat(text(bearer("/api/v1/dashboard/report.xlsx?code=430923", nanxianToken))
                        .statusCode())
                .isEqualTo(400);
        assertThat(json(bearer("/api/v1/dashboard", leaderToken)).get("code").asString())
                .isEqualTo("430900");
    }

    @Autowired
    FeatureTableService tables;

    @Autowired
    MapEditService editing;

    @Autowired
    FeatureEditService edits;

    @Test
    void theUiServicesShowTheCountyAndWithholdHouseholdDataWhereTheRoleNeedsNone() {
        AppUser nanxian = new AppUser(NANXIAN_PLANNER, EnumSet.of(Role.PLANNER), Set.of("430921"));
        AppUser transport = new AppUser(CITY_TRANSPORT, EnumSet.of(Role.TRANSPORT));
        AppUser water = new AppUser("city.water", EnumSet.of(Role.WATER));
        // the attribute table: rows, counts, the columns it shows
        assertThat(tables.count(nanxian, "household", TableQuery.all())).isEqualTo(5);
        assertThat(tables.rows(nanxian, "household", TableQuery.all(), 0, 100))
                .extracting(r -> r.values().get("code"))
                .containsExactly("N1", "N2", "N3", "N4", "N5");
        assertThat(tables.count(transport, "household", TableQuery.all())).isEqualTo(8);
        assertThat(tables.rows(transport, "household", TableQuery.all(), 0, 100))
                .allSatisfy(r -> assertThat(r.values()).doesNotContainKey("poverty_status"));
        assertThat(tables.layer(transport, "household").field("poverty_status")).isEmpty();
        assertThat(tables.layer(water, "household").field("poverty_status")).isPresent();
        assertThat(tables.rows(water, "household", TableQuery.all(), 0, 1)
                        .getFirst()
                        .values())
                .containsEntry("poverty_status", "exited");
        assertThat(tables.extent(nanxian, "household", id("A1"))).isEmpty();
        assertThat(tables.extent(nanxian, "household", id("N1"))).isPresent();
        // the editor's shapes in view, and a feature read for the form
        Envelope city = new Envelope(111, 114, 27, 30);
        assertThat(editing.inView(nanxian, "household", city)).hasSize(5);
        assertThat(editing.inView(nanxian, "road", city)).hasSize(1);
        assertThatThrownBy(() -> edits.get(nanxian, "household", id("A1")))
                .isInstanceOf(FeatureNotFoundException.class);
        assertThat(edits.get(transport, "household", id("A1")).feature().attributes())
                .doesNotContainKey("poverty_status");
        assertThat(edits.get(transport, "household", id("A1")).feature().extra())
                .isEmpty();
    }

    // ---- writes --------------------------------------------------------------------------------

    @Test
    void editsOutsideTheCountyAreRefusedAndChangeNothing() throws Exception {
        String patch = "{\"properties\":{\"population\":9}}";
        HttpResponse<String> other = text(basic("/api/v1/layers/household/features/" + id("A2"), NANXIAN_PLANNER)
                .header("If-Match", "\"1\"")
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(patch)));
        assertThat(other.statusCode()).as(other.body()).isEqualTo(403);
        assertThat(other.body()).contains("\"code\":\"out_of_scope\"", "430921");
        assertThat(features.findByKey(household, "A2").orElseThrow().get("population"))
                .isEqualTo(4);

        // moving a feature of one's own county into another is refused too
        String move = "{\"properties\":{\"village_code\":\"430923100201\"}}";
        HttpResponse<String> moved = text(bearer("/api/v1/layers/household/features/" + id("N3"), nanxianToken)
                .header("If-Match", "\"1\"")
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(move)));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(403);
        assertThat(features.findByKey(household, "N3").orElseThrow().getString("village_code"))
                .isEqualTo("430921100201");

        String created = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[112.9,28.3]},"
                + "\"properties\":{\"code\":\"A9\",\"village_code\":\"430923100201\"}}";
        HttpResponse<String> post = text(bearer("/api/v1/layers/household/features", nanxianToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(created)));
        assertThat(post.statusCode()).as(post.body()).isEqualTo(403);
        assertThat(post.body()).contains("A9");
        assertThat(features.findByKey(household, "A9")).isEmpty();

        HttpResponse<String> own = text(basic("/api/v1/layers/household/features/" + id("N2"), NANXIAN_PLANNER)
                .header("If-Match", "\"1\"")
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(patch)));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(features.findByKey(household, "N2").orElseThrow().get("population"))
                .isEqualTo(9);

        // the edit's history: not found outside the county, without the poverty status for other roles
        String history = "/api/v1/layers/household/features/" + id("N2") + "/history";
        HttpResponse<String> planner = text(basic(history, CITY_PLANNER));
        assertThat(planner.statusCode()).as(planner.body()).isEqualTo(200);
        assertThat(planner.body()).contains("poverty_status");
        HttpResponse<String> transport = text(bearer(history, leaderToken));
        assertThat(transport.statusCode()).isEqualTo(200);
        assertThat(transport.body()).contains("\"N2\"").doesNotContain("poverty_status", "户主");
        assertThat(text(basic("/api/v1/layers/household/features/" + id("A2") + "/history", NANXIAN_PLANNER))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void importRowsOutsideTheCountyAreRefusedOneByOne(@TempDir Path work) throws Exception {
        Path csv = work.resolve("农户.csv");
        Files.writeString(
                csv,
                "农户编号,村代码,经度,纬度\nN6,430921100201,112.35,28.25\nA9,430923100201,112.8,28.3\n"
                        + "N7,430921100201,112.4,28.1\n",
                StandardCharsets.UTF_8);
        Multipart parts = new Multipart().file(csv);
        HttpResponse<String> submitted = text(basic("/api/v1/layers/household/imports", NANXIAN_PLANNER)
                .header("Content-Type", parts.contentType())
                .POST(parts.publisher()));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = JSON.readTree(submitted.body()).get("id").asString();
        JsonNode done = settled(id);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("imported").asLong()).isEqualTo(2);
        assertThat(done.get("rejected").asLong()).isEqualTo(1);
        JsonNode issue = null;
        for (JsonNode i : done.get("issues")) {
            if (i.get("code").asString().equals("OUTSIDE_SCOPE")) {
                issue = i;
            }
        }
        assertThat(issue).as(done.toString()).isNotNull();
        assertThat(issue.get("file").asString()).isEqualTo("农户.csv");
        assertThat(issue.get("row").asLong()).isEqualTo(2);
        assertThat(issue.get("field").asString()).isEqualTo("village_code");
        assertThat(issue.get("message").asString()).contains("430923100201", "430921");
        assertThat(features.findByKey(household, "A9")).isEmpty();
        assertThat(features.findByKey(household, "N6")).isPresent();
        assertThat(features.count(household, FeatureQuery.first(1))).isEqualTo(10);

        // replacing the layer would delete the other county's households: refused as a whole
        Multipart replace = new Multipart().file(csv).field("mode", "replace");
        String replaceId = JSON.readTree(text(basic("/api/v1/layers/household/imports", NANXIAN_PLANNER)
                                .header("Content-Type", replace.contentType())
                                .POST(replace.publisher()))
                        .body())
                .get("id")
                .asString();
        assertThat(settled(replaceId).get("status").asString()).isEqualTo("FAILED");
        assertThat(features.count(household, FeatureQuery.first(1))).isEqualTo(10);
    }

    private JsonNode settled(String id) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode job = json(basic("/api/v1/imports/" + id, NANXIAN_PLANNER));
            String status = job.get("status").asString();
            if (status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("NEEDS_INPUT")) {
                return job;
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("import " + id + " did not settle: " + job);
            }
            Thread.sleep(200);
        }
    }

    /** The {@code layers} (or {@code collections}) entry of this id. */
    private static JsonNode entry(JsonNode list, String id) {
        for (JsonNode l : list) {
            if (l.get("id").asString().equals(id)) {
                return l;
            }
        }
        throw new AssertionError("no " + id + " in " + list);
    }

    /** The box to 4 decimals (PostGIS may read a line's box in single precision). */
    private static List<Double> box(JsonNode array) {
        List<Double> out = new ArrayList<>();
        array.forEach(v -> out.add(Math.round(v.asDouble() * 1e4) / 1e4));
        return out;
    }

    /** An OGC collection's spatial extent ({@link #box}). */
    private static List<Double> bbox(JsonNode collection) {
        return box(collection.get("extent").get("spatial").get("bbox").get(0));
    }

    @Test
    void layerCountsAndExtentsAreOfTheCallersCounties() throws Exception {
        JsonNode own = json(basic("/api/v1/layers", NANXIAN_PLANNER)).get("layers");
        JsonNode ownByToken = json(bearer("/api/v1/layers", nanxianToken)).get("layers");
        JsonNode city = json(basic("/api/v1/layers", CITY_TRANSPORT)).get("layers");
        Map<String, long[]> counts = Map.of(
                "household",
                new long[] {5, 8},
                "road",
                new long[] {1, 2},
                "village",
                new long[] {1, 2},
                "county",
                new long[] {1, 2});
        counts.forEach((layer, expected) -> {
            assertThat(entry(own, layer).get("featureCount").asLong()).as(layer).isEqualTo(expected[0]);
            assertThat(entry(ownByToken, layer).get("featureCount").asLong())
                    .as(layer)
                    .isEqualTo(expected[0]);
            assertThat(entry(city, layer).get("featureCount").asLong())
                    .as(layer)
                    .isEqualTo(expected[1]);
        });
        assertThat(box(entry(own, "household").get("extent"))).containsExactly(112.13, 28.2, 112.45, 28.2);
        assertThat(box(entry(city, "household").get("extent"))).containsExactly(112.13, 28.2, 112.85, 28.3);
        assertThat(json(basic("/api/v1/layers/road", NANXIAN_PLANNER))
                        .get("featureCount")
                        .asLong())
                .isEqualTo(1);
        assertThat(json(basic("/api/v1/layers/road", CITY_TRANSPORT))
                        .get("featureCount")
                        .asLong())
                .isEqualTo(2);
        // asked again: the counts kept for each set of counties do not leak into one another
        assertThat(entry(json(basic("/api/v1/layers", NANXIAN_PLANNER)).get("layers"), "household")
                        .get("featureCount")
                        .asLong())
                .isEqualTo(5);

        JsonNode ownCollections =
                json(basic("/ogc/collections?f=json", NANXIAN_PLANNER)).get("collections");
        JsonNode cityCollections =
                json(bearer("/ogc/collections?f=json", leaderToken)).get("collections");
        assertThat(entry(ownCollections, "household").get("featureCount").asLong())
                .isEqualTo(5);
        assertThat(entry(cityCollections, "household").get("featureCount").asLong())
                .isEqualTo(8);
        assertThat(bbox(entry(ownCollections, "household"))).containsExactly(112.13, 28.2, 112.45, 28.2);
        assertThat(bbox(entry(cityCollections, "household"))).containsExactly(112.13, 28.2, 112.85, 28.3);
        JsonNode road = json(bearer("/ogc/collections/road?f=json", nanxianToken));
        assertThat(road.get("featureCount").asLong()).isEqualTo(1);
        assertThat(bbox(road)).containsExactly(112.1, 28.1, 112.2, 28.1);
        assertThat(json(basic("/ogc/collections/road?f=json", CITY_TRANSPORT))
                        .get("featureCount")
                        .asLong())
                .isEqualTo(2);
        // the map's TileJSON bounds (where the map starts) are of the caller's counties too
        assertThat(box(json(basic("/tiles/household.json", NANXIAN_PLANNER)).get("bounds")))
                .containsExactly(112.13, 28.2, 112.45, 28.2);
        assertThat(box(json(basic("/tiles/household.json", CITY_TRANSPORT)).get("bounds")))
                .containsExactly(112.13, 28.2, 112.85, 28.3);
        // the HTML list says the same count
        HttpResponse<String> html = text(basic("/ogc/collections?f=html", NANXIAN_PLANNER));
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).containsPattern(">household</a></td><td>[^<]*</td><td>5</td>");
        assertThat(json(basic("/ogc/collections/household/items?f=json&limit=2", NANXIAN_PLANNER))
                        .get("numberMatched")
                        .asLong())
                .isEqualTo(5);
    }
}
