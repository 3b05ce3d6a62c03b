package cn.yiyang.planning.app.layer;

import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The catalogue API on PostGIS (a new database, migrated by the app itself on start), with the
 * credentials given apart from the URL as PLANNING_DB_USER and PLANNING_DB_PASSWORD would.
 */
class LayerApiPostgisIT extends LayerApiContract {

    private static TestStore db;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry r) {
        db = TestStores.postgis();
        URI query = URI.create(db.jdbcUrl().substring("jdbc:".length()));
        Map<String, String> params = new HashMap<>();
        for (String kv : query.getQuery().split("&")) {
            String[] p = kv.split("=", 2);
            params.put(p[0], p[1]);
        }
        r.add("planning.db.url", () -> db.jdbcUrl().substring(0, db.jdbcUrl().indexOf('?')));
        r.add("planning.db.user", () -> params.get("user"));
        r.add("planning.db.password", () -> params.get("password"));
    }

    @AfterAll
    static void drop() throws Exception {
        db.close();
    }
}
