package cn.yiyang.planning.importer.job;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.store.SpatialStore;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/** A PostGIS load killed half-way: the server rolls the killed client's transaction back. */
class PostgisKillHalfwayIT extends KillHalfwayContract {

    private TestStore test;

    @Override
    SpatialStore openStore() {
        if (test == null) {
            test = TestStores.postgis();
        }
        return test.store();
    }

    @Override
    void releaseStore(SpatialStore store) {
        // PostGIS serves both processes at once
    }

    @Override
    List<String> childConnection() {
        return List.of(test.jdbcUrl(), "-", "-");
    }

    /**
     * The child's COPY into the road table (a replace loads road__replace) is running: the kill lands
     * inside the load's transaction.
     */
    @Override
    void assertLoadUnderWay() throws Exception {
        String db = test.jdbcUrl().replaceAll(".*/([^/?]+)(\\?.*)?$", "$1");
        try (Connection c = test.store().dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + db
                        + "' AND query LIKE 'COPY road%' AND state = 'active'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("a COPY into road in progress").isEqualTo(1);
        }
    }

    @Override
    void dropStore() throws Exception {
        if (test != null) {
            test.close();
        }
    }
}
