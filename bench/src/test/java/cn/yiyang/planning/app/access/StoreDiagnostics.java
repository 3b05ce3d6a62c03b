package cn.yiyang.planning.app.access;

import cn.yiyang.planning.layers.store.SpatialStore;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.Chunk;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

/**
 * What H2's MVStore says about an open embedded store, to see where its file goes (issue 14): the chunks by kind
 * (dead: no live page, waiting for the retention time; partly live), and the maps whose pages live in partly live
 * chunks. The second reads H2's private chunk fields by reflection: a measuring aid for this harness only.
 */
final class StoreDiagnostics {

    private StoreDiagnostics() {}

    /** One line: H2's file and chunk figures, the chunks by kind, the largest maps in partly live chunks. */
    static String describe(SpatialStore store) {
        return store.withConnection(c -> {
            SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
            MVStore mv = session.getDatabase().getStore().getMvStore();
            Map<String, String> info = new TreeMap<>();
            mv.populateInfo(info::put);
            return String.format(
                    Locale.ROOT,
                    "file %d MB, %s %% of it in chunks, %s %% of the chunks live; chunks: %s; live in partly live"
                            + " chunks: %s",
                    Long.parseLong(info.get("info.FILE_SIZE")) >> 20,
                    info.get("info.FILL_RATE"),
                    info.get("info.CHUNKS_FILL_RATE"),
                    chunks(mv),
                    liveByMap(mv, names(session)));
        });
    }

    /** The chunks by kind (from the layout map): dead, pinned (live pages of single-writer maps), others; MB. */
    static String chunks(MVStore mv) {
        long[] dead = new long[2];
        long[] pinned = new long[3];
        long[] other = new long[3];
        for (Map.Entry<String, String> e : mv.getLayoutMap().entrySet()) {
            if (!e.getKey().startsWith("chunk.")) {
                continue;
            }
            Map<String, String> c = DataUtils.parseMap(e.getValue());
            long len = Long.parseLong(c.get("len"), 16) * 4096;
            long pages = Long.parseLong(c.get("pages"), 16);
            long live = c.containsKey("livePages") ? Long.parseLong(c.get("livePages"), 16) : pages;
            long max = Long.parseLong(c.get("max"), 16);
            long liveMax = c.containsKey("liveMax") ? Long.parseLong(c.get("liveMax"), 16) : max;
            int pin = c.containsKey("pinCount") ? Integer.parseInt(c.get("pinCount"), 16) : 0;
            long[] kind = live == 0 ? dead : pin > 0 ? pinned : other;
            kind[0]++;
            kind[1] += len;
            if (kind != dead) {
                kind[2] += liveMax;
            }
        }
        return String.format(
                Locale.ROOT,
                "dead %d (%d MB), pinned %d (%d MB, live %d MB), others %d (%d MB, live %d MB)",
                dead[0],
                dead[1] >> 20,
                pinned[0],
                pinned[1] >> 20,
                pinned[2] >> 20,
                other[0],
                other[1] >> 20,
                other[2] >> 20);
    }

    /** Live pages (count / MB by H2's page length codes) in chunks that are partly live, largest first. */
    static String liveByMap(MVStore mv, Map<Integer, String> names) {
        try {
            FileStore<?> fs = mv.getFileStore();
            var chunksField = FileStore.class.getDeclaredField("chunks");
            chunksField.setAccessible(true);
            Map<?, ?> chunks = (Map<?, ?>) chunksField.get(fs);
            var toc = FileStore.class.getDeclaredMethod("getToC", Chunk.class);
            toc.setAccessible(true);
            var occ = Chunk.class.getDeclaredField("occupancy");
            occ.setAccessible(true);
            var pc = Chunk.class.getDeclaredField("pageCount");
            pc.setAccessible(true);
            var pcl = Chunk.class.getDeclaredField("pageCountLive");
            pcl.setAccessible(true);
            Map<String, long[]> byMap = new TreeMap<>();
            for (Object chunk : chunks.values()) {
                int pages = (int) pc.get(chunk);
                int live = (int) pcl.get(chunk);
                long[] t = live == pages || live == 0 ? null : (long[]) toc.invoke(fs, chunk);
                BitSet dead = (BitSet) occ.get(chunk);
                for (int i = 0; t != null && i < pages; i++) {
                    if (!dead.get(i)) {
                        String name = mv.getMapName(DataUtils.getPageMapId(t[i]));
                        if (name != null && name.matches("(table|index)\\.\\d+")) {
                            name = names.get(Integer.parseInt(name.substring(name.indexOf('.') + 1)));
                        }
                        long[] a = byMap.computeIfAbsent(String.valueOf(name), k -> new long[2]);
                        a[0]++;
                        a[1] += DataUtils.getPageMaxLength(t[i]);
                    }
                }
            }
            StringBuilder sb = new StringBuilder();
            byMap.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                    .limit(6)
                    .forEach(e -> sb.append(e.getKey())
                            .append(' ')
                            .append(e.getValue()[0])
                            .append('/')
                            .append(e.getValue()[1] >> 20)
                            .append(" MB "));
            return sb.toString().strip();
        } catch (ReflectiveOperationException e) {
            return e.toString();
        }
    }

    private static Map<Integer, String> names(SessionLocal session) {
        Map<Integer, String> names = new HashMap<>();
        for (var schema : session.getDatabase().getAllSchemasNoMeta()) {
            schema.getAllTablesAndViews(session).forEach(t -> names.put(t.getId(), t.getName()));
            schema.getAllIndexes().forEach(i -> names.put(i.getId(), i.getName()));
        }
        return names;
    }
}
