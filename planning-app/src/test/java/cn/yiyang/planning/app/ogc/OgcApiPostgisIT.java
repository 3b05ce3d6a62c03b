package cn.yiyang.planning.app.ogc;

import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** OGC API – Features on PostGIS: the expected boxes and transforms are PostGIS's own. */
class OgcApiPostgisIT extends OgcApiContract {

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
