package cn.yiyang.planning.layers.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureQuery;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.LayerSummary;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/**
 * The contract both stores keep. Subclasses name the store; every test runs on each and must give
 * the same answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContract {

    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private TestStore test;
    private FeatureRepository repo;

    abstract StoreKind kind();

    @BeforeAll
    void open() {
        test = TestStores.create(kind());
        repo = new JdbcFeatureRepository(test.store());
    }

    @AfterAll
    void close() throws Exception {
        test.close();
    }

    @Test
    void migrationCreatesEveryCatalogueLayerWithItsColumns() throws Exception {
        try (Connection c = test.store().dataSource().getConnection()) {
            for (LayerDef layer : catalogue.layers()) {
                Set<String> expected = new LinkedHashSet<>(List.of("id"));
                layer.fields().forEach(f -> expected.add(f.name()));
                expected.add("extra");
                if (layer.geometry().hasGeometry()) {
                    expected.add("geom");
                }
                expected.add("updated_at");
                Set<String> actual = new LinkedHashSet<>();
                String table = kind() == StoreKind.H2GIS ? layer.table().toUpperCase(Locale.ROOT) : layer.table();
                try (ResultSet rs = c.getMetaData().getColumns(null, null, table, null)) {
                    while (rs.next()) {
                        actual.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                assertThat(actual).as("columns of %s", layer.id()).containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    @Test
    void migratingAgainChangesNothing() {
        LayerDef seat = catalogue.get("township_seat");
        repo.load(seat, LoadMode.REPLACE, List.of(Feature.of(Map.of("township_code", "430921100", "name", "南洲镇"),
                FeatureRows.GEOMETRY_FACTORY.createPoint(new Coordinate(112.40, 29.36)))).iterator());
        test.store().migrate();
        assertThat(repo.summary(seat).featureCount()).isEqualTo(1);
    }

    @Test
    void storesAndReadsBackEveryAttributeTypeChineseTextAndExtraAttributes() throws Exception {
        LayerDef road = catalogue.get("road");
        Map<String, Object> attrs = new HashMap<>();
        attrs.put("code", "C001430921-01");
        attrs.put("name", "南洲镇\t新建村道");
        attrs.put("admin_class", "village");
        attrs.put("surface", "cement");
        attrs.put("hardened", true);
        attrs.put("width", 4.5);
        attrs.put("all_season", false);
        Geometry line = new WKTReader().read("LINESTRING (112.40 29.36, 112.41 29.37)");
        Feature f = new Feature(null, attrs, Map.of("修建年份", 2019, "备注", "通组路\\改造"), line);

        repo.load(road, LoadMode.REPLACE, List.of(f).iterator());

        Feature back = repo.findByKey(road, "C001430921-01").orElseThrow();
        assertThat(back.attributes()).containsAllEntriesOf(attrs);
        assertThat(back.attributes()).doesNotContainKey("tech_grade");
        assertThat(back.extra()).containsEntry("修建年份", 2019).containsEntry("备注", "通组路\\改造");
        assertThat(back.geometry().getGeometryType()).isEqualTo("MultiLineString");
        assertThat(back.geometry().getSRID()).isEqualTo(4490);
        assertThat(back.geometry().getCoordinates()).containsExactly(
                new Coordinate(112.40, 29.36), new Coordinate(112.41, 29.37));

        LayerDef inspections = catalogue.get("road_inspection");
        repo.load(inspections, LoadMode.REPLACE, List.of(Feature.of(Map.of("road_code", "C001430921-01",
                "inspected_on", LocalDate.of(2025, 7, 1), "status", "blocked", "cause", "山体滑坡"), null)).iterator());
        assertThat(repo.findInEnvelope(inspections, new Envelope(0, 180, 0, 90), 10)).isEmpty();
        Feature insp = repo.findById(inspections, firstId(inspections)).orElseThrow();
        assertThat(insp.attributes()).containsEntry("inspected_on", LocalDate.of(2025, 7, 1)).containsEntry("cause", "山体滑坡");
    }

    private long firstId(LayerDef layer) {
        List<Feature> all = new ArrayList<>();
        repo.forEach(layer, all::add);
        return all.getFirst().id();
    }

    @Test
    void summaryGivesCountAndExtentAndEnvelopeQueriesUseIt() {
        LayerDef hh = catalogue.get("household");
        List<Feature> houses = IntStream.range(0, 5000)
                .mapToObj(i -> Feature.of(Map.of("code", "H" + i, "village_code", "430921100201",
                        "population", 1 + i % 6), FeatureRows.GEOMETRY_FACTORY.createPoint(
                        new Coordinate(112.0 + (i % 100) * 0.001, 28.5 + (i / 100) * 0.001))))
                .toList();

        assertThat(repo.load(hh, LoadMode.REPLACE, houses.iterator())).isEqualTo(5000);

        LayerSummary s = repo.summary(hh);
        assertThat(s.featureCount()).isEqualTo(5000);
        assertThat(s.extent().getMinX()).isEqualTo(112.0);
        assertThat(s.extent().getMaxX()).isCloseTo(112.099, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.extent().getMaxY()).isCloseTo(28.549, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(repo.findInEnvelope(hh, new Envelope(111.9995, 112.0095, 28.4995, 28.5095), 1000)).hasSize(100);
        assertThat(repo.findInEnvelope(hh, new Envelope(111.9995, 112.0095, 28.4995, 28.5095), 7)).hasSize(7);

        List<Feature> streamed = new ArrayList<>();
        repo.forEach(hh, streamed::add);
        assertThat(streamed).hasSize(5000);
        assertThat(streamed.getFirst().getString("code")).isEqualTo("H0");
    }

    @Test
    void aFailingLoadLeavesTheLayerExactlyAsItWas() {
        LayerDef county = catalogue.get("county");
        repo.load(county, LoadMode.REPLACE, List.of(countyFeature("430921", "南县")).iterator());

        Iterator<Feature> halfBad = List.of(countyFeature("430922", "桃江县"),
                Feature.of(Map.of("code", "430923"), null)).iterator(); // name is required

        assertThatThrownBy(() -> repo.load(county, LoadMode.REPLACE, halfBad)).isInstanceOf(StoreException.class)
                .extracting(e -> ((StoreException) e).reason()).isEqualTo(StoreException.Reason.CONSTRAINT_VIOLATED);
        assertThat(repo.summary(county).featureCount()).isEqualTo(1);
        assertThat(repo.findByKey(county, "430921")).isPresent();
    }

    @Test
    void duplicateKeysAreRejectedByTheStore() {
        LayerDef county = catalogue.get("county");
        repo.load(county, LoadMode.REPLACE, List.of(countyFeature("430902", "资阳区")).iterator());
        assertThatThrownBy(() -> repo.load(county, LoadMode.APPEND, List.of(countyFeature("430902", "资阳区")).iterator()))
                .isInstanceOf(StoreException.class);
        assertThat(repo.summary(county).featureCount()).isEqualTo(1);
    }

    @Test
    void wrongValueTypesAndGeometryKindsNameTheLayerAndField() {
        LayerDef village = catalogue.get("village");
        Feature wrongType = Feature.of(Map.of("code", "430921100201", "name", "x", "township_code", "430921100",
                "population", "many"), null);
        assertThatThrownBy(() -> repo.load(village, LoadMode.APPEND, List.of(wrongType).iterator()))
                .hasMessageContaining("village.population");
        Feature point = Feature.of(Map.of("code", "430921", "name", "南县"),
                FeatureRows.GEOMETRY_FACTORY.createPoint(new Coordinate(112.4, 29.3)));
        assertThatThrownBy(() -> repo.load(catalogue.get("county"), LoadMode.APPEND, List.of(point).iterator()))
                .hasMessageContaining("MultiPolygon");
    }

    @Test
    void everyRequiredFieldIsNotNullInTheSchema() {
        for (LayerDef layer : catalogue.layers()) {
            for (FieldDef f : layer.fields()) {
                if (f.required()) {
                    Map<String, Object> attrs = new HashMap<>();
                    layer.fields().stream().filter(o -> o.required() && o != f)
                            .forEach(o -> attrs.put(o.name(), sample(o)));
                    assertThatThrownBy(() -> repo.load(layer, LoadMode.APPEND, List.of(Feature.of(attrs, null)).iterator()))
                            .as("%s.%s is required", layer.id(), f.name()).isInstanceOf(StoreException.class);
                }
            }
        }
    }

    @Test
    void loadRecordsKeepTheLatestLoadOfEachLayer() {
        var loads = new JdbcLayerLoadRepository(test.store());
        loads.record(new cn.yiyang.planning.layers.load.LayerLoad("bus_stop", "demo seed 1", true, "REPLACE", 10,
                "system", null));
        loads.record(new cn.yiyang.planning.layers.load.LayerLoad("bus_stop", "站点.shp", false, "APPEND", 3,
                "张三", null));
        var latest = loads.latest("bus_stop").orElseThrow();
        assertThat(latest.source()).isEqualTo("站点.shp");
        assertThat(latest.synthetic()).isFalse();
        assertThat(latest.loadedAt()).isNotNull();
        assertThat(loads.latestByLayer()).containsKey("bus_stop");
        assertThat(loads.latest("water_pipe")).isEmpty();
    }

    private static Object sample(FieldDef f) {
        return switch (f.type()) {
            case TEXT -> "x";
            case CODE -> f.codeList().codes().getFirst().value();
            case INTEGER -> 1;
            case DECIMAL -> 1.0;
            case BOOLEAN -> true;
            case DATE -> LocalDate.of(2024, 1, 1);
        };
    }

    private static Feature countyFeature(String code, String name) {
        try {
            return Feature.of(Map.of("code", code, "name", name),
                    new WKTReader().read("POLYGON ((112 29, 112.5 29, 112.5 29.5, 112 29))"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- attribute-table paging and layer versions (map workspace) ---------------------------------

    @Test
    void pagesFilterSortAndCountOnTheSameTermsOnBothStores() {
        LayerDef village = catalogue.get("village");
        List<Feature> villages = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Map<String, Object> a = new HashMap<>();
            a.put("code", "430921" + (i < 20 ? "100" : "101") + String.format("%03d", 200 + i));
            a.put("name", i % 3 == 0 ? "新月村" : "东湖_" + i + "村");
            a.put("township_code", i < 20 ? "430921100" : "430921101");
            a.put("key_support", i % 5 == 0);
            if (i % 4 != 0) {
                a.put("population", 1000 + (i * 37) % 500);
            }
            double x = 112.0 + i * 0.01;
            villages.add(Feature.of(a, FeatureRows.GEOMETRY_FACTORY.toGeometry(new Envelope(x, x + 0.009, 28.5, 28.509))));
        }
        repo.load(village, LoadMode.REPLACE, villages.iterator());
        FeatureQuery all = FeatureQuery.first(10);

        assertThat(repo.count(village, all)).isEqualTo(30);
        assertThat(repo.page(village, all)).hasSize(10).extracting(f -> f.getString("code"))
                .startsWith("430921100200", "430921100201");
        assertThat(repo.page(village, all.window(25, 10))).hasSize(5);

        FeatureQuery township = all.withFilters(List.of(FeatureQuery.AttributeFilter.startsWith("code", "430921101")));
        assertThat(repo.count(village, township)).isEqualTo(10);
        FeatureQuery named = all.withFilters(List.of(FeatureQuery.AttributeFilter.contains("name", "新月")));
        assertThat(repo.count(village, named)).isEqualTo(10);
        // LIKE wildcards in a value are literal: "_1" matches names with "_1", not any character then 1.
        assertThat(repo.count(village, all.withFilters(List.of(FeatureQuery.AttributeFilter.contains("name", "_1")))))
                .isEqualTo(8);
        assertThat(repo.count(village, all.withFilters(List.of(FeatureQuery.AttributeFilter.equalTo("key_support", "true")))))
                .isEqualTo(6);
        assertThat(repo.count(village, all.withFilters(List.of(FeatureQuery.AttributeFilter.equalTo("population", "1037")))))
                .isEqualTo(1);

        // The box holds villages 0..4 (their boxes start at 112.00 .. 112.04).
        FeatureQuery boxed = all.withBbox(new Envelope(111.9, 112.045, 28.4, 28.6));
        assertThat(repo.count(village, boxed)).isEqualTo(5);
        assertThat(repo.count(village, boxed.withFilters(List.of(FeatureQuery.AttributeFilter.contains("name", "新月")))))
                .isEqualTo(2);

        // Sorted by population, descending, no values last, ties by id.
        List<Feature> byPopulation = repo.page(village, all.sortedBy("population", false).window(0, 30));
        assertThat(byPopulation.getFirst().get("population")).isEqualTo(byPopulation.stream()
                .map(f -> (Integer) f.get("population")).filter(java.util.Objects::nonNull).max(Integer::compare).orElseThrow());
        assertThat(byPopulation.subList(22, 30)).allSatisfy(f -> assertThat(f.get("population")).isNull());
        assertThat(byPopulation.subList(22, 30)).extracting(Feature::id).isSorted();

        assertThatThrownBy(() -> repo.page(village, all.sortedBy("geom; DROP TABLE village", true)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repo.count(village, all.withFilters(List.of(
                FeatureQuery.AttributeFilter.equalTo("population", "many"))))).isInstanceOf(IllegalArgumentException.class);
        assertThat(repo.count(catalogue.get("road_inspection"), all.withBbox(new Envelope(0, 180, 0, 90)))).isZero();
    }

    @Test
    void theLayerVersionChangesWithEveryLoad() {
        LayerDef stops = catalogue.get("bus_stop");
        repo.load(stops, LoadMode.REPLACE, List.of(Feature.of(Map.of("code", "B1"),
                FeatureRows.GEOMETRY_FACTORY.createPoint(new Coordinate(112.1, 28.5)))).iterator());
        long v1 = repo.version(stops);
        assertThat(repo.version(stops)).isEqualTo(v1);
        repo.load(stops, LoadMode.REPLACE, List.of(Feature.of(Map.of("code", "B1"),
                FeatureRows.GEOMETRY_FACTORY.createPoint(new Coordinate(112.1, 28.5)))).iterator());
        long v2 = repo.version(stops);
        assertThat(v2).isNotEqualTo(v1);
        repo.load(stops, LoadMode.APPEND, List.of(Feature.of(Map.of("code", "B2"),
                FeatureRows.GEOMETRY_FACTORY.createPoint(new Coordinate(112.2, 28.5)))).iterator());
        assertThat(repo.version(stops)).isNotEqualTo(v2).isNotEqualTo(v1);
    }
}
