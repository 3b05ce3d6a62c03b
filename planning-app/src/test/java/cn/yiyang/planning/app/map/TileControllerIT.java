package cn.yiyang.planning.app.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yiyang.planning.app.layer.LayerVersions;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.tiles.TileCoord;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The tile endpoints over MockMvc, on an embedded H2GIS store holding {@link MapTestData}. */
@SpringBootTest(properties = {"planning.demo.enabled=false", "planning.db.url="})
class TileControllerIT {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("planning.data-dir", () -> dataDir.toString());
    }

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @Autowired
    FeatureRepository repo;

    @Autowired
    LayerCatalogue catalogue;

    private final TileCoord centre = TileCoord.containing(10, 112.3, 28.55);

    @BeforeEach
    void load() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        MapTestData.load(repo, catalogue);
    }

    /** A GET as a signed-in user (the tiles need one once the app has its security). */
    private static MockHttpServletRequestBuilder get(String path) {
        return MockMvcRequestBuilders.get(path).with(user("tester"));
    }

    private String url(String layer, TileCoord c) {
        return "/tiles/" + layer + "/" + c.z() + "/" + c.x() + "/" + c.y() + ".mvt";
    }

    @Test
    void aTileIsAVectorTileWithAnEtagAndCacheHeaders() throws Exception {
        MvcResult r = mvc.perform(get(url("village", centre)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.mapbox-vector-tile"))
                .andExpect(header().exists("ETag"))
                .andExpect(header().string("Cache-Control", containsString("max-age=60")))
                .andReturn();
        byte[] body = r.getResponse().getContentAsByteArray();
        JtsMvt mvt = MvtReader.loadMvt(
                new ByteArrayInputStream(body),
                new GeometryFactory(),
                new TagKeyValueMapConverter(),
                MvtReader.RING_CLASSIFIER_V2_1);
        assertThat(mvt.getLayer("village").getGeometries()).hasSize(15);
        assertThat(mvt.getLayer("village").getGeometries().stream().map(TileControllerIT::name))
                .contains(MapTestData.CENTRE_VILLAGE);
        assertThat(mvt.getLayer("village_label")).isNotNull();
    }

    @Test
    void aMatchingIfNoneMatchAnswers304AndAStaleOne200() throws Exception {
        String etag = mvc.perform(get(url("road", centre)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getHeader("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"");
        mvc.perform(get(url("road", centre)).header("If-None-Match", etag))
                .andExpect(status().isNotModified())
                .andExpect(header().string("ETag", etag))
                .andExpect(content().bytes(new byte[0]));
        mvc.perform(get(url("road", centre)).header("If-None-Match", "\"0123\""))
                .andExpect(status().isOk());
    }

    @Test
    void tilesNeedASignedInUser() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get(url("village", centre))).andExpect(status().isUnauthorized());
    }

    @Test
    void aTileRequestSignedInByHttpBasicMakesNoSession() throws Exception {
        MvcResult r = mvc.perform(MockMvcRequestBuilders.get(url("village", centre))
                        .with(SecurityMockMvcRequestPostProcessors.httpBasic("planner", "yiyang2025")))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(r.getRequest().getSession(false)).isNull();
    }

    @Test
    void anEmptyTileIsAnEmptyOk() throws Exception {
        mvc.perform(get("/tiles/village/10/0/0.mvt"))
                .andExpect(status().isOk())
                .andExpect(content().bytes(new byte[0]));
        // Households are not drawn at zoom 10.
        mvc.perform(get(url("household", centre)))
                .andExpect(status().isOk())
                .andExpect(content().bytes(new byte[0]));
    }

    @Test
    void unknownLayersAndLayersWithoutGeometryAre404Problems() throws Exception {
        for (String layer : new String[] {"no_such_layer", "road_inspection", "flyway_schema_history"}) {
            mvc.perform(get("/tiles/" + layer + "/1/0/0.mvt"))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.code").value("unknown_layer"))
                    .andExpect(jsonPath("$.status").value(404));
        }
        mvc.perform(get("/tiles/no_such_layer.json"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("unknown_layer"));
    }

    @Test
    void badCoordinatesAre404ProblemsWithoutInternals() throws Exception {
        for (String path : new String[] {
            "/tiles/village/3/8/0.mvt",
            "/tiles/village/3/0/-1.mvt",
            "/tiles/village/23/0/0.mvt",
            "/tiles/village/a/b/c.mvt",
            "/tiles/village/1/0/0x.mvt",
            "/tiles/village/99999999999/0/0.mvt"
        }) {
            mvc.perform(get(path))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("bad_tile"))
                    .andExpect(content().string(not(containsString("SELECT"))))
                    .andExpect(content().string(not(containsString("Exception"))));
        }
    }

    @Test
    void tileJsonDescribesTheLayer() throws Exception {
        mvc.perform(get("/tiles/village.json"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.tilejson").value("3.0.0"))
                .andExpect(jsonPath("$.tiles[0]").value(endsWith("/tiles/village/{z}/{x}/{y}.mvt")))
                .andExpect(jsonPath("$.minzoom").value(8))
                .andExpect(jsonPath("$.maxzoom").value(16))
                .andExpect(jsonPath("$.bounds[0]").value(closeTo(112.05, 1e-9)))
                .andExpect(jsonPath("$.bounds[3]").value(closeTo(28.75, 1e-9)))
                .andExpect(jsonPath("$.vector_layers[*].id").value(contains("village", "village_label")))
                .andExpect(jsonPath("$.vector_layers[0].fields.name").value("String"))
                .andExpect(jsonPath("$.vector_layers[0].fields.population").value("Number"))
                .andExpect(jsonPath("$.vector_layers[0].fields.key_support").value("Boolean"));
        mvc.perform(get("/tiles/household.json"))
                .andExpect(jsonPath("$.minzoom").value(13))
                .andExpect(jsonPath("$.vector_layers.length()").value(1));
    }

    @SuppressWarnings("unchecked")
    private static Object name(Geometry g) {
        return ((Map<String, Object>) g.getUserData()).get("name");
    }

    @Autowired
    TileService tileService;

    @Autowired
    LayerVersions versions;

    @Test
    void aUrlWithTheCurrentVersionIsCachedForAYearAndALoadChangesVersionAndEtag() throws Exception {
        versions.changed();
        long v = tileService.version("road");
        String etag = mvc.perform(get(url("road", centre) + "?v=" + v))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("max-age=31536000")))
                .andExpect(header().string("Cache-Control", containsString("immutable")))
                .andReturn()
                .getResponse()
                .getHeader("ETag");
        mvc.perform(get(url("road", centre) + "?v=" + (v + 1)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("max-age=60")));

        MapTestData.load(repo, catalogue); // an import: new rows, new version
        versions.changed("road");
        long v2 = tileService.version("road");
        assertThat(v2).isNotEqualTo(v);
        mvc.perform(get(url("road", centre) + "?v=" + v2).header("If-None-Match", etag))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", not(etag)));
    }
}
