package cn.yiyang.planning.app.exporting;

import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Export round trips on PostGIS. */
class ExportRoundTripPostgisIT extends ExportRoundTripContract {

    private static TestStore db;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry r) {
        db = TestStores.postgis();
        r.add("planning.db.url", db::jdbcUrl);
    }

    @AfterAll
    static void drop() throws Exception {
        db.close();
    }
}
