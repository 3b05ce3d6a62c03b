package cn.yiyang.planning.layers.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded H2GIS file from growing without end. H2 writes changed pages to new space and
 * reuses freed space only in part: replacing large layers over and over (the road-access results,
 * re-imports) left the full demo city's file at 1.44 GB after 16 runs while its data needed 176 MB
 * ({@code SHUTDOWN COMPACT}, 4.8 s). So when a store is opened and when it is closed, a file larger
 * than {@link #MIN_FILE_BYTES} whose live pages fill less than {@link #MIN_FILL_PERCENT} of it is
 * compacted with H2's {@code SHUTDOWN COMPACT}. Closing the app takes that much longer (3-5 s for the full
 * demo city); a file that is not sparse costs one more open of the database, well under a second.
 */
final class EmbeddedCompaction {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedCompaction.class);

    /** Smaller files are left alone: compacting them gains little. */
    static final long MIN_FILE_BYTES = 64L << 20;
    /** Compact when the live pages fill less than this share of the file. */
    static final int MIN_FILL_PERCENT = 50;

    /** The file's size and the share of it that live pages fill, as H2 reports them. */
    record Fill(long fileBytes, int fillPercent) {
        boolean sparse(long minFileBytes, int minFillPercent) {
            return fileBytes > minFileBytes && fillPercent < minFillPercent;
        }
    }

    private EmbeddedCompaction() {}

    /**
     * H2's own figures for the database of this connection. The live share is the share of the file in chunks
     * ({@code info.FILL_RATE}) times the live share of the chunks ({@code info.CHUNKS_FILL_RATE}): since the open
     * store frees dead chunks as it writes ({@link EmbeddedReclaim}), the file is mostly chunks, and what is not
     * live is inside them (20 road-access runs: 75 % of the file in chunks, 60 % of those live).
     */
    static Fill fill(Connection c) throws SQLException {
        long size = -1;
        int inChunks = 100;
        int live = 100;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                        + " WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.FILL_RATE', 'info.CHUNKS_FILL_RATE')")) {
            while (rs.next()) {
                String value = rs.getString(2).trim();
                switch (rs.getString(1)) {
                    case "info.FILE_SIZE" -> size = Long.parseLong(value);
                    case "info.FILL_RATE" -> inChunks = Integer.parseInt(value);
                    default -> live = Integer.parseInt(value);
                }
            }
        } catch (NumberFormatException e) {
            return new Fill(-1, 100); // figures this H2 does not give as numbers: nothing to decide on
        }
        return new Fill(size, inChunks * live / 100);
    }

    /**
     * Compacts the database of the settings when it is sparse, on a connection of its own (no pool may
     * hold the database open: {@code SHUTDOWN} closes every session).
     *
     * @return whether it compacted
     */
    static boolean compactIfSparse(StoreSettings settings) {
        return compactIfSparse(settings, MIN_FILE_BYTES, MIN_FILL_PERCENT);
    }

    /** As {@link #compactIfSparse(StoreSettings)}, with these thresholds. */
    static boolean compactIfSparse(StoreSettings settings, long minFileBytes, int minFillPercent) {
        Objects.requireNonNull(settings, "settings");
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
            return compactIfSparse(c, minFileBytes, minFillPercent);
        } catch (SQLException e) {
            // Not fatal: the store opens as it is, and the next open or close tries again.
            log.warn("The embedded store could not be checked for compaction: {}", e.getMessage());
            return false;
        }
    }

    /** Compacts the connection's database when it is sparse; the database is closed afterwards if so. */
    private static boolean compactIfSparse(Connection c, long minFileBytes, int minFillPercent) throws SQLException {
        Fill before = fill(c);
        if (!before.sparse(minFileBytes, minFillPercent)) {
            return false;
        }
        long t = System.nanoTime();
        try (Statement st = c.createStatement()) {
            st.execute("SHUTDOWN COMPACT");
        }
        log.info(
                "Compacted the embedded store: {} MB, {} % live, in {} ms",
                before.fileBytes() >> 20, before.fillPercent(), (System.nanoTime() - t) / 1_000_000);
        return true;
    }
}
