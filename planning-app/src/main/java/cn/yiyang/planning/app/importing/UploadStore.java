package cn.yiyang.planning.app.importing;

import cn.yiyang.planning.importer.source.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folders uploads are kept in while their import may still be confirmed:
 * {@code ${planning.data-dir}/uploads/<uuid>/}, one per import (or per upload on the import page),
 * each file under a safe name made from the client's (never its path).
 */
public final class UploadStore {

    private static final Logger log = LoggerFactory.getLogger(UploadStore.class);
    private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N}._\\-()（） ]");
    private static final int MAX_NAME = 100;

    private final Path root;
    private final long maxBytes;

    /**
     * @param root     the uploads folder (created when missing)
     * @param maxBytes the most one upload (all its files together) may hold
     */
    public UploadStore(Path root, long maxBytes) {
        this.root = root.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the uploads folder " + this.root, e);
        }
    }

    /** The uploads folder (only the API tests read it: to check it never shows in an answer, and is emptied). */
    public Path root() {
        return root;
    }

    /** The most one upload may hold, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** A new, empty upload in a folder of its own. */
    public UploadBatch newBatch() {
        try {
            return new UploadBatch(
                    this, Files.createDirectory(root.resolve(UUID.randomUUID().toString())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create an upload folder", e);
        }
    }

    /**
     * The file-name part of a name a client sent, safe to store: folders ({@code /} and {@code \}), control
     * characters and leading dots dropped, other unusual characters replaced by {@code _}, at most 100
     * characters with the extension kept; {@code upload} when nothing is left.
     */
    public static String safeName(String clientName) {
        String n = clientName == null ? "" : clientName;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = UNSAFE.matcher(n.replaceAll("\\p{Cntrl}", "")).replaceAll("_").strip();
        while (n.startsWith(".")) {
            n = n.substring(1);
        }
        if (n.isEmpty() || n.chars().allMatch(c -> c == '_' || c == ' ')) {
            return "upload";
        }
        if (n.length() > MAX_NAME) {
            int dot = n.lastIndexOf('.');
            String ext = dot > 0 && n.length() - dot <= 10 ? n.substring(dot) : "";
            n = n.substring(0, MAX_NAME - ext.length()) + ext;
        }
        return n;
    }

    /**
     * Deletes the upload folders that {@code keep} does not keep and that were last changed before
     * {@code olderThan} ago.
     *
     * @return how many were deleted
     */
    public int sweep(Predicate<Path> keep, Duration olderThan) {
        Instant before = Instant.now().minus(olderThan);
        int n = 0;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path folder : folders) {
                if (!keep.test(folder)
                        && Files.getLastModifiedTime(folder).toInstant().isBefore(before)) {
                    delete(folder);
                    n++;
                }
            }
        } catch (IOException e) {
            log.warn("could not sweep the uploads folder {}", root, e);
        }
        return n;
    }

    /** Deletes an upload folder and its files (best effort; only folders inside the uploads folder). */
    public void delete(Path folder) {
        Path f = Objects.requireNonNull(folder).toAbsolutePath().normalize();
        if (!f.startsWith(root) || f.equals(root) || !Files.exists(f)) {
            return;
        }
        try {
            FileTrees.delete(f);
        } catch (IOException e) {
            log.warn("could not delete the upload folder {}", f, e);
        }
    }
}
