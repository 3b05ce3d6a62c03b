package cn.yiyang.planning.layers.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.planning.layers.testsupport.TestStores;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A failing migration is said to be one, not a missing PostGIS, although its script lies in db/migration/postgis. */
class PostgisMigrationFailureIT {

    @Test
    void aMigrationThatFailsIsAMigrationFailureNotAMissingExtension() throws Exception {
        String admin = TestStores.adminUrl();
        String db = "planning_it_migfail_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection c = DriverManager.getConnection(admin);
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + db);
        }
        String url = TestStores.withDatabase(admin, db);
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE county (something text)"); // in the way of V1's county table
        }
        try (SpatialStore store = SpatialStore.open(new StoreSettings(url, null, null))) {
            assertThatThrownBy(store::migrate)
                    .isInstanceOf(StoreException.class)
                    .hasMessage("the schema migration failed")
                    .extracting(e -> ((StoreException) e).reason())
                    .isEqualTo(StoreException.Reason.MIGRATION_FAILED);
        } finally {
            try (Connection c = DriverManager.getConnection(admin);
                    Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        }
    }
}
