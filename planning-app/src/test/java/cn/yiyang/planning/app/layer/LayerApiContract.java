package cn.yiyang.planning.app.layer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.load.LayerLoad;
import cn.yiyang.planning.layers.load.LayerLoadRepository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The catalogue API, over HTTP against a running app; subclasses pick the store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "planning.demo.enabled=false")
abstract class LayerApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    FeatureRepository features;

    @Autowired
    LayerLoadRepository loads;

    @BeforeEach
    void loadTwoCounties() throws Exception {
        var county = LayerCatalogue.standard().get("county");
        WKTReader wkt = new WKTReader();
        features.load(
                county,
                LoadMode.REPLACE,
                List.of(
                                Feature.of(
                                        Map.of("code", "430921", "name", "南县"),
                                        wkt.read("POLYGON ((112.2 29.0, 112.6 29.0, 112.6 29.5, 112.2 29.0))")),
                                Feature.of(
                                        Map.of("code", "430923", "name", "安化县"),
                                        wkt.read("POLYGON ((110.72 27.97, 111.9 27.97, 111.9 28.65, 110.72 27.97))")))
                        .iterator());
        loads.record(new LayerLoad("county", "test", true, "REPLACE", 2, "test", null));
    }

    @Test
    void listsEveryLayerWithCountExtentAndProvenance() throws Exception {
        HttpResponse<String> r = get("/api/v1/layers", "zh-CN", true);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("crs").asString()).isEqualTo("EPSG:4490");
        assertThat(body.get("layers"))
                .hasSize(LayerCatalogue.standard().layers().size());
        JsonNode county = body.get("layers").get(0);
        assertThat(county.get("id").asString()).isEqualTo("county");
        assertThat(county.get("titleZh").asString()).isEqualTo("县级行政区");
        assertThat(county.get("geometryType").asString()).isEqualTo("MultiPolygon");
        assertThat(county.get("featureCount").asLong()).isEqualTo(2);
        assertThat(county.get("extent").get(0).asDouble()).isEqualTo(110.72);
        assertThat(county.get("extent").get(3).asDouble()).isEqualTo(29.5);
        assertThat(county.get("synthetic").asBoolean()).isTrue();
        assertThat(body.get("synthetic").asBoolean()).isTrue();
        JsonNode inspections = findLayer(body, "road_inspection");
        assertThat(inspections.get("geometryType").isNull()).isTrue();
        assertThat(inspections.get("extent").isNull()).isTrue();
    }

    @Test
    void oneLayerAddsFieldsWithTitlesCodeListsAndAliases() throws Exception {
        JsonNode road = JSON.readTree(get("/api/v1/layers/road", "zh-CN", true).body());
        assertThat(road.get("keyField").asString()).isEqualTo("code");
        JsonNode surface = null;
        for (JsonNode f : road.get("fields")) {
            if (f.get("name").asString().equals("surface")) {
                surface = f;
            }
        }
        assertThat(surface).isNotNull();
        assertThat(surface.get("titleZh").asString()).isEqualTo("路面类型");
        assertThat(surface.get("type").asString()).isEqualTo("code");
        assertThat(surface.get("required").asBoolean()).isFalse();
        assertThat(surface.get("aliases").toString()).contains("路面类型");
        assertThat(surface.get("codeList").get("codes").toString()).contains("\"value\":\"cement\"", "水泥");
        assertThat(surface.get("codeList").get("ordered").asBoolean()).isFalse();
        JsonNode cement = surface.get("codeList").get("codes").get(1);
        assertThat(cement.get("value").asString()).isEqualTo("cement");
        assertThat(cement.get("traits").toString()).isEqualTo("[\"hardened\",\"all_season\"]");
        assertThat(cement.get("rank").isNull()).isTrue();
        for (JsonNode f : road.get("fields")) {
            if (f.get("name").asString().equals("tech_grade")) {
                assertThat(f.get("codeList").get("ordered").asBoolean()).isTrue();
                assertThat(f.get("codeList").get("codes").get(3).get("value").asString())
                        .isEqualTo("class3");
                assertThat(f.get("codeList").get("codes").get(3).get("rank").asInt())
                        .isEqualTo(4);
            }
        }
    }

    @Test
    void unknownLayerIs404InTheCallersLanguageAndAnonymousIs401() throws Exception {
        HttpResponse<String> zh = get("/api/v1/layers/nope", "zh-CN", true);
        assertThat(zh.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(zh.body()).get("detail").asString()).contains("图层", "nope");
        assertThat(JSON.readTree(zh.body()).get("code").asString()).isEqualTo("unknown_layer");
        HttpResponse<String> en = get("/api/v1/layers/nope", "en", true);
        assertThat(JSON.readTree(en.body()).get("detail").asString()).contains("There is no layer");
        HttpResponse<String> anon = get("/api/v1/layers", null, false);
        assertThat(anon.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(anon.body()).get("detail").asString()).contains("登录");
        assertThat(anon.body()).doesNotContain("jdbc", "SQL", "Exception");
    }

    private static JsonNode findLayer(JsonNode body, String id) {
        for (JsonNode l : body.get("layers")) {
            if (l.get("id").asString().equals(id)) {
                return l;
            }
        }
        throw new AssertionError("no layer " + id);
    }

    private HttpResponse<String> get(String path, String language, boolean signedIn) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (language != null) {
            b.header("Accept-Language", language);
        }
        if (signedIn) {
            b.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString("planner:yiyang2025".getBytes(StandardCharsets.UTF_8)));
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }
}
