package cn.yiyang.planning.layers.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.GeometryKind;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureQuery;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.HistoryOperation;
import cn.yiyang.planning.layers.feature.LayerSummary;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.feature.LoadSummary;
import cn.yiyang.planning.layers.feature.StagedLoad;
import cn.yiyang.planning.layers.load.ImportIssueRecord;
import cn.yiyang.planning.layers.load.ImportRecord;
import cn.yiyang.planning.layers.load.LayerLoad;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import cn.yiyang.planning.layers.tiles.TileRules;
import cn.yiyang.planning.layers.tiles.WebMercator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
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
                    if (kind() == StoreKind.POSTGIS) {
                        expected.add("geom_3857"); // V5: the tiles' stored Web Mercator geometry
                        if (layer.geometry() == GeometryKind.POINT) {
                            expected.add("thin_cell"); // V5: the tiles' thinning cell
                        }
                    }
                }
                expected.add("updated_at");
                expected.add("version"); // V7: the feature's version for optimistic locking
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

    /** Whether the table has an index that starts with the column (upper-case names on H2GIS). */
    private boolean indexed(Connection c, String table, String column) throws SQLException {
        String t = kind() == StoreKind.H2GIS ? table.toUpperCase(Locale.ROOT) : table;
        try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, t, false, false)) {
            while (rs.next()) {
                if (rs.getShort("ORDINAL_POSITION") == 1 && column.equalsIgnoreCase(rs.getString("COLUMN_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void everyLayerTableHasAnIndexOnUpdatedAtForItsVersionAlsoAfterAReplace() throws Exception {
        LayerDef road = catalogue.get("road");
        repo.load(
                road,
                LoadMode.REPLACE,
                List.of(road("G1", "路一", "earth", Map.of())).iterator());
        test.store().awaitAfterLoadWork(); // on PostGIS the updated_at index is built after the replace's swap
        try (Connection c = test.store().dataSource().getConnection()) {
            for (LayerDef layer : catalogue.layers()) {
                String rows = test.store().dialect().rowsTable(layer);
                if (rows.equals(layer.table())) {
                    assertThat(indexed(c, layer.table(), "updated_at"))
                            .as("index on %s.updated_at", layer.table())
                            .isTrue();
                } else {
                    // rows kept apart behind a view: the version is their count and highest id (next test)
                    assertThat(indexed(c, rows, layer.keyField()))
                            .as("key index on %s", rows)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void aDescribingLayerShowsTheDescribedFeaturesAndItsVersionMovesWithEveryReplaceOfTheSameRows() throws Exception {
        LayerDef road = catalogue.get("road");
        LayerDef status = catalogue.get("access_road");
        assertThat(status.describes()).contains("road");
        repo.load(
                road,
                LoadMode.REPLACE,
                List.of(road("R1", "路一", "cement", Map.of()), road("R2", "路二", "earth", Map.of()))
                        .iterator());
        Map<String, Object> one = Map.of("code", "R1", "status", "network", "run_id", "run-1");
        Map<String, Object> gone = Map.of("code", "R9", "status", "fragment", "run_id", "run-1");
        Geometry anywhere = LayerGeometry.FACTORY.createLineString(
                new Coordinate[] {new Coordinate(112.0, 28.0), new Coordinate(112.01, 28.0)});
        List<Long> versions = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            repo.load(
                    status,
                    LoadMode.REPLACE,
                    List.of(Feature.of(one, anywhere), Feature.of(gone, anywhere))
                            .iterator());
            versions.add(repo.version(status));
        }
        assertThat(versions).as("a new version each run").doesNotHaveDuplicates();
        Feature r1 = repo.findByKey(status, "R1").orElseThrow();
        assertThat(r1.getString("status")).isEqualTo("network");
        Feature source = repo.findByKey(road, "R1").orElseThrow();
        if (!test.store().dialect().rowsTable(status).equals(status.table())) {
            // the embedded store shows the row where the described road is, and a row of a road that is gone drops
            assertThat(r1.geometry().equalsExact(source.geometry())).isTrue();
            assertThat(repo.findByKey(status, "R9")).isEmpty();
        }
    }

    @Test
    void aDescribingLayersFieldsTakenFromTheDescribedFeaturesAreTheirsWhereTheStoreKeepsTheRowsApart()
            throws Exception {
        LayerDef household = catalogue.get("household");
        LayerDef unserved = catalogue.get("access_household");
        assertThat(unserved.field("village_code").orElseThrow().fromDescribed()).isTrue();
        Geometry at = LayerGeometry.FACTORY.createPoint(new Coordinate(112.3, 28.5));
        repo.load(
                household,
                LoadMode.REPLACE,
                List.of(
                                Feature.of(Map.of("code", "H1", "village_code", "430921101201", "population", 4), at),
                                Feature.of(Map.of("code", "H2", "village_code", "430921101202", "population", 2), at))
                        .iterator());
        Map<String, Object> row = new HashMap<>(Map.of(
                "code", "H1", "village_code", "430921101201", "population", 4, "distance_m", 120.5, "run_id", "r1"));
        row.put("natural_village_code", null);
        repo.load(unserved, LoadMode.REPLACE, List.of(Feature.of(row, at)).iterator());
        // after the run, the household moves to another village and gains a member
        repo.load(
                household,
                LoadMode.UPSERT,
                List.of(Feature.of(Map.of("code", "H1", "village_code", "430921101202", "population", 5), at))
                        .iterator());

        Feature h1 = repo.findByKey(unserved, "H1").orElseThrow();
        assertThat(h1.get("distance_m")).isEqualTo(120.5);
        assertThat(h1.getString("run_id")).isEqualTo("r1");
        boolean apart = !test.store().dialect().rowsTable(unserved).equals(unserved.table());
        FeatureQuery inVillage2 = FeatureQuery.first(10)
                .withFilters(List.of(FeatureQuery.AttributeFilter.equalTo("village_code", "430921101202")));
        if (apart) {
            // the embedded store's rows keep the run's own fields; the household's come from the household
            assertThat(h1.getString("village_code")).isEqualTo("430921101202");
            assertThat(((Number) h1.get("population")).intValue()).isEqualTo(5);
            assertThat(repo.page(unserved, inVillage2))
                    .extracting(f -> f.getString("code"))
                    .containsExactly("H1");
            try (Connection c = test.store().dataSource().getConnection()) {
                Set<String> columns = new LinkedHashSet<>();
                String rows = test.store().dialect().rowsTable(unserved).toUpperCase(Locale.ROOT);
                try (ResultSet rs = c.getMetaData().getColumns(null, null, rows, null)) {
                    while (rs.next()) {
                        columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                assertThat(columns)
                        .containsExactly(
                                "id",
                                "code",
                                "distance_m",
                                "network_distance_m",
                                "run_id",
                                "extra",
                                "updated_at",
                                "version");
                assertThat(indexed(c, rows, "village_code")).isFalse();
            }
        } else {
            // a store that copies the rows whole shows what the run wrote
            assertThat(h1.getString("village_code")).isEqualTo("430921101201");
            assertThat(((Number) h1.get("population")).intValue()).isEqualTo(4);
            assertThat(repo.page(unserved, inVillage2)).isEmpty();
        }
    }

    @Test
    void aStagedReplaceShowsNothingUntilItsCommitAndADiscardedOneNothingAtAll() throws Exception {
        LayerDef road = catalogue.get("road");
        LayerDef status = catalogue.get("access_road");
        repo.load(
                road,
                LoadMode.REPLACE,
                List.of(road("S1", "路一", "cement", Map.of()), road("S2", "路二", "earth", Map.of()))
                        .iterator());
        Geometry anywhere = LayerGeometry.FACTORY.createLineString(
                new Coordinate[] {new Coordinate(112.0, 28.0), new Coordinate(112.01, 28.0)});
        repo.load(
                status,
                LoadMode.REPLACE,
                List.of(Feature.of(Map.of("code", "S1", "status", "network", "run_id", "run-1"), anywhere))
                        .iterator());
        long before = repo.version(status);

        StagedLoad staged = repo.stage(
                status,
                List.of(
                        Feature.of(Map.of("code", "S1", "status", "fragment", "run_id", "run-2"), anywhere),
                        Feature.of(Map.of("code", "S2", "status", "unhardened", "run_id", "run-2"), anywhere)));
        assertThat(repo.findByKey(status, "S1").orElseThrow().getString("status"))
                .as("staged, not yet committed")
                .isEqualTo("network");
        assertThat(repo.findByKey(status, "S2")).isEmpty();
        assertThat(repo.version(status)).isEqualTo(before);

        assertThat(staged.commit(LoadSummary.of(HistoryOperation.ANALYSIS, "tester", Map.of("runId", "run-2"))))
                .isEqualTo(2);
        assertThat(repo.findByKey(status, "S1").orElseThrow().getString("status"))
                .isEqualTo("fragment");
        assertThat(repo.findByKey(status, "S2").orElseThrow().getString("run_id"))
                .isEqualTo("run-2");
        assertThat(repo.version(status)).isNotEqualTo(before);
        staged.discard(); // after the commit: nothing
        assertThat(repo.findByKey(status, "S2")).isPresent();

        StagedLoad dropped = repo.stage(
                status, List.of(Feature.of(Map.of("code", "S1", "status", "impassable", "run_id", "run-3"), anywhere)));
        dropped.discard();
        assertThat(repo.findByKey(status, "S1").orElseThrow().getString("status"))
                .isEqualTo("fragment");
        assertThat(repo.findByKey(status, "S2")).as("the layer as it was").isPresent();
    }

    @Test
    void migrationCreatesTheImportRecordTables() throws Exception {
        Map<String, List<String>> expected = Map.of(
                "import_job",
                        List.of(
                                "id",
                                "layer_id",
                                "status",
                                "mode",
                                "file_name",
                                "file_sha256",
                                "file_size",
                                "encoding",
                                "crs",
                                "read_count",
                                "imported_count",
                                "rejected_count",
                                "issue_count",
                                "dry_run",
                                "requested_by",
                                "created_at",
                                "finished_at",
                                "message"),
                "import_issue", List.of("id", "job_id", "file", "row_no", "field", "code", "severity", "args"));
        try (Connection c = test.store().dataSource().getConnection()) {
            for (var table : expected.entrySet()) {
                Set<String> actual = new LinkedHashSet<>();
                String name = kind() == StoreKind.H2GIS ? table.getKey().toUpperCase(Locale.ROOT) : table.getKey();
                try (ResultSet rs = c.getMetaData().getColumns(null, null, name, null)) {
                    while (rs.next()) {
                        actual.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                assertThat(actual)
                        .as("columns of %s", table.getKey())
                        .containsExactlyInAnyOrderElementsOf(table.getValue());
            }
        }
    }

    @Test
    void migratingAgainChangesNothing() {
        LayerDef seat = catalogue.get("township_seat");
        repo.load(
                seat,
                LoadMode.REPLACE,
                List.of(Feature.of(
                                Map.of("township_code", "430921100", "name", "南洲镇"),
                                LayerGeometry.FACTORY.createPoint(new Coordinate(112.40, 29.36))))
                        .iterator());
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
        assertThat(back.geometry().getCoordinates())
                .containsExactly(new Coordinate(112.40, 29.36), new Coordinate(112.41, 29.37));

        LayerDef inspections = catalogue.get("road_inspection");
        repo.load(
                inspections,
                LoadMode.REPLACE,
                List.of(Feature.of(
                                Map.of(
                                        "road_code",
                                        "C001430921-01",
                                        "inspected_on",
                                        LocalDate.of(2025, 7, 1),
                                        "status",
                                        "blocked",
                                        "cause",
                                        "山体滑坡"),
                                null))
                        .iterator());
        assertThat(repo.findInEnvelope(inspections, new Envelope(0, 180, 0, 90), 10))
                .isEmpty();
        Feature insp = repo.findById(inspections, firstId(inspections)).orElseThrow();
        assertThat(insp.attributes())
                .containsEntry("inspected_on", LocalDate.of(2025, 7, 1))
                .containsEntry("cause", "山体滑坡");
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
                .mapToObj(i -> Feature.of(
                        Map.of("code", "H" + i, "village_code", "430921100201", "population", 1 + i % 6),
                        LayerGeometry.FACTORY.createPoint(
                                new Coordinate(112.0 + (i % 100) * 0.001, 28.5 + (i / 100) * 0.001))))
                .toList();

        assertThat(repo.load(hh, LoadMode.REPLACE, houses.iterator())).isEqualTo(5000);

        LayerSummary s = repo.summary(hh);
        assertThat(s.featureCount()).isEqualTo(5000);
        assertThat(s.extent().getMinX()).isEqualTo(112.0);
        assertThat(s.extent().getMaxX()).isCloseTo(112.099, Offset.offset(1e-9));
        assertThat(s.extent().getMaxY()).isCloseTo(28.549, Offset.offset(1e-9));
        assertThat(repo.findInEnvelope(hh, new Envelope(111.9995, 112.0095, 28.4995, 28.5095), 1000))
                .hasSize(100);
        assertThat(repo.findInEnvelope(hh, new Envelope(111.9995, 112.0095, 28.4995, 28.5095), 7))
                .hasSize(7);

        List<Feature> streamed = new ArrayList<>();
        repo.forEach(hh, streamed::add);
        assertThat(streamed).hasSize(5000);
        assertThat(streamed.getFirst().getString("code")).isEqualTo("H0");
    }

    @Test
    void anAnalysisReadsOnlyTheFieldsItNamesWithIdsAndGeometries() {
        LayerDef road = catalogue.get("road");
        List<Feature> roads = IntStream.range(0, 300)
                .mapToObj(i -> {
                    Map<String, Object> attrs = new HashMap<>();
                    attrs.put("code", "R" + i);
                    attrs.put("name", "路" + i);
                    attrs.put("admin_class", "county");
                    attrs.put("surface", i % 2 == 0 ? "asphalt" : "gravel");
                    if (i % 3 != 0) {
                        attrs.put("hardened", i % 3 == 1);
                        attrs.put("segment_seq", i % 4);
                        attrs.put("width", 4.5);
                    }
                    return new Feature(
                            null,
                            attrs,
                            Map.of("养护单位", "某段" + i),
                            LayerGeometry.FACTORY.createLineString(new Coordinate[] {
                                new Coordinate(112.0 + i * 0.001, 28.5), new Coordinate(112.0 + i * 0.001, 28.501)
                            }));
                })
                .toList();
        assertThat(repo.load(road, LoadMode.REPLACE, roads.iterator())).isEqualTo(300);

        List<Feature> whole = new ArrayList<>();
        repo.forEach(road, whole::add);
        List<Feature> some = new ArrayList<>();
        repo.forEach(road, List.of("hardened", "code", "segment_seq", "width"), some::add);

        assertThat(some).hasSameSizeAs(whole);
        for (int i = 0; i < whole.size(); i++) {
            Feature w = whole.get(i);
            Feature f = some.get(i);
            assertThat(f.id()).isEqualTo(w.id());
            assertThat(f.geometry().equalsExact(w.geometry())).isTrue();
            assertThat(f.extra()).isEmpty();
            Map<String, Object> expected = new HashMap<>(w.attributes());
            expected.keySet().retainAll(Set.of("hardened", "code", "segment_seq", "width"));
            assertThat(f.attributes()).isEqualTo(expected);
        }
        assertThat(whole.get(1).extra()).containsEntry("养护单位", "某段1");
        assertThat(some.get(1).attributes())
                .containsEntry("hardened", true)
                .containsEntry("segment_seq", 1)
                .containsEntry("width", 4.5);
        assertThat(some.get(0).attributes()).containsOnlyKeys("code");
        assertThatThrownBy(() -> repo.forEach(road, List.of("code", "colour"), f -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("colour");
    }

    @Test
    void aFailingLoadLeavesTheLayerExactlyAsItWas() {
        LayerDef county = catalogue.get("county");
        repo.load(
                county, LoadMode.REPLACE, List.of(countyFeature("430921", "南县")).iterator());

        Iterator<Feature> halfBad = List.of(countyFeature("430922", "桃江县"), Feature.of(Map.of("code", "430923"), null))
                .iterator(); // name is required

        assertThatThrownBy(() -> repo.load(county, LoadMode.REPLACE, halfBad))
                .isInstanceOf(StoreException.class)
                .extracting(e -> ((StoreException) e).reason())
                .isEqualTo(StoreException.Reason.CONSTRAINT_VIOLATED);
        assertThat(repo.summary(county).featureCount()).isEqualTo(1);
        assertThat(repo.findByKey(county, "430921")).isPresent();
    }

    @Test
    void aDerivedLayerIsReplacedWholeKeepsItsIndexesAndAFailingLoadLeavesItAsItWas() {
        LayerDef gaps = catalogue.get("sewage_gap");
        Function<Integer, List<Feature>> rows = n -> IntStream.range(0, n)
                .mapToObj(i -> Feature.of(
                        Map.of("code", "G" + i, "kind", "village_untreated", "households", i, "run_id", "r" + n),
                        LayerGeometry.FACTORY.createPoint(new Coordinate(112.0 + i * 0.001, 28.5))))
                .toList();
        assertThat(repo.load(gaps, LoadMode.REPLACE, rows.apply(300).iterator()))
                .isEqualTo(300);
        long first = repo.version(gaps);
        assertThat(repo.load(gaps, LoadMode.REPLACE, rows.apply(120).iterator()))
                .isEqualTo(120);
        assertThat(repo.summary(gaps).featureCount()).isEqualTo(120);
        assertThat(repo.version(gaps)).isNotEqualTo(first);
        Feature g7 = repo.findByKey(gaps, "G7").orElseThrow();
        assertThat(g7.getString("run_id")).isEqualTo("r120");
        assertThat(g7.get("households")).isEqualTo(7);
        assertThat(repo.findInEnvelope(gaps, new Envelope(111.9995, 112.0105, 28.4, 28.6), 100))
                .hasSize(11);

        List<Feature> duplicate = new ArrayList<>(rows.apply(5));
        duplicate.add(duplicate.getFirst());
        assertThatThrownBy(() -> repo.load(gaps, LoadMode.REPLACE, duplicate.iterator()))
                .isInstanceOf(StoreException.class);
        assertThat(repo.summary(gaps).featureCount())
                .as("the previous run's rows")
                .isEqualTo(120);
        assertThat(repo.findByKey(gaps, "G119")).isPresent();
        assertThat(repo.load(gaps, LoadMode.REPLACE, rows.apply(3).iterator())).isEqualTo(3);
        assertThat(repo.summary(gaps).featureCount()).isEqualTo(3);
    }

    @Test
    void duplicateKeysAreRejectedByTheStore() {
        LayerDef county = catalogue.get("county");
        repo.load(
                county,
                LoadMode.REPLACE,
                List.of(countyFeature("430902", "资阳区")).iterator());
        assertThatThrownBy(() -> repo.load(
                        county,
                        LoadMode.APPEND,
                        List.of(countyFeature("430902", "资阳区")).iterator()))
                .isInstanceOf(StoreException.class);
        assertThat(repo.summary(county).featureCount()).isEqualTo(1);
    }

    @Test
    void wrongValueTypesAndGeometryKindsNameTheLayerAndField() {
        LayerDef village = catalogue.get("village");
        Feature wrongType = Feature.of(
                Map.of("code", "430921100201", "name", "x", "township_code", "430921100", "population", "many"), null);
        assertThatThrownBy(() ->
                        repo.load(village, LoadMode.APPEND, List.of(wrongType).iterator()))
                .hasMessageContaining("village.population");
        Feature point = Feature.of(
                Map.of("code", "430921", "name", "南县"), LayerGeometry.FACTORY.createPoint(new Coordinate(112.4, 29.3)));
        assertThatThrownBy(() -> repo.load(
                        catalogue.get("county"), LoadMode.APPEND, List.of(point).iterator()))
                .hasMessageContaining("MultiPolygon");
    }

    @Test
    void everyRequiredFieldIsNotNullInTheSchema() {
        for (LayerDef layer : catalogue.layers()) {
            for (FieldDef f : layer.fields()) {
                if (f.required()) {
                    Map<String, Object> attrs = new HashMap<>();
                    layer.fields().stream()
                            .filter(o -> o.required() && o != f)
                            .forEach(o -> attrs.put(o.name(), sample(o)));
                    assertThatThrownBy(() -> repo.load(
                                    layer,
                                    LoadMode.APPEND,
                                    List.of(Feature.of(attrs, null)).iterator()))
                            .as("%s.%s is required", layer.id(), f.name())
                            .isInstanceOf(StoreException.class);
                }
            }
        }
    }

    @Test
    void loadRecordsKeepTheLatestLoadOfEachLayer() {
        var loads = new JdbcLayerLoadRepository(test.store());
        loads.record(new LayerLoad("bus_stop", "demo seed 1", true, "REPLACE", 10, "system", null));
        loads.record(new LayerLoad("bus_stop", "站点.shp", false, "APPEND", 3, "张三", null));
        var latest = loads.latest("bus_stop").orElseThrow();
        assertThat(latest.source()).isEqualTo("站点.shp");
        assertThat(latest.synthetic()).isFalse();
        assertThat(latest.loadedAt()).isNotNull();
        assertThat(loads.latestByLayer()).containsKey("bus_stop");
        assertThat(loads.latest("water_pipe")).isEmpty();
    }

    @Test
    void upsertUpdatesFeaturesWithAKnownKeyAndInsertsTheOthers() throws Exception {
        LayerDef road = catalogue.get("road");
        repo.load(
                road,
                LoadMode.REPLACE,
                List.of(road("U1", "旧路一", "earth", Map.of("备注", "old")), road("U2", "旧路二", "gravel", Map.of()))
                        .iterator());
        long idOfU1 = repo.findByKey(road, "U1").orElseThrow().id();

        long written = repo.load(
                road,
                LoadMode.UPSERT,
                List.of(road("U1", "新路一", "cement", Map.of("养护", "县公路局")), road("U3", "新路三", "asphalt", Map.of()))
                        .iterator());

        assertThat(written).isEqualTo(2);
        assertThat(repo.summary(road).featureCount()).isEqualTo(3);
        Feature u1 = repo.findByKey(road, "U1").orElseThrow();
        assertThat(u1.id()).as("an updated feature keeps its id").isEqualTo(idOfU1);
        assertThat(u1.attributes()).containsEntry("name", "新路一").containsEntry("surface", "cement");
        assertThat(u1.extra()).containsExactly(Map.entry("养护", "县公路局"));
        assertThat(u1.geometry().getCoordinates()[0].x).isEqualTo(112.5);
        assertThat(repo.findByKey(road, "U2").orElseThrow().getString("name")).isEqualTo("旧路二");
        assertThat(repo.findByKey(road, "U3").orElseThrow().getString("surface"))
                .isEqualTo("asphalt");
    }

    @Test
    void thePostgisTileGeometryFollowsEveryLoadModeWithItsIndex() throws Exception {
        if (kind() != StoreKind.POSTGIS) {
            return; // the embedded store has no stored Web Mercator geometry
        }
        LayerDef road = catalogue.get("road");
        repo.load(
                road,
                LoadMode.REPLACE,
                List.of(road("G1", "路一", "earth", Map.of())).iterator());
        repo.load(
                road,
                LoadMode.APPEND,
                List.of(road("G2", "路二", "earth", Map.of())).iterator());
        Feature moved = Feature.of(road("G1", "路一", "earth", Map.of()).attributes(), line(112.6));
        repo.load(road, LoadMode.UPSERT, List.of(moved).iterator());
        test.store().awaitAfterLoadWork(); // the tile index is built after the replace's swap
        try (Connection c = test.store().dataSource().getConnection();
                var st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT code, ST_SRID(geom_3857), ST_XMin(geom_3857), "
                    + "ST_Equals(geom_3857, ST_Transform(geom, 3857)) FROM road ORDER BY code")) {
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    assertThat(rs.getInt(2)).isEqualTo(3857);
                    assertThat(rs.getBoolean(4))
                            .as("geom_3857 of %s", rs.getString(1))
                            .isTrue();
                    rows.add(rs.getString(1) + " " + Math.round(rs.getDouble(3)));
                }
                // 112.6°E is 12,534,575 m in Web Mercator (112.4°E 12,512,311 m): the upsert moved G1's tile geometry
                // with it
                assertThat(rows).containsExactly("G1 12534575", "G2 12512311");
            }
            try (ResultSet rs = st.executeQuery("SELECT indexdef FROM pg_indexes WHERE tablename = 'road' "
                    + "AND indexname = 'road_geom_3857_gist'")) {
                assertThat(rs.next())
                        .as("the GiST index on geom_3857 after a replace")
                        .isTrue();
                assertThat(rs.getString(1)).contains("gist (geom_3857)");
            }
        }
    }

    @Test
    void thePostgisThinningCellAndPointTileGeometryAreTheOnesTheTileRulesAndProjCompute() throws Exception {
        if (kind() != StoreKind.POSTGIS) {
            return; // the embedded store thins in Java
        }
        LayerDef stops = catalogue.get("bus_stop");
        double[][] points = {{112.35, 28.55}, {111.0, 29.5}, {112.9, 27.9}, {110.72, 29.52}, {112.5000001, 28.0}};
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            features.add(Feature.of(
                    Map.of("code", "S" + i, "name", "站" + i),
                    LayerGeometry.FACTORY.createPoint(new Coordinate(points[i][0], points[i][1]))));
        }
        repo.load(stops, LoadMode.REPLACE, features.iterator());
        try (Connection c = test.store().dataSource().getConnection();
                var st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT code, thin_cell, ST_SRID(geom_3857), ST_GeometryType(geom_3857),"
                        + " ST_Distance(geom_3857, ST_Transform(geom, 3857)) FROM bus_stop ORDER BY code")) {
            int n = 0;
            while (rs.next()) {
                double[] p = points[n++];
                assertThat(rs.getLong(2))
                        .as("thin_cell of %s", rs.getString(1))
                        .isEqualTo(TileRules.gridCell(WebMercator.x(p[0]), WebMercator.y(p[1])));
                // V26: a point's tile geometry by the Web Mercator formulas, not ST_Transform: the same to 1e-6 m
                assertThat(rs.getInt(3)).isEqualTo(3857);
                assertThat(rs.getString(4)).isEqualTo("ST_Point");
                assertThat(rs.getDouble(5))
                        .as("geom_3857 of %s", rs.getString(1))
                        .isLessThan(1e-6);
            }
            assertThat(n).isEqualTo(points.length);
        }
        test.store().awaitAfterLoadWork(); // the tile index is built after the replace's swap
        try (Connection c = test.store().dataSource().getConnection();
                var st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT generation_expression,"
                                + " (SELECT count(*) FROM pg_indexes WHERE indexname = 'bus_stop_geom_3857_gist')"
                                + " FROM information_schema.columns WHERE table_name = 'bus_stop' AND column_name = 'geom_3857'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).contains("st_makepoint").doesNotContain("st_transform");
            assertThat(rs.getInt(2))
                    .as("the tile index made again with the column")
                    .isEqualTo(1);
        }
    }

    @Test
    void aFailingUpsertLeavesTheLayerExactlyAsItWas() throws Exception {
        LayerDef road = catalogue.get("road");
        repo.load(
                road,
                LoadMode.REPLACE,
                List.of(road("F1", "路一", "earth", Map.of())).iterator());
        Map<String, Object> noClass =
                new HashMap<>(road("F2", "x", "earth", Map.of()).attributes());
        noClass.remove("admin_class"); // required
        Iterator<Feature> halfBad = List.of(
                        road("F1", "改过的路一", "cement", Map.of()),
                        road("F3", "路三", "cement", Map.of()),
                        Feature.of(noClass, line(112.5)))
                .iterator();

        assertThatThrownBy(() -> repo.load(road, LoadMode.UPSERT, halfBad)).isInstanceOf(StoreException.class);

        assertThat(repo.summary(road).featureCount()).isEqualTo(1);
        assertThat(repo.findByKey(road, "F1").orElseThrow().getString("name")).isEqualTo("路一");
        assertThat(repo.findByKey(road, "F3")).isEmpty();
        // the store is usable afterwards: the temporary staging is gone with the transaction
        assertThat(repo.load(
                        road,
                        LoadMode.UPSERT,
                        List.of(road("F3", "路三", "cement", Map.of())).iterator()))
                .isEqualTo(1);
    }

    @Test
    void upsertNeedsAKeyField() {
        LayerDef pipes = catalogue.get("water_pipe");
        assertThat(pipes.keyField()).isNull();
        assertThatThrownBy(() ->
                        repo.load(pipes, LoadMode.UPSERT, List.<Feature>of().iterator()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("water_pipe");
    }

    @Test
    void keysStreamsTheKeyOfEveryFeature() {
        LayerDef stops = catalogue.get("bus_stop");
        List<Feature> many = IntStream.range(0, 12_000)
                .mapToObj(i -> Feature.of(
                        Map.of("code", "S" + i), LayerGeometry.FACTORY.createPoint(new Coordinate(112.0, 28.5))))
                .toList();
        repo.load(stops, LoadMode.REPLACE, many.iterator());

        Set<String> keys = repo.keys(stops);

        assertThat(keys).hasSize(12_000).contains("S0", "S11999");
        assertThat(repo.keys(catalogue.get("water_pipe"))).isEmpty();
    }

    @Test
    void importRecordsAndTheirIssuesAreSavedUpdatedAndStreamed() {
        var records = new JdbcImportRecordRepository(test.store());
        var created = OffsetDateTime.parse("2025-03-01T08:00:00+08:00");
        var job = new ImportRecord(
                "job-1",
                "road",
                "RUNNING",
                "APPEND",
                "道路.zip",
                null,
                1234,
                "GBK",
                "EPSG:4546",
                0,
                0,
                0,
                0,
                false,
                "张三",
                created,
                null,
                null);
        records.save(job);
        records.save(new ImportRecord(
                "job-0",
                "village",
                "SUCCEEDED",
                "REPLACE",
                "村.gpkg",
                "ab",
                1,
                null,
                "EPSG:4490",
                1,
                1,
                0,
                0,
                true,
                "李四",
                created.minusDays(1),
                created.minusDays(1),
                null));
        List<ImportIssueRecord> batch = new ArrayList<>();
        for (int row = 5000; row >= 1; row--) {
            batch.add(new ImportIssueRecord(
                    "job-1", "道路.shp", row, "路面类型", "UNKNOWN_CODE", "ERROR", List.of("泥巴路", "asphalt 沥青, cement 水泥")));
        }
        records.addIssues("job-1", batch);
        records.addIssues(
                "job-1",
                List.of(new ImportIssueRecord("job-1", "道路.shp", 0, null, "ENCODING_DETECTED", "WARNING", List.of())));
        var finished = created.plusMinutes(3);
        records.save(new ImportRecord(
                "job-1",
                "road",
                "FAILED",
                "APPEND",
                "道路.zip",
                "e3b0c442",
                1234,
                "GBK",
                "EPSG:4546",
                5000,
                0,
                5000,
                5001,
                false,
                "张三",
                created,
                finished,
                "ROWS_REJECTED"));

        var back = records.find("job-1").orElseThrow();
        assertThat(back.status()).isEqualTo("FAILED");
        assertThat(back.fileSha256()).isEqualTo("e3b0c442");
        assertThat(back.finishedAt().toInstant()).isEqualTo(finished.toInstant());
        assertThat(back.createdAt().toInstant()).isEqualTo(created.toInstant());
        assertThat(back.issueCount()).isEqualTo(5001);
        assertThat(records.recent(null, 10)).extracting(r -> r.id()).startsWith("job-1", "job-0");
        assertThat(records.recent("village", 10)).extracting(r -> r.id()).containsExactly("job-0");
        assertThat(records.findByStatus(List.of("RUNNING", "QUEUED"))).isEmpty();
        assertThat(records.find("nope")).isEmpty();

        var page = records.issues("job-1", 0, 3);
        assertThat(page).extracting(i -> i.row()).containsExactly(0L, 1L, 2L);
        assertThat(page.get(0).args()).isEmpty();
        assertThat(page.get(1).args()).containsExactly("泥巴路", "asphalt 沥青, cement 水泥");
        assertThat(page.get(1).field()).isEqualTo("路面类型");
        List<Long> rows = new ArrayList<>();
        records.forEachIssue("job-1", i -> rows.add(i.row()));
        assertThat(rows).hasSize(5001).isSorted();

        records.deleteIssues("job-1");
        assertThat(records.issues("job-1", 0, 10)).isEmpty();
    }

    private static Feature road(String code, String name, String surface, Map<String, Object> extra) throws Exception {
        Map<String, Object> attrs = new HashMap<>();
        attrs.put("code", code);
        attrs.put("name", name);
        attrs.put("admin_class", "village");
        attrs.put("surface", surface);
        return new Feature(
                null, attrs, extra, line(surface.equals("cement") || surface.equals("asphalt") ? 112.5 : 112.4));
    }

    private static Geometry line(double x) throws Exception {
        return new WKTReader().read("LINESTRING (" + x + " 29.36, " + (x + 0.01) + " 29.37)");
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
            return Feature.of(
                    Map.of("code", code, "name", name),
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
            villages.add(Feature.of(a, LayerGeometry.FACTORY.toGeometry(new Envelope(x, x + 0.009, 28.5, 28.509))));
        }
        repo.load(village, LoadMode.REPLACE, villages.iterator());
        FeatureQuery all = FeatureQuery.first(10);

        assertThat(repo.count(village, all)).isEqualTo(30);
        assertThat(repo.page(village, all))
                .hasSize(10)
                .extracting(f -> f.getString("code"))
                .startsWith("430921100200", "430921100201");
        assertThat(repo.page(village, all.window(25, 10))).hasSize(5);

        FeatureQuery township = all.withFilters(List.of(FeatureQuery.AttributeFilter.startsWith("code", "430921101")));
        assertThat(repo.count(village, township)).isEqualTo(10);
        FeatureQuery named = all.withFilters(List.of(FeatureQuery.AttributeFilter.contains("name", "新月")));
        assertThat(repo.count(village, named)).isEqualTo(10);
        // LIKE wildcards in a value are literal: "_1" matches names with "_1", not any character then 1.
        assertThat(repo.count(village, all.withFilters(List.of(FeatureQuery.AttributeFilter.contains("name", "_1")))))
                .isEqualTo(8);
        assertThat(repo.count(
                        village, all.withFilters(List.of(FeatureQuery.AttributeFilter.equalTo("key_support", "true")))))
                .isEqualTo(6);
        assertThat(repo.count(
                        village, all.withFilters(List.of(FeatureQuery.AttributeFilter.equalTo("population", "1037")))))
                .isEqualTo(1);

        // The box holds villages 0..4 (their boxes start at 112.00 .. 112.04).
        FeatureQuery boxed = all.withBbox(new Envelope(111.9, 112.045, 28.4, 28.6));
        assertThat(repo.count(village, boxed)).isEqualTo(5);
        assertThat(repo.count(village, boxed.withFilters(List.of(FeatureQuery.AttributeFilter.contains("name", "新月")))))
                .isEqualTo(2);

        // Sorted by population, descending, no values last, ties by id.
        List<Feature> byPopulation =
                repo.page(village, all.sortedBy("population", false).window(0, 30));
        assertThat(byPopulation.getFirst().get("population"))
                .isEqualTo(byPopulation.stream()
                        .map(f -> (Integer) f.get("population"))
                        .filter(Objects::nonNull)
                        .max(Integer::compare)
                        .orElseThrow());
        assertThat(byPopulation.subList(22, 30))
                .allSatisfy(f -> assertThat(f.get("population")).isNull());
        assertThat(byPopulation.subList(22, 30)).extracting(Feature::id).isSorted();

        assertThatThrownBy(() -> repo.page(village, all.sortedBy("geom; DROP TABLE village", true)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repo.count(
                        village, all.withFilters(List.of(FeatureQuery.AttributeFilter.equalTo("population", "many")))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(repo.count(catalogue.get("road_inspection"), all.withBbox(new Envelope(0, 180, 0, 90))))
                .isZero();
    }

    @Test
    void pagesStreamTheSameFeaturesAndBoxesMeanIntersectsAndRangesHoldTheirBounds() {
        LayerDef village = catalogue.get("village");
        List<Feature> villages = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double x = 112.0 + i * 0.01;
            Map<String, Object> a = Map.of(
                    "code",
                    "430921100" + (300 + i),
                    "name",
                    "村" + i,
                    "township_code",
                    "430921100",
                    "population",
                    100 * i);
            villages.add(Feature.of(a, LayerGeometry.FACTORY.toGeometry(new Envelope(x, x + 0.009, 28.5, 28.509))));
        }
        // a triangle whose bounding box meets the box below but whose shape does not
        villages.add(Feature.of(
                Map.of("code", "430921100400", "name", "三角村", "township_code", "430921100"),
                LayerGeometry.FACTORY.createPolygon(new Coordinate[] {
                    new Coordinate(113.0, 28.0),
                    new Coordinate(113.2, 28.0),
                    new Coordinate(113.2, 28.2),
                    new Coordinate(113.0, 28.0)
                })));
        repo.load(village, LoadMode.REPLACE, villages.iterator());
        FeatureQuery q = FeatureQuery.first(5).window(3, 5);
        List<Feature> streamed = new ArrayList<>();
        repo.forEachInPage(village, q, streamed::add);
        assertThat(streamed)
                .extracting(Feature::id)
                .containsExactlyElementsOf(
                        repo.page(village, q).stream().map(Feature::id).toList());
        assertThat(streamed).extracting(f -> f.getString("name")).containsExactly("村3", "村4", "村5", "村6", "村7");

        FeatureQuery corner = FeatureQuery.first(10).withBbox(new Envelope(113.0, 113.05, 28.15, 28.2));
        assertThat(repo.count(village, corner)).isZero();
        assertThat(repo.count(village, corner.withBbox(new Envelope(113.1, 113.15, 28.0, 28.05))))
                .isEqualTo(1);

        FeatureQuery range = FeatureQuery.first(20)
                .withFilters(List.of(
                        FeatureQuery.AttributeFilter.atLeast("population", "300"),
                        FeatureQuery.AttributeFilter.atMost("population", "500")));
        assertThat(repo.page(village, range))
                .extracting(f -> f.getString("name"))
                .containsExactly("村3", "村4", "村5");
        long third = streamed.getFirst().id(); // 村3
        FeatureQuery after = FeatureQuery.first(2)
                .withFilters(List.of(FeatureQuery.AttributeFilter.atLeast(FeatureQuery.ID, String.valueOf(third + 1))));
        assertThat(repo.page(village, after))
                .extracting(f -> f.getString("name"))
                .containsExactly("村4", "村5");
    }

    @Test
    void theLayerVersionChangesWithEveryLoad() {
        LayerDef stops = catalogue.get("bus_stop");
        repo.load(
                stops,
                LoadMode.REPLACE,
                List.of(Feature.of(
                                Map.of("code", "B1"), LayerGeometry.FACTORY.createPoint(new Coordinate(112.1, 28.5))))
                        .iterator());
        long v1 = repo.version(stops);
        assertThat(repo.version(stops)).isEqualTo(v1);
        repo.load(
                stops,
                LoadMode.REPLACE,
                List.of(Feature.of(
                                Map.of("code", "B1"), LayerGeometry.FACTORY.createPoint(new Coordinate(112.1, 28.5))))
                        .iterator());
        long v2 = repo.version(stops);
        assertThat(v2).isNotEqualTo(v1);
        repo.load(
                stops,
                LoadMode.APPEND,
                List.of(Feature.of(
                                Map.of("code", "B2"), LayerGeometry.FACTORY.createPoint(new Coordinate(112.2, 28.5))))
                        .iterator());
        assertThat(repo.version(stops)).isNotEqualTo(v2).isNotEqualTo(v1);
    }
}
