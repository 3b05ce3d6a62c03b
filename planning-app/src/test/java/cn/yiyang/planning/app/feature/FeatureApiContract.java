package cn.yiyang.planning.app.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.app.testsupport.ApiClient;
import cn.yiyang.planning.geo.crs.Crs;
import cn.yiyang.planning.geo.crs.CrsTransform;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.Region;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.io.WKTReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The feature API over HTTP against a running app: every write endpoint for the owning department, ADMIN, LEADER
 * and a department that does not own the layer; optimistic locking (missing and stale {@code If-Match}); features
 * that fail an import row's checks; the history's before and after; code labels; a {@code crs} member. Every
 * refused request is shown to change nothing. Subclasses pick the store; it starts empty (no demo city).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // no scheduled version check during a test: only the edit service may tell the maps of a change
        properties = {"planning.demo.enabled=false", "planning.map.version-check=PT1H"})
abstract class FeatureApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ROADS = "/api/v1/layers/road/features";
    private static final AtomicInteger CODES = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    LayerVersions versions;

    @Autowired
    LayerCatalogue catalogue;

    @Autowired
    FeatureRepository features;

    @Test
    void theOwnerCreatesReadsPatchesReplacesAndDeletesAndTheHistoryKeepsEachStep() throws Exception {
        String code = nextCode();
        HttpResponse<String> created = send("POST", ROADS, "transport", road(code, "水泥", 112.30, 28.50));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
        String location = created.headers().firstValue("Location").orElseThrow();
        long id = json(created).get("id").asLong();
        assertThat(location).isEqualTo(ROADS + "/" + id);
        assertThat(json(created).get("properties").get("surface").asString())
                .as("a code's Chinese label is stored as its code, as imports do")
                .isEqualTo("cement");

        HttpResponse<String> read = send("GET", location, "leader", null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"1\"");
        JsonNode feature = json(read);
        assertThat(feature.get("type").asString()).isEqualTo("Feature");
        assertThat(feature.get("properties").get("name").asString()).isEqualTo("测试路" + code);
        assertThat(feature.get("geometry").get("type").asString()).isEqualTo("MultiLineString");
        double[] start = firstCoordinate(feature);
        assertThat(start[0]).isCloseTo(112.30, within(1e-7));
        assertThat(start[1]).isCloseTo(28.50, within(1e-7));

        HttpResponse<String> patched = send(
                "PATCH",
                location,
                "transport",
                "{\"properties\":{\"width\":6.5,\"maintainer\":null}}",
                "If-Match",
                "\"1\"",
                "Content-Type",
                FeatureController.MERGE_PATCH);
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(patched.headers().firstValue("ETag")).hasValue("\"2\"");
        JsonNode afterPatch = json(send("GET", location, "transport", null));
        assertThat(afterPatch.get("properties").get("width").asDouble()).isEqualTo(6.5);
        assertThat(afterPatch.get("properties").has("maintainer"))
                .as("null removes")
                .isFalse();
        assertThat(afterPatch.get("properties").get("name").asString())
                .as("a patch changes only what it names")
                .isEqualTo("测试路" + code);
        assertThat(afterPatch.get("properties").get("surface").asString()).isEqualTo("cement");
        assertThat(afterPatch.get("geometry")).isEqualTo(feature.get("geometry"));

        HttpResponse<String> replaced =
                send("PUT", location, "transport", road(code, "asphalt", 112.31, 28.51), "If-Match", "\"2\"");
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.headers().firstValue("ETag")).hasValue("\"3\"");
        assertThat(json(replaced).get("properties").has("width"))
                .as("PUT replaces the whole feature")
                .isFalse();
        assertThat(firstCoordinate(json(replaced))[0]).isCloseTo(112.31, within(1e-7));

        HttpResponse<String> deleted = send("DELETE", location, "transport", null, "If-Match", "\"3\"");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        HttpResponse<String> gone = send("GET", location, "transport", null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(json(gone).get("code").asString()).isEqualTo("unknown_feature");

        JsonNode history = json(send("GET", location + "/history", "leader", null));
        assertThat(history.size()).isEqualTo(4);
        List<String> operations = new ArrayList<>();
        history.forEach(e -> operations.add(e.get("operation").asString()));
        assertThat(operations).containsExactly("DELETE", "UPDATE", "UPDATE", "INSERT");
        JsonNode delete = history.get(0);
        assertThat(delete.get("user").asString()).isEqualTo("transport");
        assertThat(delete.get("at").asString()).isNotBlank();
        assertThat(delete.get("before").get("properties").get("surface").asString())
                .isEqualTo("asphalt");
        assertThat(delete.get("after").isNull()).isTrue();
        JsonNode patch = history.get(2);
        assertThat(patch.get("version").asLong()).isEqualTo(2);
        assertThat(patch.get("before").get("properties").has("width")).isFalse();
        assertThat(patch.get("after").get("properties").get("width").asDouble()).isEqualTo(6.5);
        JsonNode insert = history.get(3);
        assertThat(insert.get("version").asLong()).isEqualTo(1);
        assertThat(insert.get("before").isNull()).isTrue();
        assertThat(insert.get("after").get("properties").get("surface").asString())
                .isEqualTo("cement");
        assertThat(insert.get("after").get("geometry").get("type").asString()).isEqualTo("MultiLineString");
    }

    @Test
    void leadersAndOtherDepartmentsMayNotWriteAndChangeNothingWhileAdminMay() throws Exception {
        HttpResponse<String> byAdmin = send("POST", ROADS, "admin", road(nextCode(), "asphalt", 112.2, 28.4));
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(201);
        String location = byAdmin.headers().firstValue("Location").orElseThrow();
        long roads = featureCount("road");

        for (String user : List.of("leader", "water")) {
            String other = nextCode();
            List<HttpResponse<String>> refused = List.of(
                    send("POST", ROADS, user, road(other, "asphalt", 112.2, 28.4)),
                    send("PUT", location, user, road(other, "gravel", 112.2, 28.4), "If-Match", "\"1\""),
                    send("PATCH", location, user, "{\"properties\":{\"name\":\"改名\"}}", "If-Match", "\"1\""),
                    send("DELETE", location, user, null, "If-Match", "\"1\""));
            for (HttpResponse<String> r : refused) {
                assertThat(r.statusCode()).as(user + " " + r.request().method()).isEqualTo(403);
                assertThat(json(r).get("code").asString()).isEqualTo("forbidden");
            }
        }
        HttpResponse<String> unchanged = send("GET", location, "leader", null);
        assertThat(unchanged.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(json(unchanged).get("properties").get("surface").asString()).isEqualTo("asphalt");
        assertThat(featureCount("road")).isEqualTo(roads);
        assertThat(json(send("GET", location + "/history", "admin", null)).size())
                .isEqualTo(1);

        HttpResponse<String> adminPatch =
                send("PATCH", location, "admin", "{\"properties\":{\"surface\":\"沥青\"}}", "If-Match", "\"1\"");
        assertThat(adminPatch.statusCode()).as(adminPatch.body()).isEqualTo(200);
        HttpResponse<String> adminDelete = send("DELETE", location, "admin", null, "If-Match", "\"2\"");
        assertThat(adminDelete.statusCode()).isEqualTo(204);
    }

    @Test
    void everyWriteTellsTheOpenMapsAtOnce() throws Exception {
        versions.version(catalogue.get("road")); // as an open map does: from now on the layer's changes are pushed
        List<Set<String>> events = new CopyOnWriteArrayList<>();
        Runnable stop = versions.addListener(events::add);
        try {
            String location = create(road(nextCode(), "asphalt", 112.2, 28.3));
            assertThat(events).as("after the insert").containsExactly(Set.of("road"));
            send("PATCH", location, "transport", "{\"properties\":{\"width\":3}}", "If-Match", "\"1\"");
            send("DELETE", location, "transport", null, "If-Match", "\"2\"");
            assertThat(events).hasSize(3);
            send("DELETE", location, "transport", null, "If-Match", "\"3\"");
            assertThat(events).as("a refused write changes nothing to redraw").hasSize(3);
        } finally {
            stop.run();
        }
    }

    @Test
    void aWriteWithoutOrWithAStaleVersionIsRefusedWithWhatChanged() throws Exception {
        String location = create(road(nextCode(), "asphalt", 112.25, 28.45));
        assertThat(send("PATCH", location, "transport", "{\"properties\":{\"width\":4}}", "If-Match", "\"1\"")
                        .statusCode())
                .isEqualTo(200);

        for (HttpResponse<String> missing : List.of(
                send("PATCH", location, "transport", "{\"properties\":{\"width\":5}}"),
                send("PUT", location, "transport", road(nextCode(), "gravel", 112.25, 28.45)),
                send("DELETE", location, "transport", null))) {
            assertThat(missing.statusCode()).as(missing.body()).isEqualTo(428);
            assertThat(json(missing).get("code").asString()).isEqualTo("precondition_required");
        }
        for (HttpResponse<String> stale : List.of(
                send("PATCH", location, "transport", "{\"properties\":{\"width\":5}}", "If-Match", "\"1\""),
                send("PUT", location, "transport", road(nextCode(), "gravel", 112.25, 28.45), "If-Match", "\"1\""),
                send("DELETE", location, "transport", null, "If-Match", "W/\"1\""))) {
            assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
            JsonNode problem = json(stale);
            assertThat(problem.get("code").asString()).isEqualTo("stale_version");
            assertThat(problem.get("currentVersion").asLong()).isEqualTo(2);
            assertThat(problem.get("changes").size()).isEqualTo(1);
            JsonNode change = problem.get("changes").get(0);
            assertThat(change.get("operation").asString()).isEqualTo("UPDATE");
            assertThat(change.get("after").get("properties").get("width").asDouble())
                    .isEqualTo(4.0);
        }
        HttpResponse<String> now = send("GET", location, "transport", null);
        assertThat(now.headers().firstValue("ETag")).as("nothing changed").hasValue("\"2\"");
        assertThat(json(now).get("properties").get("width").asDouble()).isEqualTo(4.0);
    }

    @Test
    void invalidFeaturesGetTheImportIssueCodesAndChangeNothing() throws Exception {
        long roads = featureCount("road");
        long redLines = featureCount("ecological_redline");

        HttpResponse<String> bowtie = send(
                "POST",
                "/api/v1/layers/ecological_redline/features",
                "planner",
                "{\"type\":\"Feature\",\"properties\":{\"code\":\"HX-1\"},\"geometry\":{\"type\":\"Polygon\","
                        + "\"coordinates\":[[[112.0,28.0],[112.1,28.1],[112.1,28.0],[112.0,28.1],[112.0,28.0]]]}}");
        assertProblem(bowtie, "geometry", "INVALID_GEOMETRY");

        HttpResponse<String> outside = send("POST", ROADS, "transport", road(nextCode(), "asphalt", 100.0, 28.5));
        assertProblem(outside, "geometry", "OUTSIDE_REGION");

        HttpResponse<String> unknownCode =
                send("POST", ROADS, "transport", road(nextCode(), "bamboo", 112.3, 28.5), "Accept-Language", "en");
        JsonNode problem = assertProblem(unknownCode, "surface", "UNKNOWN_CODE");
        assertThat(problem.get("message").asString())
                .as("in the caller's language")
                .contains("bamboo", "allowed");

        String location = create(road(nextCode(), "asphalt", 112.3, 28.5));
        roads++;
        HttpResponse<String> badPatch =
                send("PATCH", location, "transport", "{\"properties\":{\"admin_class\":null}}", "If-Match", "\"1\"");
        assertProblem(badPatch, "admin_class", "MISSING_REQUIRED");

        assertThat(featureCount("road")).isEqualTo(roads);
        assertThat(featureCount("ecological_redline")).isEqualTo(redLines);
        assertThat(send("GET", location, "transport", null).headers().firstValue("ETag"))
                .hasValue("\"1\"");
    }

    @Test
    void aKeyThatIsThereAlreadyIsRefusedButAFeatureKeepsItsOwn() throws Exception {
        String code = nextCode();
        String location = create(road(code, "asphalt", 112.3, 28.5));
        assertProblem(send("POST", ROADS, "transport", road(code, "asphalt", 112.3, 28.5)), "code", "KEY_EXISTS");
        HttpResponse<String> same =
                send("PUT", location, "transport", road(code, "gravel", 112.3, 28.5), "If-Match", "\"1\"");
        assertThat(same.statusCode()).as(same.body()).isEqualTo(200);
    }

    @Test
    void aFeatureInAProjectedCrsLandsAtItsLongitudeAndLatitude() throws Exception {
        Crs zone = Crs.parse("EPSG:4546");
        CrsTransform toZone = CrsTransform.of(Crs.CGCS2000, zone);
        Coordinate a = toZone.transform(new Coordinate(112.35, 28.55));
        Coordinate b = toZone.transform(new Coordinate(112.36, 28.56));
        assertThat(a.x).as("a 3-degree zone around 111°E, no zone prefix").isBetween(600_000.0, 700_000.0);
        String body = "{\"type\":\"Feature\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:4546\"}},"
                + "\"properties\":{\"code\":\"" + nextCode() + "\",\"name\":\"投影路\",\"admin_class\":\"村道\"},"
                + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[" + a.x + "," + a.y + "],[" + b.x + ","
                + b.y + "]]}}";
        HttpResponse<String> created = send("POST", ROADS, "transport", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        double[] start = firstCoordinate(json(created));
        assertThat(start[0]).isCloseTo(112.35, within(1e-6));
        assertThat(start[1]).isCloseTo(28.55, within(1e-6));
        assertThat(json(created).get("properties").get("admin_class").asString())
                .isEqualTo("village");
    }

    @Test
    void aFeatureIsReadAsItWasAtATimeOrOnADateAndNotFoundBeforeItExisted() throws Exception {
        String location = create(road(nextCode(), "水泥", 112.32, 28.52));
        HttpResponse<String> patched =
                send("PATCH", location, "transport", "{\"properties\":{\"width\":4.5}}", "If-Match", "\"1\"");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        JsonNode history = json(send("GET", location + "/history", "leader", null));
        OffsetDateTime inserted = OffsetDateTime.parse(history.get(1).get("at").asString());
        OffsetDateTime updated = OffsetDateTime.parse(history.get(0).get("at").asString());

        HttpResponse<String> first = send("GET", location + "?asOf=" + query(inserted), "leader", null);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(json(first).get("properties").has("width")).isFalse();
        String chinaTime =
                inserted.atZoneSameInstant(Region.TIME_ZONE).toLocalDateTime().toString();
        assertThat(json(send("GET", location + "?asOf=" + query(chinaTime), "leader", null))
                        .get("properties")
                        .has("width"))
                .as("a date-time without offset is China time")
                .isFalse();
        HttpResponse<String> second = send("GET", location + "?asOf=" + query(updated), "leader", null);
        assertThat(second.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(json(second).get("properties").get("width").asDouble()).isEqualTo(4.5);
        String day = updated.atZoneSameInstant(Region.TIME_ZONE).toLocalDate().toString();
        assertThat(send("GET", location + "?asOf=" + query(day), "leader", null)
                        .headers()
                        .firstValue("ETag"))
                .as("a date: as the day left it")
                .hasValue("\"2\"");

        HttpResponse<String> before =
                send("GET", location + "?asOf=" + query(inserted.minusSeconds(1).toInstant()), "leader", null);
        assertThat(before.statusCode()).isEqualTo(404);
        assertThat(json(before).get("code").asString()).isEqualTo("unknown_feature");
        HttpResponse<String> bad = send("GET", location + "?asOf=yesterday", "leader", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("code").asString()).isEqualTo("bad_value");
    }

    @Test
    void aFeatureOnlyAnImportLoadedHasNoStateBeforeItsFirstEdit() throws Exception {
        String code = nextCode();
        LayerDef road = catalogue.get("road");
        Feature loaded = new Feature(
                null,
                Map.of("code", code, "name", "导入路", "admin_class", "village"),
                Map.of(),
                new WKTReader().read("MULTILINESTRING ((112.33 28.53, 112.34 28.54))"));
        features.load(road, LoadMode.APPEND, List.of(loaded).iterator());
        long id = features.findByKey(road, code).orElseThrow().id();
        String location = ROADS + "/" + id;

        HttpResponse<String> never = send(
                "GET",
                location + "?asOf=" + query(Instant.now().plusSeconds(60)),
                "leader",
                null,
                "Accept-Language",
                "en");
        assertThat(never.statusCode()).isEqualTo(404);
        assertThat(json(never).get("code").asString()).isEqualTo("unknown_feature");
        assertThat(json(never).get("detail").asString()).contains("loaded by an import");

        HttpResponse<String> patched =
                send("PATCH", location, "transport", "{\"properties\":{\"width\":3}}", "If-Match", "\"1\"");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        OffsetDateTime edited = OffsetDateTime.parse(json(send("GET", location + "/history", "leader", null))
                .get(0)
                .get("at")
                .asString());
        HttpResponse<String> beforeEdit =
                send("GET", location + "?asOf=" + query(edited.minusSeconds(1).toInstant()), "leader", null);
        assertThat(beforeEdit.statusCode()).isEqualTo(404);
        assertThat(json(beforeEdit).get("historyStarts").asString()).isNotBlank();
        assertThat(send("GET", location + "?asOf=" + query(edited), "leader", null)
                        .headers()
                        .firstValue("ETag"))
                .hasValue("\"2\"");
    }

    @Test
    void anAcceptedWriteAnswersItsWarningsInTheCallersLanguage() throws Exception {
        String disagreeing = "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + nextCode()
                + "\",\"name\":\"警告路\",\"admin_class\":\"village\",\"surface\":\"cement\",\"hardened\":false},"
                + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[112.3,28.5],[112.31,28.51]]}}";
        HttpResponse<String> created = send("POST", ROADS, "transport", disagreeing, "Accept-Language", "en");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode warnings = json(created).get("warnings");
        assertThat(warnings.size()).as(created.body()).isEqualTo(1);
        assertThat(warnings.get(0).get("field").asString()).isEqualTo("hardened");
        assertThat(warnings.get(0).get("code").asString()).isEqualTo("DERIVED_VALUE_DIFFERS");
        assertThat(warnings.get(0).get("message").asString()).contains("disagrees");
        assertThat(json(created).get("properties").get("hardened").asBoolean())
                .as("the value given is kept")
                .isFalse();

        String location = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> patched = send(
                "PATCH",
                location,
                "transport",
                "{\"properties\":{\"width\":5}}",
                "If-Match",
                "\"1\"",
                "Accept-Language",
                "zh-CN");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(json(patched).get("warnings").get(0).get("message").asString())
                .contains("不一致");
        HttpResponse<String> fixed =
                send("PATCH", location, "transport", "{\"properties\":{\"hardened\":true}}", "If-Match", "\"2\"");
        assertThat(fixed.statusCode()).as(fixed.body()).isEqualTo(200);
        assertThat(json(fixed).get("warnings").isArray()).isTrue();
        assertThat(json(fixed).get("warnings").size()).isZero();
    }

    @Test
    void derivedLayersAndUnknownFeaturesAreRefused() throws Exception {
        HttpResponse<String> derived =
                send("POST", "/api/v1/layers/access_road/features", "admin", road(nextCode(), "asphalt", 112.3, 28.5));
        assertThat(derived.statusCode()).isEqualTo(409);
        assertThat(json(derived).get("code").asString()).isEqualTo("derived_layer");
        HttpResponse<String> missing = send("PATCH", ROADS + "/987654321", "transport", "{}", "If-Match", "\"1\"");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("code").asString()).isEqualTo("unknown_feature");
        assertThat(send("GET", ROADS + "/987654321/history", "transport", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aPatchOfTheSurfaceDerivesHardenedAgainUnlessItSaysSo() throws Exception {
        String location = send("POST", ROADS, "transport", road(nextCode(), "水泥", 112.32, 28.52))
                .headers()
                .firstValue("Location")
                .orElseThrow();
        assertThat(json(send("GET", location, "transport", null))
                        .get("properties")
                        .get("hardened")
                        .asBoolean())
                .isTrue();

        HttpResponse<String> toGravel =
                send("PATCH", location, "transport", "{\"properties\":{\"surface\":\"砂石\"}}", "If-Match", "\"1\"");
        assertThat(toGravel.statusCode()).as(toGravel.body()).isEqualTo(200);
        assertThat(json(toGravel).get("properties").get("hardened").asBoolean())
                .as("a gravel road is not hardened: the old surface's answer is not kept")
                .isFalse();

        HttpResponse<String> said = send(
                "PATCH",
                location,
                "transport",
                "{\"properties\":{\"surface\":\"earth\",\"hardened\":true}}",
                "If-Match",
                "\"2\"");
        assertThat(said.statusCode()).as(said.body()).isEqualTo(200);
        assertThat(json(said).get("properties").get("hardened").asBoolean())
                .as("a value the patch gives is kept, as an import keeps a file's value")
                .isTrue();
    }

    @Test
    void anInspectionNamingOnlyARouteIsAcceptedAndReachesTheRegisterPerRouteAndSegment() throws Exception {
        String route = "X9" + System.nanoTime() % 100_000_000;
        for (int seq = 1; seq <= 2; seq++) {
            String body = "{\"type\":\"Feature\",\"properties\":{\"route_code\":\"" + route + "\",\"segment_seq\":"
                    + seq + ",\"start_stake\":\"K" + (seq - 1) + "+000\",\"name\":\"兰溪至泉交河\",\"surface\":\"水泥\"},"
                    + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[112." + (40 + seq) + ",28.6],[112."
                    + (41 + seq) + ",28.6]]}}";
            HttpResponse<String> segment = send("POST", ROADS, "transport", body);
            assertThat(segment.statusCode()).as(segment.body()).isEqualTo(201);
            assertThat(json(segment).get("properties").get("code").asString())
                    .as("the segment key follows from route and number")
                    .isEqualTo(route + "-" + seq);
        }
        String inspections = "/api/v1/layers/road_inspection/features";

        HttpResponse<String> whole =
                send("POST", inspections, "transport", inspection(route, null, "2024-01-10", "open"));
        HttpResponse<String> atStake =
                send("POST", inspections, "transport", inspection(route, "K1+500", "2024-03-01", "blocked"));
        HttpResponse<String> unknown =
                send("POST", inspections, "transport", inspection("X900000000", null, "2024-03-02", "blocked"));

        assertThat(whole.statusCode()).as(whole.body()).isEqualTo(201);
        assertThat(atStake.statusCode()).as(atStake.body()).isEqualTo(201);
        JsonNode refused = assertProblem(unknown, "road_code", "UNKNOWN_GROUP_REFERENCE");
        assertThat(refused.get("message").asString())
                .isEqualTo("编码“X900000000”在图层 road 中不存在：既不是要素编码，也不是其字段 route_code 的值（道路：既不是路段编码，也不是路线编码）。");

        JsonNode entries = json(send("GET", "/api/v1/road-register?route=" + route, "leader", null));
        assertThat(entries.size()).as(entries.toString()).isEqualTo(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.get("roadCode").asString()).isEqualTo(route + "-2");
        assertThat(entry.get("blockedOn").asString()).isEqualTo("2024-03-01");
        assertThat(entry.get("routeCode").asString()).isEqualTo(route);
        assertThat(entry.get("routeScope").get("stake").asString()).isEqualTo("K1+500");
        assertThat(entry.get("routeScope").get("segments").get(0).asString()).isEqualTo(route + "-2");
        assertThat(entry.get("routeScope").get("routeSegments").asInt()).isEqualTo(2);
        assertThat(entry.get("routeScopeLabel").asString()).isEqualTo("路线 " + route + " 桩号 K1+500：路段 " + route + "-2");

        JsonNode routes = json(send("GET", "/api/v1/road-register/routes?route=" + route, "leader", null));
        assertThat(routes.size()).isEqualTo(1);
        assertThat(routes.get(0).get("routeCode").asString()).isEqualTo(route);
        assertThat(routes.get(0).get("segments").asInt()).isEqualTo(2);
        assertThat(routes.get(0).get("entries").asInt()).isEqualTo(1);
        assertThat(routes.get(0).get("segmentsOpen").asInt()).isEqualTo(1);
        // 0.01° of longitude at 28.6°N on the GRS80 ellipsoid: 978.12 m
        assertThat(routes.get(0).get("lengthM").asDouble()).isCloseTo(2 * 978.12, within(0.2));
        assertThat(routes.get(0).get("lengthAffectedM").asDouble()).isCloseTo(978.12, within(0.1));

        String csv = send("GET", "/api/v1/road-register.csv?route=" + route, "leader", null)
                .body();
        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv.lines().toList().get(1)).startsWith(route + "-2,").contains("," + route + ",路线 " + route);
    }

    /** An inspection row naming {@code road} (a segment or a route), with a stake or none. */
    private static String inspection(String road, String stake, String on, String status) {
        return "{\"type\":\"Feature\",\"properties\":{\"road_code\":\"" + road + "\""
                + (stake == null ? "" : ",\"stake_from\":\"" + stake + "\"") + ",\"inspected_on\":\"" + on
                + "\",\"status\":\"" + status + "\"},\"geometry\":null}";
    }

    private static JsonNode assertProblem(HttpResponse<String> r, String field, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        JsonNode problem = json(r);
        assertThat(problem.get("code").asString()).isEqualTo("invalid_feature");
        JsonNode first = problem.get("problems").get(0);
        assertThat(first.get("code").asString()).isEqualTo(code);
        assertThat(first.get("field").asString()).isEqualTo(field);
        assertThat(first.get("message").asString()).isNotBlank();
        return first;
    }

    private String create(String body) throws Exception {
        HttpResponse<String> created = send("POST", ROADS, "transport", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created.headers().firstValue("Location").orElseThrow();
    }

    /** A road from (lon, lat) a little to the north-east, with the required values. */
    private static String road(String code, String surface, double lon, double lat) {
        return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"测试路" + code
                + "\",\"admin_class\":\"village\",\"surface\":\"" + surface + "\",\"maintainer\":\"镇养护站\"},"
                + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[" + lon + "," + lat + "],[" + (lon + 0.01)
                + "," + (lat + 0.01) + "]]}}";
    }

    /** A query parameter's value, encoded ({@code +} of an offset would otherwise be read as a space). */
    private static String query(Object value) {
        return URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
    }

    private static String nextCode() {
        return "C9" + System.nanoTime() % 1_000_000 + "-" + CODES.incrementAndGet();
    }

    private static double[] firstCoordinate(JsonNode feature) {
        JsonNode c = feature.get("geometry").get("coordinates").get(0).get(0);
        return new double[] {c.get(0).asDouble(), c.get(1).asDouble()};
    }

    private long featureCount(String layer) throws Exception {
        return json(send("GET", "/api/v1/layers/" + layer, "admin", null))
                .get("featureCount")
                .asLong();
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    private HttpResponse<String> send(String method, String path, String user, String body, String... headers)
            throws Exception {
        return api().send(method, path, user, body, headers);
    }
}
