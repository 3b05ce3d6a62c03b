package cn.yiyang.planning.app.security;

import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** County scoping and household-level data over HTTP on PostGIS. */
class CountyScopePostgisIT extends CountyScopeContract {

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
