package cn.yiyang.planning.layers.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the space of replaced data back to an open embedded store as it writes, rather than 45 s later.
 *
 * <p>H2's MVStore writes every change to new space (a chunk) and frees a chunk whose pages have all been replaced
 * only once the chunk is older than its retention time (45 s): the time a file system is assumed to need to put
 * earlier writes on disk, so that a crash never leaves the newest chunks pointing into space already overwritten.
 * A road-access run on the full demo city writes about 150 MB (its result layers replaced, its indicators) in
 * 7-12 s, so back-to-back runs kept the garbage of the last four to six runs and more, and the file grew by about
 * 150 MB a run (bench/RESULTS.md, issue 14: 2,477 MB after 20 runs, 1.2 GB of it dead chunks; 1,606 MB with this
 * class, the rest mostly the indicator rows every run keeps and chunks they leave partly live).
 *
 * <p>After a store has written {@link #WRITES_BETWEEN} more chunks, this commits, forces the file to disk and frees
 * the dead chunks at once. Every page they held has been replaced by a chunk that is now on disk, which is what the
 * retention time waits for; H2's own compaction overwrites chunks the same way after a sync. It runs under the
 * store's lock, so no chunk dies between the sync and the freeing. Crash safety is not lowered: the retention time
 * stays as it was for every other chunk.
 */
final class EmbeddedReclaim {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedReclaim.class);

    /**
     * Chunks written between two reclaims. H2 writes a chunk when its unsaved changes pass its buffer (about 2 MB
     * during a bulk write), and the store writes one after each call that wrote ({@code SpatialStore.afterWork}: a
     * few kB for an edit): a reclaim after about 30 MB of bulk writes, or one sync every 16 edits.
     */
    static final long WRITES_BETWEEN = 16;

    private final AtomicLong lastWrites = new AtomicLong();

    /** After a commit on an open, writable store: reclaims when it has written enough since the last time. */
    void afterCommit(MVStore mv) {
        long writes = mv.getFileStore().getWriteCount();
        long last = lastWrites.get();
        if (writes - last >= WRITES_BETWEEN && lastWrites.compareAndSet(last, writes)) {
            reclaim(mv);
        }
    }

    /** Writes what is pending, syncs the file and frees the chunks that hold no live page. */
    static void reclaim(MVStore mv) {
        long t = System.nanoTime();
        long size = mv.getFileStore().size();
        mv.commit();
        // Under the store lock, with the writes queued so far done: no chunk is written or dies meanwhile.
        mv.executeFilestoreOperation(() -> {
            FileStore<?> file = mv.getFileStore();
            file.sync();
            int retention = file.getRetentionTime();
            file.setRetentionTime(0);
            try {
                file.dropUnusedChunks();
            } finally {
                file.setRetentionTime(retention);
            }
        });
        log.debug(
                "Freed replaced data of the embedded store in {} ms ({} MB, {} % of it in chunks)",
                (System.nanoTime() - t) / 1_000_000, size >> 20, mv.getFillRate());
    }

    /** The MVStore of an embedded file database behind {@code c}, or null (a server or in-memory database). */
    static MVStore mvStore(Connection c) throws SQLException {
        if (!c.isWrapperFor(JdbcConnection.class)
                || !(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        MVStore mv = session.getDatabase().getStore().getMvStore();
        return mv.getFileStore() == null ? null : mv;
    }
}
