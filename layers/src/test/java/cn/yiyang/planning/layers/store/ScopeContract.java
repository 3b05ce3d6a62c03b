package cn.yiyang.planning.layers.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureQuery;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LayerSummary;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.feature.Scope;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import cn.yiyang.planning.layers.testsupport.TwoCounties;
import cn.yiyang.planning.layers.tiles.TileCoord;
import cn.yiyang.planning.layers.tiles.TileSource;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

/**
 * County scoping and withheld personal data ({@link Scope}) on both stores, through the repository and the tiles:
 * two counties side by side (南县 430921 west of 112.5°E, 安化县 430923 east of it), three households (two in 南县,
 * one with a 户主姓名 among its extra attributes), three roads placed by location (one in each county, one
 * across the boundary) and two inspections placed through their roads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScopeContract {

    static final Scope NANXIAN = new Scope(Set.of("430921"), false);
    static final Scope ANHUA_PERSONAL = new Scope(Set.of("430923"), true);
    static final Scope ALL_WITHOUT_PERSONAL = new Scope(Set.of(), false);

    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private final LayerDef county = catalogue.get("county");
    private final LayerDef household = catalogue.get("household");
    private final LayerDef road = catalogue.get("road");
    private final LayerDef inspection = catalogue.get("road_inspection");
    private TestStore test;
    private FeatureRepository repo;
    private TileSource tiles;

    abstract StoreKind kind();

    @BeforeAll
    void load() throws Exception {
        test = TestStores.create(kind());
        repo = new JdbcFeatureRepository(test.store());
        tiles = TileSource.of(test.store());
        WKTReader wkt = new WKTReader();
        TwoCounties.load(repo);
        repo.load(
                household,
                LoadMode.REPLACE,
                List.of(
                                new Feature(
                                        null,
                                        Map.of(
                                                "code",
                                                "H1",
                                                "village_code",
                                                "430921100201",
                                                "poverty_status",
                                                "exited"),
                                        Map.of("户主姓名", "张三"),
                                        wkt.read("POINT (112.2 28.2)")),
                                Feature.of(
                                        Map.of(
                                                "code",
                                                "H2",
                                                "village_code",
                                                "430921100202",
                                                "poverty_status",
                                                "monitored"),
                                        wkt.read("POINT (112.3 28.3)")),
                                Feature.of(
                                        Map.of("code", "H3", "village_code", "430923100201", "poverty_status", "none"),
                                        wkt.read("POINT (112.7 28.2)")))
                        .iterator());
        repo.load(
                road,
                LoadMode.REPLACE,
                List.of(
                                Feature.of(
                                        Map.of("code", "R1", "admin_class", "village"),
                                        wkt.read("LINESTRING (112.1 28.1, 112.2 28.1)")),
                                Feature.of(
                                        Map.of("code", "R2", "admin_class", "village"),
                                        wkt.read("LINESTRING (112.7 28.1, 112.8 28.1)")),
                                Feature.of(
                                        Map.of("code", "R3", "admin_class", "village"),
                                        wkt.read("LINESTRING (112.4 28.3, 112.6 28.3)")))
                        .iterator());
        repo.load(
                inspection,
                LoadMode.REPLACE,
                List.of(inspected("R1"), inspected("R2")).iterator());
    }

    private static Feature inspected(String road) {
        Map<String, Object> a = new HashMap<>();
        a.put("road_code", road);
        a.put("inspected_on", LocalDate.of(2025, 3, 1));
        a.put("status", "blocked");
        return Feature.of(a, null);
    }

    @AfterAll
    void close() throws Exception {
        test.close();
    }

    private List<String> codes(LayerDef layer, String key, Scope scope) {
        List<String> out = new ArrayList<>();
        repo.forEachInPage(layer, FeatureQuery.first(100).within(scope), f -> out.add(f.getString(key)));
        return out;
    }

    @Test
    void aScopedReaderListsCountsAndFindsOnlyItsCountysFeatures() {
        assertThat(codes(household, "code", NANXIAN)).containsExactly("H1", "H2");
        assertThat(repo.count(household, FeatureQuery.first(1).within(NANXIAN))).isEqualTo(2);
        assertThat(repo.page(household, FeatureQuery.first(100).within(ANHUA_PERSONAL)))
                .extracting(f -> f.getString("code"))
                .containsExactly("H3");
        // roads by location: the one across the boundary belongs to both counties
        assertThat(codes(road, "code", NANXIAN)).containsExactly("R1", "R3");
        assertThat(codes(road, "code", ANHUA_PERSONAL)).containsExactly("R2", "R3");
        // inspections through their road
        assertThat(codes(inspection, "road_code", NANXIAN)).containsExactly("R1");
        assertThat(codes(county, "code", NANXIAN)).containsExactly("430921");

        Envelope everywhere = new Envelope(111, 114, 27, 30);
        assertThat(repo.findInEnvelope(household, everywhere, 100, NANXIAN))
                .extracting(f -> f.getString("code"))
                .containsExactly("H1", "H2");
        long h3 = repo.findByKey(household, "H3").orElseThrow().id();
        long h1 = repo.findByKey(household, "H1").orElseThrow().id();
        assertThat(repo.findById(household, h3, NANXIAN)).isEmpty();
        assertThat(repo.findById(household, h1, NANXIAN)).isPresent();
        assertThat(repo.findById(household, h3, Scope.ALL)).isPresent();
    }

    /** The box as [minX, minY, maxX, maxY] to 4 decimals (PostGIS may read a line's box in single precision). */
    private static List<Double> box(Envelope e) {
        return List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()).stream()
                .map(v -> Math.round(v * 1e4) / 1e4)
                .toList();
    }

    @Test
    void aLayersSummaryWithinAScopeCountsAndBoundsOnlyItsCountysFeatures() {
        LayerSummary nanxian = repo.summary(household, NANXIAN);
        assertThat(nanxian.featureCount()).isEqualTo(2);
        assertThat(box(nanxian.extent())).containsExactly(112.2, 28.2, 112.3, 28.3);
        assertThat(box(repo.summary(household, ANHUA_PERSONAL).extent())).containsExactly(112.7, 28.2, 112.7, 28.2);
        assertThat(repo.summary(household, ALL_WITHOUT_PERSONAL).featureCount()).isEqualTo(3);
        assertThat(box(repo.summary(household).extent())).containsExactly(112.2, 28.2, 112.7, 28.3);
        LayerSummary roads = repo.summary(road, NANXIAN);
        assertThat(roads.featureCount()).isEqualTo(2);
        assertThat(box(roads.extent())).containsExactly(112.1, 28.1, 112.6, 28.3);
        // a layer without geometry, through the road it names
        assertThat(repo.summary(inspection, NANXIAN)).isEqualTo(new LayerSummary(1, null));
        assertThat(repo.summary(inspection, Scope.ALL)).isEqualTo(new LayerSummary(2, null));
        assertThat(repo.summary(county, new Scope(Set.of("430922"), true))).isEqualTo(new LayerSummary(0, null));
    }

    @Test
    void personalAttributesAndTheExtraOfAPersonalLayerAreWithheldUnlessTheScopeSeesThem() {
        Feature withheld =
                repo.page(household, FeatureQuery.first(1).within(NANXIAN)).getFirst();
        assertThat(withheld.attributes()).containsOnlyKeys("code", "village_code");
        assertThat(withheld.extra()).isEmpty();
        assertThat(repo.count(household, FeatureQuery.first(1).within(ALL_WITHOUT_PERSONAL)))
                .isEqualTo(3);

        Feature seen = repo.page(household, FeatureQuery.first(1)).getFirst();
        assertThat(seen.attributes()).containsEntry("poverty_status", "exited");
        assertThat(seen.extra()).containsEntry("户主姓名", "张三");
        assertThat(repo.page(household, FeatureQuery.first(1).within(ANHUA_PERSONAL))
                        .getFirst()
                        .attributes())
                .containsEntry("poverty_status", "none");
    }

    @Test
    void aWriterIsAdmittedByCodeLocationOrReferenceWithinItsCountiesOnly() throws Exception {
        WKTReader wkt = new WKTReader();
        Predicate<Feature> households = repo.admission(household, NANXIAN);
        assertThat(households.test(Feature.of(Map.of("code", "H9", "village_code", "430921100201"), null)))
                .isTrue();
        assertThat(households.test(Feature.of(Map.of("code", "H9", "village_code", "430923100201"), null)))
                .isFalse();
        Predicate<Feature> roads = repo.admission(road, NANXIAN);
        assertThat(roads.test(Feature.of(Map.of("code", "R8"), wkt.read("LINESTRING (112.7 28.4, 112.8 28.4)"))))
                .isFalse();
        assertThat(roads.test(Feature.of(Map.of("code", "R9"), wkt.read("LINESTRING (112.45 28.4, 112.55 28.4)"))))
                .isTrue();
        Predicate<Feature> inspections = repo.admission(inspection, NANXIAN);
        assertThat(inspections.test(inspected("R1"))).isTrue();
        assertThat(inspections.test(inspected("R2"))).isFalse();
        assertThat(repo.admission(road, Scope.ALL).test(Feature.of(Map.of("code", "R8"), null)))
                .isTrue();
    }

    @Test
    void tilesHoldOnlyTheScopesFeaturesAndNoPersonalAttributesUnlessSeen() throws IOException {
        TileCoord h1Tile = TileCoord.containing(14, 112.2, 28.2);
        List<Geometry> scoped = features(tiles.tile(household, h1Tile, NANXIAN), "household");
        assertThat(scoped).hasSize(1);
        assertThat(props(scoped.getFirst())).containsOnlyKeys("mvt_feature_id", "id", "code", "village_code");
        assertThat(features(tiles.tile(household, h1Tile, ANHUA_PERSONAL), "household"))
                .isEmpty();
        List<Geometry> full = features(tiles.tile(household, h1Tile), "household");
        assertThat(props(full.getFirst())).containsEntry("poverty_status", "exited");

        TileCoord r2Tile = TileCoord.containing(12, 112.75, 28.1);
        assertThat(features(tiles.tile(road, r2Tile, NANXIAN), "road")).isEmpty();
        assertThat(features(tiles.tile(road, r2Tile, ANHUA_PERSONAL), "road")).hasSize(1);
    }

    private static List<Geometry> features(byte[] tile, String layer) throws IOException {
        JtsMvt mvt = MvtReader.loadMvt(
                new ByteArrayInputStream(tile),
                new GeometryFactory(),
                new TagKeyValueMapConverter(false, "mvt_feature_id"),
                MvtReader.RING_CLASSIFIER_V2_1);
        JtsLayer l = mvt.getLayer(layer);
        return l == null ? List.of() : List.copyOf(l.getGeometries());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(Geometry g) {
        return (Map<String, Object>) g.getUserData();
    }
}
