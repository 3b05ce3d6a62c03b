package cn.yiyang.planning.importer.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The SHA-256 of an upload: of the file, or of a shapefile's parts read one after the other in the
 * order given. Streams; memory does not depend on the size.
 *
 * @param sha256 hex, lower case
 * @param size   total bytes
 */
record FileHash(String sha256, long size) {

    /**
     * Starts hashing the files on a thread of its own (an import opens its source meanwhile, which reads the same
     * files and does not change them).
     */
    static Pending inBackground(List<Path> files) {
        CompletableFuture<FileHash> result = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("import-hash").start(() -> {
            try {
                result.complete(of(files));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return new Pending(result);
    }

    /** A hash being computed. */
    static final class Pending {
        private final CompletableFuture<FileHash> result;

        private Pending(CompletableFuture<FileHash> result) {
            this.result = result;
        }

        /**
         * Waits for the hash.
         *
         * @throws RuntimeException what {@link FileHash#of} threw, as it threw it
         */
        FileHash get() {
            try {
                return result.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }

    static FileHash of(List<Path> files) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        long size = 0;
        byte[] buf = new byte[1 << 16];
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    digest.update(buf, 0, n);
                    size += n;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new FileHash(HexFormat.of().formatHex(digest.digest()), size);
    }
}
