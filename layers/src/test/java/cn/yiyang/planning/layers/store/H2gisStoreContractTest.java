package cn.yiyang.planning.layers.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.planning.layers.catalogue.LayerCatalogue;
import cn.yiyang.planning.layers.catalogue.LayerDef;
import cn.yiyang.planning.layers.catalogue.LayerGeometry;
import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.LoadMode;
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
                    List.of(Feature.of(Map.of("code", "H1", "village_code", "430921100201"), point))
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
                    List.of(Feature.of(Map.of("code", "H1", "population", 4), point))
                            .iterator());
            assertThat(repo.findByKey(unserved, "H1").orElseThrow().get("population"))
                    .as("and the next run replaces the rows again")
                    .isEqualTo(4);
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
