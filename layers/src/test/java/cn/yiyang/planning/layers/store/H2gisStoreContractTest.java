package cn.yiyang.planning.layers.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.FeatureQuery;
import cn.yiyang.planning.layers.feature.LoadMode;
import cn.yiyang.planning.layers.feature.StagedLoad;
import cn.yiyang.planning.layers.testsupport.TestStores;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** The store contract on the embedded H2GIS store, and what only the embedded store does. */
class H2gisStoreContractTest extends StoreContract {
    @Override
    StoreKind kind() {
        return StoreKind.H2GIS;
    }

    /**
     * The embedded store writes a staged replace of a describing layer at once, apart from the layer's rows; a replace
     * between the stage and the commit takes the staged rows' place, and the commit then fails, changing nothing.
     */
    @Test
    void aStagedReplaceIsWrittenApartAtOnceAndItsCommitFailsCleanlyWhenTheLayerWasReplacedMeanwhile() throws Exception {
        LayerCatalogue catalogue = LayerCatalogue.standard();
        LayerDef household = catalogue.get("household");
        LayerDef unserved = catalogue.get("sewage_household");
        try (var test = TestStores.create(StoreKind.H2GIS)) {
            var repo = new JdbcFeatureRepository(test.store());
            var point = LayerGeometry.FACTORY.createPoint(new Coordinate(112.35, 28.55));
            repo.load(
                    household,
                    LoadMode.REPLACE,
                    List.of(Feature.of(Map.of("code", "H1", "village_code", "430921100201"), point))
                            .iterator());
            StagedLoad staged = repo.stage(
                    unserved, List.of(Feature.of(Map.of("code", "H1", "township_code", "430921100"), point)));
            try (Connection c = test.store().dataSource().getConnection();
                    Statement st = c.createStatement();
                    var rs = st.executeQuery("SELECT COUNT(*) FROM sewage_household__fresh")) {
                rs.next();
                assertThat(rs.getLong(1)).as("written at the stage").isEqualTo(1);
            }
            repo.load(
                    unserved,
                    LoadMode.REPLACE,
                    List.of(Feature.of(Map.of("code", "H1", "township_code", "430921101"), point))
                            .iterator());
            assertThatThrownBy(() -> staged.commit(null)).isInstanceOf(IllegalStateException.class);
            assertThat(repo.findByKey(unserved, "H1").orElseThrow().get("township_code"))
                    .isEqualTo("430921101");
        }
    }

    /**
     * V29: a store whose describing rows copied the household's village, natural village and members keeps its
     * rows' own values; the view now shows the household's, and the rows' village index is gone.
     */
    @Test
    void migratingToV29KeepsTheRowsAndTakesTheCopiedFieldsFromTheFeatures() throws Exception {
        LayerCatalogue catalogue = LayerCatalogue.standard();
        try (var old = TestStores.createAt(StoreKind.H2GIS, "28")) {
            try (Connection c = old.store().dataSource().getConnection();
                    Statement st = c.createStatement()) {
                st.execute("INSERT INTO household (code, village_code, natural_village_code, population, geom) VALUES "
                        + "('H1', '430921101202', '4309211012020001', 5, ST_GeomFromText('POINT(112.3 28.5)', 4490))");
                st.execute("INSERT INTO road (code, name, admin_class, geom) VALUES ('R1', '新路', 'village', "
                        + "ST_GeomFromText('MULTILINESTRING((112.3 28.5, 112.31 28.5))', 4490))");
                st.execute("INSERT INTO access_household__rows (code, village_code, natural_village_code, population,"
                        + " distance_m, network_distance_m, run_id) VALUES"
                        + " ('H1', '430921101201', NULL, 4, 120.5, 300.25, 'r1')");
                st.execute(
                        "INSERT INTO access_road__rows (code, name, status, run_id) VALUES ('R1', '旧名', 'network', 'r1')");
            }

            old.store().migrate();

            var repo = new JdbcFeatureRepository(old.store());
            Feature h1 = repo.findByKey(catalogue.get("access_household"), "H1").orElseThrow();
            assertThat(h1.attributes())
                    .containsEntry("village_code", "430921101202")
                    .containsEntry("natural_village_code", "4309211012020001")
                    .containsEntry("distance_m", 120.5)
                    .containsEntry("network_distance_m", 300.25)
                    .containsEntry("run_id", "r1");
            assertThat(((Number) h1.get("population")).intValue()).isEqualTo(5);
            Feature r1 = repo.findByKey(catalogue.get("access_road"), "R1").orElseThrow();
            assertThat(r1.attributes()).containsEntry("name", "新路").containsEntry("status", "network");
            for (String layer : List.of("water_household", "sewage_household")) {
                assertThat(repo.page(catalogue.get(layer), FeatureQuery.first(1)))
                        .as(layer)
                        .isEmpty();
            }
            try (Connection c = old.store().dataSource().getConnection();
                    Statement st = c.createStatement();
                    var rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES"
                            + " WHERE INDEX_NAME LIKE '%\\_\\_ROWS\\_VILLAGE\\_CODE\\_IDX' ESCAPE '\\'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("the rows' village indexes").isZero();
            }
        }
    }

    /**
     * A describing layer's rows are swapped in by a few DDL statements, each committed on its own: a process killed
     * between them leaves fresh rows without their name, or rows without the view; the next start completes the swap.
     */
    @Test
    void aSwapOfADescribingLayerThatAKilledProcessLeftHalfDoneIsCompletedAtTheNextStart() throws Exception {
        LayerCatalogue catalogue = LayerCatalogue.standard();
        LayerDef household = catalogue.get("household");
        LayerDef unserved = catalogue.get("sewage_household");
        try (var test = TestStores.create(StoreKind.H2GIS)) {
            var repo = new JdbcFeatureRepository(test.store());
            var point = LayerGeometry.FACTORY.createPoint(new Coordinate(112.35, 28.55));
            repo.load(
                    household,
                    LoadMode.REPLACE,
                    List.of(Feature.of(Map.of("code", "H1", "village_code", "430921100201", "population", 3), point))
                            .iterator());
            repo.load(
                    unserved,
                    LoadMode.REPLACE,
                    List.of(Feature.of(Map.of("code", "H1", "population", 3), point))
                            .iterator());
            Dialect dialect = test.store().dialect();
            try (Connection c = test.store().dataSource().getConnection();
                    Statement st = c.createStatement()) {
                // killed after the view and the old rows were dropped, before the rename
                st.execute("DROP VIEW sewage_household");
                st.execute("ALTER TABLE sewage_household__rows RENAME TO sewage_household__fresh");
                st.execute("ALTER INDEX sewage_household__rows_code_key RENAME TO sewage_household__fresh_code_key");
                dialect.repairAfterInterruptedLoads(c, catalogue.layers());
            }
            assertThat(repo.findByKey(unserved, "H1").orElseThrow().get("population"))
                    .isEqualTo(3);
            try (Connection c = test.store().dataSource().getConnection();
                    Statement st = c.createStatement()) {
                // killed after the rename, before the view
                st.execute("DROP VIEW sewage_household");
                dialect.repairAfterInterruptedLoads(c, catalogue.layers());
            }
            assertThat(repo.findByKey(unserved, "H1").orElseThrow().geometry()).isEqualTo(point);
            repo.load(
                    unserved,
                    LoadMode.REPLACE,
                    List.of(Feature.of(Map.of("code", "H1", "township_code", "430921100"), point))
                            .iterator());
            assertThat(repo.findByKey(unserved, "H1").orElseThrow().get("township_code"))
                    .as("and the next run replaces the rows again")
                    .isEqualTo("430921100");
        }
    }

    /**
     * A large result is read lazily, row by row (H2 would otherwise copy it whole into a temporary result before the
     * first row), and the pooled session is left as it was: not lazy, in auto-commit, also after a failed read.
     */
    @Test
    void aStreamedResultIsReadLazilyAndTheSessionIsLeftAsItWas() throws Exception {
        try (var test = TestStores.create(StoreKind.H2GIS)) {
            SpatialStore store = test.store();
            List<Boolean> lazy = new ArrayList<>();
            long[] sum = {0};
            store.stream("SELECT X FROM SYSTEM_RANGE(1, 50000)", ps -> {}, 1_000, rs -> {
                if (lazy.isEmpty()) {
                    lazy.add(session(rs.getStatement().getConnection()).isLazyQueryExecution());
                }
                sum[0] += rs.getLong(1);
            });
            assertThat(lazy).containsExactly(true);
            assertThat(sum[0]).isEqualTo(50_000L * 50_001 / 2);
            assertThat((boolean) store.withConnection(c -> session(c).isLazyQueryExecution() || !c.getAutoCommit()))
                    .isFalse();

            assertThatThrownBy(() -> store.stream("SELECT X FROM SYSTEM_RANGE(1, 50000)", ps -> {}, 1_000, rs -> {
                        throw new IllegalStateException("the reader failed");
                    }))
                    .hasMessage("the reader failed");
            assertThat((boolean) store.withConnection(c -> session(c).isLazyQueryExecution() || !c.getAutoCommit()))
                    .isFalse();
        }
    }

    private static SessionLocal session(Connection c) throws SQLException {
        return (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
    }
}
