package cn.yiyang.planning.layers.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.planning.layers.catalogue.FieldDef;
import cn.yiyang.planning.layers.catalogue.FieldType;
import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureHistoryRepository;
import cn.yiyang.planning.layers.feature.FeatureRepository;
import cn.yiyang.planning.layers.feature.FeatureWriteRepository;
import cn.yiyang.planning.layers.feature.HistoryEntry;
import cn.yiyang.planning.layers.feature.HistoryOperation;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.feature.LoadSummary;
import cn.yiyang.planning.layers.feature.VersionedFeature;
import cn.yiyang.planning.layers.feature.WriteResult;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/**
 * Single-feature writes with versions, and the write history, as both stores keep them. Subclasses name the store;
 * every test runs on each and must give the same answers. Each test uses keys of its own on one shared store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FeatureWriteContract {

    private static final String USER = "planner1";
    private final LayerCatalogue catalogue = LayerCatalogue.standard();
    private final LayerDef road = catalogue.get("road");
    private TestStore test;
    private FeatureRepository features;
    private FeatureWriteRepository writes;
    private FeatureHistoryRepository history;

    abstract StoreKind kind();

    @BeforeAll
    void open() {
        test = TestStores.create(kind());
        features = new JdbcFeatureRepository(test.store());
        writes = new JdbcFeatureWriteRepository(test.store());
        history = new JdbcFeatureHistoryRepository(test.store());
    }

    @AfterAll
    void close() throws Exception {
        test.close();
    }

    @Test
    void anInsertGetsAnIdAndVersionOneAndRecordsItsAfterValue() throws Exception {
        VersionedFeature stored = writes.insert(road, road("I1", "新建路", 112.40), USER);

        assertThat(stored.version()).isEqualTo(1);
        assertThat(writes.find(road, stored.id())).contains(stored);
        assertThat(stored.feature().attributes()).containsEntry("code", "I1").containsEntry("name", "新建路");
        assertThat(stored.feature().geometry().getGeometryType())
                .as("shaped by LayerGeometry")
                .isEqualTo("MultiLineString");
        List<HistoryEntry> entries = history.history(road, stored.id());
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo(HistoryOperation.INSERT);
            assertThat(e.featureId()).isEqualTo(stored.id());
            assertThat(e.featureKey()).isEqualTo("I1");
            assertThat(e.version()).isEqualTo(1);
            assertThat(e.user()).isEqualTo(USER);
            assertThat(e.before()).isNull();
            assertThat(e.after()).isEqualTo(stored.feature());
        });
    }

    @Test
    void anUpdateRaisesTheVersionAndRecordsBeforeAndAfter() throws Exception {
        VersionedFeature v1 = writes.insert(road, road("U1", "旧名", 112.40), USER);

        WriteResult result = writes.update(road, v1.id(), 1, road("U1", "新名", 112.45), "planner2");

        VersionedFeature v2 = ((WriteResult.Written) result).feature();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.id()).isEqualTo(v1.id());
        assertThat(writes.find(road, v1.id())).contains(v2);
        assertThat(v2.feature().geometry().getCoordinates()[0].x).isEqualTo(112.45);
        List<HistoryEntry> entries = history.history(road, v1.id());
        assertThat(entries)
                .extracting(HistoryEntry::operation)
                .as("newest first")
                .containsExactly(HistoryOperation.UPDATE, HistoryOperation.INSERT);
        HistoryEntry update = entries.getFirst();
        assertThat(update.version()).isEqualTo(2);
        assertThat(update.user()).isEqualTo("planner2");
        assertThat(update.before()).isEqualTo(v1.feature());
        assertThat(update.after()).isEqualTo(v2.feature());
        assertThat(update.before().geometry().getCoordinates()[0].x).isEqualTo(112.40);
    }

    @Test
    void aStaleUpdateOrDeleteIsRefusedWithTheCurrentFeatureAndChangesNothing() throws Exception {
        VersionedFeature v1 = writes.insert(road, road("S1", "第一版", 112.40), USER);
        writes.update(road, v1.id(), 1, road("S1", "第二版", 112.40), "other");

        WriteResult update = writes.update(road, v1.id(), 1, road("S1", "覆盖", 112.50), USER);
        WriteResult delete = writes.delete(road, v1.id(), 1, USER);

        for (WriteResult r : List.of(update, delete)) {
            assertThat(r).isInstanceOfSatisfying(WriteResult.Stale.class, s -> {
                assertThat(s.current().version()).isEqualTo(2);
                assertThat(s.current().feature().getString("name")).isEqualTo("第二版");
            });
        }
        VersionedFeature now = writes.find(road, v1.id()).orElseThrow();
        assertThat(now.version()).isEqualTo(2);
        assertThat(now.feature().getString("name")).isEqualTo("第二版");
        assertThat(now.feature().geometry().getCoordinates()[0].x).isEqualTo(112.40);
        assertThat(history.history(road, v1.id())).hasSize(2);
    }

    @Test
    void writesToAMissingFeatureAreNotFoundAndRecordNothing() throws Exception {
        VersionedFeature gone = writes.insert(road, road("N1", "将删除", 112.40), USER);
        writes.delete(road, gone.id(), 1, USER);

        assertThat(writes.update(road, gone.id(), 1, road("N1", "复活", 112.40), USER))
                .isInstanceOf(WriteResult.NotFound.class);
        assertThat(writes.delete(road, gone.id(), 2, USER)).isInstanceOf(WriteResult.NotFound.class);
        assertThat(writes.find(road, gone.id())).isEmpty();
        assertThat(history.history(road, gone.id())).hasSize(2);
    }

    @Test
    void aDeleteRemovesTheFeatureAndRecordsItsBeforeValue() throws Exception {
        VersionedFeature v1 = writes.insert(road, road("D1", "待删路", 112.40), USER);

        WriteResult result = writes.delete(road, v1.id(), 1, "planner3");

        assertThat(result)
                .isInstanceOfSatisfying(
                        WriteResult.Written.class,
                        w -> assertThat(w.feature().version()).isEqualTo(2));
        assertThat(writes.find(road, v1.id())).isEmpty();
        assertThat(features.findByKey(road, "D1")).isEmpty();
        HistoryEntry delete = history.history(road, v1.id()).getFirst();
        assertThat(delete.operation()).isEqualTo(HistoryOperation.DELETE);
        assertThat(delete.featureKey()).isEqualTo("D1");
        assertThat(delete.version()).isEqualTo(2);
        assertThat(delete.user()).isEqualTo("planner3");
        assertThat(delete.before()).isEqualTo(v1.feature());
        assertThat(delete.after()).isNull();
    }

    @Test
    void everySingleFeatureWriteChangesTheLayersDataVersion() throws Exception {
        LayerDef stops = catalogue.get("road_inspection");
        Map<String, Object> attrs = new HashMap<>();
        attrs.put("road_code", "V1");
        attrs.put("inspected_on", LocalDate.of(2026, 1, 2));
        attrs.put("status", "open");
        long v0 = features.version(stops);

        VersionedFeature f = writes.insert(stops, new Feature(null, attrs, Map.of(), null), USER);
        long v1 = features.version(stops);
        Thread.sleep(5); // the update's timestamp must be later than the insert's
        attrs.put("status", "blocked");
        writes.update(stops, f.id(), 1, new Feature(null, attrs, Map.of(), null), USER);
        long v2 = features.version(stops);
        writes.delete(stops, f.id(), 2, USER);
        long v3 = features.version(stops);

        // Each write moves the version on from the one before (open maps compare it for change). Emptying a layer
        // again may give back its empty-layer version: the content is the same then.
        assertThat(v1).isNotEqualTo(v0);
        assertThat(v2).isNotEqualTo(v1);
        assertThat(v3).isNotEqualTo(v2);
    }

    @Test
    void existingKeysAnswersTheSubsetOfTheValuesThatAreStored() throws Exception {
        writes.insert(road, road("EK1", "甲路", 112.41), USER);
        writes.insert(road, road("EK2", "乙路", 112.42), USER);

        assertThat(features.existingKeys(road, "code", List.of("EK1", "EK2", "EK3", "EK1")))
                .containsExactlyInAnyOrder("EK1", "EK2");
        assertThat(features.existingKeys(road, "code", List.of("EK3"))).isEmpty();
        assertThat(features.existingKeys(road, "code", List.of())).isEmpty();
        assertThat(features.existingKeys(road, "code", List.of("EK1' OR '1'='1")))
                .as("values are bound, never spliced into the SQL")
                .isEmpty();
        assertThatThrownBy(() -> features.existingKeys(road, "no_such_field", List.of("EK1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forEachValueStreamsTheDistinctValuesOfAField() throws Exception {
        Feature a = onRoute(road("FV1", "甲路", 112.43), "X001430923");
        Feature b = onRoute(road("FV2", "甲路", 112.44), "X001430923");
        Feature c = onRoute(road("FV3", "乙路", 112.45), "Y002430923");
        writes.insert(road, a, USER);
        writes.insert(road, b, USER);
        writes.insert(road, c, USER);
        writes.insert(road, road("FV4", "丙路", 112.46), USER);

        List<String> routes = new ArrayList<>();
        features.forEachValue(road, "route_code", routes::add);

        // other tests of the class write roads too: these two routes, each once
        assertThat(routes)
                .contains("X001430923", "Y002430923")
                .doesNotHaveDuplicates()
                .doesNotContainNull();
        assertThatThrownBy(() -> features.forEachValue(road, "no_such_field", routes::add))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInsertWithAKeyThatIsThereFailsAndRecordsNothing() throws Exception {
        VersionedFeature first = writes.insert(road, road("K1", "原有", 112.40), USER);
        Instant after = history.history(road, first.id()).getFirst().at().toInstant();

        assertThatThrownBy(() -> writes.insert(road, road("K1", "重复", 112.40), USER))
                .isInstanceOfSatisfying(
                        StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.CONSTRAINT_VIOLATED));
        assertThat(history.since(road, after, 100))
                .noneMatch(e -> "K1".equals(e.featureKey()) && e.featureId() != first.id());
    }

    @Test
    void asOfGivesTheFeatureAsItWasAtEachEntryAndNothingBeforeOrAfterItExisted() throws Exception {
        VersionedFeature v1 = writes.insert(road, road("A1", "甲", 112.40), USER);
        Thread.sleep(5);
        writes.update(road, v1.id(), 1, road("A1", "乙", 112.42), USER);
        Thread.sleep(5);
        writes.delete(road, v1.id(), 2, USER);
        List<HistoryEntry> entries = history.history(road, v1.id()); // DELETE, UPDATE, INSERT
        Instant inserted = entries.get(2).at().toInstant();
        Instant updated = entries.get(1).at().toInstant();
        Instant deleted = entries.get(0).at().toInstant();

        assertThat(history.asOf(road, v1.id(), inserted.minusMillis(1))).isEmpty();
        assertThat(history.asOf(road, v1.id(), inserted)).contains(v1);
        VersionedFeature then = history.asOf(road, v1.id(), updated).orElseThrow();
        assertThat(then.version()).isEqualTo(2);
        assertThat(then.feature().getString("name")).isEqualTo("乙");
        assertThat(then.feature().geometry().getCoordinates()[0].x).isEqualTo(112.42);
        assertThat(history.asOf(road, v1.id(), deleted)).isEmpty();
        assertThat(history.asOf(road, v1.id(), deleted.plusSeconds(60))).isEmpty();
    }

    @Test
    void theHistoryKeepsEveryAttributeTypeDatesAndExtraAttributes() {
        LayerDef inspection = catalogue.get("road_inspection");
        Map<String, Object> attrs = new HashMap<>();
        attrs.put("road_code", "T1");
        attrs.put("inspected_on", LocalDate.of(2026, 3, 14));
        attrs.put("status", "blocked");
        attrs.put("cause", "塌方");
        Feature f = new Feature(null, attrs, Map.of("巡查员", "张三", "里程", 3.5), null);

        VersionedFeature stored = writes.insert(inspection, f, USER);

        Feature after = history.history(inspection, stored.id()).getFirst().after();
        assertThat(after).isEqualTo(stored.feature());
        assertThat(after.get("inspected_on")).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(after.extra()).containsEntry("巡查员", "张三");
        assertThat(history.history(inspection, stored.id()).getFirst().featureKey())
                .as("a layer without a key field")
                .isNull();
    }

    @Test
    void loadsInsertAtVersionOneAndAnUpsertRaisesTheVersionOfWhatItUpdates() throws Exception {
        LayerDef bus = road;
        features.load(
                bus,
                LoadMode.APPEND,
                List.of(road("L1", "一", 112.40), road("L2", "二", 112.40)).iterator());
        long l1 = features.findByKey(bus, "L1").orElseThrow().id();
        long l2 = features.findByKey(bus, "L2").orElseThrow().id();
        assertThat(writes.find(bus, l1).orElseThrow().version()).isEqualTo(1);

        features.load(
                bus,
                LoadMode.UPSERT,
                List.of(road("L1", "一改", 112.41), road("L3", "三", 112.40)).iterator());

        assertThat(writes.find(bus, l1).orElseThrow().version()).isEqualTo(2);
        assertThat(writes.find(bus, l2).orElseThrow().version())
                .as("not in the load")
                .isEqualTo(1);
        long l3 = features.findByKey(bus, "L3").orElseThrow().id();
        assertThat(writes.find(bus, l3).orElseThrow().version()).isEqualTo(1);
        assertThat(writes.update(bus, l1, 1, road("L1", "编辑", 112.40), USER))
                .as("an edit started before the import is stale")
                .isInstanceOf(WriteResult.Stale.class);
        assertThat(features.findByKey(bus, "L1").orElseThrow().getString("name"))
                .isEqualTo("一改");
    }

    @Test
    void everyLayerKeepsEveryAttributeTypeThroughWritesHistoryAndUpserts() throws Exception {
        for (LayerDef layer : catalogue.layers()) {
            if (layer.describes().isPresent()) {
                // Written whole by its analysis, one row per feature of the layer it describes (written above).
                String described = "E-" + layer.describes().get();
                Feature row = full(layer, described, "甲");
                features.load(layer, LoadMode.REPLACE, List.of(row).iterator());
                Map<String, Object> expected = new HashMap<>(row.attributes());
                if (!test.store().dialect().rowsTable(layer).equals(layer.table())) {
                    // rows kept apart show the described feature's own values of the fields they take from it
                    Feature feature = features.findByKey(
                                    catalogue.get(layer.describes().get()), described)
                            .orElseThrow();
                    layer.fields().stream()
                            .filter(FieldDef::fromDescribed)
                            .forEach(f -> expected.put(f.name(), feature.get(f.name())));
                }
                assertThat(features.findByKey(layer, described).orElseThrow().attributes())
                        .as(layer.id())
                        .isEqualTo(expected);
                continue;
            }
            Feature full = full(layer, "E-" + layer.id(), "甲");
            VersionedFeature stored = writes.insert(layer, full, USER);
            assertThat(stored.feature().attributes()).as(layer.id()).isEqualTo(full.attributes());
            assertThat(history.history(layer, stored.id()).getFirst().after())
                    .as(layer.id())
                    .isEqualTo(stored.feature());
            if (layer.keyField() != null) {
                features.load(
                        layer,
                        LoadMode.UPSERT,
                        List.of(full(layer, "E-" + layer.id(), "乙")).iterator());
                VersionedFeature upserted = writes.find(layer, stored.id()).orElseThrow();
                assertThat(upserted.version()).as(layer.id()).isEqualTo(2);
                assertThat(upserted.feature().attributes())
                        .as(layer.id())
                        .isEqualTo(full(layer, "E-" + layer.id(), "乙").attributes());
            }
        }
    }

    /** The summary entries of a layer since a time (other tests write single features into the same layers). */
    private List<HistoryEntry> summaries(LayerDef layer, Instant since) {
        return history.since(layer, since, 100).stream()
                .filter(e -> e.operation().isSummary())
                .toList();
    }

    /** A feature with a value for every field of the layer (text fields say {@code text}), and its geometry. */
    private static Feature full(LayerDef layer, String key, String text) throws Exception {
        Map<String, Object> attrs = new HashMap<>();
        for (FieldDef f : layer.fields()) {
            attrs.put(
                    f.name(),
                    switch (f.type()) {
                        case TEXT -> text;
                        case CODE -> f.codeList().codes().getLast().value();
                        case INTEGER -> 7;
                        case DECIMAL -> 1.25;
                        case BOOLEAN -> true;
                        case DATE -> LocalDate.of(2024, 2, 29);
                    });
        }
        if (layer.keyField() != null) {
            attrs.put(layer.keyField(), key);
        }
        String wkt = switch (layer.geometry()) {
            case POINT -> "POINT (112.4 28.5)";
            case MULTILINESTRING -> "LINESTRING (112.4 28.5, 112.41 28.51)";
            case MULTIPOLYGON -> "POLYGON ((112.4 28.5, 112.41 28.5, 112.41 28.51, 112.4 28.5))";
            case NONE -> null;
        };
        return new Feature(null, attrs, Map.of("备注", text), wkt == null ? null : new WKTReader().read(wkt));
    }

    @Test
    void aReplaceLoadStartsEveryFeatureAtVersionOne() throws Exception {
        LayerDef county = catalogue.get("county");
        Geometry square = new WKTReader().read("POLYGON ((112 28, 112.1 28, 112.1 28.1, 112 28.1, 112 28))");
        features.load(
                county,
                LoadMode.REPLACE,
                List.of(Feature.of(Map.of("code", "430902", "name", "资阳区"), square))
                        .iterator());
        long id = features.findByKey(county, "430902").orElseThrow().id();

        assertThat(writes.find(county, id).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void summaryEntriesAreRecordedWithTheirDetailsAndListedWithTheLayer() {
        LayerDef village = catalogue.get("village");
        Instant before = Instant.now().minusSeconds(5);

        HistoryEntry entry = history.recordSummary(
                village,
                HistoryOperation.IMPORT,
                "importer",
                Map.of("jobId", "job-42", "mode", "UPSERT", "imported", 3, "on", LocalDate.of(2026, 5, 1)));

        assertThat(entry.featureId()).isNull();
        assertThat(entry.version()).isNull();
        assertThat(entry.details())
                .containsEntry("jobId", "job-42")
                .containsEntry("mode", "UPSERT")
                .containsEntry("imported", 3)
                .containsEntry("on", "2026-05-01");
        assertThat(history.since(village, before, 10)).contains(entry);
        assertThat(history.since(village, entry.at().toInstant().plusSeconds(60), 10))
                .isEmpty();
        assertThatThrownBy(() -> history.recordSummary(village, HistoryOperation.UPDATE, "x", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLoadRecordsItsSummaryInItsOwnTransaction() throws Exception {
        LayerDef works = catalogue.get("water_work");
        Instant before = Instant.now().minusSeconds(5);
        long[] streamed = {0};
        Iterator<Feature> rows = List.of(waterWork("W1"), waterWork("W2")).stream()
                .peek(f -> streamed[0]++)
                .iterator();

        long written = features.load(
                works,
                LoadMode.APPEND,
                rows,
                new LoadSummary(HistoryOperation.IMPORT, "importer", () -> Map.of("jobId", "j1", "read", streamed[0])));

        assertThat(written).isEqualTo(2);
        assertThat(summaries(works, before)).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo(HistoryOperation.IMPORT);
            assertThat(e.user()).isEqualTo("importer");
            assertThat(e.details())
                    .as("details asked for after the rows streamed")
                    .containsEntry("jobId", "j1")
                    .containsEntry("read", 2)
                    .containsEntry("mode", "APPEND")
                    .containsEntry("written", 2);
        });

        Iterator<Feature> broken = List.of(waterWork("W3"), waterWork(null)).iterator(); // a required key missing
        assertThatThrownBy(() -> features.load(
                        works, LoadMode.APPEND, broken, LoadSummary.of(HistoryOperation.IMPORT, "importer", Map.of())))
                .isInstanceOf(StoreException.class);
        assertThat(summaries(works, before)).as("a failed load records nothing").hasSize(1);
        assertThat(features.findByKey(works, "W3")).isEmpty();
    }

    @Test
    void migratingAVersionSixDatabaseKeepsItsRowsAtVersionOne() throws Exception {
        try (TestStore old = TestStores.createAt(kind(), "6")) {
            try (Connection c = old.store().dataSource().getConnection();
                    Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO road (code, name, admin_class, geom) VALUES ('M1', '老路', 'village', "
                        + "ST_GeomFromText('MULTILINESTRING ((112.4 29.36, 112.41 29.37))', 4490))");
            }

            old.store().migrate();

            JdbcFeatureWriteRepository migrated = new JdbcFeatureWriteRepository(old.store());
            long id = new JdbcFeatureRepository(old.store())
                    .findByKey(road, "M1")
                    .orElseThrow()
                    .id();
            VersionedFeature m1 = migrated.find(road, id).orElseThrow();
            assertThat(m1.version()).isEqualTo(1);
            assertThat(m1.feature().getString("name")).isEqualTo("老路");
            assertThat(migrated.update(road, id, 1, road("M1", "老路改", 112.40), USER))
                    .isInstanceOf(WriteResult.Written.class);
            assertThat(new JdbcFeatureHistoryRepository(old.store()).history(road, id))
                    .hasSize(1);
        }
    }

    private Feature waterWork(String code) {
        Map<String, Object> attrs = new HashMap<>();
        attrs.put("code", code);
        attrs.put("name", "水厂" + code);
        for (FieldDef f : catalogue.get("water_work").fields()) {
            if (f.required() && !attrs.containsKey(f.name())) {
                attrs.put(
                        f.name(),
                        f.type() == FieldType.CODE
                                ? f.codeList().codes().getFirst().value()
                                : "430902");
            }
        }
        return Feature.of(attrs, LayerGeometry.FACTORY.createPoint(new Coordinate(112.4, 28.5)));
    }

    private static Feature onRoute(Feature f, String route) {
        Map<String, Object> attrs = new HashMap<>(f.attributes());
        attrs.put("route_code", route);
        return new Feature(null, attrs, f.extra(), f.geometry());
    }

    private static Feature road(String code, String name, double x) throws Exception {
        Map<String, Object> attrs = new HashMap<>();
        attrs.put("code", code);
        attrs.put("name", name);
        attrs.put("admin_class", "village");
        attrs.put("surface", "cement");
        attrs.put("width", 4.5);
        attrs.put("hardened", true);
        return new Feature(
                null,
                attrs,
                Map.of("来源", "巡查"),
                new WKTReader().read("LINESTRING (" + x + " 29.36, " + (x + 0.01) + " 29.37)"));
    }
}
