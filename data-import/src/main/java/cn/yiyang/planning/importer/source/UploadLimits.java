package cn.yiyang.planning.importer.source;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Limits that keep an upload from exhausting the server: its size, and for a zip what it may unpack to.
 *
 * @param maxUploadBytes      the largest upload accepted, per file and for several files together
 * @param maxUnpackedBytes    the most a zip may unpack to, counted while unpacking (the entries' declared
 *                            sizes are not trusted)
 * @param maxEntries          the most entries a zip may hold
 * @param maxCompressionRatio the highest unpacked/packed ratio a zip entry may have (its declared size, or
 *                            what it has unpacked so far if more, over its packed size), judged once it has
 *                            unpacked more than {@link #RATIO_CHECK_BYTES}; real data compresses far less than
 *                            a zip bomb's runs of zeros (deflate cannot exceed about 1030:1)
 */
public record UploadLimits(long maxUploadBytes, long maxUnpackedBytes, int maxEntries, int maxCompressionRatio) {

    /** 512 MB uploads, 2 GB unpacked, 10,000 entries, ratio 500. */
    public static final UploadLimits DEFAULT = new UploadLimits(512L << 20, 2L << 30, 10_000, 500);

    /** An entry is judged by its compression ratio only after it has unpacked this many bytes (16 MB). */
    public static final long RATIO_CHECK_BYTES = 16L << 20;

    /**
     * @throws IllegalArgumentException if a limit is not positive
     */
    public UploadLimits {
        if (maxUploadBytes <= 0 || maxUnpackedBytes <= 0 || maxEntries <= 0 || maxCompressionRatio <= 0) {
            throw new IllegalArgumentException("upload limits must be positive: " + maxUploadBytes + ", "
                    + maxUnpackedBytes + ", " + maxEntries + ", " + maxCompressionRatio);
        }
    }

    /** @return bytes as megabytes with one decimal, as the issue messages show sizes (e.g. {@code "512.0"}) */
    static String megabytes(long bytes) {
        return BigDecimal.valueOf(bytes)
                .divide(BigDecimal.valueOf(1L << 20), 1, RoundingMode.HALF_UP)
                .toPlainString();
    }
}
