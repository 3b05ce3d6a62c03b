package cn.yiyang.planning.importer.validate;

import java.util.Arrays;

/**
 * A compact set of text keys, each with the row it was first seen in: 64-bit fingerprints in open
 * addressing, about 24 bytes per key instead of ~100 for a {@code HashMap<String, Long>}. A million
 * keys take ~25 MB. Two different keys share a fingerprint with probability ~n²/2⁶⁵ (3·10⁻⁸ for a
 * million keys): a collision would report a false duplicate, never hide a real one.
 *
 * <p>Not thread-safe.
 */
public final class KeyIndex {

    private static final long EMPTY = 0L;
    private static final int NO_ROW = -1;

    private long[] fingerprints;
    private int[] rows;
    private int size;

    public KeyIndex() {
        this(1024);
    }

    public KeyIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        fingerprints = new long[capacity];
        rows = new int[capacity];
    }

    /**
     * Adds {@code key} first seen in {@code row} unless it is there.
     *
     * @return the row it was first seen in when it was there already (0 when it was added without a row), else -1
     */
    public long putIfAbsent(String key, long row) {
        long fp = fingerprint(key);
        int mask = fingerprints.length - 1;
        int i = (int) (fp ^ (fp >>> 32)) & mask;
        while (fingerprints[i] != EMPTY) {
            if (fingerprints[i] == fp) {
                return rows[i] == NO_ROW ? 0 : rows[i];
            }
            i = (i + 1) & mask;
        }
        fingerprints[i] = fp;
        rows[i] = row < 0 ? NO_ROW : (int) Math.min(row, Integer.MAX_VALUE);
        if (++size * 2 > fingerprints.length) {
            grow();
        }
        return -1;
    }

    /** Adds a key without a row (a key already stored in a layer). */
    public void add(String key) {
        putIfAbsent(key, NO_ROW);
    }

    public boolean contains(String key) {
        long fp = fingerprint(key);
        int mask = fingerprints.length - 1;
        int i = (int) (fp ^ (fp >>> 32)) & mask;
        while (fingerprints[i] != EMPTY) {
            if (fingerprints[i] == fp) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    public int size() {
        return size;
    }

    private void grow() {
        long[] oldFp = fingerprints;
        int[] oldRows = rows;
        fingerprints = new long[oldFp.length * 2];
        rows = new int[oldFp.length * 2];
        Arrays.fill(rows, NO_ROW);
        int mask = fingerprints.length - 1;
        for (int j = 0; j < oldFp.length; j++) {
            long fp = oldFp[j];
            if (fp != EMPTY) {
                int i = (int) (fp ^ (fp >>> 32)) & mask;
                while (fingerprints[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                fingerprints[i] = fp;
                rows[i] = oldRows[j];
            }
        }
    }

    /** FNV-1a over the UTF-16 chars, then MurmurHash3's finaliser; never 0. */
    static long fingerprint(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == EMPTY ? 1 : h;
    }
}
