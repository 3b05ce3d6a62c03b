package cn.yiyang.planning.layers.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.planning.layers.testsupport.TestStores;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A failing migration is said to be one, not a missing PostGIS, although its script lies in db/migration/postgis. */
class PostgisMigrationFailureIT {

    @Test
    void aMigrationThatFailsIsAMigrationFailureNotAMissingExtension() throws Exception {
        try (TestStores.PostgisDatabase db = TestStores.newPostgisDatabase("")) {
            try (Connection c = DriverManager.getConnection(db.url());
                    Statement st = c.createStatement()) {
                st.execute("CREATE TABLE county (something text)"); // in the way of V1's county table
            }
            try (SpatialStore store = SpatialStore.open(new StoreSettings(db.url(), null, null))) {
                assertThatThrownBy(store::migrate)
                        .isInstanceOf(StoreException.class)
                        .hasMessage("the schema migration failed")
                        .extracting(e -> ((StoreException) e).reason())
                        .isEqualTo(StoreException.Reason.MIGRATION_FAILED);
            }
        }
    }
}
