package cn.yiyang.planning.layers.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store's file is compacted when replaced data have left it mostly empty, and only then. */
class EmbeddedCompactionTest {

    @TempDir
    Path dir;

    /** Writes rows of about 2 kB into table t, replacing what was there, {@code times} times. */
    private static void churn(SpatialStore store, int rows, int times) {
        store.withConnection(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS t (id INT PRIMARY KEY, payload VARCHAR)");
            }
            for (int round = 0; round < times; round++) {
                try (Statement st = c.createStatement()) {
                    st.execute("DELETE FROM t");
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                    for (int i = 0; i < rows; i++) {
                        ps.setInt(1, i);
                        // Random text does not compress: each row takes its 2 kB in the file.
                        ps.setString(
                                2,
                                Long.toHexString(Double.doubleToLongBits(Math.random()))
                                        .repeat(128));
                        ps.addBatch();
                        if (i % 500 == 499) {
                            ps.executeBatch();
                        }
                    }
                    ps.executeBatch();
                }
            }
            return null;
        });
    }

    private static long rows(SpatialStore store) {
        return store.withConnection(c -> {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM t")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static EmbeddedCompaction.Fill fill(StoreSettings settings) throws Exception {
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
            return EmbeddedCompaction.fill(c);
        }
    }

    @Test
    void aStoreLeftLargeAndSparseByAnotherProcessIsCompactedWhenOpened() throws Exception {
        StoreSettings settings = StoreSettings.embedded(dir.resolve("store").toString());
        Path file = dir.resolve("store.mv.db");
        // Written over without SpatialStore (which would compact when closed), closed by H2 alone.
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(settings.jdbcUrl());
        h2.setUser(settings.user());
        h2.setPassword(settings.password());
        SpatialStore plain = SpatialStore.of(h2, StoreKind.H2GIS);
        churn(plain, 12_000, 4);
        EmbeddedCompaction.Fill before = fill(settings);
        assertThat(before.sparse(EmbeddedCompaction.MIN_FILE_BYTES, EmbeddedCompaction.MIN_FILL_PERCENT))
                .as("%,d bytes, %d %% live", before.fileBytes(), before.fillPercent())
                .isTrue();

        try (SpatialStore store = SpatialStore.open(settings)) {
            assertThat(Files.size(file)).as("compacted when opened").isLessThan(before.fileBytes() / 2);
            assertThat(rows(store)).isEqualTo(12_000);
        }
    }

    @Test
    void aStoreThatLeavesItsFileLargeAndSparseCompactsItWhenClosed() throws Exception {
        StoreSettings settings = StoreSettings.embedded(dir.resolve("large").toString());
        Path file = dir.resolve("large.mv.db");
        long open;
        try (SpatialStore store = SpatialStore.open(settings)) {
            churn(store, 12_000, 4); // about 24 MB of rows written 4 times over
            open = Files.size(file);
        }
        assertThat(open).isGreaterThan(EmbeddedCompaction.MIN_FILE_BYTES);
        assertThat(Files.size(file)).as("compacted when closed").isLessThan(open / 2);
        try (SpatialStore store = SpatialStore.open(settings)) {
            assertThat(rows(store)).isEqualTo(12_000);
        }
    }

    @Test
    void aFullOrSmallFileIsLeftAlone() throws Exception {
        StoreSettings settings = StoreSettings.embedded(dir.resolve("small").toString());
        try (SpatialStore store = SpatialStore.open(settings)) {
            churn(store, 500, 1);
        }
        assertThat(EmbeddedCompaction.compactIfSparse(settings))
                .as("under 64 MB")
                .isFalse();
        assertThat(EmbeddedCompaction.compactIfSparse(settings, 0, 1))
                .as("fuller than 1 %")
                .isFalse();
    }
}
