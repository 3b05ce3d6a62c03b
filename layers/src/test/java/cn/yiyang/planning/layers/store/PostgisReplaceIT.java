package cn.yiyang.planning.layers.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.locationtech.jts.geom.Coordinate;

/**
 * How PostGIS replaces a layer ({@link PostgisReplace}): the filled table committed under a private name, its indexes
 * built on several connections, the swap in one transaction, statistics after it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgisReplaceIT {

    private final LayerDef household = LayerCatalogue.standard().get("household");
    private TestStore test;
    private JdbcFeatureRepository repo;

    @BeforeAll
    void open() {
        test = TestStores.create(StoreKind.POSTGIS);
        repo = new JdbcFeatureRepository(test.store());
    }

    @AfterAll
    void close() throws Exception {
        test.close();
    }

    @Test
    void theNewTableHasTheLayersPrimaryKeyIndexesSequenceAndGeneratedColumns() throws Exception {
        Map<String, String> before = indexes("household");
        repo.load(household, LoadMode.REPLACE, houses("A", 2000).iterator());
        repo.load(household, LoadMode.REPLACE, houses("B", 3000).iterator());
        assertThat(indexes("household"))
                .as("built before the swap, there when the replace returns")
                .containsKeys("household_pkey", "household_code_key", "household_geom_gist");
        test.store().awaitAfterLoadWork();

        assertThat(indexes("household")).isEqualTo(before).containsKeys("household_pkey", "household_code_key");
        assertThat(one("SELECT conname FROM pg_constraint WHERE contype = 'p' AND conrelid = 'household'::regclass"))
                .isEqualTo("household_pkey");
        assertThat(one("SELECT pg_get_serial_sequence('household', 'id')")).isEqualTo("public.household_id_seq");
        assertThat(one("SELECT count(*) FROM household WHERE geom_3857 IS NULL OR thin_cell IS NULL"))
                .isEqualTo("0");
        assertThat(one("SELECT count(*) FROM pg_class WHERE relname LIKE 'household\\_\\_%'"))
                .as("nothing of the private table is left")
                .isEqualTo("0");
        // the identity goes on from the loaded rows: an appended feature gets the next id
        repo.load(household, LoadMode.APPEND, houses("C", 1).iterator());
        assertThat(one("SELECT id FROM household WHERE code = 'C0'")).isEqualTo("3001");
        assertThat(repo.summary(household).featureCount()).isEqualTo(3001);
    }

    @Test
    void aDuplicateKeyRefusedByTheUniqueIndexLeavesTheOldRowsAndNoPrivateTable() throws Exception {
        repo.load(household, LoadMode.REPLACE, houses("D", 500).iterator());
        List<Feature> duplicate = new ArrayList<>(houses("E", 400));
        duplicate.add(duplicate.get(17));

        assertThatThrownBy(() -> repo.load(household, LoadMode.REPLACE, duplicate.iterator()))
                .isInstanceOf(StoreException.class)
                .extracting(e -> ((StoreException) e).reason())
                .isEqualTo(StoreException.Reason.CONSTRAINT_VIOLATED);
        assertThat(repo.summary(household).featureCount()).isEqualTo(500);
        assertThat(repo.findByKey(household, "D499")).isPresent();
        assertThat(one("SELECT to_regclass('household__replace') IS NULL")).isEqualTo("t");
        assertThat(repo.load(household, LoadMode.REPLACE, houses("F", 10).iterator()))
                .isEqualTo(10);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void replacesOfOneLayerAtOnceTakeTurnsAndEachSwapsInWhole() throws Exception {
        List<Set<String>> sets = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Long>> loads = new ArrayList<>();
            for (String prefix : List.of("P", "Q", "R", "S")) {
                List<Feature> rows = houses(prefix, 4000);
                sets.add(codes(rows));
                loads.add(pool.submit(() -> repo.load(household, LoadMode.REPLACE, rows.iterator())));
            }
            for (Future<Long> load : loads) {
                assertThat(load.get()).isEqualTo(4000);
            }
        }
        Set<String> held = new TreeSet<>();
        repo.forEach(household, (Feature f) -> held.add(f.getString("code")));
        assertThat(sets).contains(held);
    }

    @Test
    void aPrivateTableLeftByAKilledProcessIsDroppedAtTheNextStartUnlessAReplaceHoldsIt() throws Exception {
        LayerDef village = LayerCatalogue.standard().get("village");
        execute("CREATE TABLE village__replace (LIKE village INCLUDING ALL)");
        try (Connection holder = test.store().dataSource().getConnection();
                Statement st = holder.createStatement()) {
            st.execute("SELECT pg_advisory_lock(hashtext('layer replace village'))");
            test.store().migrate();
            assertThat(one("SELECT to_regclass('village__replace') IS NOT NULL"))
                    .as("another process's replace is still filling it")
                    .isEqualTo("t");
            st.execute("SELECT pg_advisory_unlock(hashtext('layer replace village'))");
        }
        test.store().migrate();
        assertThat(one("SELECT to_regclass('village__replace') IS NULL")).isEqualTo("t");
        assertThat(repo.summary(village).featureCount()).isZero();
    }

    @Test
    void theConnectionsOfAReplaceGoBackToThePoolWithSynchronousCommitOn() throws Exception {
        repo.load(household, LoadMode.REPLACE, houses("L", 700).iterator());
        test.store().awaitAfterLoadWork();
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) { // at once, so that the pool hands out the index builders' connections too
                held.add(test.store().dataSource().getConnection());
            }
            for (Connection c : held) {
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SHOW synchronous_commit")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("on");
                }
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }

    @Test
    void theIndexesBuiltAfterTheSwapAreRecordedInItsTransactionAndTheRecordIsClearedOnceBuilt() throws Exception {
        Map<String, String> before = indexes("household");
        repo.load(household, LoadMode.REPLACE, houses("G", 1000).iterator());
        test.store().awaitAfterLoadWork();

        assertThat(indexes("household")).isEqualTo(before);
        assertThat(one("SELECT count(*) FROM layer_index_pending")).isEqualTo("0");
        assertThat(PostgisLaterIndexes.beforeSwap(before.get("household_code_key")))
                .isTrue();
        assertThat(PostgisLaterIndexes.beforeSwap(before.get("household_geom_gist")))
                .isTrue();
        assertThat(before.entrySet().stream()
                        .filter(e -> !e.getKey().equals("household_pkey"))
                        .filter(e -> !PostgisLaterIndexes.beforeSwap(e.getValue()))
                        .map(Map.Entry::getKey)
                        .sorted()
                        .toList())
                .as("built after the swap")
                .containsExactly(
                        "household_geom_3857_gist",
                        "household_natural_village_code_idx",
                        "household_updated_at_idx",
                        "household_village_code_idx");
    }

    @Test
    void anIndexAStoppedProcessRecordedButDidNotBuildIsBuiltAtTheNextStartUnlessAReplaceHoldsTheLayer()
            throws Exception {
        repo.load(household, LoadMode.REPLACE, houses("H", 800).iterator());
        test.store().awaitAfterLoadWork();
        Map<String, String> before = indexes("household");
        leaveUnbuilt("household_village_code_idx", before.get("household_village_code_idx"));
        try (Connection holder = test.store().dataSource().getConnection();
                Statement st = holder.createStatement()) {
            st.execute("SELECT pg_advisory_lock(hashtext('layer replace household'))");
            test.store().migrate();
            assertThat(indexes("household")).doesNotContainKey("household_village_code_idx");
            st.execute("SELECT pg_advisory_unlock(hashtext('layer replace household'))");
        }

        test.store().migrate();

        assertThat(indexes("household")).isEqualTo(before);
        assertThat(one("SELECT count(*) FROM layer_index_pending")).isEqualTo("0");
    }

    @Test
    void theNextReplaceBuildsAnIndexThatWasRecordedButNotBuilt() throws Exception {
        repo.load(household, LoadMode.REPLACE, houses("J", 800).iterator());
        test.store().awaitAfterLoadWork();
        Map<String, String> before = indexes("household");
        leaveUnbuilt("household_updated_at_idx", before.get("household_updated_at_idx"));

        repo.load(household, LoadMode.REPLACE, houses("K", 900).iterator());
        test.store().awaitAfterLoadWork();

        assertThat(indexes("household")).isEqualTo(before);
        assertThat(one("SELECT count(*) FROM layer_index_pending")).isEqualTo("0");
        assertThat(repo.summary(household).featureCount()).isEqualTo(900);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void theColumnsStatisticsAreGatheredAfterTheSwapWithoutTheJsonColumn() throws Exception {
        repo.load(household, LoadMode.REPLACE, houses("T", 1500).iterator());
        String gathered = "SELECT count(*) FROM pg_stats WHERE tablename = 'household' AND attname = 'code'";
        while (one(gathered).equals("0")) {
            Thread.sleep(50);
        }
        assertThat(one("SELECT count(*) FROM pg_stats WHERE tablename = 'household' AND attname = 'extra'"))
                .isEqualTo("0");
        assertThat(one("SELECT count(*) FROM pg_stats WHERE tablename = 'household' AND attname = 'geom'"))
                .isEqualTo("1");
    }

    private static List<Feature> houses(String prefix, int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> Feature.of(
                        Map.of("code", prefix + i, "village_code", "430921100201", "population", 1 + i % 6),
                        LayerGeometry.FACTORY.createPoint(
                                new Coordinate(112.0 + (i % 100) * 0.001, 28.5 + (i / 100) * 0.001))))
                .toList();
    }

    private static Set<String> codes(List<Feature> rows) {
        Set<String> codes = new TreeSet<>();
        rows.forEach(f -> codes.add(f.getString("code")));
        return codes;
    }

    private Map<String, String> indexes(String table) throws SQLException {
        Map<String, String> indexes = new TreeMap<>();
        try (Connection c = test.store().dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = '" + table + "'")) {
            while (rs.next()) {
                indexes.put(rs.getString(1), rs.getString(2));
            }
        }
        return indexes;
    }

    private String one(String sql) throws SQLException {
        try (Connection c = test.store().dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** As a process stopped after a swap leaves an index: recorded, not built. */
    private void leaveUnbuilt(String index, String definition) throws SQLException {
        execute("DROP INDEX " + index);
        execute("INSERT INTO layer_index_pending (table_name, index_name, definition) VALUES ('household', '" + index
                + "', '" + definition + "')");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = test.store().dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
